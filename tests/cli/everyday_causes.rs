//! Everyday clues to a cause, said the way people say them: a position held for
//! hours, an energy drink by brand, a sport by its nickname. The wordings are
//! written for these tests, not taken from any vignette set.

use crate::check_json;

fn first_and_recognized(query: &str) -> (String, Vec<String>) {
    let json = check_json(query);
    let first = json["suggestions"][0]["id"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let ids = json["recognized"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|r| r["assertion"] == "present")
                .filter_map(|r| r["id"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    (first, ids)
}

#[test]
fn a_position_held_for_hours_points_to_posture() {
    for q in [
        "knelt laying tiles for hours and now my calf keeps cramping",
        "sat cross-legged on the floor all day at a workshop, foot cramped when I stood up",
        "sat on my feet on the floor for hours doing a jigsaw, then my foot cramped",
    ] {
        let (first, ids) = first_and_recognized(q);
        assert!(ids.contains(&"desk-posture".to_string()), "{q}: {ids:?}");
        assert_eq!(first, "posture-strain", "{q}");
    }
    // Kneeling briefly is not a held position.
    let (_, ids) = first_and_recognized("knelt down to tie my lace and my calf cramped");
    assert!(!ids.contains(&"desk-posture".to_string()), "{ids:?}");
}

#[test]
fn energy_drinks_by_brand_and_sports_by_nickname_are_recognized() {
    let (_, ids) = first_and_recognized("two monsters before my shift and my lip keeps twitching");
    assert!(ids.contains(&"coffee".to_string()), "{ids:?}");
    let (_, ids) = first_and_recognized("played footy all arvo, calves cramping now");
    assert!(ids.contains(&"exercise".to_string()), "{ids:?}");
    let (_, ids) = first_and_recognized("working on the roof in the blazing sun, hands cramping");
    assert!(ids.contains(&"sweating-heat".to_string()), "{ids:?}");
}

#[test]
fn a_body_part_used_as_a_verb_is_not_that_body_part() {
    // "Necked" (drank fast), "headed" (went): not the neck or the head.
    let (first, ids) =
        first_and_recognized("necked three cans of monster and now my eyelid is twitching");
    assert!(!ids.contains(&"neck".to_string()), "{ids:?}");
    assert_eq!(first, "caffeine");
    let (_, ids) = first_and_recognized("headed out for a run and my calf cramped");
    assert!(ids.contains(&"exercise".to_string()), "{ids:?}");
}
