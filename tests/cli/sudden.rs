//! A sign that is urgent when it creeps up (real weakness, slurred speech,
//! trouble swallowing, double vision with drooping eyelids) is an emergency when it
//! came on suddenly or within hours: `sudden-neuro-signs` escalates those red flags
//! when a sudden start (`sudden-onset`) is said anywhere in the message. The
//! wordings are written for these tests.

use crate::spans::{at_least, at_most, triage};

#[test]
fn weakness_or_slurring_that_came_on_today_is_an_emergency() {
    at_least(
        "emergency",
        &[
            "my grip just went since lunch, can't hold a pen, arm twitching",
            "she can't lift her left arm properly since this morning, she says it's a cramp",
            "legs went weak all of a sudden about an hour ago and my calves are twitching",
            "keep dropping my cup since this afternoon and my fingers twitch",
        ],
    );
    let (_, flags) = triage("my right arm has gone weak since this morning");
    assert!(flags.iter().any(|f| f == "sudden-neuro-signs"), "{flags:?}");
}

#[test]
fn weakness_that_crept_up_stays_urgent() {
    // Real weakness over weeks needs a doctor today, not an ambulance.
    at_most(
        "urgent",
        &[
            "I've been dropping things for a couple of months and my forearm twitches",
            "my grip has been getting weaker for weeks, thumb muscle twitching",
        ],
    );
    at_least(
        "urgent",
        &["I've been dropping things for a couple of months and my forearm twitches"],
    );
}

#[test]
fn a_sudden_start_said_of_nothing_serious_stays_calm() {
    // A sudden start alone is no sign; it escalates only a sign already there.
    at_most(
        "routine",
        &[
            "my eyelid started twitching suddenly this morning after three coffees",
            "calf cramp came on all of a sudden this afternoon while swimming, eased after a stretch",
        ],
    );
    // A sudden weakness denied is not reported.
    let (_, flags) = triage("eyelid twitching since this morning, no weakness, no slurred speech");
    assert!(
        !flags.iter().any(|f| f == "sudden-neuro-signs"),
        "{flags:?}"
    );
}
