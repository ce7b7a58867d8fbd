//! 244 paraphrases of the knowledge base's red flags in everyday words
//! (tests/vignettes/paraphrases.toml, issue 9): slang, text-speak, typos, carers
//! writing for a parent or partner, pseudo-negation that must still fire ("no idea
//! why my pee is brown"), and traps where the warning words are negated,
//! hypothetical, someone else's, in the past, or an age or a pregnancy week.
//! Written by a helper who knew the KB, so not a held-out set: it checks that the
//! mechanisms behind the blind set's fixes (word classes, patterns, context rules)
//! reach other wordings. Labelled with urgency only.
//!
//! Floors are what the tool reached when they were set (2026-11-30: 2 missed red
//! flags of 202, 5 false alarms of 42 routine cases; 16 and 6 before that day's
//! fixes; 2026-12-01, redflags4: 0 missed). Zero missed red flags is the goal.

use crate::scored;

/// 202 red-flag cases and 42 routine ones, judged on urgency alone.
const FLOORS: scored::Floors = scored::Floors {
    top1: 0.0,
    top3: 0.0,
    max_under: 0,
    max_over: 5.0 / 42.0,
};

#[test]
fn paraphrased_red_flags_meet_the_regression_floors() {
    let cases = scored::load("tests/vignettes/paraphrases.toml");
    scored::score("paraphrases.toml", &cases).assert_meets(&FLOORS);
}
