//! `check --with-diary` (or `--diary FILE`): the red flags the diary raises,
//! added to a check. Each carries `source: "diary"` and the diary's `reason`
//! (in the JSON too); a red flag without `source` came from the query.

use std::path::Path;

use chrono::Local;
use engine::report::FiredFlag;
use engine::{triage, Checker, Report};

use super::diary::diary_flags;
use crate::diary::record::Record;
use crate::diary::store::{self, Store};
use crate::error::Error;

/// Adds the diary's red flags (those the query did not fire already) to `report`,
/// raising its urgency to match. `file` is `--diary FILE`: it
/// must be a diary that exists, since `check --diary calf cramps` would
/// otherwise read "calf" as a file and quietly add nothing.
pub fn add<'a>(
    checker: &'a Checker,
    report: &mut Report<'a>,
    file: Option<&Path>,
) -> Result<(), Error> {
    let path = store::resolve(file)?;
    let store = Store::open_existing(&path)?;
    if let (Some(named), None) = (file, &store) {
        return Err(Error::Usage(format!(
            "--diary {}: there is no diary there. `--diary FILE` names a diary file; to \
             add the red flags of your diary to a check, write `twitchcheck check \
             --with-diary TEXT…`",
            named.display()
        )));
    }
    let record = match &store {
        Some(s) => s.record()?,
        None => Record::default(),
    };
    let kb = &checker.kb;
    for flag in diary_flags(kb, &record, Local::now().date_naive()) {
        let Some(r) = kb.red_flag(&flag.id) else {
            continue;
        };
        if report.red_flags.iter().any(|f| f.id == flag.id) {
            continue;
        }
        // "no weakness now": the query says a logged red flag is gone.
        let said_gone = report.recognized.iter().any(|m| {
            (m.negated || m.historical)
                && (m.id == flag.id
                    || kb
                        .finding(m.id)
                        .and_then(|f| kb.findings[f].red_flag)
                        .is_some_and(|r| kb.red_flags[r].id == flag.id))
        });
        if said_gone {
            continue;
        }
        let r = &kb.red_flags[r];
        report.red_flags.push(FiredFlag {
            id: &r.id,
            name: &r.name,
            urgency: r.urgency,
            advice: &r.advice,
            source: Some(flag.source),
            reason: Some(flag.reason.clone()),
        });
    }
    report
        .red_flags
        .sort_by_key(|f| std::cmp::Reverse(f.urgency));
    if let Some(top) = report.red_flags.iter().map(|f| f.urgency).max() {
        if top > report.urgency {
            report.urgency = top;
            report.causes_secondary = triage::causes_secondary(top);
            report.advice = triage::advice(top);
        }
    }
    Ok(())
}
