//! Context: whether each mention is asserted present or negated.
//!
//! This stage sets ONE [`Assertion`] per mention, and every later stage (ranking,
//! triage, the report) reads that value rather than deciding again. Today the only
//! modifier is negation; ConText's others (historical, hypothetical, about someone
//! else, possible) become further variants of [`Assertion`] and further trigger
//! classes in the lexicon, decided here.

use std::collections::HashMap;

use super::lexicon::{is, Class};
use super::tokens::Token;

/// What the query asserts about a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Assertion {
    /// The person says they have it.
    Present,
    /// Reached by a negation ("no numbness").
    Negated,
}

impl Assertion {
    /// True when the mention counts as reported: ranking raises causes by it and
    /// triage fires red flags on it.
    pub fn is_present(self) -> bool {
        self == Assertion::Present
    }

    /// True when the mention counts against: ranking lowers causes by it.
    pub fn is_negated(self) -> bool {
        self == Assertion::Negated
    }
}

/// The assertions of a query's spans, and the filler words of negated lists
/// ("sign" and "of" in "no sign of weakness"), which are not unrecognized words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scopes {
    pub assertions: Vec<Assertion>,
    /// Token indices, sorted.
    pub fillers: Vec<usize>,
}

/// The assertion of a word set found in one clause (tokens `clause_start..` with
/// its words first at `first`): negated when a negation word that is not one of
/// the set's own words comes before the set's first word in that clause ("no
/// dark urine", but not "no sunlight").
pub fn assert_set(
    tokens: &[Token],
    clause_start: usize,
    first: usize,
    own_word: impl Fn(usize) -> bool,
) -> Assertion {
    let negated =
        (clause_start..first).any(|k| is(Class::Negation, &tokens[k].surface) && !own_word(k));
    if negated {
        Assertion::Negated
    } else {
        Assertion::Present
    }
}

/// The assertion of each span (sorted by start, not overlapping): which ones a
/// negation reaches. A negation word reaches forward over
/// bridge words and further phrases ("no numbness or weakness"); any other word
/// or a clause break ends it. A comma does not end it when the comma starts a list
/// that is finished by "or"/"nor" and holds only phrases and bridge words
/// ("no numbness, tingling or weakness"), because that is still the same list.
pub fn assert_spans(tokens: &[Token], spans: &[(usize, usize)]) -> Scopes {
    let span_at: HashMap<usize, usize> = spans.iter().enumerate().map(|(k, s)| (s.0, k)).collect();
    let is_negation = |i: usize| is(Class::Negation, &tokens[i].surface);
    let is_bridge = |i: usize| is(Class::NegationBridge, &tokens[i].surface);
    let mut scopes = Scopes {
        assertions: vec![Assertion::Present; spans.len()],
        fillers: Vec::new(),
    };
    let mut active = false;
    // Bridge words since the negation, which become its list's filler words once
    // it reaches a mention.
    let mut pending: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if i > 0 && tokens[i].clause != tokens[i - 1].clause {
            active = active && tokens[i].after_comma && continues_list(tokens, spans, i);
        }
        if !active {
            pending.clear();
        }
        if let Some(&k) = span_at.get(&i) {
            if active {
                scopes.assertions[k] = Assertion::Negated;
                scopes.fillers.append(&mut pending);
            }
            i = spans[k].1;
            continue;
        }
        if is_negation(i) {
            active = true;
        } else if !is_bridge(i) {
            active = false;
        } else if active {
            pending.push(i);
        }
        i += 1;
    }
    scopes.fillers.sort_unstable();
    scopes
}

/// True when the clause starting at `start` (after a comma) and those after it,
/// up to one containing "or"/"nor", hold only phrases and bridge words.
/// A list longer than this many comma-separated items is not treated as one: it
/// keeps the look-ahead bounded, and ending a negation early only errs towards
/// firing a red flag.
const MAX_LIST_ITEMS: usize = 8;

fn continues_list(tokens: &[Token], spans: &[(usize, usize)], start: usize) -> bool {
    let mut i = start;
    let mut clause = tokens[start].clause;
    let mut items = 1;
    let mut saw_or = false;
    while i < tokens.len() {
        if tokens[i].clause != clause {
            items += 1;
            if saw_or || !tokens[i].after_comma || items > MAX_LIST_ITEMS {
                return saw_or;
            }
            clause = tokens[i].clause;
        }
        // Spans are sorted by start and do not overlap.
        if let Ok(k) = spans.binary_search_by_key(&i, |s| s.0) {
            i = spans[k].1;
            continue;
        }
        let w = tokens[i].surface.as_str();
        if w == "or" || w == "nor" {
            saw_or = true;
        } else if !is(Class::NegationBridge, w) && !is(Class::Negation, w) {
            return false;
        }
        i += 1;
    }
    saw_or
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::tokens::tokenize;

    #[test]
    fn a_negated_lists_filler_words_are_found() {
        // "calf cramps, no sign of weakness": spans calf (0..1), cramps (1..2),
        // weakness (5..6).
        let tokens = tokenize("calf cramps, no sign of weakness");
        let scopes = assert_spans(&tokens, &[(0, 1), (1, 2), (5, 6)]);
        use Assertion::*;
        assert_eq!(scopes.assertions, [Present, Present, Negated]);
        assert_eq!(scopes.fillers, [3, 4]);
        // A negation that reaches no mention leaves its words alone.
        let tokens = tokenize("no sign of it");
        assert!(assert_spans(&tokens, &[]).fillers.is_empty());
    }
}
