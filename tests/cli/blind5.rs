//! 260 queries written blind on 2026-12-01 (tests/vignettes/blind-set-5.toml): 170
//! red flags in everyday words (94 emergencies, 50 urgent, 26 soon) and 90 traps and
//! ordinary queries with acceptable causes, by a helper who never saw the knowledge
//! base, its code or any other test set. Its misses were then used to find missing
//! mechanisms (ways to say "pass urine", a thunderclap headache, a missed dialysis
//! session, withdrawal hallucinations, a TIA in one eye...), never to add its strings.
//!
//! Held-out figures on main (4e85216) before any work on it: top-1 80/90 (88.9 %),
//! top-3 88/90 (97.8 %), 31 of 170 red flags missed, 10 of 90 false alarms. Floors
//! are what the tool reached when they were set; zero missed red flags is the goal.

use crate::scored;

const FLOORS: scored::Floors = scored::Floors {
    top1: 83.0 / 90.0,
    top3: 89.0 / 90.0,
    max_under: 1,
    max_over: 6.0 / 90.0,
};

#[test]
fn blind_set_5_meets_the_regression_floors() {
    let cases = scored::load("tests/vignettes/blind-set-5.toml");
    scored::score("blind-set-5.toml", &cases).assert_meets(&FLOORS);
}
