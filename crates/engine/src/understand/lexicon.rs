//! Every closed word list the understanding stages use, behind one lookup.
//!
//! A stage asks [`is`] whether a word belongs to a [`Class`], or asks for a
//! word's value ([`number`], [`time_unit_days`], [`irregular_base`]). Adding a
//! class (a ConText trigger list, a concept's word list) means adding a variant
//! and its list here; no stage keeps a word list of its own.
//!
//! The lists hold words as the tokenizer leaves them (lower-cased, apostrophes
//! dropped). A word of [`Class::Dropped`] never reaches a later stage, so no other
//! list repeats one (a test checks this).

use std::sync::OnceLock;

/// A closed class of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Dropped before matching, on both sides: articles, possessives and forms of
    /// "to be" carry no meaning for a phrase, and dropping them lets `closes eye`
    /// match "closes my eye" and `face drooping` match "my face is drooping".
    Dropped,
    /// Dropped words that mark a new statement: possessives and forms of "to be"
    /// ("and my lips are blue"), not articles.
    Cue,
    /// End a clause (and with it a negation's reach), like punctuation does.
    ClauseBreak,
    /// Function words: never reported as unrecognized, never typo-corrected.
    Stopword,
    /// Negate the mentions right after them.
    Negation,
    /// Words a negation reaches across to the next mention: "no sign of weakness",
    /// "haven't had any numbness or tingling", "not really weak". Any other word ends it.
    NegationBridge,
    /// Before a bare unit of time, mean "one of it" ("for a month": articles are
    /// dropped, so the text is "for month").
    OneUnitLead,
    /// May stand between a number and its unit of time ("couple of weeks").
    DurationFiller,
    /// After a number and unit, make it an age or a pregnancy ("82 year old", "28
    /// weeks pregnant"), not a duration.
    AgeAfter,
    /// Before a number and unit, make it an age ("I'm 68 years", "aged 70").
    AgeBefore,
    /// May stand between "since" and a month ("since mid-January").
    SincePrefix,
    /// Refer back to a symptom said before: "it's been going on for 3 weeks".
    Anaphor,
    /// Say when or how often, not what: "every day", "at night". A finding said in
    /// them does not own a duration ("twitched every day since January").
    Timing,
    /// The writer speaking of themself: a sentence with these is about the writer.
    FirstPerson,
    /// Someone else: "she", "my wife", "my dad". A sentence with these (and no
    /// first-person word) is about another person.
    OtherPerson,
    /// Say that the person before them has or takes what follows: "my dad has MS",
    /// "my wife is on a statin" ("is" dropped), "my brother was diagnosed with".
    Having,
    /// Say that the writer shares what is said with someone else: "we both",
    /// "my son and I both", so a sign said after them may be the other's too.
    Joint,
    /// Say that someone is cared for or has arrived, not what ails them: "since
    /// the baby came", "up all night feeding my 3 month old".
    CareWord,
    /// Say that something began: a duration followed by "ago" is how long a
    /// symptom has lasted only with one of these ("started 3 weeks ago"), not in
    /// "had a DVT five years ago".
    Onset,
    LastLead,
    Resolved,
    DoVerb,
    VerbFollower,
    /// Start a sentence that goes on about the one before: "She's had diarrhoea
    /// since yesterday", "Since then my legs won't keep still".
    Continuation,
    /// Verbs and adjectives made from a body part's name, kept unstemmed so they
    /// never read as the body part: "necked 4 cans", "headed to work", "left
    /// handed", "backed the car" (the stemmer makes them "neck", "head"...).
    BodyVerb,
}

#[rustfmt::skip]
const BODY_VERBS: &[&str] = &[
    "necked", "necking", "headed", "heading", "handed", "backed", "backing", "footed",
    "elbowed", "shouldered", "kneed", "thumbed", "fingered", "eyed", "eyeing",
];

#[rustfmt::skip]
const DROPPED: &[&str] = &[
    "a", "an", "the", "my", "your", "his", "her", "their", "our", "some", "any", "its", "is",
    "are", "am", "was", "were", "be", "been", "being",
];

