//! Tests of facts that span sentences: passages, persons and state classes.

use super::{passages, persons, Person};
use crate::kb::KnowledgeBase;
use crate::understand::tokens::tokenize;
use crate::understand::{About, Understander};

/// The test KB plus a medicine class marked `state`, a red flag for the
/// medicine with a sign, and one for a sign with a word in one passage.
fn understander() -> (KnowledgeBase, Understander) {
    let extra = r#"
[[red_flag]]
id = "toxic"
name = "Medicine toxicity"
urgency = "urgent"
phrases = ["medicine toxicity"]
advice = "See a doctor today."
sources = [{ title = "Lithium (NHS)", url = "https://www.nhs.uk/medicines/lithium/" }]

[[red_flag]]
id = "neck"
name = "Fever and stiff neck"
urgency = "emergency"
phrases = ["meningitis"]
advice = "Call emergency services now."
sources = [{ title = "Meningitis (NHS)", url = "https://www.nhs.uk/conditions/meningitis/" }]

[[class]]
id = "lithium"
state = true
terms = ["lithium", "priadel"]

[[class]]
id = "toxic-sign"
terms = ["diarrhoea", "unsteady", "walking like drunk"]

[[pattern]]
red_flag = "toxic"
all = ["@lithium", "@toxic-sign"]

[[pattern]]
red_flag = "neck"
all = ["fever", "stiff neck"]
"#;
    let text = format!(
        "{}{extra}",
        include_str!("../../../../tests/fixtures/mini.toml")
    );
    let kb = crate::kb::load_text(&text).unwrap();
    let u = Understander::new(&kb);
    (kb, u)
}

/// The red flags a query's mentions report as present.
fn flags(query: &str) -> Vec<String> {
    let (kb, u) = understander();
    u.understand(query)
        .mentions
        .into_iter()
        .filter(|m| m.assertion.is_present())
        .filter_map(|m| match m.about {
            About::Entry(t) => t.red_flag.map(|r| kb.red_flags[r].id.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_state_holds_for_the_whole_message_about_the_same_person() {
    // The medicine in one sentence, the sign in a later one about the same person.
    for q in [
        "My wife takes lithium. She has had diarrhoea since yesterday.",
        "I take lithium. For two days I've been unsteady on my feet.",
        "On priadel for years. Today I am walking like drunk.",
        "Lithium for bipolar.\nNow I'm unsteady",
        "unsteady and weak. I take lithium",
    ] {
        assert_eq!(flags(q), ["toxic"], "{q}");
    }
}

#[test]
fn another_persons_state_is_not_the_writers() {
    for q in [
        "I take lithium. My wife has diarrhoea.",
        "My dad takes lithium. I am unsteady after the party.",
    ] {
        assert!(flags(q).is_empty(), "{q}");
    }
}

#[test]
fn a_denied_state_is_no_state() {
    for q in [
        "I have never taken lithium. I've had diarrhoea since yesterday.",
        "I dont take lithium or anything. I am unsteady today.",
    ] {
        assert!(flags(q).is_empty(), "{q}");
    }
    // A past tense keeps it: the state is still what the person is on.
    assert_eq!(
        flags("Was put on lithium last year. Since then I am unsteady."),
        ["toxic"]
    );
}

#[test]
fn a_sentence_that_goes_on_about_the_last_joins_it() {
    assert_eq!(flags("I have a fever. And a stiff neck."), ["neck"]);
    assert_eq!(
        flags("Fever since Monday. It is a stiff neck too."),
        ["neck"]
    );
    // A sentence that starts afresh is its own passage: only states cross it.
    assert!(flags("I had a fever. My brother has a stiff neck.").is_empty());
}

#[test]
fn passages_join_continuing_sentences() {
    let tokens = tokenize("My wife takes lithium. She is shaky. My legs ache. Since then worse.");
    assert_eq!(passages(&tokens), [0, 0, 2, 2]);
}

#[test]
fn persons_follow_pronouns_and_kin_words() {
    let tokens =
        tokenize("My wife takes lithium. She is shaky. I feel fine. Tired. My dad says I'm pale.");
    assert_eq!(
        persons(&tokens),
        [
            Person::Other,
            Person::Other,
            Person::Writer,
            Person::Writer,
            Person::Unknown
        ]
    );
}

#[test]
fn range_terms_and_query_numbers_read_as_tenths() {
    use super::{range_term, token_number};
    assert_eq!(range_term("#38-43"), Some((380, 430)));
    assert_eq!(range_term("#100.4-110"), Some((1004, 1100)));
    assert_eq!(range_term("#43-38"), None);
    assert_eq!(range_term("#a-b"), None);
    assert_eq!(range_term("temp 38"), None);
    assert_eq!(token_number("38.9"), Some(389));
    assert_eq!(token_number("102f"), Some(1020));
    assert_eq!(token_number("89"), Some(890));
    assert_eq!(token_number("bpm"), None);
    let tokens = tokenize("temp 38.9 then 39,5 bp 190/120");
    let words: Vec<&str> = tokens.iter().map(|t| t.surface.as_str()).collect();
    assert_eq!(
        words,
        ["temp", "38", "9", "then", "39", "5", "bp", "190", "120"]
    );
    assert!(tokens.iter().all(|t| t.sentence == 0 && t.clause == 0));
}
