//! Whether a query is clearly about a child, so the app can say that twitchcheck
//! is for adults. It changes nothing in the ranking or the urgency: it only picks
//! a message.
//!
//! A query is about a child when it gives an age under [`ADULT_AGE`] ("my 7 year
//! old", "7-year-old", "aged 7", "7yo"), or, with no age given, names a child
//! ("my son", "our daughter", "the baby", "toddler", "kid"). An age of 16 or more
//! wins over a word ("my son, 30 years old" is an adult).

/// The age from which the tool's adult advice applies.
pub const ADULT_AGE: u32 = 16;

/// Words that name a child whatever comes before them.
const CHILD_WORDS: &[&str] = &[
    "child",
    "children",
    "childs",
    "kid",
    "kids",
    "kiddo",
    "baby",
    "babies",
    "babys",
    "toddler",
    "toddlers",
    "infant",
    "infants",
    "newborn",
    "newborns",
    "preschooler",
    "schoolboy",
    "schoolgirl",
];

/// Words that name a child after "my", "our", "his", "her", "their" or "little".
const FAMILY_WORDS: &[&str] = &[
    "son",
    "sons",
    "daughter",
    "daughters",
    "boy",
    "girl",
    "grandson",
    "granddaughter",
    "stepson",
    "stepdaughter",
];

const OWNERS: &[&str] = &[
    "my", "our", "his", "her", "their", "little", "young", "teenage",
];

fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    const WORDS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    WORDS.iter().position(|w| *w == word).map(|n| n as u32)
}

/// Lowercase words, with "7yo" and "7-year-old" split into their parts.
fn words(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in query
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
    {
        let raw = raw.trim_matches('\'').replace("'s", "");
        // "7yo", "7yrs", "7months": digits then letters.
        let digits: String = raw.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() && digits.len() < raw.len() {
            out.push(digits.clone());
            out.push(raw[digits.len()..].to_string());
        } else {
            out.push(raw);
        }
    }
    out
}

/// The age in years the query states, if any: "7 year old", "7 years old",
/// "7-year-old", "7yo", "7 y o", "aged 7", "age 7", "8 months old" (0).
pub fn stated_age(query: &str) -> Option<u32> {
    let w = words(query);
    for (i, word) in w.iter().enumerate() {
        let next = w.get(i + 1).map(String::as_str);
        let after = w.get(i + 2).map(String::as_str);
        if matches!(word.as_str(), "aged" | "age") {
            if let Some(n) = next.and_then(number) {
                return Some(n);
            }
        }
        let Some(n) = number(word) else { continue };
        match (next, after) {
            (Some("year" | "years" | "yr" | "yrs"), Some("old" | "olds")) => return Some(n),
            (Some("yo" | "yro" | "yrold"), _) => return Some(n),
            (Some("y"), Some("o")) => return Some(n),
            (Some("month" | "months" | "week" | "weeks" | "day" | "days"), Some("old")) => {
                return Some(0)
            }
            _ => {}
        }
    }
    None
}

/// True when the query is clearly about a child (under [`ADULT_AGE`]).
pub fn mentions_child(query: &str) -> bool {
    if let Some(age) = stated_age(query) {
        return age < ADULT_AGE;
    }
    let w = words(query);
    w.iter().enumerate().any(|(i, word)| {
        CHILD_WORDS.contains(&word.as_str())
            || (FAMILY_WORDS.contains(&word.as_str())
                && i > 0
                && OWNERS.contains(&w[i - 1].as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_are_recognized() {
        for q in [
            "my son has calf cramps at night",
            "My daughter's eyelid keeps twitching",
            "toddler with leg spasms",
            "our kid gets cramps after football",
            "baby's arm twitching",
            "7 year old with twitching",
            "my 7-year-old has cramps",
            "twitching in a 10yo",
            "aged 12, cramps in the calf",
            "8 months old and jerking",
            "my little boy's legs cramp",
        ] {
            assert!(mentions_child(q), "{q}");
        }
    }

    #[test]
    fn adults_and_other_words_are_not() {
        for q in [
            "calf cramps at night",
            "my son is 30 years old and has cramps",
            "I am 45 years old with eyelid twitching",
            "twitching for 7 years",
            "cramps since the season started",
            "the boy scouts hike gave me cramps",
            "my 35 year old daughter has twitching",
        ] {
            assert!(!mentions_child(q), "{q}");
        }
    }
}