#[rustfmt::skip]
const CUES: &[&str] = &[
    "my", "your", "his", "her", "their", "our", "its", "is", "are", "am", "was", "were", "be",
    "been", "being",
];

const CLAUSE_BREAKS: &[&str] = &[
    "but", "however", "although", "though", "except", "yet", "whereas", "while",
];

#[rustfmt::skip]
const NEGATIONS: &[&str] = &[
    "no", "not", "without", "never", "dont", "doesnt", "didnt", "havent", "hasnt", "hadnt",
    "isnt", "arent", "wasnt", "werent", "nor", "neither", "none", "deny", "denies", "free",
    "lack", "lacking", "absent", "nothing", "wont", "cannot",
];

#[rustfmt::skip]
const NEGATION_BRIDGES: &[&str] = &[
    "other", "real", "really", "sign", "signs", "of", "or", "nor", "and", "in", "on",
    "at", "feel", "feels", "feeling", "felt", "have", "has", "had", "having", "get",
    "gets", "getting", "got", "experience", "experienced", "experiencing", "much", "obvious",
    "noticeable", "history", "symptom", "symptoms", "issue", "issues", "problem", "problems",
    "with", "to", "do", "does", "did", "very", "too", "also", "either", "all", "like", "kind",
    "type", "noticed", "notice", "apparent", "true", "actual", "both", "whatsoever", "that",
    "significant", "major", "new", "drink", "drinks", "drank", "eat", "eats", "ate", "take",
    "takes", "took", "use", "uses", "used", "consume", "consumes", "longer",
];

#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "i", "im", "ive", "id", "ill", "me", "myself", "you", "he", "she", "it", "we",
    "they", "them", "this", "that", "these", "those", "there", "here", "and", "or", "but", "so",
    "if", "then", "than", "with", "after", "before", "since", "during", "from", "of", "in",
    "on", "at", "to", "for", "by", "about", "into", "over", "under", "up", "down", "out", "off",
    "have", "has", "had", "having",
    "do", "does", "did", "doing", "get", "gets", "got", "getting", "keep", "keeps", "kept",
    "very", "really", "quite", "too", "also", "just", "still", "again", "when", "what",
    "which", "who", "how", "why", "where", "all", "lot", "lots", "much", "many", "more", "most",
    "can", "could", "would", "should", "will", "may", "might", "must", "feel", "feels",
    "feeling", "felt", "like", "seem", "seems", "sometimes", "often", "always", "now", "lately",
    "recently", "today", "yesterday", "day", "days", "week", "weeks", "month", "months", "year",
    "years", "time", "times", "bit", "little", "kind", "sort", "thing", "things", "other",
    "another", "every", "each", "both", "either", "own", "same", "such", "only", "even",
    "while", "because", "as", "until", "one", "two", "three", "muscle",
    "muscles", "left", "right", "side", "sides", "area", "help", "please", "hi",
    "hello", "thanks", "ok", "okay", "symptom", "symptoms", "wondering",
];

const ONE_UNIT_LEADS: &[&str] = &[
    "for", "over", "past", "last", "than", "about", "almost", "nearly", "around", "whole", "entire",
];

const DURATION_FILLERS: &[&str] = &["of", "more", "whole", "full"];

#[rustfmt::skip]
const AGE_AFTER: &[&str] = &[
    "old", "olds", "pregnant", "gone", "postpartum", "gestation", "along", "into", "post",
];

#[rustfmt::skip]
const AGE_BEFORE: &[&str] = &[
    "i", "im", "he", "hes", "she", "shes", "aged", "age", "turned", "turning", "whos",
];

const SINCE_PREFIXES: &[&str] = &["mid", "early", "late", "end"];

#[rustfmt::skip]
const ANAPHORS: &[&str] = &[
    "it", "this", "that", "they", "them", "these", "those", "ongoing", "going", "started",
    "began", "begun", "lasted", "lasting", "happening",
];

