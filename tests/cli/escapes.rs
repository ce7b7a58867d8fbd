//! Terminal safety: control characters and escape sequences from a query, a KB
//! file, a path or an argument never reach the terminal raw. Text output shows
//! them escaped (`\u{1b}`); JSON escapes them as JSON does.

use std::fs;

use serde_json::Value;

use crate::{fixture, stderr_of_failure, twitchcheck};

/// Clear screen, an OSC 8 hyperlink, carriage return, backspace, and a bidi override.
const NASTY: &str = "\x1b[2J\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\\r\x08\u{202E}";
/// The same in a TOML basic string.
const NASTY_TOML: &str =
    "\\u001b[2J\\u001b]8;;https://evil.example\\u001b\\\\link\\u001b]8;;\\u001b\\\\\\r\\b\\u202E";

/// Asserts that `bytes` hold no character that could drive a terminal: no control
/// character but the line feed, no bidirectional override.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(bad.is_empty(), "{what} holds {bad:?}:\n{text}");
}

/// Asserts that JSON output holds no raw control character but the line feed
/// (JSON escapes those; a bidi mark is ordinary text to JSON and stays as is).
fn assert_json_escaped(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{what}: {text}"
    );
}

/// The mini fixture with escape sequences in every kind of text a KB shows.
fn nasty_kb() -> (tempfile::TempDir, std::path::PathBuf) {
    let mut text = fs::read_to_string(fixture("mini.toml")).unwrap();
    for (from, to) in [
        ("name = \"Leg cramps or twitches\"", "name = \"Leg N\""),
        ("phrases = [\"leg\"]", "phrases = [\"leg\", \"N shin\"]"),
        (
            "summary = \"Magnesium helps muscles relax.\"",
            "summary = \"Magnesium N\"",
        ),
        ("name = \"Low magnesium\"", "name = \"Low N magnesium\""),
        (
            "title = \"Magnesium fact sheet (NIH ODS)\"",
            "title = \"Fact N sheet\"",
        ),
        ("name = \"Trouble breathing\"", "name = \"Trouble N\""),
        (
            "advice = \"See a doctor today.\"",
            "advice = \"See N today.\"",
        ),
    ] {
        assert_eq!(text.matches(from).count(), 1, "{from}");
        text = text.replacen(from, &to.replace('N', NASTY_TOML), 1);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nasty.toml");
    fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn a_query_with_escape_sequences_is_shown_escaped() {
    let query = format!("calf cramps {NASTY} after coffee");
    for extra in [&[][..], &["--explain"]] {
        let out = twitchcheck()
            .arg("check")
            .args(extra)
            .arg(&query)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_inert("check's table", &out.stdout);
        // Wrapped lines joined again: the echo may span lines.
        let text = String::from_utf8(out.stdout).unwrap();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains(
                "You said: calf cramps \\u{1b}[2J\\u{1b}]8;;https://evil.example\\u{1b}\\link"
            ),
            "{text}"
        );
        assert!(
            text.contains("\\u{d}\\u{8}\\u{202e} after coffee"),
            "{text}"
        );
    }
}

#[test]
fn json_escapes_control_characters_as_json_does() {
    let query = format!("calf cramps {NASTY}");
    let out = twitchcheck()
        .args(["check", "--json"])
        .arg(&query)
        .output()
        .unwrap();
    assert_json_escaped("check --json", &out.stdout);
    let raw = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        raw.contains(r#"calf cramps \u001b[2J\u001b]8;;https://evil.example\u001b\\link"#),
        "{raw}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["query"], query, "JSON keeps the text exactly");

    let out = twitchcheck()
        .arg("batch")
        .write_stdin(format!("{query}\n"))
        .output()
        .unwrap();
    assert_json_escaped("batch", &out.stdout);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["query"], query);
}

#[test]
fn kb_text_with_escape_sequences_is_shown_escaped() {
    let (_dir, kb) = nasty_kb();
    let escaped = "\\u{1b}[2J\\u{1b}]8;;https://evil.example\\u{1b}\\link";
    for args in [
        &["list", "findings"][..],
        &["list", "causes"],
        &["list", "red-flags"],
        &["show", "leg"],
        &["show", "magnesium"],
        &["show", "breathing"],
        &["show", "weakness"],
        &["check", "calf cramps and trouble breathing"],
        &["check", "--explain", "leg cramps and trouble breathing"],
    ] {
        // Wide enough that no table cell wraps the escaped text.
        let out = twitchcheck()
            .env("COLUMNS", "400")
            .arg("--kb")
            .arg(&kb)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_inert(&format!("{args:?}"), &out.stdout);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains(escaped),
            "{args:?} shows the text escaped:\n{text}"
        );
    }
    // JSON keeps the KB's text exactly, escaped as JSON escapes it.
    let out = twitchcheck()
        .arg("--kb")
        .arg(&kb)
        .args(["check", "--json", "leg"])
        .output()
        .unwrap();
    assert_json_escaped("check --json with a nasty KB", &out.stdout);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["recognized"][0]["id"], "leg");
    assert_eq!(v["recognized"][0]["name"], format!("Leg {NASTY}"));
}

