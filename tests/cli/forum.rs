//! Long forum posts pile up false alarms (blind set 6): durations that are not how
//! long the symptom has lasted, a twitch a doctor already called benign, a match's
//! or a class's length read as a cramp's, a fit in childhood, "is this normal?"
//! read as a denial. Each mechanism has must-still-fire
//! twins. The wordings are written for these tests, not taken from any vignette set.

use crate::spans::triage;

fn urgency(query: &str) -> String {
    triage(query).0
}

fn flags(query: &str) -> Vec<String> {
    crate::check_json(query)["red_flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn an_activity_begun_weeks_ago_is_not_how_long_a_twitch_lasted() {
    for q in [
        "Started couch to 5k four weeks ago. My calves twitch after runs, normal?",
        "Began a new bootcamp class 3 weeks ago, 30M. My thighs twitch for an hour after.",
        "Started running a month ago. Quads twitch like popcorn after long runs.",
    ] {
        assert!(!flags(q).contains(&"persistent".into()), "{q}");
    }
    // Must still fire: the twitch itself began weeks ago.
    assert!(
        flags("It started 3 weeks ago. Twitching in my calf all day")
            .contains(&"persistent".into())
    );
    assert!(flags("my eyelid started twitching 4 weeks ago").contains(&"persistent".into()));
    assert!(
        flags("my calf has been twitching for 3 weeks and now my arm too")
            .contains(&"persistent".into())
    );
}

#[test]
fn a_date_or_a_habit_is_not_a_duration() {
    for q in [
        "My thumb twitches when I type. Last month I was sure it was MS, before that a tumour.",
        "Calf cramps after my run today. I've been doing this for years, first time it's happened.",
        "Twitchy eyelid for 4 days. Warehouse nights since the start of the month.",
        "Swimming twice a week since January. Foot cramped in the pool today.",
    ] {
        assert!(!flags(q).contains(&"persistent".into()), "{q}");
    }
    assert!(flags("my leg twitching since last month").contains(&"persistent".into()));
    assert!(flags("twitching in my calf since January, every day").contains(&"persistent".into()));
    assert!(flags("twitching for the last month").contains(&"persistent".into()));
    assert!(flags("twitching for 6 wks").contains(&"persistent".into()));
}

#[test]
fn a_symptom_that_went_away_after_months_is_not_lasting_now() {
    let q = "Back in 2019 I had tingling in my foot that went away after a few months. \
             Now my calf twitches since Monday.";
    assert!(!flags(q).contains(&"persistent".into()), "{q}");
    assert!(flags("tingling in my foot for a few months now").contains(&"persistent".into()));
}

#[test]
fn is_it_normal_is_a_question_not_a_denial() {
    for q in [
        "is 2 months of twitching normal??",
        "Is twitching for 6 weeks normal? different muscles every day",
        "is 5 weeks of my eyelid twitching normal",
    ] {
        assert_eq!(urgency(q), "soon", "{q}");
    }
    // A result that was normal still denies.
    assert_eq!(
        urgency("my reflexes were normal, calf cramps at night"),
        "routine"
    );
}

#[test]
fn a_twitch_a_doctor_called_benign_needs_no_new_visit() {
    for q in [
        "Twitching in my calves for 10 weeks. Neurologist examined me last month and said benign fasciculations. How do I stop worrying?",
        "thigh twitches for 3 months, my GP checked me over and said it's benign, bloods normal. anyone else?",
        "Been twitching for 2 months, saw a neuro who said it's BFS, nothing to worry about.",
    ] {
        assert!(!flags(q).contains(&"persistent".into()), "{q}");
    }
    // Must still fire: no doctor, or the doctor's word is only hoped for.
    assert!(
        flags("Twitching in my calves for 10 weeks, no doctor has seen it")
            .contains(&"persistent".into())
    );
    // Weakness is its own red flag whatever the doctor said.
    assert_ne!(
        urgency("neurologist said benign fasciculations 2 months ago but now my hand is weak and I keep dropping cups"),
        "routine"
    );
}

#[test]
fn an_activitys_length_is_not_a_cramps() {
    for q in [
        "Played a full 80 minutes of rugby, calf cramped in the last 5 minutes. Fine now.",
        "Did a 75 minute spin class, about 50 mins in my hamstring cramped. All good after.",
        "two hour hike, 90 mins in my calf cramped for a bit then eased",
    ] {
        assert!(!flags(q).contains(&"long-cramp".into()), "{q}");
    }
    assert!(
        flags("my calf cramped for 20 minutes and wouldn't let go").contains(&"long-cramp".into())
    );
    assert!(flags("cramp in my thigh lasted 30 minutes").contains(&"long-cramp".into()));
}

#[test]
fn heat_exhaustion_still_fires_while_unwell() {
    assert_eq!(
        urgency("Ran in 30 degree heat, cramps and still dizzy and sick, can't cool down"),
        "urgent"
    );
}

#[test]
fn a_fit_in_childhood_is_history() {
    for q in [
        "I had a seizure when I was 6 with a fever, nothing since. Eyelid twitching this week.",
        "had one fit when I was 14, never again. my lip twitches when I'm stressed",
    ] {
        assert!(!flags(q).contains(&"seizure".into()), "{q}");
    }
    assert_eq!(
        urgency("I had a seizure yesterday and my arm is still twitching"),
        "emergency"
    );
    assert_eq!(
        urgency("he had a fit an hour ago, shaking all over"),
        "emergency"
    );
}

#[test]
fn numbness_now_still_fires() {
    assert!(flags("my foot has been numb since yesterday").contains(&"numbness".into()));
}
