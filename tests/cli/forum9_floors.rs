//! 90 forum posts of 50-250 words written blind on 2026-12-01, session 5
//! (tests/vignettes/forum-9.toml): 40 with a red flag buried in them and 50 full of
//! traps (family history, resolved past, things read online, idioms, numbers), by a
//! helper who never saw the knowledge base, its code or any other test set.
//!
//! Held-out figures on main (a8687ce) before any work on it: top-1 52/81, top-3
//! 67/81, 4 red flags missed, 17 of 41 false alarms. Floors are what the tool reached
//! when they were set; long posts still raise the most false alarms.

use crate::scored;

const FLOORS: scored::Floors = scored::Floors {
    top1: 53.0 / 81.0,
    top3: 69.0 / 81.0,
    max_under: 0,
    max_over: 12.0 / 41.0,
};

#[test]
fn forum_9_meets_the_regression_floors() {
    let cases = scored::load("tests/vignettes/forum-9.toml");
    scored::score("forum-9.toml", &cases).assert_meets(&FLOORS);
}