#[test]
fn validate_errors_quoting_kb_text_are_escaped_and_one_line_each() {
    let text = fs::read_to_string(fixture("mini.toml")).unwrap();
    let text = text.replacen("id = \"leg\"", "id = \"leg\\u001b[2J\\nx\"", 1);
    let text = text.replacen(
        "kind = \"lifestyle\"",
        "kind = \"\\u001b]8;;x\\u001b\\\\\"",
        1,
    );
    let text = text.replacen("[[finding]]", "\"\\u001b[31mkey\" = 1\n[[finding]]", 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.toml");
    // The unknown key stops parsing first; then, without it, the semantic problems.
    fs::write(&path, &text).unwrap();
    let out = twitchcheck().arg("validate").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_inert("validate error", &out.stderr);
    let err = String::from_utf8(out.stderr)
        .unwrap()
        .replace(&path.display().to_string(), "KB");
    assert!(err.contains("unknown field `\\u{1b}[31mkey`"), "{err}");

    let text = text.replacen("\"\\u001b[31mkey\" = 1\n", "", 1);
    fs::write(&path, &text).unwrap();
    let out = twitchcheck().arg("validate").arg(&path).output().unwrap();
    assert_inert("validate errors", &out.stderr);
    let err = String::from_utf8(out.stderr)
        .unwrap()
        .replace(&path.display().to_string(), "KB");
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "twitchcheck: KB:12:6: finding id \"leg\\u{1b}[2J\\u{a}x\" must be lowercase letters, digits and '-'",
            "twitchcheck: KB:22:10: finding \"calf\" names parent \"leg\", which does not exist",
            "twitchcheck: KB:70:8: unknown kind \"\\u{1b}]8;;x\\u{1b}\\\"; use one of nutrient, lifestyle, medical",
            "twitchcheck: KB: 3 problems found; fix them or run `twitchcheck validate KB`",
        ]
    );
}

#[test]
fn ids_paths_and_arguments_echoed_in_errors_are_escaped() {
    // An unknown id for `show`.
    let err = stderr_of_failure(twitchcheck().args(["show", "magnes\x1b[2Jium"]));
    assert_eq!(
        err,
        "twitchcheck: no cause, finding or red flag has the id \"magnes\\u{1b}[2Jium\"; did you mean \"magnesium\"? (`twitchcheck list causes` shows the ids)\n"
    );

    // A KB path, a batch path, and a validate path.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb\x1b[2J\r.toml");
    let shown = format!("{}/kb\\u{{1b}}[2J\\u{{d}}.toml", dir.path().display());
    let out = twitchcheck()
        .arg("--kb")
        .arg(&path)
        .arg("calf")
        .output()
        .unwrap();
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "twitchcheck: {shown}: no such file; check the path given to --kb or TWITCHCHECK_KB\n"
        )
    );
    let out = twitchcheck().arg("batch").arg(&path).output().unwrap();
    assert!(out.stdout.is_empty());
    assert_inert("batch's error", &out.stderr);
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .starts_with(&format!("twitchcheck: {shown}: cannot open:")));
    fs::copy(fixture("mini.toml"), &path).unwrap();
    let out = twitchcheck().arg("validate").arg(&path).output().unwrap();
    assert_inert("validate's summary", &out.stdout);
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with(&format!("{shown}: valid:")));

    // clap echoes a bad option value.
    let out = twitchcheck()
        .args(["--top", "\x1b[2J\r5", "calf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_inert("clap's error", &out.stderr);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("twitchcheck: invalid value '\\u{d}5' for '--top <N>'"),
        "{err}"
    );
}
