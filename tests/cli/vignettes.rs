//! The project's own vignettes (tests/vignettes.toml), worded independently of the
//! dev set, scored in-process with the embedded knowledge base against the same
//! floors as the dev scorer: top-1 at least 90 %, and top-3, red-flag escalation,
//! no false alarms and exit statuses all 100 %.

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
    top1: Option<Vec<String>>,
    top3: Option<Vec<String>>,
    urgency: Option<String>,
    exit: Option<i32>,
}

#[test]
fn own_vignettes_meet_the_floors() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vignettes.toml"))
            .unwrap();
    let cases: Cases = toml::from_str(&text).unwrap();
    let checker = Checker::new(twitchcheck::knowledge::embedded());
    let (mut top1, mut top1_n, mut failures) = (0, 0, Vec::new());
    for case in &cases.case {
        let report = checker.check(&case.query, 5);
        let ids: Vec<&str> = report.suggestions.iter().map(|s| s.id).collect();
        let exit = if report.recognized_anything() { 0 } else { 1 };
        let mut problems = Vec::new();
        if exit != case.exit.unwrap_or(0) {
            problems.push(format!("exit {exit}"));
        }
        if let Some(want) = &case.top1 {
            top1_n += 1;
            if ids.first().is_some_and(|id| want.iter().any(|w| w == id)) {
                top1 += 1;
            } else {
                // Counted against the 90 % floor, reported but not a failure alone.
                println!(
                    "top-1 miss: {:?}: got {:?}, wanted one of {want:?}",
                    case.query,
                    ids.first()
                );
            }
        }
        if let Some(want) = &case.top3 {
            let missing: Vec<&String> = want
                .iter()
                .filter(|w| !ids[..ids.len().min(3)].contains(&w.as_str()))
                .collect();
            if !missing.is_empty() {
                problems.push(format!(
                    "top-3 {:?} lacks {missing:?}",
                    &ids[..ids.len().min(3)]
                ));
            }
        }
        match case.urgency.as_deref() {
            Some("routine") if report.urgency != Urgency::Routine => {
                problems.push(format!("false alarm: {}", report.urgency));
            }
            Some(level) if level != "routine" => {
                let want = Urgency::parse(level).unwrap();
                if report.urgency < want {
                    problems.push(format!(
                        "urgency {}, wanted at least {want}",
                        report.urgency
                    ));
                }
            }
            _ => {}
        }
        if !problems.is_empty() {
            failures.push(format!("{:?}: {}", case.query, problems.join("; ")));
        }
    }
    let rate = f64::from(top1) / f64::from(top1_n.max(1));
    println!("top-1 {top1}/{top1_n} ({:.0} %)", rate * 100.0);
    assert!(
        failures.is_empty(),
        "vignette failures:\n{}",
        failures.join("\n")
    );
    assert!(rate >= 0.9, "top-1 {top1}/{top1_n} is under the 90 % floor");
}
