//! The diary: `log`, `diary`, its exports, deletes and undo, the red flags the
//! record raises, `check --with-diary` and `--diary FILE`. That nothing is lost
//! (concurrent writers, damaged and foreign files, migrations, time zones) is in
//! `diary_store.rs`.

use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate, Utc};
use serde_json::Value;

use crate::{stderr_of_failure, twitchcheck};

/// A command on the diary at `file`, on UTC clocks.
pub(crate) fn tc(file: &Path) -> assert_cmd::Command {
    let mut cmd = twitchcheck();
    cmd.env("TZ", "UTC").env("TWITCHCHECK_DIARY", file);
    cmd
}

pub(crate) fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("diary.sqlite3");
    (dir, file)
}

pub(crate) fn today() -> NaiveDate {
    Utc::now().date_naive()
}

pub(crate) fn days_ago(n: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(n)).unwrap()
}

/// Logs `text` at 09:00 on `day`, or at midnight when `day` is today: before
/// 09:00 UTC, today's 09:00 is still in the future, which `log --at` refuses.
pub(crate) fn log_at(file: &Path, day: NaiveDate, text: &str) {
    let time = if day >= today() { "00:00" } else { "09:00" };
    tc(file)
        .args(["log", "--at", &format!("{day} {time}"), text])
        .assert()
        .success();
}

