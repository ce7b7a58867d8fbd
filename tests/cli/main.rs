//! Integration tests: the real binary, run hermetically (no inherited environment,
//! colour off unless a test is about colour, files in temporary directories).

mod kb_errors;

use std::path::{Path, PathBuf};

/// The binary with a clean environment and colour off.
pub fn twitchcheck() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("twitchcheck").expect("binary builds");
    cmd.env_clear().arg("--color=never");
    cmd
}

/// A path inside the tests' fixtures directory.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}
