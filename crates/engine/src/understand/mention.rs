//! What the understanding stages hand on: mentions, each with one assertion.

use super::context::Assertion;

/// What a phrase or word set points at: a finding, a red flag, or both (a shared
/// phrase).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Target {
    pub finding: Option<usize>,
    pub red_flag: Option<usize>,
}

/// What a mention is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum About {
    /// A finding or red-flag phrase or word set of the knowledge base.
    Entry(Target),
    /// A stated duration, in days, and the symptom (finding) it is the duration
    /// of when one is known; triage decides which red flag it fires.
    Duration(u32, Option<usize>),
    /// A cause the person named or asked about ("could it be low magnesium?").
    Cause(usize),
}

/// One thing the query mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub about: About,
    /// The query's words that matched, as normalized.
    pub text: String,
    /// Whether the mention is asserted present, negated, ...: set once by
    /// [`super::context`], read by every later stage.
    pub assertion: Assertion,
    /// At least one word was typo-corrected to match.
    pub corrected: bool,
}

impl Mention {
    /// The knowledge-base entry the mention is about, if it is one.
    pub fn target(&self) -> Option<Target> {
        match self.about {
            About::Entry(t) => Some(t),
            About::Duration(..) | About::Cause(_) => None,
        }
    }

    /// The finding mentioned, if any.
    pub fn finding(&self) -> Option<usize> {
        self.target().and_then(|t| t.finding)
    }
}

/// The understanding of one query: its mentions in query order, and the words
/// that are neither mentions nor function words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Understanding {
    pub mentions: Vec<Mention>,
    pub unrecognized: Vec<String>,
}