#[rustfmt::skip]
const TIMING: &[&str] = &[
    "day", "daily", "night", "nightly", "nights", "morning", "mornings", "evening",
    "evenings", "every", "always", "constantly", "often", "week", "weekly",
];

const FIRST_PERSON: &[&str] = &["i", "im", "ive", "id", "ill", "me", "myself", "mine"];

#[rustfmt::skip]
const OTHER_PERSON: &[&str] = &[
    "he", "hes", "she", "shes", "him", "himself", "herself", "hed", "shed", "hell", "shell",
    "wife", "husband", "partner", "mum", "mom", "mother", "mam", "dad", "father", "son",
    "daughter", "brother", "sister", "friend", "boyfriend", "girlfriend", "fiance", "fiancee",
    "grandma", "grandmother", "gran", "granny", "nan", "nana", "grandad", "granddad",
    "grandpa", "grandfather", "aunt", "auntie", "uncle", "cousin", "niece", "nephew",
    "colleague", "flatmate", "roommate", "neighbour", "neighbor", "patient", "client",
    "kid", "child", "baby", "toddler", "teenager", "stepdad", "stepmum", "stepmom",
    "hubby", "missus", "spouse", "stepson", "stepdaughter", "grandson", "granddaughter",
];

/// See [`Class::Having`].
#[rustfmt::skip]
const HAVING: &[&str] = &[
    "has", "had", "have", "takes", "took", "taking", "on", "got", "gets", "suffers",
    "suffered", "diagnosed", "uses", "using", "prescribed", "started",
];

/// See [`Class::Joint`].
const JOINT: &[&str] = &["we", "us", "both", "together"];

/// See [`Class::CareWord`].
#[rustfmt::skip]
const CARE_WORDS: &[&str] = &[
    "came", "arrived", "born", "arrival", "feeds", "feeding", "fed", "asleep", "sleeps",
    "naps", "school", "nursery",
];

/// Words before "last" that make "last month" a duration ("for the last month").
const LAST_LEADS: &[&str] = &[
    "for",
    "over",
    "past",
    "during",
    "in",
    "within",
    "throughout",
    "whole",
    "entire",
    "all",
];

/// Words saying a symptom has gone ("went away after 2 months").
const RESOLVED: &[&str] = &[
    "away",
    "cleared",
    "settled",
    "resolved",
    "disappeared",
    "stopped",
];

/// Verbs whose "this" or "it" is an activity: "been doing this for years".
const DO_VERBS: &[&str] = &["do", "doing", "done", "did", "does"];

/// Words that may follow an onset verb that refers back ("it started about 3
/// weeks ago"); any other word is the verb's own object ("started 5x5").
const VERB_FOLLOWERS: &[&str] = &[
    "about", "around", "roughly", "like", "maybe", "again", "on", "in", "at", "over", "almost",
    "nearly", "just", "up", "off", "properly", "probably", "only", "last", "since", "back", "when",
    "after", "before", "recently", "suddenly", "randomly",
];

#[rustfmt::skip]
const ONSETS: &[&str] = &[
    "started", "start", "starting", "began", "begun", "begin", "noticed", "first", "since",
    "onset", "kicked", "came", "appeared", "developed", "until", "till", "ongoing", "ever",
    "still", "going",
];

#[rustfmt::skip]
const CONTINUATIONS: &[&str] = &[
    "she", "shes", "he", "hes", "it", "they", "theyre", "since", "then", "also", "and",
    "plus", "this", "that", "which", "still", "same", "now", "today", "tonight", "later",
    "afterwards",
];

