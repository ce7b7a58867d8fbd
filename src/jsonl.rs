//! `batch` output: one compact JSON object per line, the same as `check --json` plus
//! the input line number.
//!
//! Escaping text is most of what writing a line costs (each holds the summaries,
//! what helps, tests and sources of up to five causes, about 6 KB), and those texts
//! are the same on every line. So each cause's texts, and the advice and disclaimer,
//! are escaped once up front and written verbatim (`RawValue`) afterwards. A test
//! checks the lines against `check --json`, so the two shapes cannot drift apart.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::value::RawValue;

use crate::kb::{Kind, KnowledgeBase, Urgency};
use crate::report::{EvidenceItem, FiredFlag, Recognized, Report};
use crate::triage;

/// A cause's texts, already serialized.
struct CauseJson {
    name: Box<RawValue>,
    summary: Box<RawValue>,
    helps: Box<RawValue>,
    tests: Box<RawValue>,
    sources: Box<RawValue>,
}

/// Writes reports as JSON Lines, with the texts shared by every line escaped once.
pub struct LineWriter<'kb> {
    causes: HashMap<&'kb str, CauseJson>,
    /// Advice by urgency, in `Urgency::ALL` order.
    advice: Vec<(Urgency, Box<RawValue>)>,
    disclaimer: Box<RawValue>,
}

fn raw(value: &impl Serialize) -> Box<RawValue> {
    let text = serde_json::to_string(value).expect("KB text serializes");
    RawValue::from_string(text).expect("serde_json writes valid JSON")
}

/// The fields of one line, in the order of `Report`'s fields, "line" first.
#[derive(Serialize)]
struct Line<'a> {
    line: usize,
    schema_version: u32,
    query: &'a str,
    recognized: &'a [Recognized<'a>],
    unrecognized: &'a [String],
    suggestions: Vec<Suggestion<'a>>,
    red_flags: &'a [FiredFlag<'a>],
    urgency: Urgency,
    advice: &'a RawValue,
    disclaimer: &'a RawValue,
}

/// A suggestion with its cause's texts pre-serialized; fields in `Suggestion`'s order.
#[derive(Serialize)]
struct Suggestion<'a> {
    id: &'a str,
    name: &'a RawValue,
    kind: Kind,
    score: f64,
    summary: &'a RawValue,
    evidence: &'a [EvidenceItem<'a>],
    helps: &'a RawValue,
    tests: &'a RawValue,
    sources: &'a RawValue,
}

impl<'kb> LineWriter<'kb> {
    pub fn new(kb: &'kb KnowledgeBase) -> Self {
        let causes = kb
            .causes
            .iter()
            .map(|c| {
                let json = CauseJson {
                    name: raw(&c.name),
                    summary: raw(&c.summary),
                    helps: raw(&c.helps),
                    tests: raw(&c.tests),
                    sources: raw(&c.sources),
                };
                (c.id.as_str(), json)
            })
            .collect();
        let advice = Urgency::ALL
            .iter()
            .map(|&u| (u, raw(&triage::advice(u))))
            .collect();
        LineWriter {
            causes,
            advice,
            disclaimer: raw(&triage::DISCLAIMER),
        }
    }

    /// Writes one report as one line (without the newline).
    pub fn write(&self, out: &mut impl Write, line: usize, report: &Report) -> io::Result<()> {
        let suggestions = report
            .suggestions
            .iter()
            .map(|s| {
                let c = &self.causes[s.id];
                Suggestion {
                    id: s.id,
                    name: &c.name,
                    kind: s.kind,
                    score: s.score,
                    summary: &c.summary,
                    evidence: &s.evidence,
                    helps: &c.helps,
                    tests: &c.tests,
                    sources: &c.sources,
                }
            })
            .collect();
        let advice = self
            .advice
            .iter()
            .find(|(u, _)| *u == report.urgency)
            .map(|(_, a)| a.as_ref())
            .expect("advice for every urgency");
        let line = Line {
            line,
            schema_version: report.schema_version,
            query: &report.query,
            recognized: &report.recognized,
            unrecognized: &report.unrecognized,
            suggestions,
            red_flags: &report.red_flags,
            urgency: report.urgency,
            advice,
            disclaimer: &self.disclaimer,
        };
        serde_json::to_writer(out, &line).map_err(io::Error::from)
    }
}
