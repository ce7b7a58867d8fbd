//! The diary's file: an SQLite database (the bundled SQLite, so nothing needs to be
//! installed), owner-only, in WAL mode, every write in a transaction.
//!
//! Where: `--diary FILE`, else `TWITCHCHECK_DIARY`, else the platform's data
//! directory (`$XDG_DATA_HOME/twitchcheck/diary.sqlite3` on Linux).
//!
//! The schema's version is `PRAGMA user_version`; [`MIGRATIONS`] takes a file from
//! any older version to [`SCHEMA_VERSION`], after copying it to a backup. A file
//! is a diary when its `PRAGMA application_id` is [`APPLICATION_ID`]: any other
//! SQLite file, and anything that is not SQLite, is refused and left untouched.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};

use super::{Entry, Logged};
use crate::error::Error;

/// `twch`: marks a twitchcheck diary in the SQLite header.
pub const APPLICATION_ID: i32 = 0x7477_6368;

/// The schema's current version: the number of [`MIGRATIONS`].
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Migration `i` takes a file from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: the entries.
    "CREATE TABLE entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts INTEGER NOT NULL,        -- Unix seconds, for order
        at TEXT NOT NULL,           -- RFC 3339 with the person's offset
        day TEXT NOT NULL,          -- YYYY-MM-DD on the person's clock
        text TEXT NOT NULL,
        urgency TEXT NOT NULL,
        findings TEXT NOT NULL,     -- JSON array of {id, type, assertion, text}
        red_flags TEXT NOT NULL     -- JSON array of red-flag ids
    );
    CREATE INDEX entries_day ON entries(day);",
    // 2: a change the person made (`log --change \"stopped coffee\"`).
    "ALTER TABLE entries ADD COLUMN change TEXT;",
    // 3: what a view reads without parsing each entry's JSON: `recognized`, the
    // summary `log` printed ("eyelid, twitching, no coffee"; filled in for older
    // entries by `fill_recognized`), `marks`, one row per finding, and
    // `day_counts`, entries per day and finding (see `counts.rs`; filled by
    // `counts::rebuild`). Indexes on day and time, and on the few entries with a
    // red flag, a finding said gone, or a change.
    "ALTER TABLE entries ADD COLUMN recognized TEXT;
    CREATE TABLE marks (
        entry INTEGER NOT NULL,     -- entries.id
        day TEXT NOT NULL,          -- the entry's day
        finding TEXT NOT NULL,      -- a finding id of entries.findings
        assertion TEXT NOT NULL     -- present, possible, negated, historical…
    );
    INSERT INTO marks (entry, day, finding, assertion)
        SELECT e.id, e.day, json_extract(f.value, '$.id'), json_extract(f.value, '$.assertion')
        FROM entries e, json_each(e.findings) f
        WHERE json_valid(e.findings)
          AND json_extract(f.value, '$.id') IS NOT NULL
          AND json_extract(f.value, '$.assertion') IS NOT NULL
        ORDER BY e.id, f.key;
    CREATE INDEX marks_entry ON marks(entry);
    CREATE INDEX marks_day ON marks(day, finding, entry, assertion);
    CREATE INDEX marks_gone ON marks(entry) WHERE assertion IN ('negated', 'historical');
    DROP INDEX entries_day;
    CREATE INDEX entries_day ON entries(day, ts, id);
    CREATE INDEX entries_flagged ON entries(ts, id) WHERE red_flags <> '[]';
    CREATE INDEX entries_changed ON entries(ts, id) WHERE change IS NOT NULL;
    CREATE TABLE day_counts (
        day TEXT NOT NULL,
        finding TEXT NOT NULL,      -- a finding id, '' (every entry) or '~episode'
        entries INTEGER NOT NULL,
        PRIMARY KEY (day, finding)
    ) WITHOUT ROWID;",
];

/// A write empties the WAL into the file once it is this long (about six `log`s).
const WAL_LIMIT_BYTES: u64 = 256 * 1024;

/// How long to wait for another process's write before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The diary file to use: `explicit` (from `--diary` or `TWITCHCHECK_DIARY`), else
/// the platform's data directory.
pub fn resolve(explicit: Option<&Path>) -> Result<PathBuf, Error> {
    if let Some(p) = explicit.filter(|p| !p.as_os_str().is_empty()) {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("TWITCHCHECK_DIARY").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "twitchcheck").ok_or_else(|| {
        Error::Usage(
            "no home directory to keep the diary in; give a file with --diary FILE or \
             TWITCHCHECK_DIARY"
                .into(),
        )
    })?;
    Ok(dirs.data_dir().join("diary.sqlite3"))
}

