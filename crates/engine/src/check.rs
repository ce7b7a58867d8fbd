//! The check pipeline: query in, [`Report`] out.
//!
//! [`Checker`] holds what is built once per knowledge base (the understanding
//! tables and the likelihood tables); [`Checker::check`] runs query →
//! understanding → ranking and triage, and returns a [`Report`].

use crate::ask::{self, Answers, Reply};
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
        self.check_answered(query, top, &Answers::default())
    }

    /// Runs one query with the answers to earlier follow-up questions, which count
    /// as evidence like the text does (see [`crate::ask`]).
    pub fn check_answered(&self, query: &str, top: usize, answers: &Answers) -> Report<'_> {
        self.check_with(query, top, answers, true)
    }

    /// [`Checker::check_answered`]; without `questions` the report's `questions`
    /// stay empty and `should_stop` false, and choosing them costs nothing (for
    /// output that does not show them).
    pub fn check_with(
        &self,
        query: &str,
        top: usize,
        answers: &Answers,
        questions: bool,
    ) -> Report<'_> {
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
        let mut present = findings(Assertion::is_present);
        present.extend(answers.findings(Reply::Yes));
        let negated = findings(Assertion::is_negated);
        let unticked: Vec<usize> = answers.findings(Reply::No).collect();
        let yes: Vec<usize> = answers.findings(Reply::Yes).collect();
        let flags = triage::fired_answered(kb, mentions, &answers.fired(kb), &yes);
        let urgency = triage::urgency(kb, &flags);
        let mentioned = triage::mentioned_only(kb, mentions, &flags);
        let named: Vec<usize> = mentions
            .iter()
            .filter(|m| m.assertion.is_present())
            .filter_map(|m| match m.about {
                About::Cause(c) => Some(c),
                _ => None,
            })
            .collect();
        // The causes the red flags that fired point to (pre-eclampsia signs to
        // pregnancy).
        let mut pointed: Vec<usize> = Vec::new();
        for &r in &flags {
            for &c in &kb.red_flags[r].causes {
                if !pointed.contains(&c) {
                    pointed.push(c);
                }
            }
        }
        // What helps may hide or add items for what the query reports (kidney
        // disease hides "drink more"); a finding counts for its ancestors too.
        let reported: Vec<usize> = present.iter().flat_map(|&f| kb.ancestors(f)).collect();
        let suggestions = self
            .ranker
            .rank_answered(kb, &present, &negated, &unticked, &named, &pointed)
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
                    helps: cause.helps_for(&reported),
                    tests: &cause.tests,
                    sources: &cause.sources,
                }
            })
            .collect();

        // Never ask what the query mentions, whatever its assertion, or what was answered.
        let mut closed = ask::Closed::new(kb);
        for m in mentions {
            if let Some(f) = m.finding() {
                closed.insert(Some(f), self.ranker.same_id_flag(kb, f));
            }
            if let Some(r) = triage::mentioned_flag(kb, m) {
                closed.insert(self.ranker.same_id_finding(kb, r), Some(r));
            }
        }
        for a in &answers.items {
            closed.insert(a.finding, a.red_flag);
        }
        let answered_flags: Vec<usize> = answers.items.iter().filter_map(|a| a.red_flag).collect();
        let (questions, should_stop) = if !questions {
            (Vec::new(), false)
        } else {
            ask::next(
                kb,
                &self.ranker,
                &ask::State {
                    present: &present,
                    negated: &negated,
                    unticked: &unticked,
                    named: &named,
                    pointed: &pointed,
                    fired: &flags,
                    urgency,
                    closed: &closed,
                    answered_flags: &answered_flags,
                    asked: answers.questions_asked(kb),
                    findings_asked: answers.findings_asked(),
                },
            )
        };
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
                        source: None,
                        reason: None,
                    }
                })
                .collect(),
            mentioned_red_flags: mentioned
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
                    About::Duration(days, _) => Some(days),
                    _ => None,
                })
                .max(),
            urgency,
            causes_secondary: triage::causes_secondary(urgency),
            advice: triage::advice(urgency),
            disclaimer: triage::DISCLAIMER,
            questions,
            should_stop,
        }
    }
}
