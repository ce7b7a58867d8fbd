//! Stated durations: "for 3 weeks", "a couple of months", "for weeks".
//!
//! This stage only reads how long the query says something has lasted; which red
//! flag a duration fires is triage's decision (`crate::triage::duration_flag`).

use super::lexicon::{is, number, time_unit_days, Class};
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
                if days >= min_days {
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
    let unit = |t: &Token| time_unit_days(&t.stem);
    let word = tokens[i].surface.as_str();
    let count = word.parse::<u32>().ok().or_else(|| number(word));
    if let Some(n) = count {
        // "3 weeks", "couple of weeks", "few more months"
        let mut j = i + 1;
        while j < tokens.len() && is(Class::DurationFiller, &tokens[j].surface) && j < i + 3 {
            j += 1;
        }
        let days = tokens
            .get(j)
            .filter(|t| t.clause == tokens[i].clause)
            .and_then(unit)?;
        return Some((j + 1 - i, n.saturating_mul(days)));
    }
    let next = tokens.get(i + 1).filter(|t| t.clause == tokens[i].clause)?;
    let days = unit(next)?;
    if is(Class::OneUnitLead, word) {
        // "for weeks" (a plural with no number) means at least two.
        let n = if next.surface.ends_with('s') { 2 } else { 1 };
        return Some((2, n * days));
    }
    None
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
    fn numbers_number_words_and_bare_units() {
        assert_eq!(days("twitching for 3 weeks"), [21]);
        assert_eq!(days("a couple of weeks of twitching"), [14]);
        assert_eq!(days("twitch for weeks"), [14]);
        assert_eq!(days("twitch for over a month"), [30]);
        assert_eq!(days("calf twitch 10 days"), [10]);
        assert!(days("twitch, weeks").is_empty());
    }
}
