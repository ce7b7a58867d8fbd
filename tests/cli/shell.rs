//! Completion scripts sourced in real shells, the completion protocol itself, and
//! the man page. A shell that is not installed is skipped with a printed reason.

use std::process::Command;

use crate::terminal::{bin_dir, have, Tmux};
use crate::{assert_golden, fixture, twitchcheck};

/// Asks the binary for completions the way a shell script does: fish's protocol,
/// where the last word is the one under the cursor. Returns the candidate values.
fn complete(words: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let out = twitchcheck()
        .env("TWITCHCHECK_COMPLETE", "fish")
        .envs(env.iter().copied())
        .arg("--")
        .arg("twitchcheck")
        .args(words)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

#[test]
fn show_completes_ids_from_the_kb_in_use() {
    assert_eq!(complete(&["show", "magn"], &[]), ["magnesium"]);
    let red_flags = complete(&["show", "breathi"], &[]);
    assert_eq!(red_flags, ["breathing"]);
    // Another KB: its ids, whether given by --kb or by TWITCHCHECK_KB.
    let kb = fixture("mini.toml");
    let kb = kb.to_str().unwrap();
    assert_eq!(
        complete(&["--kb", kb, "show", "wat"], &[]),
        ["water-intake"]
    );
    assert_eq!(
        complete(&["show", "wat"], &[("TWITCHCHECK_KB", kb)]),
        ["water-intake"]
    );
    // The fixture's 16 ids (the options come after them), not the embedded KB's.
    let ids = |words: &[&str]| {
        let all = complete(words, &[]);
        all.iter().filter(|v| !v.starts_with('-')).count()
    };
    assert_eq!(ids(&["--kb", kb, "show", ""]), 16);
    assert!(ids(&["show", ""]) > 50);
}

#[test]
fn subcommands_list_kinds_and_shells_complete() {
    assert_eq!(complete(&["li"], &[]), ["list"]);
    let kinds = complete(&["list", ""], &[]);
    assert!(
        kinds.starts_with(&["findings".into(), "causes".into(), "red-flags".into()]),
        "{kinds:?}"
    );
    assert_eq!(complete(&["completions", "z"], &[]), ["zsh"]);
}

#[test]
fn check_completes_phrases_word_by_word() {
    let words = complete(&["check", "char"], &[]);
    assert!(words.contains(&"charley".to_string()), "{words:?}");
    // After a phrase's first word, its next word is offered first.
    // Only that word, no options, so one Tab completes it.
    let next = complete(&["check", "calf", "cramps", "charley", ""], &[]);
    assert_eq!(next, ["horse"]);
    let next = complete(&["check", "pins", "and", "n"], &[]);
    assert_eq!(
        next.first().map(String::as_str),
        Some("needles"),
        "{next:?}"
    );
}

#[test]
fn an_empty_word_offers_body_areas_and_symptoms_and_options_wait_for_a_dash() {
    let menu = complete(&["check", ""], &[]);
    for word in ["calf", "eyelid", "twitch", "cramp"] {
        assert!(menu.contains(&word.to_string()), "{word}: {menu:?}");
    }
    assert!(menu.len() < 80, "{} words: {menu:?}", menu.len());
    assert!(menu.iter().all(|w| !w.starts_with('-')), "{menu:?}");
    let options = complete(&["check", "--"], &[]);
    assert!(options.contains(&"--full".to_string()), "{options:?}");
    assert!(options.contains(&"--json".to_string()), "{options:?}");
}

#[test]
fn a_bad_kb_gives_no_values_and_no_noise() {
    let out = twitchcheck()
        .env("TWITCHCHECK_COMPLETE", "fish")
        .args([
            "--",
            "twitchcheck",
            "--kb",
            "/nonexistent.toml",
            "show",
            "m",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
}

#[test]
fn every_shell_gets_a_script_that_calls_back_into_twitchcheck() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = twitchcheck().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(
            script.contains("TWITCHCHECK_COMPLETE") && script.contains("twitchcheck"),
            "{shell}: {script}"
        );
    }
    let out = twitchcheck()
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("twitchcheck: invalid value 'tcsh'"),
        "{err}"
    );
}

/// The generated bash script, sourced by a real bash; its completion function
/// called as readline would call it.
#[test]
fn bash_completion_function() {
    if !have("bash", "bash completion") {
        return;
    }
    let script = r#"
source <(twitchcheck completions bash) || exit 3
complete -p twitchcheck >/dev/null || exit 4
reply() {
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _clap_complete_twitchcheck twitchcheck "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf '%s|' "${COMPREPLY[@]}"; echo
}
reply twitchcheck show magn
reply twitchcheck li
"#;
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", script])
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir().display()))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout, "magnesium|\nlist|\n");
}

