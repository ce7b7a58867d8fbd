//! Shell completion that asks the binary itself, so values come from the knowledge
//! base in use: `show` completes ids, `list` its kinds, `check` phrase words.
//!
//! The shell script (`twitchcheck completions SHELL`) calls back into twitchcheck with
//! [`VAR`] set and the words typed so far; clap_complete's `CompleteEnv` answers with
//! candidates. The script and that call are one version's private protocol, which
//! is why the README says to source the script anew at every shell start-up.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{CompleteEnv, Shells};

use crate::cli::{Cli, CompletionShell};
use engine::kb::{KnowledgeBase, Text};

/// The environment variable that turns a run into a completion request. Namespaced,
/// unlike clap's default `COMPLETE`, so an unrelated `COMPLETE` in someone's
/// environment never hijacks a check.
pub const VAR: &str = "TWITCHCHECK_COMPLETE";

/// The words of the command line being completed, up to and including the word
/// under the cursor (empty when this run is not a completion request).
static WORDS: OnceLock<Vec<String>> = OnceLock::new();

/// The KB to complete from, loaded on first use; None if it does not load.
static KB: OnceLock<Option<KnowledgeBase>> = OnceLock::new();

/// Answers a completion request if [`VAR`] is set, and returns the exit status;
/// returns None for an ordinary run.
pub fn run(args: &[OsString]) -> Option<i32> {
    std::env::var_os(VAR).filter(|v| !v.is_empty() && v != "0")?;
    let _ = WORDS.set(typed_words(args));
    let current_dir = std::env::current_dir().ok();
    match CompleteEnv::with_factory(command)
        .var(VAR)
        .try_complete(args.iter().cloned(), current_dir.as_deref())
    {
        Ok(_) => Some(crate::error::EXIT_OK),
        Err(e) => {
            // A shell shows stderr under the prompt, so say plainly what failed.
            let text = e.to_string();
            eprintln!("twitchcheck: completion failed: {}", text.trim_end());
            Some(crate::error::EXIT_ERROR)
        }
    }
}

/// The command line with its value completers: `check` completes phrase words and
/// `show` ids. Attached here, so the command-line definition needs nothing from
/// this module.
///
/// Options are offered only for a word that starts with `-`: on any other word
/// they are hidden, and clap_complete leaves hidden candidates out whenever a
/// visible one (a value) is left, so `check charley <TAB>` completes `horse` at once.
fn command() -> clap::Command {
    let mut cmd = Cli::command()
        .mut_subcommand("check", |c| {
            c.mut_arg("text", |a| a.add(ArgValueCompleter::new(phrase_words)))
        })
        .mut_subcommand("ask", |c| {
            c.mut_arg("text", |a| a.add(ArgValueCompleter::new(phrase_words)))
        })
        .mut_subcommand("show", |c| {
            c.mut_arg("id", |a| a.add(ArgValueCandidates::new(ids)))
        });
    let current = WORDS
        .get()
        .and_then(|w| w.last())
        .map_or("", String::as_str);
    if current.starts_with('-') {
        return cmd;
    }
    // Built first, so that --help, --version and the global options are there to hide.
    cmd.build();
    hide_options(cmd)
}

/// Marks every option of `cmd` and its subcommands hidden.
fn hide_options(cmd: clap::Command) -> clap::Command {
    cmd.mut_args(|a| if a.is_positional() { a } else { a.hide(true) })
        .mut_subcommands(hide_options)
}

/// The words after `--` that the shell script passes, cut after the word under the
/// cursor. bash, zsh and elvish pass the whole line and say which word is current
/// in `_CLAP_COMPLETE_INDEX` (clap_complete's protocol, fixed by the exact pin in
/// Cargo.toml); fish and PowerShell pass the line up to the cursor.
fn typed_words(args: &[OsString]) -> Vec<String> {
    let start = args
        .iter()
        .position(|a| a == "--")
        .map_or(args.len(), |i| i + 1);
    let mut words: Vec<String> = args[start..]
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let index = std::env::var("_CLAP_COMPLETE_INDEX")
        .ok()
        .and_then(|i| i.parse::<usize>().ok());
    if let Some(i) = index {
        words.truncate(i + 1);
    }
    words
}

/// The KB file the completed command line would use: its `--kb`, else
/// `TWITCHCHECK_KB`, else None for the embedded one.
fn kb_path(words: &[String]) -> Option<PathBuf> {
    let before_cursor = &words[..words.len().saturating_sub(1)];
    let mut path = None;
    let mut iter = before_cursor.iter();
    while let Some(w) = iter.next() {
        if w == "--" {
            break;
        }
        if w == "--kb" {
            path = iter.next().map(PathBuf::from);
        } else if let Some(p) = w.strip_prefix("--kb=") {
            path = Some(PathBuf::from(p));
        }
    }
    path.or_else(|| std::env::var_os("TWITCHCHECK_KB").map(PathBuf::from))
}

