//! 248 queries written blind on 2026-11-30 (tests/vignettes/blind-redflags-3.toml):
//! 178 red flags in everyday words and 70 traps and ordinary queries, by a helper
//! who never saw the knowledge base, its code or any other test set. Labelled with
//! urgency only. Its misses were then used to find missing mechanisms (word
//! classes, context rules, patterns), never to add its strings.
//!
//! Floors are what the tool reached when they were set (2026-11-30, branch
//! redflags3: 2 missed red flags and 6 of 70 false alarms; on main before that
//! work, 24 and 7); zero missed red flags is the goal.

use crate::scored;

/// Missed red flags (urgency below the clinician's), of 178 red-flag cases.
const MAX_UNDER_TRIAGE: usize = 2;
/// False alarms, as a share of the 70 routine cases.
const MAX_OVER_TRIAGE: f64 = 6.0 / 70.0;

#[test]
fn blind_set_3_meets_the_regression_floors() {
    let score = scored::score(
        "blind-redflags-3.toml",
        &scored::load("tests/vignettes/blind-redflags-3.toml"),
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
