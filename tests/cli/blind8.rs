//! 200 queries written blind on 2026-12-01, session 5 (tests/vignettes/blind-set-8.toml):
//! 130 red flags in everyday words, 40 traps and 30 cause queries, by a helper who
//! never saw the knowledge base, its code or any other test set. Written to measure
//! the session's start held out; its misses then guided mechanism fixes, never its
//! strings.
//!
//! Held-out figures on main (a8687ce) before any work on it: top-1 24/30, top-3 27/30,
//! 33 of 130 red flags missed, 12 of 53 false alarms. Floors are what the tool reached
//! when they were set. The one miss left is dialysis cramps near the end of a session,
//! kept routine by decision (data/README.md, "Blind set 8: body").

use crate::scored;

const FLOORS: scored::Floors = scored::Floors {
    // 30 of the 30 cause queries.
    top1: 1.0,
    top3: 1.0,
    max_under: 1,
    max_over: 4.0 / 53.0,
};

#[test]
fn blind_set_8_meets_the_regression_floors() {
    let cases = scored::load("tests/vignettes/blind-set-8.toml");
    scored::score("blind-set-8.toml", &cases).assert_meets(&FLOORS);
}
