//! Bad input of every kind, each with its exact message, and the promise behind
//! them all: an error exits non-zero, says on stderr what is wrong, where, and
//! what to do, and leaves stdout empty. Bad KB *content* is in kb_errors.rs.

use std::fs;
use std::io::Write as _;
use std::os::unix::ffi::OsStrExt as _;
use std::os::unix::fs::PermissionsExt as _;

use serde_json::Value;

use crate::{batch_lines, fixture, stderr_of_failure, twitchcheck};

const NO_WORDS: &str = "Nothing to check: the text has no words. Describe where the twitching is, what it feels like, and what you were doing (for example \"calf cramps at night after running\").";

#[test]
fn a_query_without_words_says_so_and_exits_one() {
    for query in ["", "   \t ", "?!...,,", "... !!! ,,"] {
        let out = twitchcheck().args(["check", query]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{query:?}");
        assert!(out.stderr.is_empty(), "{query:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        // The message is wrapped to the width: compare it with lines joined.
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(joined.contains(NO_WORDS), "{query:?}:\n{text}");
        assert!(text.contains("When to see a doctor:") && text.contains("educational only"));
    }
    // Words that match nothing get the other message.
    let text = twitchcheck()
        .args(["check", "qwzx"])
        .output()
        .unwrap()
        .stdout;
    let text = String::from_utf8(text).unwrap();
    assert!(
        !text.contains(NO_WORDS) && text.contains("No likely cause found"),
        "{text}"
    );
}

#[test]
fn an_argument_that_is_not_utf8() {
    let arg = std::ffi::OsStr::from_bytes(b"caf\xe9 cramps");
    for args in [vec!["check".into(), arg.to_owned()], vec![arg.to_owned()]] {
        let err = stderr_of_failure(twitchcheck().args(&args));
        assert_eq!(
            err,
            "twitchcheck: argument \"caf\u{fffd} cramps\" is not valid UTF-8; type the text again, or convert it and pipe it in: `iconv -t UTF-8 FILE | twitchcheck check -`\n"
        );
    }
}

#[test]
fn a_kb_file_that_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("locked.toml");
    fs::copy(fixture("mini.toml"), &path).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&path).is_ok() {
        // Root (as in many CI containers) reads any file whatever its mode.
        let _ = writeln!(
            std::io::stderr(),
            "skipped a_kb_file_that_cannot_be_read: this user reads files with mode 000 (root?)"
        );
        return;
    }
    let err = stderr_of_failure(twitchcheck().arg("--kb").arg(&path).args(["check", "calf"]));
    assert_eq!(
        err,
        format!(
            "twitchcheck: {}: cannot read: Permission denied (os error 13); check the file's permissions\n",
            path.display()
        )
    );
}

/// Runs `args` with `--kb` set to a file holding `text`; returns stderr with the
/// path replaced by `KB`, after asserting exit 2 and an empty stdout.
fn kb_error(text: &str, args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.toml");
    fs::write(&path, text).unwrap();
    stderr_of_failure(twitchcheck().arg("--kb").arg(&path).args(args))
        .replace(&path.display().to_string(), "KB")
}

#[test]
fn a_kb_file_of_the_wrong_shape() {
    const CLOSING: &str =
        "twitchcheck: KB: 1 problem found; fix them or run `twitchcheck validate KB`\n";
    // A table where an array of tables belongs, and a plain value.
    assert_eq!(
        kb_error("[finding]\nid = \"calf\"\n", &["check", "calf"]),
        format!("twitchcheck: KB:1:1: invalid type: map, expected a sequence\n{CLOSING}")
    );
    assert_eq!(
        kb_error("finding = \"calf\"\n", &["list", "causes"]),
        format!(
            "twitchcheck: KB:1:11: invalid type: string \"calf\", expected a sequence\n{CLOSING}"
        )
    );
    // TOML for something else, and an empty file.
    assert_eq!(
        kb_error("[package]\nname = \"x\"\n", &["show", "calf"]),
        format!("twitchcheck: KB:1:2: unknown field `package`, expected one of `version`, `include`, `finding`, `cause`, `red_flag`, `class`, `pattern`, `context`, `question`\n{CLOSING}")
    );
    assert_eq!(
        kb_error("", &["check", "calf"]),
        format!("twitchcheck: KB:1:1: no [[finding]], [[cause]] or [[red_flag]] entries; this is not a twitchcheck knowledge base (its format is in data/README.md)\n{CLOSING}")
    );
    // A control character where TOML allows none: toml gives no words for it.
    assert_eq!(
        kb_error("version = 1\n# a \x7f comment\n", &["check", "calf"]),
        format!("twitchcheck: KB:2:5: invalid TOML: character '\\u{{7f}}' is not allowed here\n{CLOSING}")
    );
}