/// The KB in use, or None when it cannot be loaded: completion then offers no
/// values rather than printing errors into the middle of a command line.
fn kb() -> Option<&'static KnowledgeBase> {
    KB.get_or_init(|| {
        let words = WORDS.get().map_or(&[][..], Vec::as_slice);
        match kb_path(words) {
            Some(path) => engine::kb::load_path(&path).ok(),
            None => Some(crate::knowledge::embedded()),
        }
    })
    .as_ref()
}

fn candidate(value: &str, help: String) -> CompletionCandidate {
    CompletionCandidate::new(value).help(Some(help.into()))
}

/// `show ID`: every cause, finding and red-flag id, with what it is as help.
/// clap_complete keeps those that start with the typed prefix.
pub fn ids() -> Vec<CompletionCandidate> {
    let Some(kb) = kb() else {
        return Vec::new();
    };
    let causes = kb
        .causes
        .iter()
        .map(|c| candidate(&c.id, format!("cause: {}", c.name)));
    let findings = kb
        .findings
        .iter()
        .map(|f| candidate(&f.id, format!("finding: {}", f.name)));
    let flags = kb
        .red_flags
        .iter()
        .map(|r| candidate(&r.id, format!("red flag ({}): {}", r.urgency, r.name)));
    causes.chain(findings).chain(flags).collect()
}

/// `check TEXT…`, one word at a time, since shells complete words, not phrases:
/// after the first words of a phrase ("charley"), its next word ("horse"); and the
/// first word of every phrase the KB recognizes.
pub fn phrase_words(current: &OsStr) -> Vec<CompletionCandidate> {
    let (Some(kb), Some(current)) = (kb(), current.to_str()) else {
        return Vec::new();
    };
    let words = WORDS.get().map_or(&[][..], Vec::as_slice);
    let before: Vec<String> = words[..words.len().saturating_sub(1)]
        .iter()
        .map(|w| w.to_lowercase())
        .collect();
    let prefix = current.to_lowercase();

    let phrases = kb
        .findings
        .iter()
        .flat_map(|f| f.phrases.iter().map(move |p| (p, &f.name)))
        .chain(
            kb.red_flags
                .iter()
                .flat_map(|r| r.phrases.iter().map(move |p| (p, &r.name))),
        );
    let mut next = Vec::new();
    let mut first = Vec::new();
    for (phrase, name) in phrases {
        let parts: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
        for k in 1..parts.len() {
            if before.ends_with(&parts[..k]) {
                next.push((parts[k].clone(), name));
            }
        }
        if let Some(w) = parts.into_iter().next() {
            first.push((w, name));
        }
    }

    // On an empty word right after a phrase's start, only its continuations:
    // `charley <TAB>` then completes to `horse` at once. On an empty word
    // elsewhere, a short menu rather than every phrase's first word: one word
    // for each body area and each symptom.
    if prefix.is_empty() {
        if next.is_empty() {
            first = starters(kb);
        } else {
            first.clear();
        }
    }
    let mut seen = std::collections::HashSet::new();
    next.into_iter()
        .chain(first)
        .filter(|(w, _)| w.starts_with(&prefix) && is_plain_word(w))
        .filter(|(w, _)| seen.insert(w.clone()))
        .map(|(w, name)| candidate(&w, name.to_string()))
        .collect()
}

/// One word for each body-area and symptom finding: the first word of its first
/// phrase a shell can take unquoted, with the finding's name.
fn starters(kb: &KnowledgeBase) -> Vec<(String, &Text)> {
    use engine::kb::Family;
    kb.findings
        .iter()
        .filter(|f| matches!(f.family, Family::BodyArea | Family::Symptom))
        .filter_map(|f| {
            let word = f
                .phrases
                .iter()
                .filter_map(|p| p.split_whitespace().next())
                .map(str::to_lowercase)
                .find(|w| is_plain_word(w))?;
            Some((word, &f.name))
        })
        .collect()
}

/// Words a shell can take without quoting ("can't" would need quotes).
fn is_plain_word(word: &str) -> bool {
    word.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// `twitchcheck completions SHELL`: the script that registers completion. `argv0`
/// is how twitchcheck was started; the script calls it back the same way (by name
/// through PATH, or by its absolute path), as `CompleteEnv` itself would.
pub fn write_script(
    shell: CompletionShell,
    argv0: &OsStr,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let name = match shell {
        CompletionShell::Bash => "bash",
        CompletionShell::Zsh => "zsh",
        CompletionShell::Fish => "fish",
        CompletionShell::Elvish => "elvish",
        CompletionShell::Powershell => "powershell",
    };
    let shells = Shells::builtins();
    let completer = shells
        .completer(name)
        .ok_or_else(|| std::io::Error::other(format!("no completion support for {name}")))?;
    let mut path = PathBuf::from(argv0);
    if path.components().count() > 1 {
        if let Ok(dir) = std::env::current_dir() {
            path = dir.join(path);
        }
    }
    completer.write_registration(
        VAR,
        "twitchcheck",
        "twitchcheck",
        &path.to_string_lossy(),
        out,
    )
}
