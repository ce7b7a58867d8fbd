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

    /// Writes one report as one line (without the newline): the fields of
    /// `check --json` in the order of `Report`'s, "line" first and "kb" last,
    /// as serde_json's compact output with [`write_line_safe`] strings writes
    /// them (a test compares the two). Written by hand into one buffer: going
    /// through serde cost more than the line's text itself.
    pub fn write(&self, out: &mut impl Write, line: usize, report: &Report) -> io::Result<()> {
        let mut b = Vec::with_capacity(16 * 1024);
        b.extend_from_slice(b"{\"line\":");
        push_display(&mut b, line);
        b.extend_from_slice(b",\"schema_version\":");
        push_display(&mut b, report.schema_version);
        key_str(&mut b, b",\"query\":", &report.query);
        b.extend_from_slice(b",\"recognized\":[");
        for (n, r) in report.recognized.iter().enumerate() {
            comma(&mut b, n);
            key_str(&mut b, b"{\"id\":", r.id);
            key_str(&mut b, b",\"name\":", r.name);
            key_str(&mut b, b",\"type\":", r.entry);
            key_str(&mut b, b",\"text\":", &r.text);
            key_str(&mut b, b",\"assertion\":", r.assertion);
            key_bool(&mut b, b",\"negated\":", r.negated);
            key_bool(&mut b, b",\"historical\":", r.historical);
            key_bool(&mut b, b",\"hypothetical\":", r.hypothetical);
            key_bool(&mut b, b",\"other_person\":", r.other_person);
            key_bool(&mut b, b",\"corrected\":", r.corrected);
            b.push(b'}');
        }
        b.extend_from_slice(b"],\"unrecognized\":");
        push_strs(&mut b, report.unrecognized.iter().map(String::as_str));
        b.extend_from_slice(b",\"suggestions\":[");
        for (n, s) in report.suggestions.iter().enumerate() {
            comma(&mut b, n);
            let c = &self.causes[s.id];
            key_str(&mut b, b"{\"id\":", s.id);
            b.extend_from_slice(b",\"name\":");
            b.extend_from_slice(c.name.get().as_bytes());
            key_str(&mut b, b",\"kind\":", s.kind.as_str());
            b.extend_from_slice(b",\"score\":");
            push_f64(&mut b, s.score)?;
            b.extend_from_slice(b",\"summary\":");
            b.extend_from_slice(c.summary.get().as_bytes());
            b.extend_from_slice(b",\"evidence\":[");
            for (n, e) in s.evidence.iter().enumerate() {
                comma(&mut b, n);
                key_str(&mut b, b"{\"finding\":", e.finding);
                key_str(&mut b, b",\"name\":", e.name);
                key_bool(&mut b, b",\"negated\":", e.negated);
                b.extend_from_slice(b",\"effect\":");
                push_f64(&mut b, e.effect)?;
                b.push(b'}');
            }
            b.extend_from_slice(b"],\"helps\":");
            if c.helps_vary {
                push_strs(&mut b, s.helps.iter().copied());
            } else {
                b.extend_from_slice(c.helps.get().as_bytes());
            }
            b.extend_from_slice(b",\"tests\":");
            b.extend_from_slice(c.tests.get().as_bytes());
            b.extend_from_slice(b",\"sources\":");
            b.extend_from_slice(c.sources.get().as_bytes());
            b.push(b'}');
        }
        b.extend_from_slice(b"],\"red_flags\":[");
        for (n, r) in report.red_flags.iter().enumerate() {
            comma(&mut b, n);
            key_str(&mut b, b"{\"id\":", r.id);
            key_str(&mut b, b",\"name\":", r.name);
            key_str(&mut b, b",\"urgency\":", r.urgency.as_str());
            key_str(&mut b, b",\"advice\":", r.advice);
            if let Some(source) = r.source {
                key_str(&mut b, b",\"source\":", source);
            }
            if let Some(reason) = &r.reason {
                key_str(&mut b, b",\"reason\":", reason);
            }
            b.push(b'}');
        }
        b.extend_from_slice(b"],\"mentioned_red_flags\":[");
        for (n, r) in report.mentioned_red_flags.iter().enumerate() {
            comma(&mut b, n);
            key_str(&mut b, b"{\"id\":", r.id);
            key_str(&mut b, b",\"name\":", r.name);
            key_str(&mut b, b",\"urgency\":", r.urgency.as_str());
            key_str(&mut b, b",\"assertion\":", r.assertion);
            key_str(&mut b, b",\"advice\":", r.advice);
            b.push(b'}');
        }
        b.extend_from_slice(b"],\"duration_days\":");
        match report.duration_days {
            Some(days) => push_display(&mut b, days),
            None => b.extend_from_slice(b"null"),
        }
        key_str(&mut b, b",\"urgency\":", report.urgency.as_str());
        key_bool(&mut b, b",\"causes_secondary\":", report.causes_secondary);
        let advice = self
            .advice
            .iter()
            .find(|(u, _)| *u == report.urgency)
            .map(|(_, a)| a.as_ref())
            .expect("advice for every urgency");
        b.extend_from_slice(b",\"advice\":");
        b.extend_from_slice(advice.get().as_bytes());
        b.extend_from_slice(b",\"disclaimer\":");
        b.extend_from_slice(self.disclaimer.get().as_bytes());
        b.extend_from_slice(b",\"questions\":[");
        for (n, q) in report.questions.iter().enumerate() {
            comma(&mut b, n);
            b.extend_from_slice(b"{\"ids\":");
            push_strs(&mut b, q.ids.iter().copied());
            key_str(&mut b, b",\"text\":", &q.text);
            key_str(&mut b, b",\"kind\":", q.kind);
            key_str(&mut b, b",\"why\":", &q.why);
            b.push(b'}');
        }
        key_bool(&mut b, b"],\"should_stop\":", report.should_stop);
        b.extend_from_slice(b",\"kb\":");
        b.extend_from_slice(self.kb.get().as_bytes());
        b.push(b'}');
        out.write_all(&b)
    }
}

