//! Every JSON shape the app writes, each with `schema_version`:
//!
//! - `check --json`: the engine's [`Report`], pretty-printed ([`write_report`]);
//! - `batch`: one compact line per query, the same as `check --json` plus the input
//!   line number ([`LineWriter`]), or a [`BatchError`];
//! - `list --json` and `show --json`: [`FindingJson`], [`CauseJson`] and
//!   [`RedFlagJson`] (their own schema version, [`ENTRY_SCHEMA_VERSION`]).
//!
//! For `batch`, escaping text is most of what writing a line costs (each holds the summaries,
//! what helps, tests and sources of up to five causes, about 6 KB), and those texts
//! are the same on every line. So each cause's texts, and the advice and disclaimer,
//! are escaped once up front and written verbatim (`RawValue`) afterwards. A test
//! checks the lines against `check --json`, so the two shapes cannot drift apart.

use std::collections::HashMap;
use std::io::{self, Write};

use engine::kb::{self, Citation, EntryKind, Kind, KnowledgeBase, Text, Urgency};
use engine::report::{EvidenceItem, FiredFlag, MentionedFlag, Question, Recognized};
use engine::{triage, Report};
use serde::Serialize;
use serde_json::value::RawValue;

use crate::knowledge::KbInfo;

/// The version of the `list --json` and `show --json` shapes. Version 1 was the
/// same shape without the field.
pub const ENTRY_SCHEMA_VERSION: u32 = 2;

/// Writes `value` pretty-printed, then a newline.
pub fn write_pretty(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Pretty::default());
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

/// Writes `value` as compact JSON, one line (Unicode line breaks escaped).
pub fn write_compact(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Compact);
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// Writes a string fragment with U+2028, U+2029 and U+0085 escaped: JSON allows
/// them raw, but readers that split text on Unicode line breaks (JavaScript's
/// old parsers, Python's `str.splitlines`) would see a JSON line broken in two.
fn write_line_safe<W: ?Sized + Write>(w: &mut W, fragment: &str) -> io::Result<()> {
    // Each starts with byte 0xE2 or 0xC2: most fragments have neither.
    // Two vectorized searches (`contains` on bytes is a memchr) cost less than
    // one byte-by-byte pass over these fragments.
    let bytes = fragment.as_bytes();
    if !bytes.contains(&0xE2) && !bytes.contains(&0xC2) {
        return w.write_all(fragment.as_bytes());
    }
    let mut start = 0;
    for (i, c) in fragment.char_indices() {
        if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
            w.write_all(&fragment.as_bytes()[start..i])?;
            write!(w, "\\u{:04x}", c as u32)?;
            start = i + c.len_utf8();
        }
    }
    w.write_all(&fragment.as_bytes()[start..])
}

/// serde_json's compact output, with [`write_line_safe`] strings.
struct Compact;

impl serde_json::ser::Formatter for Compact {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, f: &str) -> io::Result<()> {
        write_line_safe(w, f)
    }
}

/// serde_json's pretty output, with [`write_line_safe`] strings.
#[derive(Default)]
struct Pretty(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for Pretty {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, f: &str) -> io::Result<()> {
        write_line_safe(w, f)
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// `check --json`: the report, then which knowledge base answered.
pub fn write_report(out: &mut impl Write, report: &Report, kb: &KbInfo) -> io::Result<()> {
    #[derive(Serialize)]
    struct WithKb<'a> {
        #[serde(flatten)]
        report: &'a Report<'a>,
        kb: &'a KbInfo,
    }
    write_pretty(out, &WithKb { report, kb })
}

/// A `batch` line that could not be checked; the batch goes on.
#[derive(Serialize)]
pub struct BatchError {
    schema_version: u32,
    line: usize,
    error: String,
    advice: &'static str,
    disclaimer: &'static str,
}

impl BatchError {
    pub fn new(line: usize, error: String) -> Self {
        BatchError {
            schema_version: engine::report::SCHEMA_VERSION,
            line,
            error,
            advice: triage::advice(Urgency::Routine),
            disclaimer: triage::DISCLAIMER,
        }
    }

    /// Writes the error as one line (without the newline).
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        write_compact(out, self)
    }
}

