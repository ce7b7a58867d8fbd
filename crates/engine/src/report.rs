//! The result of a check: plain data in the shape of `check --json`.
//!
//! A [`Report`] is what the app prints as a table or serializes as the documented
//! JSON, without looking anything up again. It borrows its names and texts from
//! the checker's knowledge base rather than copying them, which is much of what a
//! `batch` line would otherwise cost.

use serde::Serialize;

use crate::kb::{Citation, Kind, Text, Urgency};

/// The version of the check report's JSON; bumped whenever it changes in a way a
/// script could notice.
pub const SCHEMA_VERSION: u32 = 4;

/// Everything a check found, in the shape of `check --json`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report<'a> {
    pub schema_version: u32,
    pub query: String,
    pub recognized: Vec<Recognized<'a>>,
    pub unrecognized: Vec<String>,
    pub suggestions: Vec<Suggestion<'a>>,
    pub red_flags: Vec<FiredFlag<'a>>,
    /// Red flags the query mentions without the person having them now: in the
    /// past, as a "what if", or someone else's. They do not raise the urgency and
    /// are never dropped silently.
    pub mentioned_red_flags: Vec<MentionedFlag<'a>>,
    /// The longest stated duration of a symptom, in days ("for 3 weeks" is 21).
    pub duration_days: Option<u32>,
    pub urgency: Urgency,
    /// True when an urgent or emergency red flag fired: what to do about it comes
    /// first, and the causes are secondary (they may not apply, and must not
    /// reassure). The text screen mutes them; the JSON keeps them for scripts.
    pub causes_secondary: bool,
    pub advice: &'static str,
    pub disclaimer: &'static str,
    /// Follow-up questions, most useful first (see `crate::ask`). Answer them with
    /// `--yes`, `--no` and `--unsure`.
    pub questions: Vec<Question<'a>>,
    /// True when no answer could change the top cause or the urgency, when
    /// nothing is left worth asking, or after `crate::ask::MAX_QUESTIONS` questions.
    pub should_stop: bool,
}

/// A follow-up question about one finding or red flag, or a group of red flags
/// ("any of these?").
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Question<'a> {
    /// Finding or red-flag ids: one, or several for a grouped question.
    pub ids: Vec<&'a str>,
    /// The question, in plain words.
    pub text: String,
    /// `red-flag` or `finding`.
    pub kind: &'static str,
    /// Why it is asked, in plain words.
    pub why: String,
}

/// A recognized phrase: a finding, or a red-flag phrase that is not a finding.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Recognized<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// `finding`, `red-flag`, `duration` or `cause` (a cause the person named).
    #[serde(rename = "type")]
    pub entry: &'static str,
    /// The query's words that matched, normalized.
    pub text: String,
    /// `present`, `possible`, `negated`, `historical`, `hypothetical` or
    /// `other-person` (someone else's past): what the query says of it.
    pub assertion: &'static str,
    pub negated: bool,
    pub historical: bool,
    pub hypothetical: bool,
    pub other_person: bool,
    /// A typo was corrected to match.
    pub corrected: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Suggestion<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: Kind,
    /// Relative match: 1 for the best cause, less for the others. Not a probability.
    pub score: f64,
    pub summary: &'a str,
    pub evidence: Vec<EvidenceItem<'a>>,
    /// What helps for this query (see `kb::Cause::helps_for`).
    pub helps: Vec<&'a str>,
    pub tests: &'a [Text],
    pub sources: &'a [Citation],
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EvidenceItem<'a> {
    /// Finding id.
    pub finding: &'a str,
    pub name: &'a str,
    pub negated: bool,
    /// Natural log of the likelihood ratio: above 0 raised the cause, below lowered it.
    pub effect: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FiredFlag<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub urgency: Urgency,
    pub advice: &'a str,
    /// Where the flag came from when not the query (`diary`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static str>,
    /// Why that source raised it, in plain words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A red flag mentioned but not counted, with why.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MentionedFlag<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub urgency: Urgency,
    /// `historical`, `hypothetical` or `other-person`.
    pub assertion: &'static str,
    pub advice: &'a str,
}

impl Report<'_> {
    /// True when at least one finding or red-flag phrase was recognized (exit 0).
    pub fn recognized_anything(&self) -> bool {
        !self.recognized.is_empty()
    }
}