/// Bytes that a JSON string cannot hold as they are ([`push_str`]): those
/// serde_json escapes (controls, quote, backslash), and the first bytes of
/// U+0085 (0xC2) and of U+2028 and U+2029 (0xE2), which [`write_line_safe`]
/// escapes.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// `s` as a JSON string, escaped as serde_json's compact output with
/// [`write_line_safe`] fragments escapes it: `\"`, `\\`, `\b`, `\t`,
/// `\n`, `\f`, `\r`, other controls as `\u00xx`, and U+2028, U+2029 and
/// U+0085 as `\uxxxx` (lower-case hex).
fn push_str(b: &mut Vec<u8>, s: &str) {
    b.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // Eight bytes at a time while none is special: most texts have none.
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if any_special(word) {
            break;
        }
        i += 8;
    }
    while i < bytes.len() {
        let byte = bytes[i];
        if !SPECIAL[byte as usize] {
            i += 1;
            continue;
        }
        let short: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x09 => b"\\t",
            0x0A => b"\\n",
            0x0C => b"\\f",
            0x0D => b"\\r",
            _ => b"",
        };
        if !short.is_empty() {
            b.extend_from_slice(&bytes[start..i]);
            b.extend_from_slice(short);
            i += 1;
            start = i;
        } else if byte < 0x20 {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            b.extend_from_slice(&bytes[start..i]);
            b.extend_from_slice(b"\\u00");
            b.push(HEX[(byte >> 4) as usize]);
            b.push(HEX[(byte & 0xF) as usize]);
            i += 1;
            start = i;
        } else {
            // 0xC2 or 0xE2 starts a character: escape it if it is a line break.
            let c = s[i..].chars().next().expect("a character starts here");
            if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
                b.extend_from_slice(&bytes[start..i]);
                b.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes());
                start = i + c.len_utf8();
            }
            i += c.len_utf8();
        }
    }
    b.extend_from_slice(&bytes[start..]);
    b.push(b'"');
}

/// Whether any of the eight bytes of `word` is [`SPECIAL`] (the classic
/// bit tricks: a byte below `n` sets its high bit in `(x - n) & !x`, a byte
/// equal to `v` is a zero byte of `x ^ v`; exact for the word as a whole).
/// 0xC2 and 0xE2 are looked for only when some byte is not ASCII: most
/// words are all ASCII.
fn any_special(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS;
    let equal = |v: u8| below(word ^ (ONES * u64::from(v)), 1);
    (below(word, 0x20) | equal(b'"') | equal(b'\\')) != 0
        || (word & HIGHS != 0 && (equal(0xC2) | equal(0xE2)) != 0)
}

/// `key` (the raw bytes of `,"name":` or `{"name":`) and `value` as a JSON string.
fn key_str(b: &mut Vec<u8>, key: &[u8], value: &str) {
    b.extend_from_slice(key);
    push_str(b, value);
}

/// `key` (as in [`key_str`]) and `value` as a JSON boolean.
fn key_bool(b: &mut Vec<u8>, key: &[u8], value: bool) {
    b.extend_from_slice(key);
    push_bool(b, value);
}

/// The comma before every item of a list but its first (`n` is the item's index).
fn comma(b: &mut Vec<u8>, n: usize) {
    if n > 0 {
        b.push(b',');
    }
}

/// A JSON array of strings.
fn push_strs<'s>(b: &mut Vec<u8>, items: impl Iterator<Item = &'s str>) {
    b.push(b'[');
    for (n, s) in items.enumerate() {
        comma(b, n);
        push_str(b, s);
    }
    b.push(b']');
}

fn push_bool(b: &mut Vec<u8>, v: bool) {
    b.extend_from_slice(if v { b"true" } else { b"false" });
}

/// An integer, as serde_json writes it (plain decimal digits).
fn push_display(b: &mut Vec<u8>, n: impl std::fmt::Display) {
    write!(b, "{n}").expect("writing to a Vec cannot fail");
}

/// A number as serde_json writes an f64: its own shortest form, `null` when
/// not finite.
fn push_f64(b: &mut Vec<u8>, x: f64) -> io::Result<()> {
    use serde_json::ser::Formatter;
    if x.is_finite() {
        serde_json::ser::CompactFormatter.write_f64(b, x)
    } else {
        b.extend_from_slice(b"null");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`push_str`] writes what serde_json's compact output with
    /// [`write_line_safe`] fragments writes, for every kind of special byte at
    /// every place within and across the eight-byte steps.
    #[test]
    fn push_str_escapes_as_serde_does() {
        let specials = [
            "\"", "\\", "\u{8}", "\t", "\n", "\u{c}", "\r", "\u{1}", "\u{1f}", "\u{7f}",
            "\u{2028}", "\u{2029}", "\u{85}", "\u{a0}", "\u{c2}", "\u{e2}", "\u{2027}", "\u{20ac}",
            "é", "😀", "a",
        ];
        for pad in 0..10 {
            for special in specials {
                for tail in ["", "x", "abcdefghij"] {
                    let text = format!("{}{special}{tail}", "p".repeat(pad));
                    let mut ours = Vec::new();
                    push_str(&mut ours, &text);
                    let mut theirs = Vec::new();
                    write_compact(&mut theirs, &text).unwrap();
                    assert_eq!(
                        String::from_utf8(ours).unwrap(),
                        String::from_utf8(theirs).unwrap(),
                        "{text:?}"
                    );
                }
            }
        }
    }
}
