//! Labelled query sets scored in-process, as `../shared/tools/acceptable.py`
//! scores them: top-1 and top-3 (an acceptable cause first, or among the first
//! three), missed red flags (the urgency given is below the clinician's) and false
//! alarms (a routine case answered above routine).
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

/// One labelled query.
#[derive(Deserialize)]
pub struct Case {
    pub query: String,
    /// Causes a clinician accepts first; absent when the case judges urgency alone.
    pub acceptable: Option<Vec<String>>,
    pub urgency: String,
}

/// The cases of a TOML file under the crate's root (`tests/vignettes/people.toml`).
pub fn load(path: &str) -> Vec<Case> {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()));
    toml::from_str::<Cases>(&text)
        .unwrap_or_else(|e| panic!("{}: {e}", full.display()))
        .case
}

/// How a set of cases fared.
pub struct Score {
    pub top1: f64,
    pub top3: f64,
    /// Missed red flags, described.
    pub under: Vec<String>,
    /// False alarms, described.
    pub over: Vec<String>,
    /// Routine cases (the false-alarm rate's denominator).
    pub routine: usize,
}

/// The least a set must keep, as reached when its floors were last raised: a
/// change that loses ground fails. Sets judged on urgency alone keep top-1 and
/// top-3 at zero.
pub struct Floors {
    pub top1: f64,
    pub top3: f64,
    /// Missed red flags (the urgency given is below the clinician's).
    pub max_under: usize,
    /// Routine cases answered above routine, as a share of routine cases.
    pub max_over: f64,
}

impl Score {
    /// False alarms as a share of routine cases.
    pub fn over_rate(&self) -> f64 {
        self.over.len() as f64 / self.routine.max(1) as f64
    }

    /// Fails the test when any figure is below its floor.
    pub fn assert_meets(&self, floors: &Floors) {
        assert!(
            self.top1 >= floors.top1,
            "top-1 {:.3} under {}",
            self.top1,
            floors.top1
        );
        assert!(
            self.top3 >= floors.top3,
            "top-3 {:.3} under {}",
            self.top3,
            floors.top3
        );
        assert!(
            self.under.len() <= floors.max_under,
            "{} missed red flags, more than {}",
            self.under.len(),
            floors.max_under
        );
        assert!(
            self.over_rate() <= floors.max_over,
            "false alarms {:.3} over {:.3}",
            self.over_rate(),
            floors.max_over
        );
    }
}

/// Checks every case with the embedded knowledge base, prints the misses and a
/// summary line named `name`, and returns the score.
pub fn score(name: &str, cases: &[Case]) -> Score {
    let checker = Checker::new(twitchcheck::knowledge::embedded());
    let (mut top1, mut top3, mut ranked) = (0usize, 0usize, 0usize);
    let (mut under, mut over, mut routine) = (Vec::new(), Vec::new(), 0usize);
    for case in cases {
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
    let score = Score {
        top1: rate(top1, ranked),
        top3: rate(top3, ranked),
        under,
        over,
        routine,
    };
    println!(
        "{name}: top-1 {:.1} %, top-3 {:.1} %, missed red flags {}, false alarms {}/{}",
        score.top1 * 100.0,
        score.top3 * 100.0,
        score.under.len(),
        score.over.len(),
        score.routine
    );
    score
}
