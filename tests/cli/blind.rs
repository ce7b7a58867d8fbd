//! 249 queries written blind on 2026-11-30 (tests/vignettes/blind-redflags.toml):
//! red flags in everyday words, context traps (negated, someone else's, past,
//! hypothetical, ages and pregnancy weeks) and ordinary queries, by a helper who
//! never saw the knowledge base, its code or any other test set. Labelled with
//! urgency only. A held-out check of whether the understanding generalizes: its
//! misses were used to find missing mechanisms, never to add its strings.
//!
//! Floors are what the tool reached when they were set (2026-11-30, issue 9: no
//! missed red flag and 6 of 96 false alarms; before, 12 and 8; on main before that
//! day's work, 26 and 16). Zero missed red flags is the goal.

use crate::scored;

/// 153 red-flag cases and 96 routine ones, judged on urgency alone: no missed
/// red flag.
const FLOORS: scored::Floors = scored::Floors {
    top1: 0.0,
    top3: 0.0,
    max_under: 0,
    max_over: 4.0 / 96.0,
};

#[test]
fn blind_queries_meet_the_regression_floors() {
    let cases = scored::load("tests/vignettes/blind-redflags.toml");
    scored::score("blind-redflags.toml", &cases).assert_meets(&FLOORS);
}
