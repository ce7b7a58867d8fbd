//! Signs that need a GP soon or the same day, said in everyday words, that used to
//! be answered as routine (session 6, s6-soon2; data/README.md "Session 6: soon and
//! same-day signs (s6-soon2)"). The wordings are written for these tests; traps
//! (health anxiety, ordinary cramp after exercise, someone else's diagnosis,
//! negations) must stay calm.

use crate::check_json;
use crate::spans::{at_least, at_most, triage};

fn flags_of(query: &str) -> Vec<String> {
    triage(query).1
}

fn top3(query: &str) -> Vec<String> {
    check_json(query)["suggestions"]
        .as_array()
        .expect("suggestions")
        .iter()
        .take(3)
        .map(|s| s["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn has(query: &str, flag: &str) {
    let flags = flags_of(query);
    assert!(flags.iter().any(|f| f == flag), "{query:?}: {flags:?}");
}

fn ranks(query: &str, cause: &str) {
    let top = top3(query);
    assert!(top.iter().any(|c| c == cause), "{query:?}: {top:?}");
}

#[test]
fn one_sided_face_weakness_is_same_day() {
    let said = [
        "since this morning my right eye won't shut properly and my smile looks wonky, arms fine",
        "face went funny overnight, can't close my left eye all the way and the corner of my mouth droops",
        "twitchy cheek for a day then today I can't raise my eyebrow on that side and drinks dribble out",
        "my smile is lopsided since yesterday and my eye stays open when I blink, speech is normal",
    ];
    at_least("urgent", &said);
    for q in said {
        has(q, "s6-facial-palsy");
    }
    at_most(
        "routine",
        &["my left eyelid twitches but it closes fine and my smile is normal"],
    );
}

#[test]
fn itching_late_in_pregnancy_is_same_day() {
    let said = [
        "34 weeks pregnant and my hands and feet are so itchy at night I scratch them raw, also calf cramps",
        "im 37 weeks, itching on the soles of my feet drives me mad and I get leg cramps",
        "third trimester, palms itchy all the time, and cramp in my legs at night",
    ];
    at_least("urgent", &said);
    for q in said {
        has(q, "s6-pregnancy-itch");
    }
    // Cramps in pregnancy without itching stay a pregnancy cramp.
    at_most(
        "routine",
        &["28 weeks pregnant and getting calf cramps at night"],
    );
}

#[test]
fn kidney_disease_with_much_less_urine_is_same_day() {
    let said = [
        "I have CKD stage 4, the last few days I'm barely peeing and my legs cramp badly",
        "chronic kidney disease, cramps worse, feel sick all day and itchy everywhere",
        "my kidneys are failing (egfr 18), now passing much less urine and cramping at night",
    ];
    at_least("urgent", &said);
    for q in said {
        has(q, "s6-kidney-worse");
    }
    ranks(said[2], "kidney-disease");
}

#[test]
fn parkinsonism_signs_are_a_gp_visit() {
    let said = [
        "dad's 71, his right hand shakes when resting in his lap, he walks with small shuffling steps",
        "my writing gets smaller and smaller across the page and my arm feels stiff",
        "over the past year I've started to shuffle and feel slow and stiff, and my hand trembles",
        "I have a resting tremor in my left hand and everything takes longer to do",
    ];
    at_least("soon", &said);
    for q in said {
        has(q, "s6-parkinsonism");
    }
    // Not asserted (a known gap, in the session note): the flag points to a
    // neurological condition, but tremor and stiffness still rank stress, caffeine or
    // a medicine above it ("in his lap" even reads as exercise, swimming laps).
    // An ordinary shaky hand after coffee is not that.
    at_most(
        "routine",
        &["hands a bit shaky after three coffees this morning"],
    );
}

#[test]
fn dystonia_signs_are_a_gp_visit() {
    let said = [
        "whenever I write my fingers clench round the pen and my wrist twists, worse every month",
        "my index finger curls under as soon as I start writing, fine otherwise",
        "writing makes my hand cramp up and it's getting worse each week",
        "my head keeps turning to the right by itself and my neck aches",
        "for months my chin tilts to one side on its own and I can't keep my head straight",
    ];
    at_least("soon", &said);
    for q in said {
        has(q, "s6-dystonia");
    }
    // Not asserted (a known gap, in the session note): the flag points to a
    // neurological condition, but a curling finger or twisting wrist still ranks a
    // pinched nerve or B12 above it.
}

#[test]
fn repeated_falls_are_a_gp_visit_and_with_vagueness_same_day() {
    at_least(
        "soon",
        &[
            "my nan keeps falling over and her legs cramp at night",
            "dad has fallen three times since Christmas, his calves cramp",
        ],
    );
    at_least(
        "urgent",
        &[
            "mum has had two falls this week and she is not herself, a bit muddled",
            "grandad keeps falling and today he seems out of it, legs cramping",
        ],
    );
    // One fall long ago is not repeated falls.
    let flags = flags_of("I had a fall off my bike last year, now calf cramps after cycling");
    assert!(!flags.iter().any(|f| f == "s6-repeated-falls"), "{flags:?}");
}

#[test]
fn cramps_most_nights_that_ruin_sleep_are_a_gp_visit() {
    at_least(
        "soon",
        &[
            "I'm 74, cramps in both calves nearly every night for months, I can't sleep",
            "leg cramps every single night, it's ruining my sleep and I dread going to bed",
        ],
    );
    at_most(
        "routine",
        &["had a calf cramp last night after football, slept fine after"],
    );
}

#[test]
fn a_vegan_diet_without_b12_with_nerve_signs_points_to_b12() {
    let said = [
        "plant based for 8 years and never take b12, now tingling hands and a sore red tongue",
        "I'm vegan, don't supplement anything, and my tongue has been sore and I feel pale and tired",
    ];
    at_least("soon", &said);
    for q in said {
        has(q, "s6-b12-diet-signs");
        ranks(q, "vitamin-b12");
    }
}

#[test]
fn a_changed_inhaler_or_tablets_then_tremor_is_a_medicine_review() {
    let said = [
        "the nurse switched my inhaler last week and now my hands shake and my arms twitch",
        "GP upped my blood pressure tablets and since then my calves cramp at night",
        "got a new inhaler at my asthma review, since then I'm shaky and twitchy",
    ];
    at_least("soon", &said);
    for q in said {
        ranks(q, "medication");
    }
}

#[test]
fn more_signs_of_an_underactive_thyroid() {
    let said = [
        "I feel the cold all the time, my hair is thinning and I get cramps",
        "always freezing, constipated for months and my muscles cramp",
        "putting on weight, hair falling out, constipated and achy cramps",
    ];
    at_least("soon", &said);
    for q in said {
        has(q, "underactive-thyroid-signs");
    }
}

#[test]
fn known_epilepsy_with_more_jerks_is_worse_than_usual() {
    let said = [
        "I have epilepsy on lamotrigine and the morning jerks are back, more jerks than usual",
        "JME here, on levetiracetam, jerks getting worse this month",
    ];
    at_least("soon", &said);
    for q in said {
        has(q, "neuro-condition-worse");
    }
}

#[test]
fn claudication_said_with_if_is_not_a_what_if() {
    let said = [
        "71 and an ex smoker. When I walk to the shops my calf cramps after a few hundred yards, it goes if I stand still for a minute or two.",
        "every time I walk the dog I get a cramp in my calf, it eases if I rest and comes back when I set off",
    ];
    at_least("soon", &said);
    for q in said {
        has(q, "claudication");
    }
}

#[test]
fn traps_stay_calm() {
    at_most(
        "routine",
        &[
            "twitches in my calves and arms for a week, terrified it's ALS, but no weakness at all and I can walk fine",
            "calf cramp after a long run yesterday, stretched it and it's fine now",
            "what if I got Bell's palsy like my aunt did",
            "not pregnant, just itchy from a new washing powder and a calf cramp after the gym",
            "my friend was diagnosed with Parkinson's, I just get the odd eyelid twitch",
        ],
    );
}
