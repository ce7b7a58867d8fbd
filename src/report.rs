//! The check pipeline and its result.
//!
//! [`Checker`] holds what is built once per knowledge base (the phrase dictionary
//! and the likelihood tables); [`Checker::check`] runs query → matches → ranking →
//! triage and returns a [`Report`]: plain data that the renderers print as a table
//! or serialize as the documented JSON, without looking anything up again. A report
//! borrows its names and texts from the checker's knowledge base rather than
//! copying them, which is much of what a `batch` line would otherwise cost.

use serde::Serialize;

use crate::kb::{Citation, Kind, KnowledgeBase, Urgency};
use crate::matcher::Matcher;
use crate::rank::Ranker;
use crate::triage;

/// Bumped whenever the JSON changes in a way a script could notice.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything a check found, in the shape of `check --json`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report<'a> {
    pub schema_version: u32,
    pub query: String,
    pub recognized: Vec<Recognized<'a>>,
    pub unrecognized: Vec<String>,
    pub suggestions: Vec<Suggestion<'a>>,
    pub red_flags: Vec<FiredFlag<'a>>,
    pub urgency: Urgency,
    pub advice: &'static str,
    pub disclaimer: &'static str,
}

/// A recognized phrase: a finding, or a red-flag phrase that is not a finding.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Recognized<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// `finding` or `red-flag`.
    #[serde(rename = "type")]
    pub entry: &'static str,
    /// The query's words that matched, normalized.
    pub text: String,
    pub negated: bool,
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
    pub helps: &'a [String],
    pub tests: &'a [String],
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
}

impl Report<'_> {
    /// True when at least one finding or red-flag phrase was recognized (exit 0).
    pub fn recognized_anything(&self) -> bool {
        !self.recognized.is_empty()
    }
}

/// Rounds for output, so JSON stays short and stable across platforms.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A knowledge base with its matcher and ranker, ready to check many queries.
pub struct Checker {
    pub kb: KnowledgeBase,
    matcher: Matcher,
    ranker: Ranker,
}

impl Checker {
    pub fn new(kb: KnowledgeBase) -> Self {
        let matcher = Matcher::new(&kb);
        Self::with_matcher(kb, matcher)
    }

    /// A checker whose matcher was built already (see `Checker::embedded`).
    pub fn with_matcher(kb: KnowledgeBase, matcher: Matcher) -> Self {
        let ranker = Ranker::new(&kb);
        Checker {
            kb,
            matcher,
            ranker,
        }
    }

    /// Runs one query. `top` limits the suggestions returned.
    pub fn check(&self, query: &str, top: usize) -> Report<'_> {
        let kb = &self.kb;
        let matches = self.matcher.find(query);

        let recognized = matches
            .hits
            .iter()
            .map(|h| {
                let (id, name, entry) = match (h.target.finding, h.target.red_flag) {
                    (Some(f), _) => (&kb.findings[f].id, &kb.findings[f].name, "finding"),
                    (None, Some(r)) => (&kb.red_flags[r].id, &kb.red_flags[r].name, "red-flag"),
                    (None, None) => unreachable!("a phrase always has a target"),
                };
                Recognized {
                    id,
                    name,
                    entry,
                    text: h.text.clone(),
                    negated: h.negated,
                    corrected: h.corrected,
                }
            })
            .collect();

        let findings = |negated: bool| -> Vec<usize> {
            matches
                .hits
                .iter()
                .filter(|h| h.negated == negated)
                .filter_map(|h| h.target.finding)
                .collect()
        };
        let suggestions = self
            .ranker
            .rank(kb, &findings(false), &findings(true))
            .into_iter()
            .take(top)
            .map(|s| {
                let cause = &kb.causes[s.cause];
                Suggestion {
                    id: &cause.id,
                    name: &cause.name,
                    kind: cause.kind,
                    score: round3(s.score),
                    summary: &cause.summary,
                    evidence: s
                        .evidence
                        .iter()
                        .map(|e| EvidenceItem {
                            finding: &kb.findings[e.finding].id,
                            name: &kb.findings[e.finding].name,
                            negated: e.negated,
                            effect: round3(e.effect),
                        })
                        .collect(),
                    helps: &cause.helps,
                    tests: &cause.tests,
                    sources: &cause.sources,
                }
            })
            .collect();

        let flags = triage::fired(kb, &matches.hits);
        let urgency = triage::urgency(kb, &flags);
        Report {
            schema_version: SCHEMA_VERSION,
            query: query.to_string(),
            recognized,
            unrecognized: matches.unrecognized,
            suggestions,
            red_flags: flags
                .iter()
                .map(|&r| {
                    let flag = &kb.red_flags[r];
                    FiredFlag {
                        id: &flag.id,
                        name: &flag.name,
                        urgency: flag.urgency,
                        advice: &flag.advice,
                    }
                })
                .collect(),
            urgency,
            advice: triage::advice(urgency),
            disclaimer: triage::DISCLAIMER,
        }
    }
}
