//! 339 queries written by someone who never saw the knowledge base
//! (tests/vignettes/people.toml): forum posts, questions, slang, non-native English,
//! people writing for a parent or child, with the causes a clinician accepts and the
//! urgency a careful clinician gives. Scored in-process like
//! `../shared/tools/acceptable.py` (see `scored`), as a regression suite: the floors
//! are what the tool reached when they were set, so a change that loses ground fails
//! here.

use crate::scored;

/// Floors, as reached when they were last raised (2026-11-30, after the ranking
/// work of issue 9: `excludes` links, the B6 supplement finding, diuretic cramps and
/// two-place twitching: top-1 83.2 %, top-3 92.1 %, 12 missed red flags, 6 of 174
/// false alarms; before it, after the clinical
/// output rules, context traps and the blind set's fit and spinal signs: top-1
/// 82.8 %, top-3 91.8 %, 14 missed red flags, 6 of 174 false alarms; after facts that
/// span sentences: 79.9 %, 88.2 %, 14 and 9; before them 79.2 %, 87.8 %, 17 and 10; before concept classes and
/// the context layer: 68.8 %, 85.7 %, 74 and 16). Not the goal: zero missed red
/// flags is; these only stop a change from losing ground.
const MIN_TOP1: f64 = 0.831;
const MIN_TOP3: f64 = 0.921;
/// Missed red flags: the urgency given is below the clinician's.
const MAX_UNDER_TRIAGE: usize = 12;
/// Routine cases answered above routine, as a share of routine cases.
const MAX_OVER_TRIAGE: f64 = 6.0 / 174.0;

#[test]
fn people_queries_meet_the_regression_floors() {
    let score = scored::score("people.toml", &scored::load("tests/vignettes/people.toml"));
    assert!(
        score.top1 >= MIN_TOP1,
        "top-1 {:.3} under {MIN_TOP1}",
        score.top1
    );
    assert!(
        score.top3 >= MIN_TOP3,
        "top-3 {:.3} under {MIN_TOP3}",
        score.top3
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
