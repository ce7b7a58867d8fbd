//! Stated durations: "for 3 weeks", "6 wks", "a couple of months", "for weeks",
//! "since last month", "since mid-January".
//!
//! An age ("my 82-year-old mum", "I'm 68 years") or a pregnancy ("28 weeks
//! pregnant") is not a duration and is never read as one. This stage only reads how
//! long the query says something has lasted; whether it belongs to a symptom (not
//! to a diet or a medicine: "vegan for 2 years") and which red flag it fires is
//! triage's decision (`crate::triage`).

use super::lexicon::{is, number, since_days, time_unit_days, Class};
use super::tokens::Token;

/// A stated duration: the tokens `start..end` and the days they say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub start: usize,
    pub end: usize,
    pub days: u32,
}

/// The durations of at least `min_days` stated outside `taken` (token spans of
/// other mentions, sorted by start and not overlapping). A phrase that already
/// covers the words wins.
pub fn find(tokens: &[Token], taken: &[(usize, usize)], min_days: u32) -> Vec<Duration> {
    let mut found = Vec::new();
    let mut next = 0; // index into taken
    let mut i = 0;
    // Where the last duration read ended: "last month" right after one ("for 2
    // days last month") says when it happened, not how long.
    let mut previous_end = None;
    while i < tokens.len() {
        while next < taken.len() && taken[next].1 <= i {
            next += 1;
        }
        if next < taken.len() && taken[next].0 <= i {
            i = taken[next].1;
            continue;
        }
        match duration_at(tokens, i) {
            Some((n, days)) if next >= taken.len() || i + n <= taken[next].0 => {
                let when = previous_end == Some(i)
                    && tokens[i].surface == "last"
                    && tokens[i - 1].clause == tokens[i].clause;
                previous_end = Some(i + n);
                if days >= min_days && !when && !is_age_or_pregnancy(tokens, i, i + n) {
                    found.push(Duration {
                        start: i,
                        end: i + n,
                        days,
                    });
                }
                i += n;
            }
            _ => i += 1,
        }
    }
    found
}

/// Finds a stated duration starting at token `i`: (tokens used, days).
fn duration_at(tokens: &[Token], i: usize) -> Option<(usize, u32)> {
    let same = |j: usize| tokens.get(j).filter(|t| t.clause == tokens[i].clause);
    let unit = |t: &Token| time_unit_days(&t.stem).or_else(|| time_unit_days(&t.surface));
    let word = tokens[i].surface.as_str();
    if let Some(days) = glued(word) {
        return Some((1, days));
    }
    let count = word.parse::<u32>().ok().or_else(|| number(word));
    if let Some(n) = count {
        // "3 weeks", "couple of weeks", "few more months"
        let mut j = i + 1;
        while j < i + 3 && same(j).is_some_and(|t| is(Class::DurationFiller, &t.surface)) {
            j += 1;
        }
        let days = same(j).and_then(unit)?;
        return Some((j + 1 - i, n.saturating_mul(days)));
    }
    if word == "since" {
        // "since March", "since mid-January", "since last month"
        let mut j = i + 1;
        if same(j).is_some_and(|t| is(Class::SincePrefix, &t.surface)) {
            j += 1;
        }
        let next = same(j)?;
        if let Some(days) = since_days(&next.surface) {
            return Some((j + 1 - i, days));
        }
        if next.surface == "last" {
            let days = same(j + 1).and_then(unit)?;
            return Some((j + 2 - i, days));
        }
        return None;
    }
    let next = same(i + 1)?;
    let days = unit(next)?;
    if is(Class::OneUnitLead, word) {
        // "for weeks" (a plural with no number) means at least two.
        let n = if next.surface.ends_with('s') { 2 } else { 1 };
        return Some((2, n * days));
    }
    None
}

/// A number glued to its unit: "6wks", "3months", "2yrs".
fn glued(word: &str) -> Option<u32> {
    let digits = word.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 {
        return None;
    }
    let n: u32 = word[..digits].parse().ok()?;
    let unit = &word[digits..];
    let days = time_unit_days(unit).or_else(|| time_unit_days(unit.strip_suffix('s')?))?;
    Some(n.saturating_mul(days))
}

/// True when the number and unit at `start..end` give an age or a pregnancy: "82
/// year old", "28 weeks pregnant", "I'm 68 years", "aged 70 years"; or a break
/// ("2 years off").
fn is_age_or_pregnancy(tokens: &[Token], start: usize, end: usize) -> bool {
    let clause = tokens[start].clause;
    let after = tokens
        .get(end)
        .filter(|t| t.clause == clause)
        .is_some_and(|t| is(Class::AgeAfter, &t.surface));
    let before = start
        .checked_sub(1)
        .and_then(|b| tokens.get(b))
        .filter(|t| t.clause == clause)
        .is_some_and(|t| is(Class::AgeBefore, &t.surface));
    // "back at the gym after 2 years off": a break, not how long anything lasted
    // ("for 3 weeks off and on" still is one).
    let same = |j: usize| tokens.get(j).filter(|t| t.clause == clause);
    let a_break = same(end).is_some_and(|t| t.surface == "off")
        && !same(end + 1).is_some_and(|t| matches!(t.surface.as_str(), "and" | "n" | "&"));
    after || before || a_break
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::tokens::tokenize;

    fn days(text: &str) -> Vec<u32> {
        find(&tokenize(text), &[], 1)
            .into_iter()
            .map(|d| d.days)
            .collect()
    }

    #[test]
    fn a_break_is_not_a_duration() {
        assert_eq!(days("back at the gym after 2 years off"), Vec::<u32>::new());
        assert_eq!(days("twitching for 3 weeks off and on"), [21]);
    }

    #[test]
    fn last_month_after_a_duration_says_when() {
        assert_eq!(days("twitched for 2 days last month"), [2]);
        assert_eq!(days("twitching for the last month"), [30]);
    }

    #[test]
    fn numbers_number_words_and_bare_units() {
        assert_eq!(days("twitching for 3 weeks"), [21]);
        assert_eq!(days("a couple of weeks of twitching"), [14]);
        assert_eq!(days("twitch for weeks"), [14]);
        assert_eq!(days("twitch for over a month"), [30]);
        assert_eq!(days("calf twitch 10 days"), [10]);
        assert!(days("twitch, weeks").is_empty());
        assert_eq!(days("twitchy lip for like 6 wks"), [42]);
        assert_eq!(days("twitching 3months"), [90]);
        assert_eq!(days("calf twitching since mid-January"), [30]);
        assert_eq!(days("cramps since last month"), [30]);
    }

    #[test]
    fn ages_and_pregnancies_are_not_durations() {
        for text in [
            "my 82-year-old mum",
            "a 3-month-old baby",
            "I'm 28 weeks pregnant",
            "I am 68 years, cramp when I swim",
            "she's 34 weeks gone",
            "aged 70 years",
        ] {
            assert!(days(text).is_empty(), "{text}");
        }
    }
}