#[test]
fn batch_skips_a_line_over_the_limit_and_goes_on() {
    let limit = twitchcheck::cmd::MAX_QUERY_BYTES;
    let mut input = b"calf cramps\n".to_vec();
    input.extend(std::iter::repeat_n(b'a', limit + 1));
    input.extend_from_slice(b"\neyelid twitching\n");
    let lines = batch_lines(input);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["error"], "line 2 is over 4 MiB; skipped");
    assert!(lines[1]["advice"].is_string() && lines[1]["disclaimer"].is_string());
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[2]["query"], "eyelid twitching");

    // A line of exactly the limit is checked.
    let mut input = vec![b'a'; limit];
    input.push(b'\n');
    let out = twitchcheck()
        .arg("batch")
        .write_stdin(input)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["error"].is_null() && v["query"].is_string());
}

#[test]
fn every_error_exits_two_and_leaves_stdout_clean() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    let missing = format!("{d}/missing.txt");
    fs::write(
        dir.path().join("broken.toml"),
        "version = 1\n[[finding]]\nid = \"x\n",
    )
    .unwrap();
    let broken = format!("{d}/broken.toml");
    let big = vec![b'a'; twitchcheck::cmd::MAX_QUERY_BYTES + 1];
    // (arguments, stdin, the exact message: what, where, what to do)
    let cases: Vec<(Vec<&str>, Vec<u8>, String)> = vec![
        (
            vec!["--kb", &missing, "calf"],
            vec![],
            format!("twitchcheck: {missing}: no such file; check the path given to --kb or TWITCHCHECK_KB\n"),
        ),
        (
            vec!["--kb", &d, "list", "causes"],
            vec![],
            format!("twitchcheck: {d}: is a directory, not a knowledge-base file; give the path of a .toml file\n"),
        ),
        (
            vec!["validate", &broken],
            vec![],
            format!("twitchcheck: {broken}:3:8: invalid basic string\ntwitchcheck: {broken}: 1 problem found; fix them or run `twitchcheck validate {broken}`\n"),
        ),
        (
            vec!["batch", &missing],
            vec![],
            format!("twitchcheck: {missing}: cannot open: No such file or directory (os error 2); give a readable file with one query per line, or - for stdin\n"),
        ),
        (
            vec!["batch", &d],
            vec![],
            format!("twitchcheck: {d}: is a directory; give a file with one query per line\n"),
        ),
        (
            vec!["show", "magnesum"],
            vec![],
            "twitchcheck: no cause, finding or red flag has the id \"magnesum\"; did you mean \"magnesium\"? (`twitchcheck list causes` shows the ids)\n".into(),
        ),
        (
            vec!["check", "-"],
            b"caf\xe9".to_vec(),
            "twitchcheck: stdin: query is not valid UTF-8; send UTF-8 text\n".into(),
        ),
        (
            vec!["check", "-"],
            big,
            "twitchcheck: stdin: query is over 4 MiB; shorten it\n".into(),
        ),
        (
            vec!["--top", "0", "calf"],
            vec![],
            "twitchcheck: invalid value '0' for '--top <N>': 0 is not in 1..=65535\n\ntwitchcheck: For more information, try '--help'.\n".into(),
        ),
        (
            vec!["list", "nope"],
            vec![],
            "twitchcheck: invalid value 'nope' for '<WHAT>'\ntwitchcheck:   [possible values: findings, causes, red-flags]\n\ntwitchcheck: For more information, try '--help'.\n".into(),
        ),
    ];
    for (args, stdin, message) in cases {
        let out = twitchcheck()
            .args(&args)
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            out.stdout.is_empty(),
            "{args:?} wrote to stdout: {:?}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert_eq!(String::from_utf8(out.stderr).unwrap(), message, "{args:?}");
    }
}

#[test]
fn the_shipped_kb_validates_and_every_cause_and_red_flag_cites_https() {
    let kb = engine::kb::load_embedded()
        .unwrap_or_else(|problems| panic!("data/knowledge.toml has problems: {problems:?}"));
    let cited = kb
        .causes
        .iter()
        .map(|c| (&c.id, &c.sources))
        .chain(kb.red_flags.iter().map(|r| (&r.id, &r.sources)));
    for (id, sources) in cited {
        assert!(!sources.is_empty(), "{id} cites nothing");
        for s in sources {
            assert!(
                s.url.starts_with("https://")
                    && s.url.len() > "https://".len()
                    && !s.title.trim().is_empty(),
                "{id}: {s:?}"
            );
        }
    }
    twitchcheck()
        .arg("validate")
        .assert()
        .success()
        .stdout(predicates::str::starts_with(
            "data/knowledge.toml (embedded): valid: ",
        ));
}
