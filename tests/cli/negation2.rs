//! Wordings that look negated or hedged but affirm a sign (session 6, negation2):
//! hedges ("not gonna lie", "can't deny", "not saying X but", "no exaggeration")
//! are pseudo-negations, and double negations ("I'd be lying if I said it wasn't",
//! "can't say it isn't", "not that I don't") cancel the negation that follows them.
//! A seizure said as "fitting" counts when something only a fit has is said with it.
//! The wordings are written for these tests; the traps must stay calm.

use crate::spans::{at_least, at_most, triage};

#[test]
fn hedges_that_affirm_do_not_negate() {
    at_least(
        "emergency",
        &[
            "not gonna lie my wee is brown like coke since leg day yesterday and my thighs are swollen",
            "im not going to lie my pee has gone the colour of cola after the bootcamp and my legs are rock hard",
            "I'm not saying it's the worst headache of my life but it hit like a thunderclap 5 minutes ago and I'm being sick",
            "not being funny but my chest has been tight and heavy for an hour with these arm cramps",
            "no exaggeration I can't get my breath and my lips look blue, hands cramping",
        ],
    );
    at_least(
        "urgent",
        &[
            "no exaggeration my calf is swollen hot and red since the long haul flight",
            "no word of a lie my calf is swollen and hot since the flight home from Dubai",
        ],
    );
    at_least(
        "soon",
        &[
            "can't deny the tingling in my feet has been creeping up my legs for a few weeks, with twitches in my calves",
            "cannot deny the numbness in my toes is spreading up to my knees over the last month",
        ],
    );
}

#[test]
fn double_negations_affirm() {
    at_least(
        "urgent",
        &[
            "I'd be lying if I said the calf wasn't swollen, it's hot puffy and tight since the coach trip",
            "i would be lying if i said my leg wasnt swollen and red since the flight",
            "can't say it isn't swollen my calf is hot and red after the flight",
        ],
    );
    at_least(
        "emergency",
        &[
            "I'd be lying if I said I didn't have chest pain with the cramps",
            "not that I don't have a fever, it's 39.5 and my neck is stiff",
        ],
    );
    let (_, flags) = triage(
        "I'd be lying if I said the calf wasn't swollen - it's hot and puffy since the coach trip",
    );
    assert!(flags.iter().any(|f| f == "leg-swelling"), "{flags:?}");
    let (_, flags) = triage(
        "I wouldn't say I can't walk exactly, I just can't put weight on my legs since the gym and they ache",
    );
    assert!(!flags.is_empty(), "{flags:?}");
}

#[test]
fn fitting_is_a_seizure() {
    at_least(
        "emergency",
        &[
            "wife fitting 6 min now not stopping",
            "he's fitting on the floor and his eyes are rolling",
            "my dad is fitting and it won't stop, what do I do",
            "she's been fitting for ages and she's unresponsive",
            "my partner is fitting, foaming at the mouth",
        ],
    );
}

#[test]
fn fit_as_fitness_or_fitting_out_stays_calm() {
    at_most(
        "routine",
        &[
            "we're having new kitchen cabinets fitted and my calf keeps twitching",
            "trying to keep fit, calf cramps at night",
            "the shoes don't fit properly and my foot cramps",
            "I'm fitting carpets all day on the floor and my thighs cramp",
            "fitted sheet keeps coming off, legs twitch at night",
            "not really fitting in at my new job, stress twitch in my eyelid",
            "I'm fit and healthy, just an eyelid twitch for a week",
        ],
    );
}

#[test]
fn real_negations_stay_calm() {
    at_most(
        "routine",
        &[
            "no chest pain, just twitching in my calf",
            "my calf is not swollen, just crampy at night",
            "I can't say I've noticed any weakness, just the twitching in my thigh",
            "not gonna lie I've had no numbness at all, just calf twitches",
            "I'd be lying if I said I wasn't worried, but the twitch in my eyelid is all I have",
            "no offence but there's no weakness, just twitching in my arm",
            "to be honest the calf isn't swollen or red, it just cramps after football",
            "I wouldn't say it's weakness exactly, I can lift everything fine, just twitchy",
        ],
    );
}
