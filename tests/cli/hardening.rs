//! Issue 13, round two of hardening: bounded work on hostile knowledge bases,
//! streams and the error contract. Each test failed before its fix.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::{batch_lines, fixture, stderr_of_failure, twitchcheck};

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("twitchcheck")
}

/// The fixture with `from` replaced by `to` (exactly once), written to a file.
fn broken_kb(dir: &tempfile::TempDir, from: &str, to: &str) -> std::path::PathBuf {
    let text = fs::read_to_string(fixture("mini.toml")).unwrap();
    assert_eq!(text.matches(from).count(), 1, "fixture holds {from:?} once");
    let path = dir.path().join("kb.toml");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

#[test]
fn an_overlong_name_or_id_is_refused_at_validation() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(100_000);
    let path = broken_kb(&dir, "name = \"Twitching\"", &format!("name = \"{long}\""));
    let err = stderr_of_failure(
        twitchcheck()
            .timeout(Duration::from_secs(20))
            .args(["list", "findings"])
            .arg("--kb")
            .arg(&path),
    );
    assert!(
        err.contains("`name` is 100000 characters, over the limit of 120; shorten it"),
        "{err}"
    );
    assert!(
        err.len() < 1000,
        "the name is not echoed whole: {} bytes",
        err.len()
    );

    let id = "a".repeat(5_000);
    let text = fs::read_to_string(fixture("mini.toml")).unwrap();
    let first_id = text
        .lines()
        .find(|l| l.starts_with("id = "))
        .unwrap()
        .to_string();
    let path = broken_kb(&dir, &first_id, &format!("id = \"{id}\""));
    let err = stderr_of_failure(twitchcheck().arg("validate").arg(&path));
    assert!(
        err.contains("is 5000 characters, over the limit of 64; shorten it"),
        "{err}"
    );
    assert!(
        err.len() < 4000,
        "the id is not echoed whole: {} bytes",
        err.len()
    );
}

#[test]
fn a_huge_unknown_parent_is_not_echoed_whole() {
    let dir = tempfile::tempdir().unwrap();
    let parent = "q".repeat(5_000_000);
    let path = broken_kb(
        &dir,
        "name = \"Twitching\"",
        &format!("name = \"Twitching\"\nparent = \"{parent}\""),
    );
    let err = stderr_of_failure(
        twitchcheck()
            .timeout(Duration::from_secs(30))
            .arg("validate")
            .arg(&path),
    );
    assert!(err.contains("names parent \"qqqq"), "{err}");
    assert!(err.contains("(5000000 characters)"), "{err}");
    assert!(err.len() < 1000, "{} bytes on stderr", err.len());
}

/// A script that writes one query and waits for its answer gets it, also when
/// it has already written part of the next line; lines that arrive together
/// are all answered.
#[test]
fn batch_answers_each_line_at_once_on_a_pipe() {
    for (written, answers) in [
        (&b"calf cramps at night\n"[..], 1),
        (&b"calf cramps at night\neyelid twi"[..], 1),
        (&b"calf cramps at night\neyelid twitch\n"[..], 2),
    ] {
        let got = answers_while_open(written, answers);
        assert!(got[0].starts_with("{\"line\":1,"), "{got:?}");
        assert!(got[answers - 1].starts_with(&format!("{{\"line\":{answers},")));
    }
}

/// The first `answers` lines `batch` writes for `written`, read while its stdin
/// is still open.
fn answers_while_open(written: &[u8], answers: usize) -> Vec<String> {
    let mut child = Command::new(bin())
        .args(["--color=never", "batch"])
        .env_clear()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(written).unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        for _ in 0..answers {
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let _ = tx.send(line);
        }
    });
    let got: Vec<String> = (0..answers)
        .map(|_| rx.recv_timeout(Duration::from_secs(30)))
        .collect::<Result<_, _>>()
        .expect("every answer while stdin is still open");
    drop(stdin);
    let _ = child.kill();
    let _ = child.wait();
    got
}

#[test]
fn json_lines_escape_unicode_line_breaks() {
    let query = "calf\u{2028}cramps\u{2029}at night\u{85}";
    for args in [&["check", "--json"][..], &["batch"][..]] {
        let mut cmd = twitchcheck();
        cmd.args(args);
        if args[0] == "check" {
            cmd.arg(query);
        } else {
            cmd.write_stdin(format!("{query}\n"));
        }
        let out = cmd.output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains(['\u{2028}', '\u{2029}', '\u{85}']),
            "{args:?}: {text}"
        );
        assert!(
            text.contains("calf\\u2028cramps\\u2029at night\\u0085"),
            "{text}"
        );
        let first = text.lines().next().unwrap();
        if args[0] == "batch" {
            let v: serde_json::Value = serde_json::from_str(first).unwrap();
            assert_eq!(v["query"], query);
        }
    }
}

