//! The check pipeline: query in, [`Report`] out.
//!
//! [`Checker`] holds what is built once per knowledge base (the understanding
//! tables and the likelihood tables); [`Checker::check`] runs query →
//! understanding → ranking and triage, and returns a [`Report`].

use crate::kb::KnowledgeBase;
use crate::rank::Ranker;
use crate::report::{
    EvidenceItem, FiredFlag, MentionedFlag, Recognized, Report, Suggestion, SCHEMA_VERSION,
};
use crate::triage;
use crate::understand::{About, Assertion, Mention, Understander, Understanding};

/// Rounds for output, so JSON stays short and stable across platforms.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A knowledge base with its understanding tables and ranker, ready to check many
/// queries.
pub struct Checker {
    pub kb: KnowledgeBase,
    understander: Understander,
    ranker: Ranker,
}

impl Checker {
    pub fn new(kb: KnowledgeBase) -> Self {
        let understander = Understander::new(&kb);
        Self::with_understander(kb, understander)
    }

    /// A checker whose understanding tables were compiled already (the embedded
    /// KB's come pre-built; see `crate::prebuilt`).
    pub fn with_understander(kb: KnowledgeBase, understander: Understander) -> Self {
        let ranker = Ranker::new(&kb);
        Checker {
            kb,
            understander,
            ranker,
        }
    }

    /// Understands a query without ranking or triage.
    pub fn understand(&self, query: &str) -> Understanding {
        self.understander.understand(query)
    }

    /// Runs one query. `top` limits the suggestions returned.
    pub fn check(&self, query: &str, top: usize) -> Report<'_> {
        let kb = &self.kb;
        let understood = self.understander.understand(query);
        let mentions = &understood.mentions;

        let recognized = mentions
            .iter()
            .filter_map(|m| {
                let (id, name, entry) = match (m.about, m.finding(), triage::mentioned_flag(kb, m))
                {
                    (About::Cause(c), ..) => (&kb.causes[c].id, &kb.causes[c].name, "cause"),
                    (_, Some(f), _) => (&kb.findings[f].id, &kb.findings[f].name, "finding"),
                    (_, None, Some(r)) => (&kb.red_flags[r].id, &kb.red_flags[r].name, "red-flag"),
                    // A duration too short for any red flag: only `duration_days`.
                    (_, None, None) => return None,
                };
                let a = m.assertion;
                Some(Recognized {
                    id,
                    name,
                    entry,
                    text: m.text.clone(),
                    assertion: a.as_str(),
                    negated: a == Assertion::Negated,
                    historical: a == Assertion::Historical,
                    hypothetical: a == Assertion::Hypothetical,
                    other_person: a == Assertion::OtherPerson,
                    corrected: m.corrected,
                })
            })
            .collect();

        let findings = |keep: fn(Assertion) -> bool| -> Vec<usize> {
            mentions
                .iter()
                .filter(|m| keep(m.assertion))
                .filter_map(Mention::finding)
                .collect()
        };
        let named: Vec<usize> = mentions
            .iter()
            .filter(|m| m.assertion.is_present())
            .filter_map(|m| match m.about {
                About::Cause(c) => Some(c),
                _ => None,
            })
            .collect();
        let suggestions = self
            .ranker
            .rank_named(
                kb,
                &findings(Assertion::is_present),
                &findings(Assertion::is_negated),
                &named,
            )
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

        let flags = triage::fired(kb, mentions);
        let urgency = triage::urgency(kb, &flags);
        Report {
            schema_version: SCHEMA_VERSION,
            query: query.to_string(),
            recognized,
            unrecognized: understood.unrecognized,
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
            mentioned_red_flags: triage::mentioned_only(kb, mentions, &flags)
                .into_iter()
                .map(|(r, assertion)| {
                    let flag = &kb.red_flags[r];
                    MentionedFlag {
                        id: &flag.id,
                        name: &flag.name,
                        urgency: flag.urgency,
                        assertion: assertion.as_str(),
                        advice: &flag.advice,
                    }
                })
                .collect(),
            duration_days: mentions
                .iter()
                .filter(|m| m.assertion.is_present())
                .filter_map(|m| match m.about {
                    About::Duration(days) => Some(days),
                    _ => None,
                })
                .max(),
            urgency,
            advice: triage::advice(urgency),
            disclaimer: triage::DISCLAIMER,
        }
    }
}
