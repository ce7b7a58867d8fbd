//! Session 6, limbs, injuries and spine: compartment syndrome, a cold pale limb since a
//! time today, Achilles tendon rupture, and back pain with a cancer history. The
//! wordings are written for these tests (different people, different styles), with
//! traps that must stay calm.

use crate::spans::{at_least, at_most, triage};

#[test]
fn pain_out_of_proportion_after_an_injury_or_cast_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "fractured my wrist yesterday, new plaster on, now my fingers are numb and the painkillers are doing nothing",
            "got my leg crushed under a pallet at work, its swollen and rock hard and i cant feel my foot properly",
            "took a nasty kick to the shin at rugby, shin is tight as a drum and it kills when i move my toes",
            "broken ankle in a cast since this morning, the pain is way worse than when i broke it, calf twitching",
        ],
    );
    let (_, flags) = triage("got my leg crushed under a pallet at work, its swollen and rock hard and i cant feel my foot properly");
    assert!(
        flags.iter().any(|f| f == "compartment-syndrome"),
        "{flags:?}"
    );
}

#[test]
fn an_ordinary_cast_or_leg_day_stays_calm() {
    at_most(
        "soon",
        &[
            "my cast is so itchy and my calf keeps twitching under it",
            "legs are killing me after leg day, calves cramping, pee is normal colour",
        ],
    );
}

#[test]
fn a_cold_pale_foot_since_earlier_today_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "calf cramps when i walk for months, now my foot has gone cold and pale since this afternoon and it hurts",
            "my right leg went white and cold a few hours ago, cramping and numb",
        ],
    );
}

#[test]
fn a_pop_then_cannot_stand_on_tiptoe_is_urgent() {
    at_least(
        "urgent",
        &[
            "playing badminton felt like someone kicked me in the calf, now i cant stand on tiptoe on that side",
            "heard a snap at the back of my ankle while running for the bus, there's a gap above my heel",
            "calf cramped then something popped, cant push off my foot when i walk",
            "on ciprofloxacin for a water infection and now my heel and ankle suddenly really hurt",
        ],
    );
    at_most(
        "soon",
        &["calf cramp after tennis, did the tiptoe test and i can stand on tiptoe fine, no pop"],
    );
}

#[test]
fn back_pain_with_a_cancer_history() {
    at_least(
        "urgent",
        &[
            "had breast cancer 5 years ago, new pain in my upper back that is worse lying in bed at night",
            "ive got myeloma and my back has been aching for a week, muscle twitches in my back",
        ],
    );
    at_least(
        "emergency",
        &[
            "treated for lung cancer last year, now back pain and my legs feel wobbly and weak",
            "mum has breast cancer that spread to her bones, back pain and her legs have gone numb",
        ],
    );
    at_most(
        "soon",
        &["my uncle had cancer years ago, i have a bit of back twitching after the gym"],
    );
}