pub(crate) fn diary_json(file: &Path) -> Value {
    let out = tc(file).args(["diary", "--json"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

pub(crate) fn flag_ids(v: &Value) -> Vec<String> {
    v["red_flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn log_stores_what_was_recognized_and_prints_one_line() {
    let (_dir, file) = temp();
    let out = tc(&file)
        .args([
            "log",
            "--at",
            "2026-11-20T21:00:00+01:00",
            "eyelid",
            "twitching",
            "after",
            "coffee,",
            "no",
            "numbness",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let line = String::from_utf8(out.stdout).unwrap();
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(
        line.starts_with("Logged entry 1 at 2026-11-20 21:00: "),
        "{line}"
    );
    assert!(line.contains("no numbness"), "{line}");

    let out = tc(&file).args(["diary", "export"]).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["at"], "2026-11-20T21:00:00+01:00");
    assert_eq!(v["day"], "2026-11-20");
    assert_eq!(v["urgency"], "routine");
    let findings = v["findings"].as_array().unwrap();
    let numb = findings.iter().find(|f| f["id"] == "numbness").unwrap();
    assert_eq!(numb["assertion"], "negated");
    assert!(findings.iter().any(|f| f["id"] == "coffee"));
}

#[test]
fn diary_file_flag_beats_the_environment() {
    let (dir, file) = temp();
    let other = dir.path().join("other.sqlite3");
    tc(&file)
        .args(["log", "--diary"])
        .arg(&other)
        .arg("calf cramp")
        .assert()
        .success();
    assert!(other.exists());
    assert!(!file.exists());
    // Reading an absent diary creates nothing.
    let v = diary_json(&file);
    assert_eq!(v["entries"].as_array().unwrap().len(), 0);
    assert!(!file.exists());
}

/// `check --with-diary` uses the diary (TWITCHCHECK_DIARY's or the default one);
/// `--diary FILE` names one, on `check` as on `log` and `diary`; and the
/// ambiguous `check --diary calf cramps` is refused, saying how to write it.
#[test]
fn check_with_diary_and_check_diary_file() {
    let (dir, file) = temp();
    tc(&file)
        .args(["log", "calf cramps and weakness in my legs"])
        .assert()
        .success();
    let flags_of = |args: &[&str], env_file: &Path| {
        let out = tc(env_file).args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["red_flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["id"].as_str().unwrap().to_string(), f["source"].clone()))
            .collect::<Vec<_>>()
    };
    let from_diary = ("weakness".to_string(), Value::from("diary"));
    // Without either flag the diary is not read.
    assert!(flags_of(&["check", "--json", "calf cramps"], &file).is_empty());
    assert_eq!(
        flags_of(&["check", "--json", "--with-diary", "calf cramps"], &file),
        std::slice::from_ref(&from_diary)
    );
    // `--diary FILE` beats TWITCHCHECK_DIARY, and implies --with-diary; so does
    // the `--diary=FILE` form, and both work without the word `check`.
    let elsewhere = dir.path().join("elsewhere.sqlite3");
    for args in [
        &[
            "check",
            "--json",
            "--diary",
            file.to_str().unwrap(),
            "calf cramps",
        ][..],
        &[
            "check",
            "--json",
            &format!("--diary={}", file.display()),
            "calf cramps",
        ],
        &["--json", "--diary", file.to_str().unwrap(), "calf cramps"],
        &["--with-diary", "--json", "calf cramps"],
    ] {
        let env_file = if args.contains(&"--with-diary") {
            &file
        } else {
            &elsewhere
        };
        assert_eq!(
            flags_of(args, env_file),
            std::slice::from_ref(&from_diary),
            "{args:?}"
        );
    }
    assert!(!elsewhere.exists());
    // The ambiguous form: "calf" is taken as the diary file, which is not there.
    let err = stderr_of_failure(
        tc(&file)
            .current_dir(dir.path())
            .args(["check", "--diary", "calf", "cramps"]),
    );
    assert!(
        err.contains("--diary calf: there is no diary there"),
        "{err}"
    );
    assert!(err.contains("--with-diary"), "{err}");
    assert!(!dir.path().join("calf").exists());
    // `--diary` with nothing after it.
    let err = stderr_of_failure(tc(&file).args(["check", "calf cramps", "--diary"]));
    assert!(err.contains("--diary <FILE>"), "{err}");
    assert!(err.contains("--with-diary"), "{err}");
}

#[test]
fn delete_and_undo() {
    let (_dir, file) = temp();
    for t in ["calf cramp", "eyelid twitching", "thumb twitching"] {
        tc(&file).args(["log", t]).assert().success();
    }
    tc(&file)
        .args(["diary", "delete", "2"])
        .assert()
        .success()
        .stdout("Deleted entry 2.\n");
    let err = stderr_of_failure(tc(&file).args(["diary", "delete", "2"]));
    assert!(err.contains("no entry 2"), "{err}");
    let out = tc(&file).args(["diary", "undo"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("thumb twitching"));
    let v = diary_json(&file);
    let ids: Vec<i64> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [1]);
    tc(&file).args(["diary", "undo"]).assert().success();
    let err = stderr_of_failure(tc(&file).args(["diary", "undo"]));
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn export_as_csv_and_jsonl() {
    let (_dir, file) = temp();
    tc(&file)
        .args([
            "log",
            "--at",
            "2026-11-01 08:00",
            "eyelid twitching, \"bad\" week",
        ])
        .assert()
        .success();
    tc(&file)
        .args([
            "log",
            "--at",
            "2026-11-02 08:00",
            "--change",
            "stopped coffee",
        ])
        .assert()
        .success();
    let out = tc(&file)
        .args(["diary", "export", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "id,at,day,urgency,text,findings,red_flags,change");
    assert_eq!(
        lines[1],
        "1,2026-11-01T08:00:00+00:00,2026-11-01,routine,\"eyelid twitching, \"\"bad\"\" week\",\"eyelid, twitching\",,"
    );
    assert!(lines[2].ends_with(",stopped coffee"), "{}", lines[2]);
    let out = tc(&file)
        .args([
            "diary",
            "export",
            "--format",
            "jsonl",
            "--since",
            "2026-11-02",
        ])
        .output()
        .unwrap();
    let lines = crate::json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["change"], "stopped coffee");
    assert_eq!(lines[0]["schema_version"], 1);
}

#[test]
fn persistent_fires_from_backfilled_entries_and_not_from_a_shorter_span() {
    let (_dir, file) = temp();
    // 14 days spanned (13 days ago to today): not yet.
    for n in (0..=13).rev().step_by(2) {
        log_at(&file, days_ago(n), "eyelid twitching");
    }
    log_at(&file, today(), "eyelid twitching");
    assert!(!flag_ids(&diary_json(&file)).contains(&"persistent".to_string()));
    // 15 days.
    log_at(&file, days_ago(14), "eyelid twitching");
    let v = diary_json(&file);
    assert!(flag_ids(&v).contains(&"persistent".to_string()), "{v}");
    let p = &v["red_flags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "persistent")
        .unwrap();
    assert_eq!(p["source"], "diary");

    // check --diary adds it, marked as from the diary; the query's own flags are not.
    let out = tc(&file)
        .args(["check", "--json", "--with-diary", "calf cramps, weakness"])
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let flags = r["red_flags"].as_array().unwrap();
    let persistent = flags
        .iter()
        .find(|f| f["id"] == "persistent")
        .expect("diary flag");
    assert_eq!(persistent["source"], "diary");
    let weakness = flags
        .iter()
        .find(|f| f["id"] == "weakness")
        .expect("query flag");
    assert!(weakness.get("source").is_none());
    // The same fields in the same order as check --json.
    let plain: Value = serde_json::from_slice(
        &tc(&file)
            .args(["check", "--json", "calf cramps, weakness"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&r), keys(&plain));
    let text = String::from_utf8(
        tc(&file)
            .args(["check", "--with-diary", "eyelid twitching"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(text.contains("SEE A DOCTOR SOON"), "{text}");
}

#[test]
fn spreading_fires_from_new_areas_growing_week_on_week() {
    let (_dir, file) = temp();
    log_at(&file, days_ago(12), "eyelid twitching");
    log_at(&file, days_ago(9), "eyelid twitching");
    log_at(&file, days_ago(3), "eyelid twitching");
    assert!(!flag_ids(&diary_json(&file)).contains(&"spreading".to_string()));
    log_at(&file, days_ago(2), "calf twitching");
    log_at(&file, days_ago(1), "thumb twitching");
    let v = diary_json(&file);
    assert!(flag_ids(&v).contains(&"spreading".to_string()), "{v}");
}

#[test]
fn a_logged_red_flag_repeats_until_a_later_entry_says_it_is_gone() {
    let (_dir, file) = temp();
    log_at(&file, days_ago(3), "calf cramps and weakness in my legs");
    log_at(&file, days_ago(2), "calf cramps");
    assert!(flag_ids(&diary_json(&file)).contains(&"weakness".to_string()));
    let out = tc(&file)
        .args(["check", "--json", "--with-diary", "calf cramps"])
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(flag_ids(&r).contains(&"weakness".to_string()), "{r}");
    // A check saying it is gone does not get it back from the diary.
    let out = tc(&file)
        .args([
            "check",
            "--json",
            "--with-diary",
            "calf cramps, no weakness",
        ])
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!flag_ids(&r).contains(&"weakness".to_string()), "{r}");
    log_at(&file, days_ago(1), "calf cramps, no weakness");
    assert!(!flag_ids(&diary_json(&file)).contains(&"weakness".to_string()));
}

#[test]
fn the_diary_screen_has_a_table_a_chart_and_patterns() {
    let (_dir, file) = temp();
    for n in 0..10u64 {
        let text = if n % 2 == 0 {
            "eyelid twitching after coffee"
        } else {
            "slept badly"
        };
        log_at(&file, days_ago(n), text);
    }
    let out = tc(&file).args(["diary"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("recognized"), "{text}");
    let eyelid = text
        .lines()
        .find(|l| l.trim_start().starts_with("eyelid "))
        .expect(&text);
    assert_eq!(eyelid.chars().filter(|c| *c == '▂').count(), 5, "{eyelid}");
    assert!(eyelid.ends_with('▂'), "{eyelid}");
    assert!(text.contains("5 of 5 days with it"), "{text}");
    assert!(text.contains("not proof"), "{text}");
    let v = diary_json(&file);
    assert_eq!(v["chart"][0]["counts"].as_array().unwrap().len(), 30);
    let week = tc(&file)
        .args(["diary", "--since", "7d", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&week.stdout).unwrap();
    assert_eq!(v["entries"].as_array().unwrap().len(), 7);
}

#[test]
fn a_change_is_compared_before_and_after() {
    let (_dir, file) = temp();
    for n in (6..=12).rev() {
        log_at(&file, days_ago(n), "eyelid twitching after coffee");
    }
    tc(&file)
        .args([
            "log",
            "--at",
            &format!("{} 08:00", days_ago(5)),
            "--change",
            "stopped coffee",
        ])
        .assert()
        .success()
        .stdout(predicates::str::contains("change: \"stopped coffee\""));
    log_at(&file, days_ago(2), "eyelid twitching");
    let text = String::from_utf8(tc(&file).args(["diary"]).output().unwrap().stdout).unwrap();
    // Before: 7 days, all with twitching; after: 5 days (4 days ago to today), one.
    let line = format!(
        "Since \"stopped coffee\" on {}: twitching or cramps on 1 of 5 days after, 7 of 7 days before.",
        days_ago(5)
    );
    assert!(text.contains(&line), "{text}");
    assert!(text.contains("[change: stopped coffee]"), "{text}");
    assert!(text.contains("not proof"), "{text}");
    let v = diary_json(&file);
    let c = &v["changes"][0];
    assert_eq!(
        (c["days_before"].as_u64(), c["twitching_before"].as_u64()),
        (Some(7), Some(7))
    );
    assert_eq!(
        (c["days_after"].as_u64(), c["twitching_after"].as_u64()),
        (Some(5), Some(1))
    );
}

#[test]
fn log_json_says_what_was_stored() {
    let (_dir, file) = temp();
    let out = tc(&file)
        .args([
            "log",
            "--json",
            "--at",
            "2026-11-20 21:00",
            "calf cramp, weakness",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], 1);
    assert_eq!(v["at"], "2026-11-20T21:00:00+00:00");
    assert_eq!(v["day"], "2026-11-20");
    assert_eq!(v["red_flags"][0], "weakness");
    assert_ne!(v["urgency"], "routine");
    assert_eq!(v["diary"], file.display().to_string());
}
