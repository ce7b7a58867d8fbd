//! `check --diary`: the red flags the diary raises, added to a check. In the JSON
//! each of them carries `"source": "diary"` and the diary's `reason`; a red flag
//! without `source` came from the query.

use std::io::Write;
use std::path::Path;

use chrono::Local;
use engine::report::FiredFlag;
use engine::{triage, Checker, Report};

use super::diary::{diary_flags, DiaryFlag};
use crate::diary::store::{self, Store};
use crate::error::Error;

/// Adds the diary's red flags (those the query did not fire already) to `report`,
/// raising its urgency to match, and returns them.
pub fn add<'a>(
    checker: &'a Checker,
    report: &mut Report<'a>,
    file: &Path,
) -> Result<Vec<DiaryFlag>, Error> {
    let path = store::resolve(Some(file))?;
    let entries = match Store::open_existing(&path)? {
        Some(s) => s.entries(None)?,
        None => Vec::new(),
    };
    let kb = &checker.kb;
    let mut added = Vec::new();
    for flag in diary_flags(kb, &entries, Local::now().date_naive()) {
        let Some(r) = kb.red_flag(&flag.id) else {
            continue;
        };
        if report.red_flags.iter().any(|f| f.id == flag.id) {
            continue;
        }
        let r = &kb.red_flags[r];
        report.red_flags.push(FiredFlag {
            id: &r.id,
            name: &r.name,
            urgency: r.urgency,
            advice: &r.advice,
        });
        added.push(flag);
    }
    report.red_flags.sort_by(|a, b| b.urgency.cmp(&a.urgency));
    if let Some(top) = report.red_flags.iter().map(|f| f.urgency).max() {
        if top > report.urgency {
            report.urgency = top;
            report.advice = triage::advice(top);
        }
    }
    Ok(added)
}

/// `check --json` with the diary's red flags marked `"source": "diary"`.
pub fn write_json(out: &mut impl Write, report: &Report, added: &[DiaryFlag]) -> Result<(), Error> {
    let mut value = serde_json::to_value(report).map_err(std::io::Error::from)?;
    if let Some(flags) = value.get_mut("red_flags").and_then(|v| v.as_array_mut()) {
        for f in flags {
            let Some(obj) = f.as_object_mut() else {
                continue;
            };
            let id = obj.get("id").and_then(|v| v.as_str()).unwrap_or("");
            if let Some(d) = added.iter().find(|d| d.id == id) {
                obj.insert("source".into(), "diary".into());
                obj.insert("reason".into(), d.reason.clone().into());
            }
        }
    }
    crate::output::json::write_pretty(out, &value)?;
    Ok(())
}
