//! What tends to go with twitching in a diary: for each context finding logged
//! (coffee, poor sleep…), on how many days twitching was logged with it and
//! without; and before and after a change the person recorded. Observations from
//! the diary, never proof of a cause. Pure: the days are passed in, and the
//! diary comes summarized per day ([`Record`]).

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::record::{Day, Record};
use super::Vocab;

/// Said with every pattern.
pub const CAVEAT: &str = "These are observations from your diary, not proof of a cause: \
                          days differ in many ways at once.";

/// Days with and without a context finding, and how many had twitching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pattern {
    /// The context finding's id.
    pub id: String,
    pub name: String,
    pub days_with: u32,
    pub twitching_with: u32,
    pub days_without: u32,
    pub twitching_without: u32,
    pub sentence: String,
}

/// Twitching before and after a change the person recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub entry: i64,
    pub change: String,
    pub day: NaiveDate,
    pub days_before: u32,
    pub twitching_before: u32,
    pub days_after: u32,
    pub twitching_after: u32,
    pub sentence: String,
}

/// How many days are compared on each side of a change.
pub const CHANGE_WINDOW_DAYS: u64 = 14;

fn days(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d <= to)
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        "day"
    } else {
        "days"
    }
}

/// One pattern per context finding logged (as present) in `from..=to`, most
/// logged first. A day without an entry counts as a day without twitching and
/// without the context.
pub fn patterns(record: &Record, vocab: &Vocab, from: NaiveDate, to: NaiveDate) -> Vec<Pattern> {
    let in_range: Vec<(&NaiveDate, &Day)> = record.range(from, to).collect();
    let Some((&first, _)) = in_range.first() else {
        return Vec::new();
    };
    let from = from.max(first);
    let total = days(from, to).count() as u32;
    let contexts: BTreeSet<&str> = in_range
        .iter()
        .flat_map(|(_, d)| d.present.keys())
        .filter(|id| vocab.contexts.contains_key(*id))
        .map(String::as_str)
        .collect();
    let mut out: Vec<Pattern> = contexts
        .into_iter()
        .map(|c| {
            let (mut days_with, mut twitching_with, mut twitching_without) = (0, 0, 0);
            for (_, d) in &in_range {
                let with = d.present.contains_key(c);
                let episode = d.episodes > 0;
                days_with += u32::from(with);
                twitching_with += u32::from(with && episode);
                twitching_without += u32::from(!with && episode);
            }
            let days_without = total - days_with;
            let name = vocab.contexts[c].clone();
            let sentence = format!(
                "{name}: twitching or cramps logged on {twitching_with} of {days_with} {} with it, \
                 {twitching_without} of {days_without} {} without.",
                plural(days_with),
                plural(days_without)
            );
            Pattern {
                id: c.to_string(),
                name,
                days_with,
                twitching_with,
                days_without,
                twitching_without,
                sentence,
            }
        })
        .collect();
    out.sort_by(|a, b| b.days_with.cmp(&a.days_with).then(a.id.cmp(&b.id)));
    out
}

