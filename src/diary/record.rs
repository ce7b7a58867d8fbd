//! What the diary's rules read: not every entry, but per day how many entries
//! logged each finding, plus the few entries that fired a red flag, said one is
//! gone or recorded a change. The store builds it with a handful of grouped
//! queries ([`super::query`]), so `diary` over 10 000 entries parses no entry's
//! JSON; [`Record::from_entries`] builds the same from entries, for tests.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Entry, Vocab};

/// The diary, summarized per day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Every day with at least one entry.
    pub days: BTreeMap<NaiveDate, Day>,
    /// Entries that fired a red flag or said a finding is gone, oldest first.
    pub flag_events: Vec<FlagEvent>,
    /// Entries that recorded a change (`log --change`), oldest first.
    pub changes: Vec<ChangeMark>,
}

/// One day of the diary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Day {
    pub entries: u32,
    /// Entries logging twitching, cramp, tremor or spasm as happening.
    pub episodes: u32,
    /// Finding id → how many entries logged it as present (or possible).
    pub present: BTreeMap<String, u32>,
}

/// An entry that matters to the logged red flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagEvent {
    pub entry: i64,
    pub day: NaiveDate,
    /// The red flags it fired.
    pub fired: Vec<String>,
    /// The findings it says are gone (negated or only in the past).
    pub gone: Vec<String>,
}

/// A change the person recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeMark {
    pub entry: i64,
    pub day: NaiveDate,
    pub change: String,
}

impl Record {
    /// The record of `entries` (oldest first, as the store gives them).
    pub fn from_entries(entries: &[Entry], vocab: &Vocab) -> Record {
        let mut r = Record::default();
        for e in entries {
            let day = r.days.entry(e.day).or_default();
            day.entries += 1;
            if vocab.is_episode(e) {
                day.episodes += 1;
            }
            let mut seen: Vec<&str> = Vec::new();
            for f in e.findings.iter().filter(|f| f.is_present()) {
                if !seen.contains(&f.id.as_str()) {
                    seen.push(&f.id);
                    *day.present.entry(f.id.clone()).or_default() += 1;
                }
            }
            let gone: Vec<String> = e
                .findings
                .iter()
                .filter(|f| f.is_gone())
                .map(|f| f.id.clone())
                .collect();
            if !e.red_flags.is_empty() || !gone.is_empty() {
                r.flag_events.push(FlagEvent {
                    entry: e.id,
                    day: e.day,
                    fired: e.red_flags.clone(),
                    gone,
                });
            }
            if let Some(c) = &e.change {
                r.changes.push(ChangeMark {
                    entry: e.id,
                    day: e.day,
                    change: c.clone(),
                });
            }
        }
        r
    }

    /// The days in `from..=to` with an entry.
    pub fn range(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl Iterator<Item = (&NaiveDate, &Day)> {
        // A BTreeMap range must not start after its end.
        self.days
            .range(from..=to.max(from))
            .filter(move |(d, _)| **d <= to)
    }

    /// How many entries in all.
    pub fn total(&self) -> u64 {
        self.days.values().map(|d| u64::from(d.entries)).sum()
    }
}
