//! The diary loses nothing: the file is owner-only; processes logging at once all
//! land; a killed process leaves a valid diary; damaged, truncated and foreign
//! files are refused untouched; an older diary is migrated with a backup; days
//! are the person's own across time zones and daylight-saving changes.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::diary::{flag_ids, tc, temp};
use crate::stderr_of_failure;

#[cfg(unix)]
#[test]
fn the_file_and_its_folder_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new/folder/diary.sqlite3");
    tc(&file).args(["log", "calf cramp"]).assert().success();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(file.parent().unwrap()), 0o700);
    for side in ["-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{side}", file.display()));
        if p.exists() {
            assert_eq!(mode(&p) & 0o077, 0, "{}", p.display());
        }
    }
}

#[test]
fn a_corrupt_or_foreign_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "my notes, not a database\n".repeat(200)).unwrap();
    let foreign = dir.path().join("other-app.sqlite3");
    {
        let c = rusqlite::Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    // A real diary cut short.
    let (_d2, good) = temp();
    for i in 0..50 {
        tc(&good)
            .args(["log", &format!("calf cramp number {i} {}", "x".repeat(200))])
            .assert()
            .success();
    }
    tc(&good).args(["diary"]).assert().success(); // checkpoints nothing needed
    let bytes = std::fs::read(&good).unwrap();
    let truncated = dir.path().join("truncated.sqlite3");
    std::fs::write(&truncated, &bytes[..bytes.len().min(4096 * 2)]).unwrap();

    for (file, says) in [
        (&text, "not a twitchcheck diary"),
        (&foreign, "not a twitchcheck diary"),
    ] {
        let before = std::fs::read(file).unwrap();
        for args in [
            &["log", "calf cramp"][..],
            &["diary"],
            &["diary", "undo"],
            &["diary", "export"],
        ] {
            let err = stderr_of_failure(tc(file).args(args));
            assert!(err.contains(says), "{args:?}: {err}");
            assert!(err.contains("left untouched"), "{err}");
        }
        let err = stderr_of_failure(tc(file).args(["check", "--with-diary", "calf cramp"]));
        assert!(err.contains(says), "{err}");
        assert_eq!(std::fs::read(file).unwrap(), before, "{}", file.display());
    }
    // A truncated diary: refused (or read as far as it is whole), never a panic.
    let out = tc(&truncated).args(["diary", "export"]).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 2)), "{out:?}");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn a_v1_diary_is_migrated_with_every_entry_and_a_backup() {
    let (dir, file) = temp();
    {
        let c = rusqlite::Connection::open(&file).unwrap();
        c.execute_batch(
            "CREATE TABLE entries (
                id INTEGER PRIMARY KEY AUTOINCREMENT, ts INTEGER NOT NULL, at TEXT NOT NULL,
                day TEXT NOT NULL, text TEXT NOT NULL, urgency TEXT NOT NULL,
                findings TEXT NOT NULL, red_flags TEXT NOT NULL);
             CREATE INDEX entries_day ON entries(day);
             PRAGMA application_id = 1953981288; -- 0x74776368, twch
             PRAGMA user_version = 1;",
        )
        .unwrap();
        let twitching =
            r#"{"id":"twitching","type":"finding","assertion":"present","text":"twitching"}"#;
        let weakness = r#"{"id":"weakness","type":"red-flag","assertion":"present","text":"weak"}"#;
        for i in 1..=30 {
            // The last entry also logged weakness, a red flag.
            let (findings, flags) = if i == 30 {
                (format!("[{twitching},{weakness}]"), r#"["weakness"]"#)
            } else {
                (format!("[{twitching}]"), "[]")
            };
            c.execute(
                "INSERT INTO entries (ts, at, day, text, urgency, findings, red_flags)
                 VALUES (?1, ?2, ?3, ?4, 'routine', ?5, ?6)",
                rusqlite::params![
                    1_762_000_000 + i * 86_400,
                    format!("2025-11-{i:02}T09:00:00+00:00"),
                    format!("2025-11-{i:02}"),
                    format!("entry {i}"),
                    findings,
                    flags
                ],
            )
            .unwrap();
        }
    }
    let out = tc(&file).args(["diary", "export"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = crate::json_lines(&out.stdout);
    assert_eq!(lines.len(), 30);
    assert_eq!(lines[29]["text"], "entry 30");
    assert!(lines[0]["change"].is_null());
    let backup = dir.path().join("diary.sqlite3.v1.bak");
    assert!(backup.exists());
    let c = rusqlite::Connection::open(&file).unwrap();
    let v: i32 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 3);
    let b = rusqlite::Connection::open(&backup).unwrap();
    let n: i64 = b
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 30);
    // The views read the migrated entries: a chart counting all 30 twitching days,
    // the red flag entry 30 logged, the table with what each entry recognized.
    let out = tc(&file)
        .args(["diary", "--since", "2025-11-01", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let any: u64 = v["chart"][0]["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(any, 30, "{v}");
    assert_eq!(v["entries"].as_array().unwrap().len(), 30);
    assert!(flag_ids(&v).contains(&"weakness".to_string()), "{v}");
    let out = tc(&file)
        .args(["diary", "--since", "2025-11-01"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let row = text.lines().find(|l| l.ends_with("entry 30")).expect(&text);
    assert!(row.contains("twitching, weakness"), "{row}");
    // A newer diary than this twitchcheck knows is refused.
    c.pragma_update(None, "user_version", 99).unwrap();
    let err = stderr_of_failure(tc(&file).args(["diary"]));
    assert!(err.contains("newer twitchcheck"), "{err}");
}

#[test]
fn days_follow_the_clock_of_the_time_zone_across_a_dst_change() {
    let (_dir, file) = temp();
    let ny = |args: &[&str]| {
        let mut c = tc(&file);
        c.env("TZ", "America/New_York").args(args);
        c
    };
    // US clocks went back at 02:00 on 2026-11-01: a 25-hour day.
    ny(&["log", "--at", "2026-11-01 00:30", "eyelid twitching"])
        .assert()
        .success();
    ny(&["log", "--at", "2026-11-01 23:30", "eyelid twitching"])
        .assert()
        .success();
    ny(&["log", "--at", "2026-11-02 00:10", "eyelid twitching"])
        .assert()
        .success();
    // An offset given explicitly is the person's clock, whatever TZ says.
    tc(&file)
        .args([
            "log",
            "--at",
            "2026-11-03T23:30:00-05:00",
            "eyelid twitching",
        ])
        .assert()
        .success();
    let out = tc(&file).args(["diary", "export"]).output().unwrap();
    let days: Vec<String> = crate::json_lines(&out.stdout)
        .iter()
        .map(|v| v["day"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        days,
        ["2026-11-01", "2026-11-01", "2026-11-02", "2026-11-03"]
    );
    let at: Vec<String> = crate::json_lines(&out.stdout)
        .iter()
        .map(|v| v["at"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(at[0], "2026-11-01T00:30:00-04:00");
    assert_eq!(at[1], "2026-11-01T23:30:00-05:00");
    // 02:30 on 2026-03-08 never happened in New York.
    let err = stderr_of_failure(&mut ny(&["log", "--at", "2026-03-08 02:30", "cramp"]));
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn eight_processes_logging_at_once_all_land() {
    let (_dir, file) = temp();
    let exe = assert_cmd::cargo::cargo_bin("twitchcheck");
    let workers: Vec<_> = (0..8)
        .map(|w| {
            let exe = exe.clone();
            let file = file.clone();
            std::thread::spawn(move || {
                for i in 0..200 {
                    let out = std::process::Command::new(&exe)
                        .env_clear()
                        .env("TZ", "UTC")
                        .args(["log", "--diary"])
                        .arg(&file)
                        .arg(format!("calf cramp {w}-{i}"))
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let c = rusqlite::Connection::open(&file).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1600);
    let distinct: i64 = c
        .query_row("SELECT count(DISTINCT text) FROM entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(distinct, 1600);
}

#[test]
fn killing_log_mid_write_leaves_a_valid_diary() {
    let (_dir, file) = temp();
    tc(&file).args(["log", "calf cramp"]).assert().success();
    let exe = assert_cmd::cargo::cargo_bin("twitchcheck");
    let mut finished = 1;
    for i in 0..40u64 {
        let mut child = std::process::Command::new(&exe)
            .env_clear()
            .env("TZ", "UTC")
            .args(["log", "--diary"])
            .arg(&file)
            .arg(format!("eyelid twitching {i}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(i % 20));
        let _ = child.kill();
        if child.wait().unwrap().success() {
            finished += 1;
        }
    }
    let c = rusqlite::Connection::open(&file).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let n: i64 = c
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    assert!(n >= finished && n <= 41, "{n} entries, {finished} finished");
    tc(&file)
        .args(["log", "thumb twitching"])
        .assert()
        .success();
    tc(&file).args(["diary", "export"]).assert().success();
}

/// A diary damaged inside (its first page overwritten, as a failing disk might):
/// every command refuses it with exit 2 and leaves every byte as it was.
#[test]
fn a_damaged_diary_is_refused_untouched() {
    let (_dir, file) = temp();
    for t in ["calf cramp", "eyelid twitching"] {
        tc(&file).args(["log", t]).assert().success();
    }
    {
        // Everything into the main file, and the WAL gone, as after a clean exit.
        let c = rusqlite::Connection::open(&file).unwrap();
        c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let mut bytes = std::fs::read(&file).unwrap();
    // Past the 100-byte header: the page holding the schema.
    for b in &mut bytes[100..4096] {
        *b = 0xA5;
    }
    std::fs::write(&file, &bytes).unwrap();
    for args in [
        &["log", "calf cramp"][..],
        &["diary"],
        &["diary", "--json"],
        &["diary", "undo"],
        &["diary", "delete", "1"],
        &["diary", "export"],
        &["check", "--with-diary", "calf cramp"],
    ] {
        let err = stderr_of_failure(tc(&file).args(args));
        assert!(
            err.contains("damaged") || err.contains("not a twitchcheck diary"),
            "{args:?}: {err}"
        );
        assert!(err.contains("left untouched"), "{args:?}: {err}");
        assert_eq!(std::fs::read(&file).unwrap(), bytes, "{args:?}");
    }
}
