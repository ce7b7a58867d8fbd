//! The indexes a write keeps up to date, in the write's transaction, so a view
//! never reads every entry:
//!
//! - `marks`: one row per recognized finding of an entry (id and assertion);
//! - `day_counts`: per day, how many entries there are (finding `""`), how many
//!   log an episode (`"~episode"`), and how many log each finding as present.
//!
//! [`super::query`] reads them; a test checks they always say what the entries say.

use rusqlite::{params, Connection};

use super::{Logged, EPISODE_SYMPTOMS};

/// The `day_counts` key counting every entry.
pub const ALL: &str = "";
/// The `day_counts` key counting entries that log twitching, cramp, tremor or spasm.
pub const EPISODE: &str = "~episode";

/// `'twitching', 'cramp', …` for an SQL `IN (…)`.
fn episode_list() -> String {
    EPISODE_SYMPTOMS
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `day_counts` keys entry `?1` counts under: every entry, each finding it logs
/// as present, and an episode when it logs one.
fn keys_of_entry() -> String {
    format!(
        "SELECT '{ALL}' AS k
         UNION SELECT finding FROM marks
               WHERE entry = ?1 AND assertion IN ('present', 'possible')
         UNION SELECT '{EPISODE}' FROM marks
               WHERE entry = ?1 AND assertion IN ('present', 'possible')
                 AND finding IN ({})",
        episode_list()
    )
}

/// Records entry `id`'s findings in `marks` and counts it in `day_counts`.
pub fn add(tx: &Connection, id: i64, day: &str, findings: &[Logged]) -> rusqlite::Result<()> {
    let mut mark = tx.prepare_cached(
        "INSERT INTO marks (entry, day, finding, assertion) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for f in findings {
        mark.execute(params![id, day, f.id, f.assertion])?;
    }
    let sql = format!(
        "INSERT INTO day_counts (day, finding, entries)
             SELECT ?2, k, 1 FROM ({}) WHERE true
         ON CONFLICT (day, finding) DO UPDATE SET entries = entries + 1",
        keys_of_entry()
    );
    tx.prepare_cached(&sql)?.execute(params![id, day])?;
    Ok(())
}

/// Takes entry `id` out of `day_counts` and `marks` (before or after the entry
/// itself is deleted: it reads only `marks`).
pub fn remove(tx: &Connection, id: i64, day: &str) -> rusqlite::Result<()> {
    let sql = format!(
        "UPDATE day_counts SET entries = entries - 1 WHERE day = ?2 AND finding IN ({})",
        keys_of_entry()
    );
    tx.prepare_cached(&sql)?.execute(params![id, day])?;
    tx.execute("DELETE FROM day_counts WHERE entries <= 0", [])?;
    tx.execute("DELETE FROM marks WHERE entry = ?1", [id])?;
    Ok(())
}

/// Counts every entry afresh (migration 3, after `marks` is filled).
pub fn rebuild(tx: &Connection) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM day_counts", [])?;
    tx.execute_batch(&format!(
        "INSERT INTO day_counts (day, finding, entries)
             SELECT day, '{ALL}', count(*) FROM entries GROUP BY day;
         INSERT INTO day_counts (day, finding, entries)
             SELECT day, finding, count(DISTINCT entry) FROM marks
             WHERE assertion IN ('present', 'possible') GROUP BY day, finding;
         INSERT INTO day_counts (day, finding, entries)
             SELECT day, '{EPISODE}', count(DISTINCT entry) FROM marks
             WHERE assertion IN ('present', 'possible') AND finding IN ({})
             GROUP BY day;",
        episode_list()
    ))
}
