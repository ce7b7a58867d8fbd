//! 224 queries written blind on 2026-12-01 (tests/vignettes/blind-set-4.toml): 144
//! red flags (70 emergencies, 35 urgent, 39 soon) and 80 traps and ordinary queries
//! with acceptable causes, by a helper who never saw the knowledge base, its code or
//! any other test set. Its misses were then used to find missing mechanisms (word
//! classes, context rules, patterns), never to add its strings.
//!
//! Held-out figures on main (aa09b8d) before any work on it: top-1 64/80 (80.0 %),
//! top-3 72/80 (90.0 %), 21 missed red flags, 4 of 80 false alarms. Floors are what
//! the tool reached when they were set (branch redflags4: top-1 81.2 %, top-3 91.2 %,
//! 4 missed red flags, 1 of 80 false alarms); zero missed red flags is the goal.

use crate::scored;

const FLOORS: scored::Floors = scored::Floors {
    top1: 65.0 / 80.0,
    top3: 73.0 / 80.0,
    max_under: 4,
    max_over: 1.0 / 80.0,
};

#[test]
fn blind_set_4_meets_the_regression_floors() {
    let cases = scored::load("tests/vignettes/blind-set-4.toml");
    scored::score("blind-set-4.toml", &cases).assert_meets(&FLOORS);
}
