//! What goes where: results on stdout, errors on stderr with the `twitchcheck:`
//! prefix, colour only when asked for or on a terminal, quiet exits into closed
//! pipes, and golden files of `--help`, `list` and `show`.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::{assert_golden, fixture, twitchcheck};

fn stdout(args: &[&str]) -> String {
    let out = twitchcheck().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn mini(args: &[&str]) -> String {
    let kb = fixture("mini.toml");
    let mut all = vec!["--kb", kb.to_str().unwrap()];
    all.extend_from_slice(args);
    stdout(&all)
}

#[test]
fn golden_help() {
    assert_golden("help.txt", &stdout(&["--help"]));
}

#[test]
fn golden_list() {
    assert_golden("list-causes.txt", &mini(&["list", "causes"]));
    assert_golden("list-red-flags.txt", &mini(&["list", "red-flags"]));
}

/// `list --json` and `show --json` give each entry its schema version, and never
/// the knowledge base's internal form.
#[test]
fn list_and_show_json_carry_a_schema_version() {
    for args in [
        &["list", "causes", "--json"][..],
        &["list", "findings", "--json"],
        &["list", "red-flags", "--json"],
        &["show", "magnesium", "--json"],
        &["show", "numbness", "--json"],
    ] {
        let out = twitchcheck().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let entries = v.as_array().unwrap();
        assert!(!entries.is_empty(), "{args:?}");
        for e in entries {
            assert_eq!(e["schema_version"], 2, "{args:?}");
        }
    }
}

#[test]
fn golden_show() {
    assert_golden("show-magnesium.txt", &mini(&["show", "magnesium"]));
    // An id that is both a finding and a red flag shows both.
    assert_golden("show-numbness.txt", &mini(&["show", "numbness"]));
}

/// Without a terminal (and so in a pipe) text has no escape codes and the same
/// width whatever the environment, unless COLUMNS asks for another.
#[test]
fn piped_output_is_plain_and_100_columns_wide() {
    let out = uncoloured_default()
        .env("TERM", "xterm-256color")
        .args(["list", "causes"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'), "escape codes in a pipe");
    let widest = text.lines().map(|l| l.chars().count()).max();
    assert_eq!(widest, Some(100));
    let narrow = twitchcheck()
        .env("COLUMNS", "60")
        .args(["list", "causes"])
        .output()
        .unwrap();
    let narrow = String::from_utf8(narrow.stdout).unwrap();
    assert_eq!(narrow.lines().map(|l| l.chars().count()).max(), Some(60));
}

/// The binary with a clean environment and no `--color` of its own.
fn uncoloured_default() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("twitchcheck").unwrap();
    cmd.env_clear();
    cmd
}

#[test]
fn color_always_colours_text_but_never_json() {
    let coloured = uncoloured_default()
        .args(["--color=always", "check", "calf cramps, short of breath"])
        .output()
        .unwrap();
    assert_eq!(coloured.status.code(), Some(0));
    let text = String::from_utf8(coloured.stdout).unwrap();
    assert!(text.contains("\x1b["), "--color always has escapes");
    assert!(text.contains("EMERGENCY"), "urgency in words too");
    for args in [
        &["--color=always", "check", "--json", "calf cramps"][..],
        &["--color=always", "list", "red-flags", "--json"],
        &["--color=always", "show", "magnesium", "--json"],
    ] {
        let out = uncoloured_default().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!out.stdout.contains(&b'\x1b'), "{args:?} coloured JSON");
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap();
    }
    let batch = uncoloured_default()
        .args(["--color=always", "batch"])
        .write_stdin("calf cramps\n")
        .output()
        .unwrap();
    assert!(!batch.stdout.contains(&b'\x1b'));
}

#[test]
fn errors_go_to_stderr_with_the_prefix() {
    for (args, start) in [
        (&["show", "magnesum"][..], "twitchcheck: no cause, finding or red flag has the id \"magnesum\"; did you mean \"magnesium\"?"),
        (&["--top", "0", "calf"], "twitchcheck: invalid value '0' for '--top <N>'"),
        (&["list", "symptoms"], "twitchcheck: invalid value 'symptoms'"),
        (&["batch", "/nonexistent"], "twitchcheck: /nonexistent: cannot open:"),
    ] {
        let out = twitchcheck().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with(start), "{args:?}: {err}");
    }
}

#[test]
fn quiet_check_only_sets_the_status() {
    for (text, code) in [
        ("calf cramps", 0),
        ("qwzx", 1),
        ("twitching and trouble breathing", 0),
    ] {
        let out = twitchcheck().args(["check", "-q", text]).output().unwrap();
        assert_eq!(out.status.code(), Some(code), "{text}");
        assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{text}");
    }
    let out = twitchcheck()
        .args(["--kb", "/nonexistent.toml", "check", "-q", "calf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .starts_with("twitchcheck: "));
}

/// `twitchcheck … | head -1` through a real shell pipe: exit 0, nothing on
/// stderr (no "Broken pipe" panic), whatever the amount of output.
#[test]
fn a_closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "calf cramps at night after coffee\n".repeat(20_000)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("twitchcheck");
    for command in [
        "\"$TC\" list findings | head -1",
        "\"$TC\" batch < \"$BIG\" | head -1",
        "\"$TC\" check --json calf cramps | head -1",
        "\"$TC\" man | head -1",
        "\"$TC\" completions bash | head -1",
    ] {
        // PIPESTATUS[0] is twitchcheck's own exit status, not head's.
        let script = format!("{command} >/dev/null; exit ${{PIPESTATUS[0]}}");
        let mut child = Command::new("bash")
            .args(["-c", &script])
            .env_clear()
            .env("TC", &bin)
            .env("BIG", &big)
            .env("PATH", "/usr/bin:/bin")
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(0), "{command}: {err}");
        assert_eq!(err, "", "{command}");
    }
}