/// A finding in `list findings --json` and `show --json`.
#[derive(Serialize)]
pub struct FindingJson<'a> {
    schema_version: u32,
    id: &'a str,
    name: &'a str,
    family: kb::Family,
    parent: Option<&'a str>,
    red_flag: Option<&'a str>,
    phrases: &'a [Text],
    together: &'a [Vec<Text>],
    links: Vec<LinkJson<'a>>,
}

#[derive(Serialize)]
struct LinkJson<'a> {
    cause: &'a str,
    frequency: kb::Bin,
}

/// A cause in `list causes --json` and `show --json`.
#[derive(Serialize)]
pub struct CauseJson<'a> {
    schema_version: u32,
    id: &'a str,
    name: &'a str,
    kind: Kind,
    prior: kb::Prior,
    summary: &'a str,
    explanation: &'a str,
    helps: &'a [Text],
    tests: &'a [Text],
    evidence: &'a str,
    sources: &'a [Citation],
}

/// A red flag in `list red-flags --json` and `show --json`.
#[derive(Serialize)]
pub struct RedFlagJson<'a> {
    schema_version: u32,
    id: &'a str,
    name: &'a str,
    urgency: Urgency,
    phrases: &'a [Text],
    together: &'a [Vec<Text>],
    min_duration_days: Option<u32>,
    advice: &'a str,
    sources: &'a [Citation],
}

pub fn finding(kb: &KnowledgeBase, i: usize) -> FindingJson<'_> {
    let f = &kb.findings[i];
    FindingJson {
        schema_version: ENTRY_SCHEMA_VERSION,
        id: &f.id,
        name: &f.name,
        family: f.family,
        parent: f.parent.map(|p| kb.findings[p].id.as_ref()),
        red_flag: f.red_flag.map(|r| kb.red_flags[r].id.as_ref()),
        phrases: &f.phrases,
        together: &f.together,
        links: f
            .links
            .iter()
            .map(|&(c, frequency)| LinkJson {
                cause: &kb.causes[c].id,
                frequency,
            })
            .collect(),
    }
}

pub fn cause(kb: &KnowledgeBase, i: usize) -> CauseJson<'_> {
    let c = &kb.causes[i];
    CauseJson {
        schema_version: ENTRY_SCHEMA_VERSION,
        id: &c.id,
        name: &c.name,
        kind: c.kind,
        prior: c.prior,
        summary: &c.summary,
        explanation: &c.explanation,
        helps: &c.helps,
        tests: &c.tests,
        evidence: &c.evidence,
        sources: &c.sources,
    }
}

pub fn red_flag(kb: &KnowledgeBase, i: usize) -> RedFlagJson<'_> {
    let r = &kb.red_flags[i];
    RedFlagJson {
        schema_version: ENTRY_SCHEMA_VERSION,
        id: &r.id,
        name: &r.name,
        urgency: r.urgency,
        phrases: &r.phrases,
        together: &r.together,
        min_duration_days: r.min_duration_days,
        advice: &r.advice,
        sources: &r.sources,
    }
}

/// `show --json`: each entry with its `type`.
pub fn entries(
    kb: &KnowledgeBase,
    entries: &[(EntryKind, usize)],
) -> serde_json::Result<Vec<serde_json::Value>> {
    entries
        .iter()
        .map(|&(k, i)| {
            let mut v = match k {
                EntryKind::Cause => serde_json::to_value(cause(kb, i)),
                EntryKind::Finding => serde_json::to_value(finding(kb, i)),
                EntryKind::RedFlag => serde_json::to_value(red_flag(kb, i)),
            }?;
            v["type"] = serde_json::Value::from(match k {
                EntryKind::Cause => "cause",
                EntryKind::Finding => "finding",
                EntryKind::RedFlag => "red-flag",
            });
            Ok(v)
        })
        .collect()
}

