//! Integration tests: the real binary, run hermetically (no inherited environment,
//! colour off unless a test is about colour, files in temporary directories).
//!
//! Golden files live in tests/golden/; run with `UPDATE_GOLDEN=1` to rewrite them
//! after an intended change, then review the diff.

mod ask;
mod bad_input;
mod blind;
mod blind10;
mod blind11;
mod blind3;
mod blind4;
mod blind5;
mod blind7;
mod blind8;
mod blind_causes;
mod check;
mod diary;
mod diary_store;
mod escapes;
mod everyday_causes;
mod experiencer;
mod first_screen;
mod forum;
mod forum2;
mod forum6;
mod forum9;
mod forum9_floors;
mod hardening;
mod kb_errors;
mod kb_includes;
mod kb_review;
mod limbs;
mod negation2;
mod output;
mod paraphrases;
mod people;
mod pointed;
mod properties;
mod questions;
mod s6_medical;
mod scored;
mod session6;
mod set10;
mod set11;
mod set5_body;
mod set5_neuro;
mod set7_body;
mod set7_neuro;
mod set8_body;
mod set8_neuro;
mod set8_traps;
mod shell;
mod soon2;
mod spans;
mod sudden;
mod terminal;
mod traps;
mod vignettes;
mod vitals;
mod vitals2;
mod weaker;
mod wording2;

use std::path::{Path, PathBuf};

/// The binary with a clean environment and colour off.
pub fn twitchcheck() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("twitchcheck").expect("binary builds");
    cmd.env_clear().arg("--color=never");
    cmd
}

/// `check --json QUERY`'s answer, parsed.
pub fn check_json(query: &str) -> serde_json::Value {
    let out = twitchcheck()
        .args(["check", "--json", query])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{query:?}: no JSON ({e})"))
}

/// A path inside the tests' fixtures directory.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Compares `actual` with tests/golden/`name`, or rewrites the file when
/// UPDATE_GOLDEN is set.
pub fn assert_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{} differs from the output; run with UPDATE_GOLDEN=1 if the change is intended\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        );
    }
}

/// Runs `cmd`, asserts it failed with exit 2 and left stdout empty, and returns
/// its stderr: the promise every error path keeps.
pub fn stderr_of_failure(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.is_empty(),
        "stdout must stay clean: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).unwrap()
}

/// Parses JSON Lines output (from `batch`), one value per line.
pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Runs `batch` with `input` on stdin, expects exit 0, and returns its lines.
pub fn batch_lines(input: impl Into<Vec<u8>>) -> Vec<serde_json::Value> {
    let out = twitchcheck()
        .arg("batch")
        .write_stdin(input.into())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    json_lines(&out.stdout)
}
