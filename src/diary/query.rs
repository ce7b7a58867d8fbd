//! The reads a view makes: the diary summarized per day ([`Record`]) from
//! `day_counts` and the few entries with red flags or changes; and the table's
//! rows, with the `recognized` summary stored at log time, streamed one at a
//! time. Neither parses an entry's JSON: that is what made `diary` over 10 000
//! entries slow (README, Diary).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::TransactionBehavior;

use super::counts;
use super::record::{ChangeMark, FlagEvent, Record};
use super::store::{db_error, Store};
use crate::error::Error;

/// One row of the diary's table.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: i64,
    pub at: String,
    pub urgency: String,
    pub text: String,
    pub change: Option<String>,
    /// What was recognized, as `log` said it: `eyelid, twitching, no coffee`.
    pub recognized: String,
}

impl Store {
    fn damaged(&self, entry: i64, what: &str) -> Error {
        Error::Usage(format!(
            "the diary {}: entry {entry} has a damaged {what}; it was left untouched \
             (`twitchcheck diary delete {entry}` removes it)",
            self.path().display()
        ))
    }

    /// A stored day; `entry` names the entry when the query knows it.
    /// A row's entry time, id and day: its first three columns.
    fn entry_head(&self, row: &rusqlite::Row) -> Result<(i64, i64, NaiveDate), Error> {
        let err = |e| db_error(self.path(), e);
        let (ts, id): (i64, i64) = (row.get(0).map_err(err)?, row.get(1).map_err(err)?);
        let day = self.day(
            Some(id),
            row.get_ref(2).map_err(err)?.as_str().unwrap_or(""),
        )?;
        Ok((ts, id, day))
    }

