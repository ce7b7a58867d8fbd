//! The twitch diary: episodes logged over weeks ([`store`]), read back per day
//! ([`record`], [`query`]), the red flags the record raises ([`signals`]) and what
//! tends to go with twitching ([`patterns`]).
//!
//! Everything here but [`store`] is pure: the clock is read only by the commands,
//! which pass `today` in, so tests use fixed dates. Nothing leaves the machine.

pub mod cli;
pub mod counts;
pub mod patterns;
pub mod query;
pub mod record;
pub mod signals;
pub mod store;
pub mod when;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use engine::kb::{Family, KnowledgeBase};
use serde::{Deserialize, Serialize};

/// One logged episode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: i64,
    /// When it happened, RFC 3339 with the person's UTC offset at the time.
    pub at: String,
    /// The calendar day it happened on, on the person's clock at the time.
    pub day: NaiveDate,
    pub text: String,
    /// The urgency of this entry's check: routine, soon, urgent or emergency.
    pub urgency: String,
    /// What was recognized in the text.
    pub findings: Vec<Logged>,
    /// The red flags this entry's text fired.
    pub red_flags: Vec<String>,
    /// A change the person made from this time on ("stopped coffee").
    pub change: Option<String>,
}

/// A recognized finding or red-flag phrase of an entry, as `check --json` has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Logged {
    pub id: String,
    /// `finding`, `red-flag`, `duration` or `cause`.
    #[serde(rename = "type")]
    pub entry: String,
    /// `present`, `possible`, `negated`, `historical`, `hypothetical` or `other-person`.
    pub assertion: String,
    /// The words that matched.
    pub text: String,
}

impl Logged {
    pub fn is_present(&self) -> bool {
        matches!(self.assertion.as_str(), "present" | "possible")
    }

    /// The person says it is gone: negated, or only in the past.
    pub fn is_gone(&self) -> bool {
        matches!(self.assertion.as_str(), "negated" | "historical")
    }
}

/// What the diary's rules need to know of the knowledge base, by id.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    /// Body areas, each with its parent area.
    pub areas: HashMap<String, Option<String>>,
    /// Context findings (coffee, poor sleep…) with their names.
    pub contexts: HashMap<String, String>,
    /// The red flag a finding stands for (`weakness` → `weakness`).
    pub red_flag_of: HashMap<String, String>,
    /// Findings that make an entry an episode of twitching, cramp or spasm.
    pub episode: HashSet<String>,
}

/// The symptoms that make an entry an episode.
pub const EPISODE_SYMPTOMS: &[&str] = &["twitching", "cramp", "tremor", "tetany"];

impl Vocab {
    pub fn from_kb(kb: &KnowledgeBase) -> Self {
        let mut v = Vocab::default();
        for f in &kb.findings {
            match f.family {
                Family::BodyArea => {
                    let parent = f.parent.map(|p| kb.findings[p].id.to_string());
                    v.areas.insert(f.id.to_string(), parent);
                }
                Family::Context => {
                    v.contexts.insert(f.id.to_string(), f.name.to_string());
                }
                Family::Symptom => {}
            }
            if let Some(r) = f.red_flag {
                v.red_flag_of
                    .insert(f.id.to_string(), kb.red_flags[r].id.to_string());
            }
        }
        v.episode = EPISODE_SYMPTOMS.iter().map(|s| s.to_string()).collect();
        v
    }

    /// True when the entry logs twitching, cramp, tremor or spasm as happening.
    pub fn is_episode(&self, e: &Entry) -> bool {
        e.findings
            .iter()
            .any(|f| f.is_present() && self.episode.contains(&f.id))
    }

    /// `area` and the areas it lies within (`calf`, `leg`).
    pub fn area_and_ancestors(&self, area: &str) -> Vec<String> {
        let mut out = vec![area.to_string()];
        let mut cur = area.to_string();
        while let Some(Some(p)) = self.areas.get(&cur) {
            if out.contains(p) {
                break;
            }
            out.push(p.clone());
            cur = p.clone();
        }
        out
    }
}

/// `twitching, eyelid, no coffee`: what was recognized, as `log` says it and the
/// diary's table shows it (stored with each entry as `recognized`).
pub fn describe(findings: &[Logged]) -> String {
    findings
        .iter()
        .map(|f| match f.assertion.as_str() {
            "present" => f.id.clone(),
            "negated" => format!("no {}", f.id),
            "historical" => format!("{} (past)", f.id),
            other => format!("{} ({other})", f.id),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// A small vocabulary like the embedded KB's.
    pub fn vocab() -> Vocab {
        let mut v = Vocab::default();
        for (a, p) in [
            ("face", None),
            ("eyelid", Some("face")),
            ("lip-mouth", Some("face")),
            ("leg", None),
            ("calf", Some("leg")),
            ("thigh", Some("leg")),
            ("arm", None),
            ("hand", Some("arm")),
        ] {
            v.areas.insert(a.into(), p.map(String::from));
        }
        v.contexts.insert(
            "coffee".into(),
            "Coffee, energy drinks or other caffeine".into(),
        );
        v.contexts
            .insert("poor-sleep".into(), "Poor or short sleep".into());
        v.red_flag_of.insert("weakness".into(), "weakness".into());
        v.episode = EPISODE_SYMPTOMS.iter().map(|s| s.to_string()).collect();
        v
    }

    pub fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// An entry on `d` with these findings present (`!id` negated).
    pub fn entry(id: i64, d: &str, findings: &[&str]) -> Entry {
        Entry {
            id,
            at: format!("{d}T12:00:00+00:00"),
            day: day(d),
            text: findings.join(" "),
            urgency: "routine".into(),
            findings: findings
                .iter()
                .map(|f| {
                    let (id, assertion) = match f.strip_prefix('!') {
                        Some(id) => (id, "negated"),
                        None => (*f, "present"),
                    };
                    Logged {
                        id: id.into(),
                        entry: "finding".into(),
                        assertion: assertion.into(),
                        text: id.into(),
                    }
                })
                .collect(),
            red_flags: Vec::new(),
            change: None,
        }
    }
}
