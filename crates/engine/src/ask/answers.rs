//! Answers to follow-up questions, as `check --yes/--no/--unsure` give them: which
//! ids were answered how, and how many questions that took.

use std::collections::BTreeSet;

use super::CHECKLIST;
use crate::kb::{KnowledgeBase, Urgency};

/// An answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    Yes,
    No,
    Unsure,
}

impl Reply {
    pub fn as_str(self) -> &'static str {
        match self {
            Reply::Yes => "yes",
            Reply::No => "no",
            Reply::Unsure => "unsure",
        }
    }
}

/// One answered id: a finding, a red flag, or both (a few ids name both, such as
/// `weakness`; the answer counts for each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub id: String,
    pub finding: Option<usize>,
    pub red_flag: Option<usize>,
    pub reply: Reply,
}

/// Every answer so far, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub items: Vec<Answer>,
}

/// Why answers could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    /// No finding or red flag has this id.
    Unknown {
        id: String,
        reply: Reply,
        suggestion: Option<String>,
    },
    /// The same id was answered two different ways.
    Conflict { id: String },
}

impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnswerError::Unknown {
                id,
                reply,
                suggestion,
            } => {
                write!(
                    f,
                    "--{}: no finding or red flag has the id '{id}'",
                    reply.as_str()
                )?;
                match suggestion {
                    Some(s) => write!(f, "; did you mean '{s}'?"),
                    None => write!(
                        f,
                        "; see `twitchcheck list findings` and `twitchcheck list red-flags`"
                    ),
                }
            }
            AnswerError::Conflict { id } => {
                write!(f, "'{id}' is answered two different ways; give it once")
            }
        }
    }
}

impl std::error::Error for AnswerError {}

impl Answers {
    /// Answers from lists of ids (each a finding or red-flag id).
    pub fn parse(
        kb: &KnowledgeBase,
        yes: &[String],
        no: &[String],
        unsure: &[String],
    ) -> Result<Answers, AnswerError> {
        let mut items: Vec<Answer> = Vec::new();
        for (ids, reply) in [(yes, Reply::Yes), (no, Reply::No), (unsure, Reply::Unsure)] {
            for id in ids.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
                let (finding, red_flag) = (kb.finding(id), kb.red_flag(id));
                if finding.is_none() && red_flag.is_none() {
                    let known = kb
                        .findings
                        .iter()
                        .map(|f| f.id.as_ref())
                        .chain(kb.red_flags.iter().map(|r| r.id.as_ref()));
                    return Err(AnswerError::Unknown {
                        id: id.to_string(),
                        reply,
                        suggestion: crate::kb::did_you_mean(id, known).map(str::to_string),
                    });
                }
                match items.iter().find(|a| a.id == id) {
                    Some(a) if a.reply == reply => continue,
                    Some(_) => return Err(AnswerError::Conflict { id: id.to_string() }),
                    None => items.push(Answer {
                        id: id.to_string(),
                        finding,
                        red_flag,
                        reply,
                    }),
                }
            }
        }
        Ok(Answers { items })
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The findings answered `reply`.
    pub fn findings(&self, reply: Reply) -> impl Iterator<Item = usize> + '_ {
        self.items
            .iter()
            .filter(move |a| a.reply == reply)
            .filter_map(|a| a.finding)
    }

    /// The red flags a `yes` fires: those answered yes, and those of findings answered yes.
    pub fn fired(&self, kb: &KnowledgeBase) -> Vec<usize> {
        self.items
            .iter()
            .filter(|a| a.reply == Reply::Yes)
            .flat_map(|a| [a.red_flag, a.finding.and_then(|f| kb.findings[f].red_flag)])
            .flatten()
            .collect()
    }

    /// How many finding questions (about an id that is not also a red flag) were answered.
    pub fn findings_asked(&self) -> usize {
        self.items.iter().filter(|a| a.red_flag.is_none()).count()
    }

    /// How many questions these answers took: one per red-flag group (urgency)
    /// answered, one per finding that is not also a red flag.
    pub fn questions_asked(&self, kb: &KnowledgeBase) -> usize {
        let groups: BTreeSet<Urgency> = self
            .items
            .iter()
            .filter_map(|a| a.red_flag.map(|r| kb.red_flags[r].urgency))
            .collect();
        groups.len() + self.findings_asked().div_ceil(CHECKLIST)
    }
}
