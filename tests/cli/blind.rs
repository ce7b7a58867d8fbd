//! 249 queries written blind on 2026-11-30 (tests/vignettes/blind-redflags.toml):
//! red flags in everyday words, context traps (negated, someone else's, past,
//! hypothetical, ages and pregnancy weeks) and ordinary queries, by a helper who
//! never saw the knowledge base, its code or any other test set. Labelled with
//! urgency only. A held-out check of whether the understanding generalizes: its
//! misses were used to find missing mechanisms, never to add its strings.
//!
//! Floors are what the tool reached when they were set (2026-11-30: 12 missed red
//! flags and 8 of 96 false alarms; on main before that day's work, 26 and 16);
//! zero missed red flags is the goal.

use crate::scored;

/// Missed red flags (urgency below the clinician's), of 153 red-flag cases.
const MAX_UNDER_TRIAGE: usize = 12;
/// False alarms, as a share of the 96 routine cases.
const MAX_OVER_TRIAGE: f64 = 8.0 / 96.0;

#[test]
fn blind_queries_meet_the_regression_floors() {
    let score = scored::score(
        "blind-redflags.toml",
        &scored::load("tests/vignettes/blind-redflags.toml"),
    );
    assert!(
        score.under.len() <= MAX_UNDER_TRIAGE,
        "{} missed red flags, more than {MAX_UNDER_TRIAGE}",
        score.under.len()
    );
    assert!(
        score.over_rate() <= MAX_OVER_TRIAGE,
        "false alarms {:.3} over {MAX_OVER_TRIAGE}",
        score.over_rate()
    );
}