/// A cause's texts, already serialized, for batch lines.
struct CauseTexts {
    /// True when what helps depends on the query: then it is written per line.
    helps_vary: bool,
    name: Box<RawValue>,
    summary: Box<RawValue>,
    helps: Box<RawValue>,
    tests: Box<RawValue>,
    sources: Box<RawValue>,
}

/// Writes reports as JSON Lines, with the texts shared by every line escaped once.
pub struct LineWriter<'kb> {
    causes: HashMap<&'kb str, CauseTexts>,
    /// Advice by urgency, in `Urgency::ALL` order.
    advice: Vec<(Urgency, Box<RawValue>)>,
    disclaimer: Box<RawValue>,
    kb: Box<RawValue>,
}

fn raw(value: &impl Serialize) -> Box<RawValue> {
    let mut text = Vec::new();
    write_compact(&mut text, value).expect("KB text serializes");
    let text = String::from_utf8(text).expect("serde_json writes UTF-8");
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
    suggestions: Vec<CachedSuggestion<'a>>,
    red_flags: &'a [FiredFlag<'a>],
    mentioned_red_flags: &'a [MentionedFlag<'a>],
    duration_days: Option<u32>,
    urgency: Urgency,
    causes_secondary: bool,
    advice: &'a RawValue,
    disclaimer: &'a RawValue,
    questions: &'a [Question<'a>],
    should_stop: bool,
    kb: &'a RawValue,
}

/// A suggestion with its cause's texts pre-serialized; fields in the order of
/// `engine::report::Suggestion`.
#[derive(Serialize)]
struct CachedSuggestion<'a> {
    id: &'a str,
    name: &'a RawValue,
    kind: Kind,
    score: f64,
    summary: &'a RawValue,
    evidence: &'a [EvidenceItem<'a>],
    helps: Helps<'a>,
    tests: &'a RawValue,
    sources: &'a RawValue,
}

/// What helps: escaped once, or this query's own list when it depends on the query.
#[derive(Serialize)]
#[serde(untagged)]
enum Helps<'a> {
    Cached(&'a RawValue),
    ForQuery(&'a [&'a str]),
}

impl<'kb> LineWriter<'kb> {
    pub fn new(kb: &'kb KnowledgeBase, info: &KbInfo) -> Self {
        let causes = kb
            .causes
            .iter()
            .map(|c| {
                let json = CauseTexts {
                    helps_vary: c.helps_depend_on_query(),
                    name: raw(&c.name),
                    summary: raw(&c.summary),
                    helps: raw(&c.helps),
                    tests: raw(&c.tests),
                    sources: raw(&c.sources),
                };
                (c.id.as_ref(), json)
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
            kb: raw(info),
        }
    }

    /// Writes one report as one line (without the newline).
    pub fn write(&self, out: &mut impl Write, line: usize, report: &Report) -> io::Result<()> {
        let suggestions = report
            .suggestions
            .iter()
            .map(|s| {
                let c = &self.causes[s.id];
                CachedSuggestion {
                    id: s.id,
                    name: &c.name,
                    kind: s.kind,
                    score: s.score,
                    summary: &c.summary,
                    evidence: &s.evidence,
                    helps: if c.helps_vary {
                        Helps::ForQuery(&s.helps)
                    } else {
                        Helps::Cached(&c.helps)
                    },
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
            mentioned_red_flags: &report.mentioned_red_flags,
            duration_days: report.duration_days,
            urgency: report.urgency,
            causes_secondary: report.causes_secondary,
            advice,
            disclaimer: &self.disclaimer,
            questions: &report.questions,
            should_stop: report.should_stop,
            kb: &self.kb,
        };
        write_compact(out, &line)
    }
}
