//! 150 queries written blind on 2026-12-01, session 5 (tests/vignettes/blind-set-11.toml):
//! 100 red flags described indirectly, 30 traps and 20 cause queries, by a helper who
//! never saw the knowledge base, its code or any other test set. Written last in the
//! session and scored held out at every step before anything was changed for it.
//!
//! Held-out figures (missed, of 112 cases above routine): main (a8687ce) 22; after the
//! sets 8 and 9 fixes 20; with the sudden-start escalation 19; with set 10's fixes 18.
//! False alarms 6 of 38 throughout. Floors are what the tool reached when they were set.

use crate::scored;

const FLOORS: scored::Floors = scored::Floors {
    top1: 62.0 / 87.0,
    top3: 70.0 / 87.0,
    max_under: 9,
    max_over: 6.0 / 38.0,
};

#[test]
fn blind_set_11_meets_the_regression_floors() {
    let cases = scored::load("tests/vignettes/blind-set-11.toml");
    scored::score("blind-set-11.toml", &cases).assert_meets(&FLOORS);
}
