//! 339 queries written by someone who never saw the knowledge base
//! (tests/vignettes/people.toml): forum posts, questions, slang, non-native English,
//! people writing for a parent or child, with the causes a clinician accepts and the
//! urgency a careful clinician gives. Scored in-process like
//! `../shared/tools/acceptable.py`, as a regression suite: the floors are what the
//! tool reached when they were set, so a change that loses ground fails here.
//!
//! Every missed red flag and false alarm is printed (`cargo test -- --nocapture`),
//! the worst first, so the misses that remain are visible, not hidden in a rate.

use engine::kb::Urgency;
use engine::Checker;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    query: String,
    acceptable: Option<Vec<String>>,
    urgency: String,
}

/// Floors, as reached when they were last raised (2026-11-30, after facts that span
/// sentences: top-1 79.9 %, top-3 88.2 %, 14 missed red flags, 9 of 174 false
/// alarms; before them 79.2 %, 87.8 %, 17 and 10; before concept classes and
/// the context layer: 68.8 %, 85.7 %, 74 and 16). Not the goal: zero missed red
/// flags is; these only stop a change from losing ground.
const MIN_TOP1: f64 = 0.79;
const MIN_TOP3: f64 = 0.88;
/// Missed red flags: the urgency given is below the clinician's.
const MAX_UNDER_TRIAGE: usize = 14;
/// Routine cases answered above routine, as a share of routine cases.
const MAX_OVER_TRIAGE: f64 = 9.0 / 174.0;

#[test]
fn people_queries_meet_the_regression_floors() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/vignettes/people.toml"
    ))
    .unwrap();
    let cases: Cases = toml::from_str(&text).unwrap();
    let checker = Checker::new(twitchcheck::knowledge::embedded());
    let (mut top1, mut top3, mut ranked) = (0usize, 0usize, 0usize);
    let (mut under, mut over, mut routine) = (Vec::new(), Vec::new(), 0usize);
    for case in &cases.case {
        let report = checker.check(&case.query, 5);
        let ids: Vec<&str> = report.suggestions.iter().map(|s| s.id).collect();
        if let Some(ok) = &case.acceptable {
            ranked += 1;
            top1 += usize::from(ids.first().is_some_and(|id| ok.iter().any(|o| o == id)));
            top3 += usize::from(ids.iter().take(3).any(|id| ok.iter().any(|o| o == id)));
        }
        let want = Urgency::parse(&case.urgency).expect("a known urgency");
        if report.urgency < want {
            under.push(format!(
                "{want} answered {}: {:?}",
                report.urgency, case.query
            ));
        }
        if want == Urgency::Routine {
            routine += 1;
            if report.urgency > Urgency::Routine {
                over.push(format!(
                    "routine answered {}: {:?}",
                    report.urgency, case.query
                ));
            }
        }
    }
    under.sort();
    under.reverse();
    for line in under.iter().chain(&over) {
        println!("{line}");
    }
    let rate = |n: usize, d: usize| n as f64 / d.max(1) as f64;
    let (top1, top3) = (rate(top1, ranked), rate(top3, ranked));
    let over_rate = rate(over.len(), routine);
    println!(
        "people.toml: top-1 {:.1} %, top-3 {:.1} %, missed red flags {}, false alarms {}/{routine}",
        top1 * 100.0,
        top3 * 100.0,
        under.len(),
        over.len()
    );
    assert!(top1 >= MIN_TOP1, "top-1 {top1:.3} under {MIN_TOP1}");
    assert!(top3 >= MIN_TOP3, "top-3 {top3:.3} under {MIN_TOP3}");
    assert!(
        under.len() <= MAX_UNDER_TRIAGE,
        "{} missed red flags, more than {MAX_UNDER_TRIAGE}",
        under.len()
    );
    assert!(
        over_rate <= MAX_OVER_TRIAGE,
        "false alarms {over_rate:.3} over {MAX_OVER_TRIAGE}"
    );
}