    fn day(&self, entry: Option<i64>, text: &str) -> Result<NaiveDate, Error> {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| match entry {
            Some(id) => self.damaged(id, "day"),
            None => Error::Usage(format!(
                "the diary {}: an entry has a damaged day (\"{text}\"); it was left \
                 untouched. Keep a copy and repair it with sqlite3, or start a new diary \
                 with --diary FILE",
                self.path().display()
            )),
        })
    }

    /// Runs `read` on one snapshot of the diary: what it reads is consistent
    /// even while another process logs.
    pub fn snapshot<T>(&self, read: impl FnOnce(&Store) -> Result<T, Error>) -> Result<T, Error> {
        if !self.conn.is_autocommit() {
            return read(self); // already in one
        }
        let err = |e| db_error(self.path(), e);
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)
            .map_err(err)?;
        let out = read(self)?;
        tx.commit().map_err(err)?;
        Ok(out)
    }

    /// The whole diary summarized per day, read in one snapshot.
    pub fn record(&self) -> Result<Record, Error> {
        self.snapshot(|s| s.record_in(&s.conn))
    }

    fn record_in(&self, tx: &rusqlite::Connection) -> Result<Record, Error> {
        let err = |e| db_error(self.path(), e);
        let mut r = Record::default();

        let mut q = tx
            .prepare_cached("SELECT day, finding, entries FROM day_counts WHERE entries > 0")
            .map_err(err)?;
        let mut rows = q.query([]).map_err(err)?;
        while let Some(row) = rows.next().map_err(err)? {
            let day = self.day(None, row.get_ref(0).map_err(err)?.as_str().unwrap_or(""))?;
            let key: String = row.get(1).map_err(err)?;
            let n: u32 = row.get(2).map_err(err)?;
            let d = r.days.entry(day).or_default();
            match key.as_str() {
                counts::ALL => d.entries = n,
                counts::EPISODE => d.episodes = n,
                _ => {
                    d.present.insert(key, n);
                }
            }
        }

        // Red flags fired and findings said gone, merged by entry in time order.
        let mut events: BTreeMap<(i64, i64), FlagEvent> = BTreeMap::new();
        let mut q = tx
            .prepare_cached(
                "SELECT ts, id, day, red_flags FROM entries
                 WHERE red_flags <> '[]'",
            )
            .map_err(err)?;
        let mut rows = q.query([]).map_err(err)?;
        while let Some(row) = rows.next().map_err(err)? {
            let (ts, id, day) = self.entry_head(row)?;
            let flags: String = row.get(3).map_err(err)?;
            let fired: Vec<String> =
                serde_json::from_str(&flags).map_err(|_| self.damaged(id, "red-flag list"))?;
            events.insert(
                (ts, id),
                FlagEvent {
                    entry: id,
                    day,
                    fired,
                    gone: Vec::new(),
                },
            );
        }
        let mut q = tx
            .prepare_cached(
                "SELECT e.ts, e.id, e.day, m.finding FROM marks m INDEXED BY marks_gone
                 JOIN entries e ON e.id = m.entry
                 WHERE m.assertion IN ('negated', 'historical') ORDER BY m.rowid",
            )
            .map_err(err)?;
        let mut rows = q.query([]).map_err(err)?;
        while let Some(row) = rows.next().map_err(err)? {
            let (ts, id, day) = self.entry_head(row)?;
            let finding: String = row.get(3).map_err(err)?;
            events
                .entry((ts, id))
                .or_insert_with(|| FlagEvent {
                    entry: id,
                    day,
                    fired: Vec::new(),
                    gone: Vec::new(),
                })
                .gone
                .push(finding);
        }
        r.flag_events = events.into_values().collect();

        let mut q = tx
            .prepare_cached(
                "SELECT id, day, change FROM entries
                 WHERE change IS NOT NULL ORDER BY ts, id",
            )
            .map_err(err)?;
        let mut rows = q.query([]).map_err(err)?;
        while let Some(row) = rows.next().map_err(err)? {
            let id: i64 = row.get(0).map_err(err)?;
            let day = self.day(
                Some(id),
                row.get_ref(1).map_err(err)?.as_str().unwrap_or(""),
            )?;
            r.changes.push(ChangeMark {
                entry: id,
                day,
                change: row.get(2).map_err(err)?,
            });
        }
        Ok(r)
    }

    /// Calls `each` with every entry from `from` to `to`, oldest first (by day,
    /// then time, as [`Store::entries`]): one query, one row at a time.
    pub fn each_row(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        mut each: impl FnMut(&Row) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        let err = |e| db_error(self.path(), e);
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let mut q = self
            .conn
            .prepare_cached(
                "SELECT id, at, urgency, text, change, recognized FROM entries
                 WHERE day >= ?1 AND day <= ?2 ORDER BY day, ts, id",
            )
            .map_err(err)?;
        let mut rows = q.query([day(from), day(to)]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            let row = Row {
                id: r.get(0).map_err(err)?,
                at: r.get(1).map_err(err)?,
                urgency: r.get(2).map_err(err)?,
                text: r.get(3).map_err(err)?,
                change: r.get(4).map_err(err)?,
                recognized: r
                    .get::<_, Option<String>>(5)
                    .map_err(err)?
                    .unwrap_or_default(),
            };
            each(&row)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diary::record::Record;
    use crate::diary::store::NewEntry;
    use crate::diary::test_support::{entry, vocab};
    use crate::diary::Entry;

    fn log(store: &mut Store, e: &Entry) -> i64 {
        store
            .insert(&NewEntry {
                ts: e.day.and_hms_opt(12, 0, 0).unwrap().and_utc().timestamp(),
                at: &e.at,
                day: e.day,
                text: &e.text,
                urgency: &e.urgency,
                findings: &e.findings,
                red_flags: &e.red_flags,
                change: e.change.as_deref(),
            })
            .unwrap()
    }

    /// The counts a write keeps say what the entries say, through logs, deletes
    /// and undo: the record read from SQL equals the one built from every entry.
    #[test]
    fn the_stored_record_matches_the_entries() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_or_create(&dir.path().join("d.sqlite3")).unwrap();
        let v = vocab();
        let mut flagged = entry(0, "2026-11-03", &["weakness", "calf", "cramp"]);
        flagged.red_flags = vec!["weakness".into()];
        let mut changed = entry(0, "2026-11-04", &[]);
        changed.change = Some("stopped coffee".into());
        let es = [
            entry(0, "2026-11-01", &["twitching", "eyelid", "coffee"]),
            // Twitching and cramp, and an area twice: one entry each time.
            entry(0, "2026-11-01", &["twitching", "cramp", "eyelid", "eyelid"]),
            entry(0, "2026-11-02", &["!twitching", "coffee"]),
            flagged,
            changed,
            entry(0, "2026-11-05", &["cramp", "!weakness", "hand"]),
            entry(0, "2026-11-05", &["poor-sleep"]),
        ];
        let ids: Vec<i64> = es.iter().map(|e| log(&mut store, e)).collect();
        let check = |store: &Store| {
            let from_sql = store.record().unwrap();
            let from_entries = Record::from_entries(&store.entries(None, None).unwrap(), &v);
            assert_eq!(from_sql, from_entries);
            from_sql
        };
        let r = check(&store);
        let first = &r.days[&crate::diary::test_support::day("2026-11-01")];
        assert_eq!((first.entries, first.episodes), (2, 2));
        assert_eq!(first.present["eyelid"], 2);
        assert_eq!(r.flag_events.len(), 3);
        assert!(store.delete(ids[1]).unwrap());
        assert!(!store.delete(ids[1]).unwrap());
        check(&store);
        store.undo().unwrap();
        store.delete(ids[2]).unwrap();
        let r = check(&store);
        assert!(!r
            .days
            .contains_key(&crate::diary::test_support::day("2026-11-02")));
        // The table's rows: every entry in the range, with what was recognized.
        let mut rows = Vec::new();
        store
            .each_row(
                crate::diary::test_support::day("2026-11-01"),
                crate::diary::test_support::day("2026-11-04"),
                |r| {
                    rows.push((r.id, r.recognized.clone(), r.change.clone()));
                    Ok(())
                },
            )
            .unwrap();
        assert_eq!(
            rows,
            [
                (ids[0], "twitching, eyelid, coffee".to_string(), None),
                (ids[3], "weakness, calf, cramp".to_string(), None),
                (ids[4], String::new(), Some("stopped coffee".to_string())),
            ]
        );
    }
}
