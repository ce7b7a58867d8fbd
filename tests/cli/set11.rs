//! Held-out set 11 missed red flags, fixed as mechanisms. The wordings are written
//! for these tests, not taken from the set.

use crate::spans::{at_least, at_most, triage};

#[test]
fn tablets_taken_on_purpose_are_an_emergency() {
    at_least(
        "emergency",
        &[
            "I took a handful of my sleeping pills deliberately last night and now my legs twitch",
            "swallowed a whole packet of paracetamol about two hours ago, feel shaky",
            "my daughter took loads of her nan's tablets on purpose, her hands are jerking",
            "took lots of pills because I wanted to die, now cramping",
        ],
    );
    let (_, flags) =
        triage("took a bunch of my dad's tablets on purpose this morning, muscles twitching");
    assert!(
        flags.iter().any(|f| f == "deliberate-overdose"),
        "{flags:?}"
    );
}

#[test]
fn usual_tablets_are_not_an_overdose() {
    at_most(
        "soon",
        &[
            "took my magnesium tablets and my calf still twitches",
            "took extra magnesium pills yesterday, still cramping",
            "I take a lot of tablets for my heart and my legs cramp at night",
            "I didn't take the pills on purpose, I just forgot them, legs twitch",
            "what if I took too many magnesium tablets by mistake",
        ],
    );
}

#[test]
fn breathing_signs_after_a_birth_or_long_journey_are_a_clot_in_the_lung() {
    at_least(
        "emergency",
        &[
            "gave birth ten days ago, my calf has been cramping and now I get out of breath walking to the loo",
            "flew home from LA on Tuesday, sharp pain in my chest when I take a deep breath, legs twitchy",
            "a week since my c-section and I coughed up some blood this morning, calves crampy",
        ],
    );
    let (_, flags) = triage(
        "three weeks after my hip replacement, it hurts when I breathe in and my calf cramps",
    );
    assert!(flags.iter().any(|f| f == "pulmonary-embolism"), "{flags:?}");
}

#[test]
fn a_journey_or_birth_alone_is_no_clot_in_the_lung() {
    for text in [
        "long haul flight yesterday and calf cramps last night",
        "after my long flight my legs twitch, no breathing problems",
        "I'm pregnant with leg cramps and a bit breathless on the stairs",
        "had a baby 3 years ago, calf cramps and out of breath after running",
    ] {
        let (_, flags) = triage(text);
        assert!(
            !flags.iter().any(|f| f == "pulmonary-embolism"),
            "{text}: {flags:?}"
        );
    }
}

#[test]
fn a_fit_in_sleep_with_a_wet_bed_and_grogginess_is_an_emergency() {
    for text in [
        "my wife was shaking in bed at 3am, the sheets were soaked with wee and she was dazed for an hour",
        "found my son jerking in bed this morning, he'd wet the bed and he can't remember anything, he's 30",
    ] {
        let (_, flags) = triage(text);
        assert!(flags.iter().any(|f| f == "seizure"), "{text}: {flags:?}");
    }
}

#[test]
fn sleep_jerks_without_the_rest_are_no_fit() {
    for text in [
        "I never wet the bed and I'm not confused, just leg jerks at night",
        "my legs jerk as I drop off to sleep",
    ] {
        let (_, flags) = triage(text);
        assert!(!flags.iter().any(|f| f == "seizure"), "{text}: {flags:?}");
    }
}

#[test]
fn slurring_like_a_drunk_without_drink_is_a_red_flag_and_an_emergency_when_new_today() {
    at_least(
        "emergency",
        &["my mum's been sounding drunk since this morning and she doesn't drink, hands twitching"],
    );
    at_least(
        "urgent",
        &["she's slurring a bit more this month though she's teetotal, legs twitch"],
    );
    at_most(
        "soon",
        &[
            "I was slurring after six pints last night, today my eyelid twitches",
            "no slurring, no weakness, just calf cramps",
            "my dad had slurred speech after his stroke years ago, my eyelid twitches",
            "what if I start slurring one day",
        ],
    );
}

#[test]
fn very_high_sugar_or_ketone_breath_with_vomiting_is_dka() {
    for text in [
        "my son's breath smells of nail varnish, he's being sick and his legs cramp",
        "glucose meter reads HI and I keep vomiting, calves cramping",
    ] {
        let (_, flags) = triage(text);
        assert!(flags.iter().any(|f| f == "dka-signs"), "{text}: {flags:?}");
    }
    for text in [
        "my breath smells fruity since I started keto, calves cramp",
        "my mouth smells like the pear drops sweets I ate, eye twitching",
    ] {
        let (_, flags) = triage(text);
        assert!(!flags.iter().any(|f| f == "dka-signs"), "{text}: {flags:?}");
    }
}

#[test]
fn in_the_heat_someone_who_can_hardly_be_kept_awake_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "grandad sat in the sun all afternoon, now he's barely awake and his legs are cramping",
            "my aunt hasn't been drinking much in this hot weather, cramps, and we can hardly keep her awake",
        ],
    );
    at_most(
        "soon",
        &[
            "hot weather and my calf cramps keep her awake at night",
            "it was a hot day and I'm tired, legs cramp",
            "I haven't been drinking alcohol, no heatwave here, just calf cramps",
        ],
    );
}

#[test]
fn overactive_thyroid_with_fever_and_racing_heart_is_a_thyroid_storm() {
    for text in [
        "my wife has graves disease, she's burning up with a fever and very confused, hands shaking",
        "hyperthyroid here, running a high temperature and my heart's racing, muscles twitching",
    ] {
        let (_, flags) = triage(text);
        assert!(flags.iter().any(|f| f == "thyroid-storm"), "{text}: {flags:?}");
    }
    for text in [
        "overactive thyroid, muscles twitch, no fever",
        "underactive thyroid, fever 38 and agitated with the flu",
        "my mum had hyperthyroidism years ago; I have a fever and my heart is racing",
    ] {
        let (_, flags) = triage(text);
        assert!(
            !flags.iter().any(|f| f == "thyroid-storm"),
            "{text}: {flags:?}"
        );
    }
}

#[test]
fn headaches_better_away_from_home_are_possible_carbon_monoxide() {
    let (_, flags) = triage(
        "we all have headaches and twitchy legs, it's worse at home and better outside, the gas fire is old",
    );
    assert!(flags.iter().any(|f| f == "carbon-monoxide"), "{flags:?}");
    for text in [
        "I get headaches at work, eye twitches in the evening",
        "we all have colds and my calf cramps",
    ] {
        let (_, flags) = triage(text);
        assert!(
            !flags.iter().any(|f| f == "carbon-monoxide"),
            "{text}: {flags:?}"
        );
    }
}