/// An open diary.
pub struct Store {
    pub(super) conn: Connection,
    path: PathBuf,
}

/// A new entry, before it has an id.
pub struct NewEntry<'a> {
    pub ts: i64,
    pub at: &'a str,
    pub day: NaiveDate,
    pub text: &'a str,
    pub urgency: &'a str,
    pub findings: &'a [Logged],
    pub red_flags: &'a [String],
    pub change: Option<&'a str>,
}

fn show(path: &Path) -> String {
    path.display().to_string()
}

/// Turns an SQLite error into a message saying what is wrong with which file and
/// what to do.
pub(super) fn db_error(path: &Path, e: rusqlite::Error) -> Error {
    let p = show(path);
    let code = e.sqlite_error_code();
    let msg = match code {
        Some(ErrorCode::NotADatabase) => format!(
            "{p} is not a twitchcheck diary (not an SQLite database); it was left untouched. \
             Move it away, or give another file with --diary FILE"
        ),
        Some(ErrorCode::DatabaseCorrupt) => format!(
            "the diary {p} is damaged ({e}); it was left untouched. Keep a copy, then try \
             `sqlite3 {p} .recover`, or start a new diary with --diary FILE"
        ),
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => format!(
            "the diary {p} is locked by another program ({e}); nothing was changed. Try again \
             when it is done"
        ),
        Some(ErrorCode::ReadOnly)
        | Some(ErrorCode::CannotOpen)
        | Some(ErrorCode::PermissionDenied) => {
            format!(
                "cannot write the diary {p} ({e}); check the file's and its folder's \
                 permissions, or give another file with --diary FILE"
            )
        }
        Some(ErrorCode::DiskFull) => {
            format!("the disk holding the diary {p} is full; nothing was changed")
        }
        _ => format!("the diary {p}: {e}"),
    };
    Error::Usage(msg)
}

/// Creates `path` owner-only (0600) if it does not exist, with its folder (0700).
fn create_owner_only(path: &Path) -> Result<(), Error> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.exists() {
            let mut b = fs::DirBuilder::new();
            b.recursive(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                b.mode(0o700);
            }
            b.create(dir).map_err(|e| {
                Error::Usage(format!(
                    "cannot create the folder {} for the diary: {e}",
                    dir.display()
                ))
            })?;
        }
    }
    let mut o = fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    match o.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::Usage(format!(
            "cannot create the diary {}: {e}; give another file with --diary FILE",
            show(path)
        ))),
    }
}

/// Migration 3: the `recognized` summary of each older entry, from its findings
/// (an entry whose list is damaged keeps none, and `diary export` still names it).
fn fill_recognized(tx: &Connection) -> rusqlite::Result<()> {
    let mut read = tx.prepare("SELECT id, findings FROM entries WHERE recognized IS NULL")?;
    let mut write = tx.prepare("UPDATE entries SET recognized = ?2 WHERE id = ?1")?;
    let mut rows = read.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let findings: String = row.get(1)?;
        if let Ok(f) = serde_json::from_str::<Vec<Logged>>(&findings) {
            write.execute(params![id, super::describe(&f)])?;
        }
    }
    Ok(())
}

impl Store {
    /// Opens the diary at `path` for reading: `None` when there is no file yet.
    pub fn open_existing(path: &Path) -> Result<Option<Store>, Error> {
        if !path.exists() {
            return Ok(None);
        }
        Store::open_at(path).map(Some)
    }

    /// Opens the diary at `path`, creating it (owner-only) when it does not exist.
    pub fn open_or_create(path: &Path) -> Result<Store, Error> {
        create_owner_only(path)?;
        Store::open_at(path)
    }

    fn open_at(path: &Path) -> Result<Store, Error> {
        if path.is_dir() {
            return Err(Error::Usage(format!(
                "the diary {} is a folder; give a file with --diary FILE",
                show(path)
            )));
        }
        let err = |e| db_error(path, e);
        // No CREATE: the file exists (created owner-only above), and SQLite must not
        // make another behind our back.
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        // Sorts and groups stay in memory rather than in temporary files.
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(err)?;
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.prepare()?;
        Ok(store)
    }

