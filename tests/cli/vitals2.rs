//! Vital-sign numbers said beside what was measured (session 6, round 2): a very
//! slow or fast pulse, a low oxygen level on a pulse oximeter, a very high blood
//! pressure, and a temperature in someone whose immune system is weakened. A bare
//! number, an exercise heart rate, someone else's reading or an old one stays
//! calm. The wordings are written for these tests.

use crate::spans::{at_least, at_most, triage};

fn fires(text: &str, flag: &str) {
    let (_, flags) = triage(text);
    assert!(flags.iter().any(|f| f == flag), "{text}: {flags:?}");
}

#[test]
fn a_very_slow_pulse_with_dizziness_or_a_faint_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "dad's heart rate keeps reading 36 on his fitbit and he's gone dizzy, calves cramping",
            "my pulse was 32 when I counted it and I nearly passed out in the kitchen, legs twitchy",
            "grandma's pulse is 38 and she collapsed this morning, now she has cramp in her feet",
        ],
    );
    fires(
        "pulse 35, feeling faint and light headed, muscle twitches",
        "s6-slow-pulse-faint",
    );
}

#[test]
fn a_very_slow_pulse_alone_is_urgent() {
    at_least(
        "urgent",
        &[
            "my watch says my heart rate is 38 bpm, and my legs are cramping at night",
            "pulse has been around 39 all week and my calves twitch",
        ],
    );
}

#[test]
fn a_fast_pulse_not_from_exercise_is_urgent() {
    at_least(
        "urgent",
        &[
            "heart rate stuck at 130 all afternoon, hands trembling and twitchy",
            "my pulse is 125 sat watching telly, lost weight, feel shaky and my eyelid twitches",
            "heart going 135 while lying in bed, arms twitching",
        ],
    );
    fires(
        "resting heart rate of 128 on my watch, legs twitching",
        "s6-fast-pulse-rest",
    );
}

#[test]
fn a_fast_pulse_with_chest_pain_or_fainting_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "pulse 160 and chest pain, calves cramping",
            "heart rate hit 170 sitting on the couch and my legs are twitching",
            "my heart rate is 150 and I'm short of breath, muscles twitching",
        ],
    );
}

#[test]
fn fever_with_a_weakened_immune_system_is_urgent() {
    at_least(
        "urgent",
        &[
            "I had a liver transplant last year. Now a temperature of 38.4 and my legs twitch",
            "on methotrexate for arthritis, shivery and feverish since this morning, calves cramping",
            "I've had my spleen removed and now I've got a fever and muscle cramps",
            "taking humira for crohns, temp 39 tonight, twitching all over",
        ],
    );
    fires(
        "on tacrolimus since my kidney transplant, temp 38.2, aching and twitching",
        "s6-immuno-fever",
    );
}

#[test]
fn low_oxygen_on_a_pulse_oximeter() {
    at_least(
        "emergency",
        &[
            "my oxygen is 90% on the finger thing and my calves cramp",
            "sats 88 this morning, legs twitching",
            "the pulse oximeter says 91, cramp in my feet",
        ],
    );
    at_least("urgent", &["oxygen sats 94 and my legs keep cramping"]);
}

#[test]
fn very_high_blood_pressure() {
    at_least(
        "urgent",
        &["my bp was 185/105 on the home monitor this morning and my legs cramp"],
    );
    at_least(
        "emergency",
        &[
            "blood pressure 200/120 today with a blinding headache and twitching",
            "bp 190 over 110 and chest pain, calf cramps",
        ],
    );
}

#[test]
fn numbers_that_are_not_a_worrying_vital_sign_stay_calm() {
    at_most(
        "soon",
        &[
            "pulse 70 and calf cramps at night",
            "I'm 38 weeks pregnant with leg cramps",
            "I weigh 140 lbs and get calf cramps",
            "ran at 170 bpm and then my calves cramped",
            "heart rate hit 175 on my run, calves twitching after",
            "heart rate 165 on the treadmill then a calf cramp",
            "BP was 180/110 last year, fine now on tablets, calf cramps",
            "my dad's sats were 88 in hospital last year, my legs twitch",
            "I don't have a fever and I'm not on any immune medicine, just calf cramps",
            "oxygen 98% and pulse 72, just twitchy eyelid",
            "blood pressure 120/80 and calf cramps",
        ],
    );
}
