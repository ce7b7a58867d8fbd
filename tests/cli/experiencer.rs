//! Whose fact it is (the experiencer): a writer who names a relative's condition
//! or medicine and then their own symptoms ("my dad has MS and my legs twitch")
//! is not describing their own condition, and a baby named only as the one cared
//! for ("breastfeeding my 3 month old") is not a child with jerks. A relative's
//! current sign, written about now, still fires. The wordings are written for
//! these tests, not taken from any vignette set.

use crate::check_json;
use crate::spans::{first_cause, triage};

/// The assertion of the recognized mention `id` in `query`.
fn assertion_of(query: &str, id: &str) -> String {
    let json = check_json(query);
    json["recognized"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["id"] == id)
        .and_then(|m| m["assertion"].as_str())
        .unwrap_or("absent")
        .to_string()
}

#[test]
fn a_relatives_condition_is_theirs_when_the_writer_describes_their_own_body() {
    for q in [
        "my dad has MS and my legs twitch",
        "my mum has parkinsons and my hands have been twitching",
        "my brother was diagnosed with MS last year. my calves twitch at night",
    ] {
        assert_ne!(assertion_of(q, "neurological-diagnosis"), "present", "{q}");
        assert_ne!(first_cause(q), "neurological-condition", "{q}");
    }
}

#[test]
fn a_relatives_medicine_is_theirs_when_the_writer_describes_their_own_body() {
    for q in [
        "my other half takes a statin for cholesterol, but I take nothing, and my calves cramp",
        "my husband takes atorvastatin, my calves cramp at night",
        "my wife is on a statin and my feet cramp in bed",
    ] {
        assert_eq!(assertion_of(q, "new-medication"), "other-person", "{q}");
        assert_ne!(first_cause(q), "medication", "{q}");
    }
}

#[test]
fn a_friends_past_rhabdo_is_not_the_writers() {
    let q = "my friend got rhabdo last year after spin, my pee is pale and normal, my thighs ache";
    let (urgency, flags) = triage(q);
    assert_eq!(urgency, "routine", "{q}: {flags:?}");
}

#[test]
fn a_baby_cared_for_is_not_a_child_with_jerks() {
    for q in [
        "breastfeeding my 3 month old and my calves cramp at night",
        "since the baby came I'm exhausted and my eye twitches",
        "up all night with my 4 month old, my eyelid keeps twitching",
        "looking after my 2 year old all day and my legs cramp in bed",
    ] {
        let (_, flags) = triage(q);
        assert!(
            !flags.contains(&"child-jerks".to_string()),
            "{q}: {flags:?}"
        );
    }
}

#[test]
fn a_relatives_current_sign_still_fires() {
    assert_eq!(
        triage("my dad has MS and now his speech is slurred").0,
        "emergency"
    );
    let urgency = triage("my wife is on a statin and her urine is dark brown").0;
    assert!(urgency == "urgent" || urgency == "emergency", "{urgency}");
    assert_eq!(triage("mum is confused and her arm is weak").0, "emergency");
    assert_eq!(triage("my dad's face has drooped").0, "emergency");
}

#[test]
fn a_child_jerking_and_floppy_is_an_emergency() {
    assert_eq!(
        triage("my 3 month old is jerking and floppy").0,
        "emergency"
    );
    assert_eq!(
        triage("my 2 year old was jerking and now he's unresponsive").0,
        "emergency"
    );
}

#[test]
fn a_child_with_a_sign_still_fires() {
    for q in [
        "my 3 month old is jerking and floppy",
        "my baby is twitching and I'm worried",
        "my 3 month old is jerking and floppy and my back aches",
        "my toddler keeps jerking in his sleep, I'm exhausted and my eye twitches",
    ] {
        let (_, flags) = triage(q);
        assert!(flags.contains(&"child-jerks".to_string()), "{q}: {flags:?}");
    }
}

#[test]
fn someone_writing_for_a_relative_keeps_the_relatives_condition() {
    // No word about the writer's own body: the message is about dad.
    assert_eq!(
        assertion_of(
            "my dad has MS and his legs twitch",
            "neurological-diagnosis"
        ),
        "present"
    );
    assert_eq!(
        first_cause("my wife takes a statin and she has cramps in her calves"),
        "medication"
    );
}

/// A relative's red flag happening now is an emergency for them, also when the
/// writer mentions a symptom of their own beside it (a rule that gave such a
/// flag to the relative alone, and so raised nothing, was tried and dropped).
#[test]
fn a_relatives_sign_now_still_fires_beside_the_writers_own() {
    for q in [
        "mum is confused and her pee is dark brown, and I have eyelid twitching from stress",
        "my husband is slurring his words and his face has dropped on one side, and my eye keeps twitching",
        "my toddler keeps jerking in his sleep, I'm exhausted and my eye twitches",
    ] {
        let (urgency, _) = triage(q);
        assert!(urgency == "emergency" || urgency == "urgent", "{q}: {urgency}");
    }
}
