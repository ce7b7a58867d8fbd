//! `check --with-diary` (or `--diary FILE`): the red flags the diary raises,
//! added to a check. In the JSON
//! each of them carries `"source": "diary"` and the diary's `reason`; a red flag
//! without `source` came from the query.

use std::io::Write;
use std::path::Path;

use chrono::Local;
use engine::kb::Urgency;
use engine::report::{FiredFlag, MentionedFlag, Recognized, Suggestion};
use engine::{triage, Checker, Report};
use serde::Serialize;

use super::diary::{diary_flags, DiaryFlag};
use crate::diary::record::Record;
use crate::diary::store::{self, Store};
use crate::error::Error;

/// Adds the diary's red flags (those the query did not fire already) to `report`,
/// raising its urgency to match, and returns them. `file` is `--diary FILE`: it
/// must be a diary that exists, since `check --diary calf cramps` would
/// otherwise read "calf" as a file and quietly add nothing.
pub fn add<'a>(
    checker: &'a Checker,
    report: &mut Report<'a>,
    file: Option<&Path>,
) -> Result<Vec<DiaryFlag>, Error> {
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
    let mut added = Vec::new();
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
        });
        added.push(flag);
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
    Ok(added)
}

/// `check --json` with the diary's red flags: the same fields in the same order
/// (a test compares them), each diary flag with `source` and `reason` added.
#[derive(Serialize)]
struct WithDiary<'r, 'a> {
    schema_version: u32,
    query: &'r str,
    recognized: &'r [Recognized<'a>],
    unrecognized: &'r [String],
    suggestions: &'r [Suggestion<'a>],
    red_flags: Vec<Flag<'r, 'a>>,
    mentioned_red_flags: &'r [MentionedFlag<'a>],
    duration_days: Option<u32>,
    urgency: Urgency,
    causes_secondary: bool,
    advice: &'static str,
    disclaimer: &'static str,
    questions: &'r [engine::report::Question<'a>],
    should_stop: bool,
    kb: &'r crate::knowledge::KbInfo,
}

#[derive(Serialize)]
struct Flag<'r, 'a> {
    #[serde(flatten)]
    flag: &'r FiredFlag<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'r str>,
}

pub fn write_json(
    out: &mut impl Write,
    report: &Report,
    added: &[DiaryFlag],
    kb: &crate::knowledge::KbInfo,
) -> Result<(), Error> {
    let with = WithDiary {
        schema_version: report.schema_version,
        query: &report.query,
        recognized: &report.recognized,
        unrecognized: &report.unrecognized,
        suggestions: &report.suggestions,
        red_flags: report
            .red_flags
            .iter()
            .map(|f| {
                let d = added.iter().find(|d| d.id == f.id);
                Flag {
                    flag: f,
                    source: d.map(|d| d.source),
                    reason: d.map(|d| d.reason.as_str()),
                }
            })
            .collect(),
        mentioned_red_flags: &report.mentioned_red_flags,
        duration_days: report.duration_days,
        urgency: report.urgency,
        causes_secondary: report.causes_secondary,
        advice: report.advice,
        disclaimer: report.disclaimer,
        questions: &report.questions,
        should_stop: report.should_stop,
        kb,
    };
    crate::output::json::write_pretty(out, &with)?;
    Ok(())
}