/// The words of a class.
pub fn words(class: Class) -> &'static [&'static str] {
    match class {
        Class::Dropped => DROPPED,
        Class::Cue => CUES,
        Class::ClauseBreak => CLAUSE_BREAKS,
        Class::Stopword => STOPWORDS,
        Class::Negation => NEGATIONS,
        Class::NegationBridge => NEGATION_BRIDGES,
        Class::OneUnitLead => ONE_UNIT_LEADS,
        Class::DurationFiller => DURATION_FILLERS,
        Class::AgeAfter => AGE_AFTER,
        Class::AgeBefore => AGE_BEFORE,
        Class::SincePrefix => SINCE_PREFIXES,
        Class::Anaphor => ANAPHORS,
        Class::Timing => TIMING,
        Class::FirstPerson => FIRST_PERSON,
        Class::OtherPerson => OTHER_PERSON,
        Class::Having => HAVING,
        Class::Joint => JOINT,
        Class::CareWord => CARE_WORDS,
        Class::Continuation => CONTINUATIONS,
        Class::Onset => ONSETS,
        Class::LastLead => LAST_LEADS,
        Class::Resolved => RESOLVED,
        Class::DoVerb => DO_VERBS,
        Class::VerbFollower => VERB_FOLLOWERS,
        Class::BodyVerb => BODY_VERBS,
    }
}

/// Every class (a test checks none is missing).
const CLASSES: &[Class] = &[
    Class::Dropped,
    Class::Cue,
    Class::ClauseBreak,
    Class::Stopword,
    Class::Negation,
    Class::NegationBridge,
    Class::OneUnitLead,
    Class::DurationFiller,
    Class::AgeAfter,
    Class::AgeBefore,
    Class::SincePrefix,
    Class::Anaphor,
    Class::Timing,
    Class::FirstPerson,
    Class::OtherPerson,
    Class::Having,
    Class::Joint,
    Class::CareWord,
    Class::Continuation,
    Class::Onset,
    Class::LastLead,
    Class::Resolved,
    Class::DoVerb,
    Class::VerbFollower,
    Class::BodyVerb,
];

/// Each word of some class with the classes it belongs to (bit `class as u32`),
/// and the longest such word in bytes. Built once, on first use (about 600
/// words): a lookup is one hash of a short word, where scanning the lists word
/// by word (the stop words alone are 170) was a tenth of understanding a query.
fn class_index() -> &'static (super::WordMap<&'static str, u32>, usize) {
    static INDEX: OnceLock<(super::WordMap<&'static str, u32>, usize)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = super::WordMap::default();
        let mut longest = 0;
        for &class in CLASSES {
            for &w in words(class) {
                *index.entry(w).or_insert(0) |= 1 << class as u32;
                longest = longest.max(w.len());
            }
        }
        (index, longest)
    })
}

/// The classes `word` belongs to, as a bit set (bit `class as u32`).
pub fn classes(word: &str) -> u32 {
    let (index, longest) = class_index();
    if word.len() > *longest {
        return 0;
    }
    index.get(word).copied().unwrap_or(0)
}

/// True when `classes` (from [`classes`]) holds `class`.
pub fn has(classes: u32, class: Class) -> bool {
    classes & (1 << class as u32) != 0
}

/// True when `word` belongs to `class`.
pub fn is(class: Class, word: &str) -> bool {
    has(classes(word), class)
}

/// Number words people use for durations ("a couple of weeks", "few months").
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("couple", 2),
    ("few", 3),
    ("several", 3),
    ("many", 4),
];

/// Days in each unit of time, by stem, and the short forms people type.
const TIME_UNITS: &[(&str, u32)] = &[
    ("day", 1),
    ("week", 7),
    ("wk", 7),
    ("wks", 7),
    ("fortnight", 14),
    ("month", 30),
    ("mth", 30),
    ("mths", 30),
    ("mo", 30),
    ("mos", 30),
    ("year", 365),
    ("yr", 365),
    ("yrs", 365),
];

/// Days at least since a month, season or day named after "since" ("since March"
/// is read as at least a month, whatever today's date).
const SINCE_WORDS: &[(&str, u32)] = &[
    ("january", 30),
    ("february", 30),
    ("march", 30),
    ("april", 30),
    ("june", 30),
    ("july", 30),
    ("august", 30),
    ("september", 30),
    ("october", 30),
    ("november", 30),
    ("december", 30),
    ("jan", 30),
    ("feb", 30),
    ("sept", 30),
    ("oct", 30),
    ("nov", 30),
    ("dec", 30),
    ("christmas", 30),
    ("xmas", 30),
    ("easter", 30),
    ("summer", 60),
    ("winter", 60),
    ("spring", 60),
    ("autumn", 60),
    ("yesterday", 1),
    ("monday", 1),
    ("tuesday", 1),
    ("wednesday", 1),
    ("thursday", 1),
    ("friday", 1),
    ("saturday", 1),
    ("sunday", 1),
    ("weekend", 2),
];

