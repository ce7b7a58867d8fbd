//! Whose a mention is (the experiencer), where the context rules cannot say.
//!
//! The tokenizer drops "my", but keeps a mark of it ([`Token::mine`]); this
//! stage reads it. "my <body part>" and "I"/"me" make the writer's own voice
//! ([`writer_marks`]). Then two decisions, each narrow:
//!
//! - [`relatives_states`]: "my dad has MS", "my wife is on a statin": a
//!   condition, medicine or risk factor said after a relative and a verb of
//!   having, in that statement, is the relative's (other-person). Red flags and
//!   findings that fire one are never touched here: a relative's sign written
//!   about now is still an emergency for that person.
//! - [`cared_for`]: a red flag found by words said together, whose person
//!   ("baby", "my 3 month old") is only the one cared for: nothing is said of
//!   them before the writer speaks of their own body, and the sign's words all
//!   come after that ("breastfeeding my 3 month old and my calves cramp").
//!
//! Someone writing only about another person keeps that person's facts as the
//! patient's own (see `Understander::understand`).

use super::context::Assertion;
use super::lexicon::{is, Class};
use super::tokens::Token;

/// What a found mention is, as far as whose it is matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A condition, medicine or risk factor (a context finding that fires no red
    /// flag), or a named cause: it raises causes for whoever has it.
    State,
    /// A body part.
    Body,
    /// A symptom that fires no red flag.
    Sign,
    /// A red flag, or a finding that fires one.
    RedFlag,
    /// A duration or anything else.
    Other,
}

/// Per token: the writer speaks of themself here, by "I"/"me" or by "my" before
/// a body part ("my legs twitch").
pub fn writer_marks(tokens: &[Token], found: &[(Role, &[usize])]) -> Vec<bool> {
    let mut marks: Vec<bool> = tokens
        .iter()
        .map(|t| is(Class::FirstPerson, &t.surface))
        .collect();
    for &(role, positions) in found {
        if let (Role::Body, Some(&first)) = (role, positions.first()) {
            if tokens[first].mine {
                marks[first] = true;
            }
        }
    }
    marks
}

/// True when token `i` names another person: a kin word or pronoun ("dad",
/// "she"), or "other half".
fn names_someone(tokens: &[Token], i: usize) -> bool {
    is(Class::OtherPerson, &tokens[i].surface)
        || (tokens[i].surface == "half" && i > 0 && tokens[i - 1].surface == "other")
}

/// True when a new statement starts at `k` after "and"/"or": "my dad has MS
/// and my legs twitch".
fn new_statement(tokens: &[Token], k: usize) -> bool {
    k > 0
        && matches!(tokens[k - 1].surface.as_str(), "and" | "or" | "n" | "plus")
        && (tokens[k].cue
            || is(Class::FirstPerson, &tokens[k].surface)
            || is(Class::OtherPerson, &tokens[k].surface))
}

/// The words that a person and a verb of having own: "my dad has [MS and
/// diabetes] and my legs twitch". Up to the clause's end, a new statement or the
/// writer's own voice.
fn having_scopes(tokens: &[Token], marks: &[bool]) -> Vec<(usize, usize)> {
    let mut scopes = Vec::new();
    for i in 0..tokens.len() {
        if !names_someone(tokens, i) {
            continue;
        }
        let clause = tokens[i].clause;
        let Some(verb) = (i + 1..tokens.len().min(i + 3))
            .take_while(|&j| tokens[j].clause == clause && !marks[j])
            .find(|&j| is(Class::Having, &tokens[j].surface))
        else {
            continue;
        };
        let start = verb + 1;
        let mut end = start;
        while end < tokens.len()
            && tokens[end].clause == clause
            && !marks[end]
            && !(end > start && new_statement(tokens, end))
        {
            end += 1;
        }
        if end > start {
            scopes.push((start, end));
        }
    }
    scopes
}

/// Marks as someone else's each present state said in a relative's "has",
/// "takes", "is on" statement.
pub fn relatives_states(
    tokens: &[Token],
    found: &[(Role, &[usize])],
    marks: &[bool],
    assertions: &mut [Assertion],
) {
    let scopes = having_scopes(tokens, marks);
    if scopes.is_empty() {
        return;
    }
    for (k, &(role, positions)) in found.iter().enumerate() {
        let Some(&first) = positions.first() else {
            continue;
        };
        if role == Role::State
            && assertions[k].is_present()
            && scopes.iter().any(|&(s, e)| (s..e).contains(&first))
        {
            assertions[k] = Assertion::OtherPerson;
        }
    }
}

/// Where the person a red flag's words begin with ends, if they do: "baby" in
/// "baby ... twitches", or an age ("month old" in "month old ... twitching") that
/// the mention's words open with.
fn person_end(tokens: &[Token], positions: &[usize]) -> Option<usize> {
    let &first = positions.first()?;
    if names_someone(tokens, first) {
        return Some(first + 1);
    }
    positions
        .iter()
        .enumerate()
        .take_while(|&(k, &p)| p == first + k)
        .find(|&(_, &p)| matches!(tokens[p].surface.as_str(), "old" | "olds"))
        .map(|(_, &p)| p + 1)
}