/// For each change recorded, twitching on the days before it and after it (up to
/// [`CHANGE_WINDOW_DAYS`] each side, never past `today` nor before the diary's
/// first day). The change's own day counts on neither side.
pub fn changes(record: &Record, today: NaiveDate) -> Vec<Change> {
    let Some(&first) = record.days.keys().next() else {
        return Vec::new();
    };
    let episode: BTreeSet<NaiveDate> = record
        .days
        .iter()
        .filter(|(_, d)| d.episodes > 0)
        .map(|(d, _)| *d)
        .collect();
    let count = |from: NaiveDate, to: NaiveDate| -> (u32, u32) {
        if from > to {
            return (0, 0);
        }
        let n = days(from, to).count() as u32;
        let t = episode.range(from..=to).count() as u32;
        (n, t)
    };
    record
        .changes
        .iter()
        .map(|c| {
            let change = c.change.clone();
            let d = c.day;
            let before_from = d
                .checked_sub_days(Days::new(CHANGE_WINDOW_DAYS))
                .unwrap_or(d)
                .max(first);
            let before_to = d.pred_opt().unwrap_or(d);
            let after_from = d.succ_opt().unwrap_or(d);
            let after_to = d
                .checked_add_days(Days::new(CHANGE_WINDOW_DAYS))
                .unwrap_or(d)
                .min(today);
            let (days_before, twitching_before) = count(before_from, before_to);
            let (days_after, twitching_after) = count(after_from, after_to);
            let sentence = if days_after == 0 {
                format!("Since \"{change}\" on {d}: too early to compare.")
            } else if days_before == 0 {
                format!(
                    "Since \"{change}\" on {d}: twitching or cramps on {twitching_after} of \
                     {days_after} {} after; nothing logged before it to compare.",
                    plural(days_after)
                )
            } else {
                format!(
                    "Since \"{change}\" on {d}: twitching or cramps on {twitching_after} of \
                     {days_after} {} after, {twitching_before} of {days_before} {} before.",
                    plural(days_after),
                    plural(days_before)
                )
            };
            Change {
                entry: c.entry,
                change,
                day: d,
                days_before,
                twitching_before,
                days_after,
                twitching_after,
                sentence,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diary::test_support::{day, entry, vocab};
    use crate::diary::Entry;

    fn rec(es: &[Entry]) -> Record {
        Record::from_entries(es, &vocab())
    }

    #[test]
    fn days_with_and_without_a_context() {
        let v = vocab();
        let start = day("2026-11-01");
        let mut es = Vec::new();
        // 30 days: coffee on 11 of them, twitching on 9 of those; 2 other twitch days.
        for i in 0..30u64 {
            let d = start.checked_add_days(Days::new(i)).unwrap().to_string();
            let id = i as i64 + 1;
            if i < 11 {
                let f: &[&str] = if i < 9 {
                    &["twitching", "eyelid", "coffee"]
                } else {
                    &["coffee"]
                };
                es.push(entry(id, &d, f));
            } else if i < 13 {
                es.push(entry(id, &d, &["twitching", "eyelid"]));
            }
        }
        let p = patterns(&rec(&es), &v, start, day("2026-11-30"));
        assert_eq!(p.len(), 1);
        let p = &p[0];
        assert_eq!(
            (
                p.days_with,
                p.twitching_with,
                p.days_without,
                p.twitching_without
            ),
            (11, 9, 19, 2)
        );
        assert!(p
            .sentence
            .contains("9 of 11 days with it, 2 of 19 days without"));
    }

    #[test]
    fn negated_contexts_are_not_days_with_it() {
        let v = vocab();
        let es = vec![
            entry(1, "2026-11-01", &["twitching", "!coffee"]),
            entry(2, "2026-11-02", &["twitching", "coffee"]),
        ];
        let p = patterns(&rec(&es), &v, day("2026-10-01"), day("2026-11-02"));
        assert_eq!((p[0].days_with, p[0].days_without), (1, 1));
    }

    #[test]
    fn before_and_after_a_change() {
        let mut es = Vec::new();
        let start = day("2026-11-01");
        for i in 0..20u64 {
            let d = start.checked_add_days(Days::new(i)).unwrap().to_string();
            // Twitching every day before the 11th, every fourth day after.
            if i < 10 || i % 4 == 0 {
                es.push(entry(i as i64 + 1, &d, &["twitching"]));
            }
        }
        let mut c = entry(100, "2026-11-11", &[]);
        c.change = Some("stopped coffee".into());
        es.push(c);
        es.sort_by_key(|e| e.day);
        let ch = changes(&rec(&es), day("2026-11-20"));
        assert_eq!(ch.len(), 1);
        let c = &ch[0];
        assert_eq!((c.days_before, c.twitching_before), (10, 10));
        // After: 12 to 20 November, twitching on the 13th and the 17th.
        assert_eq!((c.days_after, c.twitching_after), (9, 2));
        assert!(c
            .sentence
            .contains("2 of 9 days after, 10 of 10 days before"));
        let early = changes(&rec(&es), day("2026-11-11"));
        assert!(early[0].sentence.contains("too early"));
    }
}