/// fish's own completion engine on the sourced script.
#[test]
fn fish_completion() {
    if !have("fish", "fish completion") {
        return;
    }
    let script = "twitchcheck completions fish | source
complete --do-complete 'twitchcheck show magn'
complete --do-complete 'twitchcheck li'";
    let home = tempfile::tempdir().unwrap();
    let out = Command::new("fish")
        .args(["--no-config", "-c", script])
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir().display()))
        .env("HOME", home.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{out:?}");
    let values: Vec<&str> = stdout
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(values, ["magnesium", "list"], "{stdout}");
}

/// Types `line` then Tab at an interactive prompt and waits for `expected` on the
/// screen; clears the line after.
fn tab(tmux: &Tmux, line: &str, expected: &str) {
    tmux.send(&["-l", line]);
    tmux.send(&["Tab"]);
    tmux.wait_for(&format!("`{line}<TAB>` to show `{expected}`"), |s| {
        s.contains(expected)
    });
    tmux.send(&["C-u"]);
}

/// A person's view: an interactive shell in a terminal, the script installed as
/// the README says, and the Tab key.
fn interactive(shell: &str, start: &str, setup: &[&str]) {
    if !have(
        shell,
        &format!("{shell} completion at an interactive prompt"),
    ) {
        return;
    }
    let Some(tmux) = Tmux::start(100, 30, start, &[("PS1", "$ ")]) else {
        return;
    };
    for line in setup {
        tmux.send(&["-l", line]);
        tmux.send(&["Enter"]);
    }
    tmux.send(&["-l", "echo READY"]);
    tmux.send(&["Enter"]);
    tmux.wait_for("the shell to start", |s| {
        s.lines().any(|l| l.trim() == "READY")
    });
    tab(&tmux, "twitchcheck show magn", "twitchcheck show magnesium");
    tab(&tmux, "twitchcheck li", "twitchcheck list");
    tab(&tmux, "twitchcheck check calf charley h", "charley horse");
    // On an empty word too: the one continuation, at the first Tab.
    tab(&tmux, "twitchcheck check calf charley ", "charley horse");
}

#[test]
fn bash_tab_completion_in_a_terminal() {
    interactive(
        "bash",
        "bash --norc --noprofile -i",
        &["source <(twitchcheck completions bash)"],
    );
}

#[test]
fn zsh_tab_completion_in_a_terminal() {
    interactive(
        "zsh",
        "zsh -f -i",
        &[
            "autoload -Uz compinit && compinit -u",
            "source <(twitchcheck completions zsh)",
        ],
    );
}

#[test]
fn fish_tab_completion_in_a_terminal() {
    interactive(
        "fish",
        "fish --no-config -i",
        &["twitchcheck completions fish | source"],
    );
}

fn man_page() -> String {
    let out = twitchcheck().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn man_page_has_every_section_and_a_stable_header() {
    let page = man_page();
    let sections: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix(".SH "))
        .collect();
    assert_eq!(
        sections,
        [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "COMMANDS",
            "\"EXIT STATUS\"",
            "ENVIRONMENT",
            "FILES",
            "EXAMPLES",
            "NOTES",
            "VERSION"
        ]
    );
    for word in [
        "TWITCHCHECK_KB",
        "NO_COLOR",
        "COLUMNS",
        "twitchcheck completions",
    ] {
        assert!(page.contains(word), "{word} missing from the man page");
    }
    let header: String = page
        .lines()
        .take_while(|l| *l != ".SH DESCRIPTION")
        .map(|l| format!("{l}\n"))
        .collect();
    assert_golden("man-header.roff", &header);
}

/// `man -l` renders the page without a warning from groff.
#[test]
fn man_page_renders_cleanly() {
    if !have("groff", "rendering the man page") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twitchcheck.1");
    std::fs::write(&path, man_page()).unwrap();
    let out = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warnings");
    // Drop the terminal's bold and underline (overstrike: a character, backspace).
    let text = String::from_utf8_lossy(&out.stdout);
    let mut plain = String::new();
    for c in text.chars() {
        if c == '\u{8}' {
            plain.pop();
        } else {
            plain.push(c);
        }
    }
    assert!(
        plain.contains("EXIT STATUS") && plain.contains("EXAMPLES"),
        "{plain}"
    );
}