    /// (application_id, user_version, number of schema objects), read together in
    /// one snapshot: another process may be creating the diary right now.
    fn identity(&self) -> rusqlite::Result<(i32, i32, i64)> {
        if !self.conn.is_autocommit() {
            return self.identity_now();
        }
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)?;
        let id = self.identity_now()?;
        tx.commit()?;
        Ok(id)
    }

    fn identity_now(&self) -> rusqlite::Result<(i32, i32, i64)> {
        let app: i32 = self
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i32 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        let objects: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        Ok((app, version, objects))
    }

    /// Checks the file is a diary (or empty), migrates it, and turns on WAL.
    fn prepare(&self) -> Result<(), Error> {
        let err = |e| db_error(&self.path, e);
        let (app, version, objects) = self.identity().map_err(err)?;
        let fresh = app == 0 && version == 0 && objects == 0;
        if !fresh && app != APPLICATION_ID {
            return Err(Error::Usage(format!(
                "{} is an SQLite database but not a twitchcheck diary; it was left untouched. \
                 Give another file with --diary FILE",
                show(&self.path)
            )));
        }
        if version > SCHEMA_VERSION {
            return Err(Error::Usage(format!(
                "the diary {} was written by a newer twitchcheck (schema {version}, this one \
                 reads up to {SCHEMA_VERSION}); it was left untouched. Update twitchcheck",
                show(&self.path)
            )));
        }
        if version < SCHEMA_VERSION {
            if !fresh {
                self.backup(version)?;
            }
            self.migrate().map_err(err)?;
        }
        self.wal();
        Ok(())
    }

    /// Copies the diary, as it is, next to itself before a migration:
    /// `diary.sqlite3.v1.bak`.
    fn backup(&self, version: i32) -> Result<(), Error> {
        let mut target = PathBuf::from(format!("{}.v{version}.bak", self.path.display()));
        let mut n = 1;
        while target.exists() {
            n += 1;
            target = PathBuf::from(format!("{}.v{version}.{n}.bak", self.path.display()));
        }
        let target_str = target.to_str().ok_or_else(|| {
            Error::Usage(format!(
                "cannot back up the diary {} before updating it: the path is not UTF-8",
                show(&self.path)
            ))
        })?;
        self.conn
            .execute("VACUUM INTO ?1", [target_str])
            .map_err(|e| {
                Error::Usage(format!(
                    "cannot back up the diary {} to {target_str} before updating it ({e}); \
                     nothing was changed",
                    show(&self.path)
                ))
            })?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = fs::set_permissions(&target, fs::Permissions::from_mode(0o600));
        }
        Ok(())
    }

    /// Runs the migrations the file lacks, all in one transaction (another
    /// process may have done them already: the version is read again inside).
    fn migrate(&self) -> rusqlite::Result<()> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let (app, version, objects) = self.identity_now()?;
        if version >= SCHEMA_VERSION && app == APPLICATION_ID {
            return Ok(()); // another process got here first
        }
        if (app == 0 && version == 0 && objects > 0) || (app != 0 && app != APPLICATION_ID) {
            // Someone else's file appeared meanwhile: touch nothing.
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_NOTADB),
                None,
            ));
        }
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            tx.execute_batch(m)?;
            if i == 2 {
                fill_recognized(&tx)?;
                super::counts::rebuild(&tx)?;
            }
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.commit()
    }

    /// Turns on WAL (once per file; it sticks). Another process holding the file
    /// can make the switch fail for a moment, so it is retried; a file left in
    /// rollback mode still works.
    fn wal(&self) {
        for _ in 0..100 {
            let mode: rusqlite::Result<String> =
                self.conn
                    .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0));
            if matches!(mode.as_deref(), Ok("wal")) {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let _ = self.conn.pragma_update(None, "synchronous", "NORMAL");
        // Leave the WAL file for the next process rather than checkpoint it on
        // every exit: a `log` then costs no fsync (a killed process loses
        // nothing). `trim_wal` keeps it short.
        let _ = self.conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        );
    }

    /// Empties the WAL into the file once it is over [`WAL_LIMIT_BYTES`]. Each
    /// process, the first to open the file, reads the whole WAL back in, and
    /// SQLite's own checkpoints never empty it when every process leaves it
    /// behind: it grew by 40 KB a `log`, and so did the time of every command.
    /// Only when no other process is busy with the file; else a later write does it.
    fn trim_wal(&self) {
        let mut wal = self.path.as_os_str().to_owned();
        wal.push("-wal");
        if fs::metadata(&wal).is_ok_and(|m| m.len() > WAL_LIMIT_BYTES) {
            let _ = self.conn.busy_timeout(Duration::ZERO);
            let _ = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
            let _ = self.conn.busy_timeout(BUSY_TIMEOUT);
        }
    }

    /// Adds an entry and returns its id.
    pub fn insert(&mut self, e: &NewEntry) -> Result<i64, Error> {
        let path = self.path.clone();
        let err = |e| db_error(&path, e);
        let findings = serde_json::to_string(e.findings).expect("findings serialize");
        let flags = serde_json::to_string(e.red_flags).expect("ids serialize");
        let day = e.day.format("%Y-%m-%d").to_string();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        tx.execute(
            "INSERT INTO entries (ts, at, day, text, urgency, findings, red_flags, change,
                                  recognized)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                e.ts,
                e.at,
                day,
                e.text,
                e.urgency,
                findings,
                flags,
                e.change,
                super::describe(e.findings)
            ],
        )
        .map_err(err)?;
        let id = tx.last_insert_rowid();
        super::counts::add(&tx, id, &day, e.findings).map_err(err)?;
        tx.commit().map_err(err)?;
        self.trim_wal();
        Ok(id)
    }

    /// Every entry from `since` to `until` (each end open when `None`), oldest
    /// first: by day, then time (a day is the person's own, so after flying west
    /// an evening entry may carry a later UTC time than the next day's first).
    pub fn entries(
        &self,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<Vec<Entry>, Error> {
        let err = |e| db_error(&self.path, e);
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let since = since.map_or_else(String::new, day);
        // Every day sorts before "a".
        let until = until.map_or_else(|| "a".to_string(), day);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, at, day, text, urgency, findings, red_flags, change FROM entries
                 WHERE day >= ?1 AND day <= ?2 ORDER BY day, ts, id",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map([since, until], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<String>>(7)?,
                ))
            })
            .map_err(err)?;
        let mut out = Vec::new();
        for row in rows {
            let (id, at, day, text, urgency, findings, flags, change) = row.map_err(err)?;
            let damaged = |what: &str| {
                Error::Usage(format!(
                    "the diary {}: entry {id} has a damaged {what}; it was left untouched \
                     (`twitchcheck diary delete {id}` removes it)",
                    show(&self.path)
                ))
            };
            out.push(Entry {
                id,
                at,
                day: NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| damaged("day"))?,
                text,
                urgency,
                findings: serde_json::from_str(&findings).map_err(|_| damaged("finding list"))?,
                red_flags: serde_json::from_str(&flags).map_err(|_| damaged("red-flag list"))?,
                change,
            });
        }
        Ok(out)
    }

    /// Deletes entry `id`; false when there is none.
    pub fn delete(&mut self, id: i64) -> Result<bool, Error> {
        let found =
            self.delete_where("SELECT id, at, text, day FROM entries WHERE id = ?1", [id])?;
        Ok(found.is_some())
    }

    /// Deletes the entry logged last (the highest id) and returns it.
    pub fn undo(&mut self) -> Result<Option<(i64, String, String)>, Error> {
        self.delete_where(
            "SELECT id, at, text, day FROM entries ORDER BY id DESC LIMIT 1",
            [],
        )
    }

    /// Deletes the entry `select` finds (it reads id, at, text and day), with its
    /// counts, in one transaction; returns its id, time and text.
    fn delete_where(
        &mut self,
        select: &str,
        params: impl rusqlite::Params,
    ) -> Result<Option<(i64, String, String)>, Error> {
        let path = self.path.clone();
        let err = |e| db_error(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let found: Option<(i64, String, String, String)> = tx
            .query_row(select, params, |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()
            .map_err(err)?;
        if let Some((id, _, _, day)) = &found {
            super::counts::remove(&tx, *id, day).map_err(err)?;
            tx.execute("DELETE FROM entries WHERE id = ?1", [id])
                .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        self.trim_wal();
        Ok(found.map(|(id, at, text, _)| (id, at, text)))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}
