//! Unit tests of the context layer (ConText triggers, scopes, pseudo-triggers).

use super::*;
use crate::kb::ContextRule;

fn rules(list: &[(&str, ContextCategory, Direction)]) -> ContextRules {
    let mut kb = crate::kb::load_text(include_str!("../../../../tests/fixtures/mini.toml"))
        .expect("fixture loads");
    kb.context = list
        .iter()
        .map(|&(literal, category, direction)| ContextRule {
            literal: literal.to_string().into(),
            category,
            direction,
        })
        .collect();
    ContextRules::compile(&kb)
}

fn lay() -> ContextRules {
    use ContextCategory::*;
    use Direction::*;
    rules(&[
        ("no", Negated, Forward),
        ("not", Negated, Forward),
        ("never had", Negated, Forward),
        ("no idea", Pseudo, None),
        ("not sure why", Pseudo, None),
        ("if", Hypothetical, Forward),
        ("years ago", Historical, Both),
        ("as a teenager", Historical, Both),
        ("my dad had", OtherPerson, Forward),
        ("now", Terminate, None),
    ])
}

/// The assertion of the word `word` in `text`, as a one-word mention.
fn of(rules: &ContextRules, text: &str, word: &str) -> Assertion {
    let tokens = tokenize(text);
    let at = tokens
        .iter()
        .position(|t| t.surface == word)
        .expect("word in text");
    let mut owned = vec![false; tokens.len()];
    owned[at] = true;
    let mention = [at];
    rules.assert(&tokens, &owned, &[&mention]).assertions[0]
}

#[test]
fn negation_reaches_a_list_of_unknown_items() {
    let r = lay();
    use Assertion::*;
    assert_eq!(
        of(&r, "no headache, fever or breathing trouble", "breathing"),
        Negated
    );
    assert_eq!(of(&r, "no numbness and weakness", "weakness"), Negated);
    assert_eq!(of(&r, "no fever, rash, or stiff neck", "stiff"), Negated);
    // The last item runs to the clause's end, however long (issue 13).
    for text in [
        "no headache, fever or unable to pass urine",
        "no headache, fever or nodding off mid sentence",
    ] {
        assert_eq!(of(&r, text, "fever"), Negated, "{text}");
        let last = text.split(' ').nth(4).unwrap();
        assert_eq!(of(&r, text, last), Negated, "{text}");
    }
    // Without a closing "or", a comma starts a new statement.
    assert_eq!(of(&r, "no fever, leg weakness", "weakness"), Present);
    // A new statement ends it, after "and" or a comma.
    assert_eq!(of(&r, "no pain and my lips are blue", "lips"), Present);
    assert_eq!(of(&r, "no pain and i cant breathe", "breathe"), Present);
    assert_eq!(of(&r, "no fever, now my neck is stiff", "neck"), Present);
    assert_eq!(
        of(&r, "no fever, my neck is really very stiff", "neck"),
        Present
    );
    // Another sentence is out of reach.
    assert_eq!(of(&r, "no fever. stiff neck", "stiff"), Present);
}

#[test]
fn pseudo_triggers_modify_nothing() {
    let r = lay();
    assert_eq!(
        of(&r, "no idea why my pee is brown", "brown"),
        Assertion::Present
    );
    assert_eq!(
        of(&r, "not sure why my lips are blue", "blue"),
        Assertion::Present
    );
}

#[test]
fn novelty_is_not_negation() {
    let r = lay();
    assert_eq!(
        of(&r, "never had chest pain like this before", "chest"),
        Assertion::Present
    );
    assert_eq!(of(&r, "never had chest pain", "chest"), Assertion::Negated);
}

#[test]
fn history_hypotheticals_and_other_people() {
    let r = lay();
    use Assertion::*;
    assert_eq!(of(&r, "if i get short of breath", "breath"), Hypothetical);
    assert_eq!(of(&r, "i had a fit as a teenager", "fit"), Historical);
    assert_eq!(of(&r, "blacked out years ago", "blacked"), Historical);
    assert_eq!(of(&r, "my dad had als", "als"), OtherPerson);
    // Writing for a parent in the present is about the patient.
    assert_eq!(of(&r, "my dads speech is slurred", "speech"), Present);
    // A terminator ends the scope.
    assert_eq!(of(&r, "if it spreads now my arm is weak", "weak"), Present);
}

#[test]
fn a_mentions_own_words_are_not_triggers() {
    let r = lay();
    let tokens = tokenize("not sweating");
    let owned = vec![true, true];
    let mention = [0, 1];
    assert_eq!(
        r.assert(&tokens, &owned, &[&mention]).assertions[0],
        Assertion::Present
    );
}

#[test]
fn a_negated_lists_filler_words_are_found() {
    let r = lay();
    let tokens = tokenize("calf cramps, no sign of weakness");
    let mut owned = vec![false; tokens.len()];
    owned[0] = true;
    owned[1] = true;
    owned[5] = true;
    let scopes = r.assert(&tokens, &owned, &[&[0], &[1], &[5]]);
    use Assertion::*;
    assert_eq!(scopes.assertions, [Present, Present, Negated]);
    assert_eq!(scopes.fillers, [2, 3, 4]);
    // A negation that reaches no mention leaves its words alone.
    let tokens = tokenize("no sign of it");
    let owned = vec![false; tokens.len()];
    assert!(r.assert(&tokens, &owned, &[]).fillers.is_empty());
}

/// `said_by` reads the joined words in place; it must agree with comparing the
/// split words one by one, for every rule of the shipped KB and queries that
/// share a prefix, a word's start or a sentence break with a rule.
#[test]
fn a_rule_matches_as_its_split_words_do() {
    let kb = crate::kb::load_embedded().expect("the embedded KB");
    let compiled = ContextRules::compile(&kb);
    let by_split = |rule: &Rule, tokens: &[Token]| {
        tokens
            .iter()
            .zip(rule.words())
            .all(|(t, w)| t.surface == w && t.sentence == tokens[0].sentence)
    };
    let mut checked = 0;
    for rule in &compiled.rules {
        let words: Vec<&str> = rule.words().collect();
        let said = words.join(" ");
        let mut texts = vec![
            said.clone(),
            format!("{said}s"),
            format!(
                "{} x",
                &said[..said.char_indices().last().map_or(0, |(i, _)| i)]
            ),
        ];
        if words.len() > 1 {
            texts.push(format!("{}. {}", words[0], words[1..].join(" ")));
            texts.push(format!("{} {}s", words[0], words[1..].join(" ")));
        }
        for text in texts {
            let tokens = tokenize(&text);
            if rule.len == 0 || tokens.len() < rule.len {
                continue;
            }
            let tokens = &tokens[..rule.len];
            assert_eq!(
                rule.said_by(tokens, tokens[0].sentence),
                by_split(rule, tokens),
                "{said:?} in {text:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 1_000, "{checked}");
}
