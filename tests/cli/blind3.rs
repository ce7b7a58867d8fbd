//! 248 queries written blind on 2026-11-30 (tests/vignettes/blind-redflags-3.toml):
//! 178 red flags in everyday words and 70 traps and ordinary queries, by a helper
//! who never saw the knowledge base, its code or any other test set. Labelled with
//! urgency only. Its misses were then used to find missing mechanisms (word
//! classes, context rules, patterns), never to add its strings.
//!
//! Floors are what the tool reached when they were set (2026-11-30, branch
//! redflags3: 2 missed red flags and 6 of 70 false alarms; on main before that
//! work, 24 and 7; redflags4 on 2026-12-01: 0 missed).

use crate::scored;

/// 178 red-flag cases and 70 routine ones, judged on urgency alone.
const FLOORS: scored::Floors = scored::Floors {
    top1: 0.0,
    top3: 0.0,
    max_under: 0,
    max_over: 5.0 / 70.0,
};

#[test]
fn blind_set_3_meets_the_regression_floors() {
    let cases = scored::load("tests/vignettes/blind-redflags-3.toml");
    scored::score("blind-redflags-3.toml", &cases).assert_meets(&FLOORS);
}
