//! The red flags the record raises, from the diary alone. Pure: `today` is
//! passed in.
//!
//! - `persistent`: episodes (twitching, cramp or spasm) logged on days spanning
//!   more than 14 days, in a run still going (no gap over [`MAX_GAP_DAYS`], the
//!   last within the past week).
//! - `spreading`: body areas logged in the last 7 days that were never logged
//!   before (nor an area they lie within), with more areas this week than the week
//!   before.
//! - every red flag an entry fired, until a later entry says it is gone (negated,
//!   or only in the past).

use std::collections::{BTreeSet, HashSet};

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::record::Record;
use super::Vocab;

/// Twitching on days spanning more than this is `persistent`.
pub const PERSISTENT_SPAN_DAYS: i64 = 14;
/// A gap longer than this between episodes starts a new run.
pub const MAX_GAP_DAYS: i64 = 7;

/// A red flag the diary raises, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signal {
    /// A red-flag id of the knowledge base.
    pub id: String,
    /// Why, in a sentence.
    pub reason: String,
    /// The first day the evidence covers.
    pub since: NaiveDate,
}

fn minus(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap_or(d)
}

/// Every red flag the diary raises on `today`, `persistent` and `spreading` first.
pub fn signals(record: &Record, vocab: &Vocab, today: NaiveDate) -> Vec<Signal> {
    let mut out = Vec::new();
    out.extend(persistent(record, today));
    out.extend(spreading(record, vocab, today));
    for s in logged_flags(record, vocab) {
        if !out.iter().any(|o: &Signal| o.id == s.id) {
            out.push(s);
        }
    }
    out
}

/// `persistent`: the current run of episode days spans more than 14 days.
pub fn persistent(record: &Record, today: NaiveDate) -> Option<Signal> {
    let days: Vec<NaiveDate> = record
        .days
        .iter()
        .filter(|(d, day)| **d <= today && day.episodes > 0)
        .map(|(d, _)| *d)
        .collect();
    let last = *days.last()?;
    if (today - last).num_days() > MAX_GAP_DAYS {
        return None;
    }
    // Walk back from the last day while the gaps stay short.
    let mut first = last;
    let mut count = 1;
    for &d in days.iter().rev().skip(1) {
        if (first - d).num_days() > MAX_GAP_DAYS {
            break;
        }
        first = d;
        count += 1;
    }
    let span = (last - first).num_days() + 1;
    (span > PERSISTENT_SPAN_DAYS).then(|| Signal {
        id: "persistent".into(),
        reason: format!(
            "twitching or cramps logged on {count} days from {first} to {last} ({span} days)"
        ),
        since: first,
    })
}

/// `spreading`: new body areas this week, and more areas than the week before.
pub fn spreading(record: &Record, vocab: &Vocab, today: NaiveDate) -> Option<Signal> {
    let week_start = minus(today, 6);
    let prev_start = minus(today, 13);
    let mut before: HashSet<&str> = HashSet::new();
    let mut this_week: BTreeSet<&str> = BTreeSet::new();
    let mut prev_week: BTreeSet<&str> = BTreeSet::new();
    for (d, day) in record.days.iter().filter(|(d, _)| **d <= today) {
        for a in day.present.keys().filter(|a| vocab.areas.contains_key(*a)) {
            if *d >= week_start {
                this_week.insert(a);
            } else {
                before.insert(a);
                if *d >= prev_start {
                    prev_week.insert(a);
                }
            }
        }
    }
    if before.is_empty() {
        return None; // a first week: nothing to spread from
    }
    // "calf cramps in my leg" is one place, not two: drop an area that another
    // area of the same week lies within.
    let collapse = |set: &mut BTreeSet<&str>| {
        let inner: Vec<Vec<String>> = set.iter().map(|a| vocab.area_and_ancestors(a)).collect();
        set.retain(|a| {
            !inner
                .iter()
                .any(|chain| chain[0] != *a && chain[1..].iter().any(|x| x == a))
        });
    };
    collapse(&mut this_week);
    collapse(&mut prev_week);
    let new: Vec<&str> = this_week
        .iter()
        .copied()
        .filter(|a| {
            !vocab
                .area_and_ancestors(a)
                .iter()
                .any(|x| before.contains(x.as_str()))
        })
        .collect();
    if new.is_empty() || this_week.len() <= prev_week.len() {
        return None;
    }
    Some(Signal {
        id: "spreading".into(),
        reason: format!(
            "new this week: {}; {} body areas this week, {} the week before",
            new.join(", "),
            this_week.len(),
            prev_week.len()
        ),
        since: week_start,
    })
}

