//! The real binary in a real pseudo-terminal (tmux): colour appears on a terminal,
//! disappears with NO_COLOR=1 or TERM=dumb, and tables fit a narrow window.
//! Skipped, with the reason printed, where tmux is not installed.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// A private tmux server (its own socket in a temporary directory) running one
/// window; killed when dropped.
pub struct Tmux {
    dir: tempfile::TempDir,
    socket: PathBuf,
}

/// The directory of the twitchcheck binary under test, for PATH.
pub fn bin_dir() -> PathBuf {
    let bin = assert_cmd::cargo::cargo_bin("twitchcheck");
    bin.parent().unwrap().to_path_buf()
}

/// True if `program` runs; else prints why the caller skips.
pub fn have(program: &str, why: &str) -> bool {
    let ok = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: {program} is not installed, so {why} is not tested (apt-get install {program})");
    }
    ok
}

impl Tmux {
    /// Starts `command` (run by sh) in a `width`×`height` terminal with a clean
    /// environment: PATH (the binary under test first), HOME (a temporary
    /// directory) and `env`. None when tmux is missing.
    pub fn start(width: u16, height: u16, command: &str, env: &[(&str, &str)]) -> Option<Tmux> {
        if !have("tmux", "behaviour in a terminal") {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("tmux.sock");
        let tmux = Tmux { dir, socket };
        let status = tmux
            .command()
            .args(["new-session", "-d", "-x", &width.to_string(), "-y"])
            .arg(height.to_string())
            .args(
                env.iter()
                    .flat_map(|(k, v)| ["-e".to_string(), format!("{k}={v}")]),
            )
            .arg(command)
            .status()
            .unwrap();
        assert!(status.success(), "tmux new-session failed");
        Some(tmux)
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        let path = format!("{}:/usr/local/bin:/usr/bin:/bin", bin_dir().display());
        cmd.env_clear()
            .env("PATH", path)
            .env("HOME", self.dir.path())
            .arg("-S")
            .arg(&self.socket)
            .args(["-f", "/dev/null"]);
        cmd
    }

    /// Types `keys` (tmux key names: "Enter", "Tab", "C-u", or literal text).
    pub fn send(&self, keys: &[&str]) {
        let status = self.command().arg("send-keys").args(keys).status().unwrap();
        assert!(status.success(), "tmux send-keys {keys:?} failed");
    }

    /// The whole screen and scroll-back, wrapped lines joined (so a line too wide
    /// for the terminal shows as one long line), with colour escapes when `escapes`.
    pub fn screen(&self, escapes: bool) -> String {
        let mut cmd = self.command();
        cmd.args(["capture-pane", "-p", "-J", "-S", "-", "-E", "-"]);
        if escapes {
            cmd.arg("-e");
        }
        let out = cmd.output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits up to 20 s until the screen (without escapes) satisfies `done`.
    pub fn wait_for(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(false);
            if done(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").status();
    }
}

const END: &str = "__END__";

/// Runs twitchcheck `args` in a terminal `width` wide and returns the screen with
/// colour escapes; None when tmux is missing.
fn run_in_terminal(width: u16, args: &str, env: &[(&str, &str)]) -> Option<String> {
    // `sleep` keeps the window open for capture; the server is killed on drop.
    let command = format!("twitchcheck {args}; printf '\\n{END}\\n'; exec sleep 600");
    let tmux = Tmux::start(width, 200, &command, env)?;
    tmux.wait_for("the command to finish", |s| s.contains(END));
    Some(tmux.screen(true))
}

const QUERY: &str = "check calf cramps at night after running, short of breath";

#[test]
fn colour_on_a_terminal_and_words_for_urgency() {
    let Some(screen) = run_in_terminal(100, QUERY, &[]) else {
        return;
    };
    assert!(
        screen.contains("\x1b["),
        "no colour on a terminal:\n{screen}"
    );
    // Urgency is in words too, so nothing depends on colour alone.
    assert!(screen.contains("EMERGENCY"), "{screen}");
}

#[test]
fn no_colour_with_no_color_or_a_dumb_terminal() {
    for env in [[("NO_COLOR", "1")], [("TERM", "dumb")]] {
        let Some(screen) = run_in_terminal(100, QUERY, &env) else {
            return;
        };
        assert!(screen.contains("Low magnesium"), "{screen}");
        assert!(
            !screen.contains("\x1b["),
            "colour despite {env:?}:\n{screen:?}"
        );
    }
}

#[test]
fn an_empty_no_color_does_not_turn_colour_off() {
    let Some(screen) = run_in_terminal(100, QUERY, &[("NO_COLOR", "")]) else {
        return;
    };
    assert!(screen.contains("\x1b["), "{screen}");
}

#[test]
fn tables_fit_a_60_column_terminal() {
    for args in [QUERY, "list causes", "list red-flags", "show magnesium"] {
        let Some(screen) = run_in_terminal(60, &format!("--color never {args}"), &[]) else {
            return;
        };
        assert!(screen.contains(END), "{screen}");
        for line in screen.lines() {
            let width = line.trim_end().chars().count();
            assert!(
                width <= 60,
                "`{args}` printed a line {width} columns wide:\n{line}"
            );
        }
        if !args.starts_with("show") {
            assert!(screen.contains('┌'), "a table for `{args}`:\n{screen}");
        }
    }
}

#[test]
fn columns_overrides_the_terminal_width() {
    let Some(screen) = run_in_terminal(120, "--color never list causes", &[("COLUMNS", "50")])
    else {
        return;
    };
    let widest = screen.lines().map(|l| l.trim_end().chars().count()).max();
    assert_eq!(widest, Some(50), "{screen}");
}