/// Plurals and forms the Snowball stemmer leaves apart from their base word.
const IRREGULAR: &[(&str, &str)] = &[
    ("calves", "calf"),
    ("calfs", "calf"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("halves", "half"),
    ("thighs", "thigh"),
    ("knives", "knife"),
    ("lives", "life"),
    ("women", "woman"),
    ("men", "man"),
    // Spellings of the same negated verb: KB terms say "cant feel".
    ("cannot", "cant"),
    ("couldnt", "cant"),
];

fn value<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// The value of a number word ("couple" is 2).
pub fn number(word: &str) -> Option<u32> {
    value(NUMBER_WORDS, word)
}

/// Days in a unit of time, by its stem ("week" is 7).
pub fn time_unit_days(stem: &str) -> Option<u32> {
    value(TIME_UNITS, stem)
}

/// At least how many days "since WORD" says ("since March" is 30).
pub fn since_days(word: &str) -> Option<u32> {
    value(SINCE_WORDS, word)
}

/// The base word of an irregular plural ("calves" is "calf").
pub fn irregular_base(word: &str) -> Option<&'static str> {
    value(IRREGULAR, word)
}

/// Common English words of five or more letters (from the wordfreq project's list):
/// a word here is a real word, so it is never "corrected" into a KB word
/// ("right" must not become "night", nor "stolen" "swollen").
const COMMON_WORDS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/common-words.txt"
));

/// The common words, sorted, and the length in bytes of the longest.
fn common_words() -> &'static (Vec<&'static str>, usize) {
    static LINES: OnceLock<(Vec<&'static str>, usize)> = OnceLock::new();
    LINES.get_or_init(|| {
        let lines: Vec<&str> = COMMON_WORDS.lines().collect();
        let longest = lines.iter().map(|l| l.len()).max().unwrap_or(0);
        (lines, longest)
    })
}

/// True for a common English word. The list is sorted, so a binary search over its
/// lines (split once, on first use) needs no hashing of 30 000 words at start-up.
pub fn is_common_word(word: &str) -> bool {
    let (lines, longest) = common_words();
    word.len() <= *longest && lines.binary_search(&word).is_ok()
}

/// The length in bytes of the longest common word: no longer word is one, and no
/// word over twice it is two run together.
pub fn longest_common_word() -> usize {
    common_words().1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `is` answers what scanning the class's list answers, for every listed
    /// word and some that no list holds; `CLASSES` lists every class once.
    #[test]
    fn the_index_agrees_with_the_lists() {
        let mut bits: Vec<usize> = CLASSES.iter().map(|&c| c as usize).collect();
        bits.sort_unstable();
        assert_eq!(bits, (0..bits.len()).collect::<Vec<_>>());
        assert!(bits.len() <= 32);
        let mut probes: Vec<&str> = CLASSES.iter().flat_map(|&c| words(c)).copied().collect();
        probes.extend(["", "x", "twitching", "nott", "no ", "afterwardss", "Is"]);
        for &class in CLASSES {
            for w in &probes {
                assert_eq!(is(class, w), words(class).contains(w), "{class:?} {w:?}");
            }
        }
    }

    /// No list repeats a word, and none holds a word the tokenizer drops (it could
    /// never match).
    #[test]
    fn lists_have_no_repeats_and_no_dropped_words() {
        for &class in CLASSES {
            let list = words(class);
            for (i, w) in list.iter().enumerate() {
                assert!(!list[..i].contains(w), "{class:?} repeats {w:?}");
                if class != Class::Dropped && class != Class::Cue {
                    assert!(!is(Class::Dropped, w), "{class:?} holds dropped {w:?}");
                }
            }
        }
    }
}