/// The diary's JSON Lines export holds the person's own text.
#[test]
fn the_diary_export_escapes_unicode_line_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let diary = dir.path().join("diary.sqlite3");
    let text = "calf\u{2028}cramps at night\u{85}";
    twitchcheck()
        .env("TWITCHCHECK_DIARY", &diary)
        .args(["log", text])
        .assert()
        .success();
    let out = twitchcheck()
        .env("TWITCHCHECK_DIARY", &diary)
        .args(["diary", "export", "--format", "jsonl"])
        .output()
        .unwrap();
    let jsonl = String::from_utf8(out.stdout).unwrap();
    assert!(!jsonl.contains(['\u{2028}', '\u{85}']), "{jsonl}");
    let v: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(v["text"], text);
}

#[test]
fn help_and_version_to_a_full_disk_fail() {
    for args in [&["--help"][..], &["--version"], &["help", "check"]] {
        let out = Command::new(bin())
            .args(args)
            .env_clear()
            .stdout(fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("twitchcheck: stdout: "), "{args:?}: {err}");
    }
}

#[test]
fn a_query_starting_with_a_dash_says_how_to_pass_it() {
    let err = stderr_of_failure(twitchcheck().args(["check", "- calf cramps"]));
    assert!(
        err.contains("put -- before the text: twitchcheck check -- \"- calf cramps\""),
        "{err}"
    );
}

#[test]
fn every_line_of_an_argument_error_carries_the_prefix() {
    let err = stderr_of_failure(twitchcheck().args(["check", "--bogus"]));
    for line in err.lines().filter(|l| !l.is_empty()) {
        assert!(line.starts_with("twitchcheck: "), "{line:?} in\n{err}");
    }
    assert!(err.contains("twitchcheck: Usage: "), "{err}");
}

#[test]
fn io_errors_name_their_source() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["check", "-"][..], &["batch"]] {
        let out = Command::new(bin())
            .args(args)
            .env_clear()
            .stdin(fs::File::open(dir.path()).unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with("twitchcheck: stdin: Is a directory"),
            "{args:?}: {err}"
        );
    }
}

/// `twitchcheck … >&-`: the runtime reopens a closed stdout on /dev/null before
/// `main`, so the answer was lost with status 0.
#[test]
fn a_closed_stdout_is_an_error() {
    let run = |redirect: &str, args: &[&str]| {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" \"$@\" {redirect}"))
            .arg(bin())
            .args(args)
            .env_clear()
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    for args in [
        &["check", "calf cramps"][..],
        &["--help"],
        &["--version"],
        &["help", "check"],
        &["list", "findings"],
    ] {
        let (code, err) = run(">&-", args);
        assert_eq!(code, Some(2), "{args:?}");
        assert_eq!(
            err, "twitchcheck: stdout: Bad file descriptor (os error 9)\n",
            "{args:?}"
        );
    }
    // Writing nothing (-q) or to /dev/null on purpose is fine.
    assert_eq!(
        run(">&-", &["check", "-q", "calf cramps"]),
        (Some(0), String::new())
    );
    assert_eq!(
        run(">/dev/null", &["check", "calf cramps"]),
        (Some(0), String::new())
    );
}

/// The longest line `batch` takes (just under 4 MiB) of distinct made-up words,
/// each a typo search if nothing bounded them, still gets a whole answer: every
/// word is reported unrecognized, and a known phrase at its end is still found
/// (only the typo search is bounded, not the matching). Its time is measured by
/// `check_4mib_adversarial` in benches/pipeline.rs, not here.
#[test]
fn a_4_mib_line_of_distinct_made_up_words_gets_an_answer() {
    let mut line = String::new();
    let mut n: u32 = 7;
    let mut words = 0;
    while line.len() < (4 << 20) - 64 {
        // Letters only (a word with a digit is never searched), eight of them:
        // long enough for a typo search.
        n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let word: String = (0..8)
            .map(|k| char::from(b'a' + ((n >> (3 * k)) % 26) as u8))
            .collect();
        line.push_str(&word);
        line.push(' ');
        words += 1;
    }
    line.push_str("calf cramps\n");
    let lines = batch_lines(line);
    assert_eq!(lines.len(), 1, "one answer for one line");
    let answer = &lines[0];
    assert!(answer.get("error").is_none(), "answered, not skipped");
    let unrecognized = answer["unrecognized"].as_array().unwrap().len();
    assert!(
        unrecognized > words / 2,
        "the made-up words are reported: {unrecognized} of {words}"
    );
    let recognized: Vec<&str> = answer["recognized"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert!(recognized.contains(&"calf"), "{recognized:?}");
}
