//! 200 queries written blind on 2026-12-01 (tests/vignettes/blind-set-7.toml): 130
//! red flags in everyday words (95 emergencies, 20 urgent, 15 soon) and 70 traps and
//! ordinary queries with acceptable causes, by a helper who never saw the knowledge
//! base, its code or any other test set. Written to measure the day's work held out;
//! its misses were then used to find missing mechanisms, never to add its strings.
//!
//! Held-out figures: on main at the start of the session (4e85216) top-1 58/70,
//! top-3 66/70, 28 of 130 red flags missed, 9 of 70 false alarms; on the merged tree
//! after the session's other fixes (cdad2ec) top-1 59/70, top-3 66/70, 23 missed, 10
//! of 70 false alarms. Floors are what the tool reached when they were set; zero
//! missed red flags is the goal.

use crate::scored;

const FLOORS: scored::Floors = scored::Floors {
    top1: 59.0 / 70.0,
    top3: 66.0 / 70.0,
    max_under: 0,
    max_over: 10.0 / 70.0,
};

#[test]
fn blind_set_7_meets_the_regression_floors() {
    let cases = scored::load("tests/vignettes/blind-set-7.toml");
    scored::score("blind-set-7.toml", &cases).assert_meets(&FLOORS);
}