/// Marks as not this person's sign each red flag whose person is only cared for:
/// between the person and the writer's own voice, in one sentence, nothing but
/// filler, timing and care words is said of them; the sign's words all follow
/// the writer's voice; and nothing says the writer and they share it ("we
/// both").
pub fn cared_for(
    tokens: &[Token],
    found: &[(Role, &[usize])],
    marks: &[bool],
    assertions: &mut [Assertion],
) {
    for (k, &(role, positions)) in found.iter().enumerate() {
        if role != Role::RedFlag || !assertions[k].is_present() {
            continue;
        }
        let Some(end) = person_end(tokens, positions) else {
            continue;
        };
        let sentence = tokens[end - 1].sentence;
        let Some(voice) = (end..tokens.len())
            .take_while(|&j| tokens[j].sentence == sentence)
            .find(|&j| marks[j])
        else {
            continue;
        };
        let sign_after_voice = positions.iter().all(|&p| p < end || p > voice);
        // Something said of the person: a sign, a red flag or a body part.
        let said_of = |j: usize| {
            found.iter().any(|&(r, ps)| {
                matches!(r, Role::Sign | Role::RedFlag | Role::Body) && ps.contains(&j)
            })
        };
        let in_state = |j: usize| {
            found
                .iter()
                .any(|&(r, ps)| r == Role::State && ps.contains(&j))
        };
        let only_care = (end..voice).all(|j| {
            let w = tokens[j].surface.as_str();
            !said_of(j)
                && (is(Class::Stopword, w)
                    || is(Class::Timing, w)
                    || is(Class::CareWord, w)
                    || in_state(j))
        });
        let shared = tokens
            .iter()
            .any(|t| t.sentence == sentence && is(Class::Joint, &t.surface));
        if sign_after_voice && only_care && !shared {
            assertions[k] = Assertion::OtherPerson;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::tokens::tokenize;

    fn at(tokens: &[Token], word: &str) -> usize {
        tokens.iter().position(|t| t.surface == word).unwrap()
    }

    #[test]
    fn my_before_a_body_part_is_the_writers_voice_but_not_before_a_relative() {
        let tokens = tokenize("my dad has MS and my legs twitch");
        let (dad, legs) = (at(&tokens, "dad"), at(&tokens, "legs"));
        assert!(tokens[dad].mine && tokens[legs].mine);
        let (d, l) = ([dad], [legs]);
        let found = [(Role::Other, &d[..]), (Role::Body, &l[..])];
        let marks = writer_marks(&tokens, &found);
        assert!(marks[legs] && !marks[dad]);
    }

    #[test]
    fn a_relatives_statement_ends_at_and_my_or_at_me() {
        let tokens = tokenize("my dad has MS and diabetes and my legs twitch");
        let marks = vec![false; tokens.len()];
        let scopes = having_scopes(&tokens, &marks);
        assert_eq!(scopes, [(at(&tokens, "ms"), at(&tokens, "legs"))]);
        let tokens = tokenize("my wife got me magnesium tablets");
        let mut marks = vec![false; tokens.len()];
        marks[at(&tokens, "me")] = true;
        assert!(having_scopes(&tokens, &marks).is_empty());
    }

    #[test]
    fn a_red_flag_is_never_a_relatives_state() {
        let tokens = tokenize("my wife is on a statin and her urine is dark brown");
        let (statin, urine) = ([at(&tokens, "statin")], [at(&tokens, "urine")]);
        let found = [(Role::State, &statin[..]), (Role::RedFlag, &urine[..])];
        let marks = writer_marks(&tokens, &found);
        let mut assertions = [Assertion::Present; 2];
        relatives_states(&tokens, &found, &marks, &mut assertions);
        assert_eq!(assertions, [Assertion::OtherPerson, Assertion::Present]);
    }

    #[test]
    fn a_child_with_a_sign_before_the_writers_voice_keeps_it() {
        for (query, kept) in [
            ("breastfeeding my 3 month old and my calves cramp", false),
            ("my 3 month old is floppy and my calves cramp", true),
            ("my 3 month old and my calves cramp", false),
            ("my 3 month old, we both twitch and my calves cramp", true),
        ] {
            let tokens = tokenize(query);
            let age: Vec<usize> = (at(&tokens, "3")..=at(&tokens, "old")).collect();
            let calves = [at(&tokens, "calves")];
            let found = [(Role::RedFlag, &age[..]), (Role::Body, &calves[..])];
            let marks = writer_marks(&tokens, &found);
            let mut assertions = [Assertion::Present; 2];
            cared_for(&tokens, &found, &marks, &mut assertions);
            assert_eq!(assertions[0] == Assertion::Present, kept, "{query}");
        }
    }
}