/// The red flags entries fired that no later entry says are gone.
pub fn logged_flags(record: &Record, vocab: &Vocab) -> Vec<Signal> {
    // Events come oldest first; keep each flag's first day in its current run.
    let mut active: Vec<(String, NaiveDate, i64)> = Vec::new();
    for e in &record.flag_events {
        for gone in &e.gone {
            let flag = vocab.red_flag_of.get(gone).unwrap_or(gone);
            active.retain(|(id, ..)| id != flag);
        }
        for flag in &e.fired {
            if !active.iter().any(|(id, ..)| id == flag) {
                active.push((flag.clone(), e.day, e.entry));
            }
        }
    }
    active
        .into_iter()
        .map(|(id, since, entry)| Signal {
            reason: format!("logged on {since} (entry {entry}) and not since said to be gone"),
            id,
            since,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diary::record::Record;
    use crate::diary::test_support::{day, entry, vocab};
    use crate::diary::Entry;

    fn rec(es: &[Entry]) -> Record {
        Record::from_entries(es, &vocab())
    }

    fn every_other_day(from: &str, n: i64, findings: &[&str]) -> Vec<Entry> {
        let start = day(from);
        (0..n)
            .map(|i| {
                let d = start + chrono::Duration::days(i * 2);
                entry(i + 1, &d.to_string(), findings)
            })
            .collect()
    }

    #[test]
    fn persistent_fires_past_14_days_only() {
        // 2026-11-01 .. 2026-11-15: 15 days spanned.
        let es = every_other_day("2026-11-01", 8, &["twitching", "eyelid"]);
        let s = persistent(&rec(&es), day("2026-11-16")).expect("fires");
        assert_eq!(s.since, day("2026-11-01"));
        assert!(s.reason.contains("8 days"), "{}", s.reason);
        // 2026-11-01 .. 2026-11-13: 13 days, not yet.
        let es = every_other_day("2026-11-01", 7, &["twitching"]);
        assert_eq!(persistent(&rec(&es), day("2026-11-14")), None);
    }

    #[test]
    fn persistent_needs_the_run_to_be_current_and_unbroken() {
        let es = every_other_day("2026-10-01", 10, &["twitching"]);
        // Last episode 2026-10-19; a month later it is over.
        assert!(persistent(&rec(&es), day("2026-10-20")).is_some());
        assert_eq!(persistent(&rec(&es), day("2026-11-20")), None);
        // Two short runs with a 10-day gap do not add up.
        let mut es = every_other_day("2026-11-01", 4, &["cramp"]); // to 11-07
        es.push(entry(10, "2026-11-17", &["cramp"]));
        es.push(entry(11, "2026-11-20", &["cramp"]));
        assert_eq!(persistent(&rec(&es), day("2026-11-20")), None);
        // Entries saying it is not there do not count.
        let es = every_other_day("2026-11-01", 10, &["!twitching"]);
        assert_eq!(persistent(&rec(&es), day("2026-11-20")), None);
    }

    #[test]
    fn spreading_needs_new_areas_and_growth() {
        let v = vocab();
        let mut es = vec![
            entry(1, "2026-11-10", &["twitching", "eyelid"]),
            entry(2, "2026-11-12", &["twitching", "eyelid"]),
        ];
        let today = day("2026-11-20");
        assert_eq!(spreading(&rec(&es), &v, today), None);
        es.push(entry(3, "2026-11-18", &["twitching", "eyelid"]));
        es.push(entry(4, "2026-11-19", &["twitching", "calf"]));
        es.push(entry(5, "2026-11-20", &["twitching", "hand"]));
        let s = spreading(&rec(&es), &v, today).expect("fires");
        assert!(s.reason.contains("calf, hand"), "{}", s.reason);
        assert_eq!(s.since, day("2026-11-14"));
    }

    #[test]
    fn spreading_ignores_a_first_week_and_areas_within_old_ones() {
        let v = vocab();
        let today = day("2026-11-20");
        // Everything this week: nothing to spread from.
        let es = vec![
            entry(1, "2026-11-18", &["eyelid"]),
            entry(2, "2026-11-19", &["calf"]),
        ];
        assert_eq!(spreading(&rec(&es), &v, today), None);
        // Calf and thigh lie within the leg, logged before.
        let es = vec![
            entry(1, "2026-11-10", &["leg"]),
            entry(2, "2026-11-19", &["calf"]),
            entry(3, "2026-11-20", &["thigh"]),
        ];
        assert_eq!(spreading(&rec(&es), &v, today), None);
        // An area and one within it are one place.
        let es = vec![
            entry(1, "2026-11-10", &["eyelid"]),
            entry(2, "2026-11-19", &["leg", "calf"]),
        ];
        assert_eq!(spreading(&rec(&es), &v, today), None);
        // A new area but fewer areas than the week before: easing, not spreading.
        let es = vec![
            entry(1, "2026-11-10", &["eyelid", "calf", "hand"]),
            entry(2, "2026-11-19", &["lip-mouth"]),
        ];
        assert_eq!(spreading(&rec(&es), &v, today), None);
    }

    #[test]
    fn a_logged_red_flag_stays_until_said_gone() {
        let v = vocab();
        let mut a = entry(1, "2026-11-10", &["weakness", "calf"]);
        a.red_flags = vec!["weakness".into()];
        let b = entry(2, "2026-11-12", &["twitching"]);
        let s = logged_flags(&rec(&[a.clone(), b.clone()]), &v);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].id, "weakness");
        assert_eq!(s[0].since, day("2026-11-10"));
        let gone = entry(3, "2026-11-14", &["!weakness"]);
        assert!(logged_flags(&rec(&[a.clone(), b, gone.clone()]), &v).is_empty());
        // Said gone, then back again.
        let mut back = entry(4, "2026-11-16", &["weakness"]);
        back.red_flags = vec!["weakness".into()];
        let s = logged_flags(&rec(&[a, gone, back]), &v);
        assert_eq!(s[0].since, day("2026-11-16"));
    }

    #[test]
    fn signals_list_each_flag_once() {
        let v = vocab();
        let mut es = every_other_day("2026-11-01", 10, &["twitching"]);
        es[0].red_flags = vec!["persistent".into()];
        let s = signals(&rec(&es), &v, day("2026-11-20"));
        assert_eq!(s.iter().filter(|s| s.id == "persistent").count(), 1);
    }
}
