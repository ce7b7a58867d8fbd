//! Every command-line flag, in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};

const AFTER_HELP: &str = "\
Examples:
  twitchcheck eyelid twitching after coffee
  twitchcheck check --json \"calf cramps at night, no numbness\"
  twitchcheck batch queries.txt > results.jsonl
  twitchcheck show magnesium

Exit status: 0 something was recognized, 1 nothing was, 2 usage, knowledge-base or I/O error.

twitchcheck is educational only and for adults; it does not diagnose. See a doctor for
twitching that lasts more than two weeks, spreads, or comes with weakness or numbness.
A child's symptoms need a doctor, or NHS 111 or a children's health service.";

/// Likely nutrient and lifestyle causes of muscle twitches, cramps and spasms.
///
/// Describe what your muscles do in your own words; twitchcheck ranks likely causes,
/// explains them, and warns loudly when a sign needs a doctor.
#[derive(Debug, Parser)]
#[command(
    name = "twitchcheck",
    version,
    after_help = AFTER_HELP,
    override_usage = "twitchcheck [OPTIONS] <TEXT>...\n       twitchcheck [OPTIONS] <COMMAND>",
    arg_required_else_help = true
)]
pub struct Cli {
    /// Use this knowledge-base file instead of the embedded one.
    #[arg(long, global = true, value_name = "FILE", env = "TWITCHCHECK_KB", value_hint = ValueHint::FilePath)]
    pub kb: Option<PathBuf>,

    /// When to use colour: auto (only on a terminal, not with NO_COLOR or TERM=dumb).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

/// Subcommand names, and the options that take a separate value, for
/// [`with_default_command`].
pub const COMMAND_NAMES: &[&str] = COMMANDS;
const COMMANDS: &[&str] = &[
    "check",
    "ask",
    "batch",
    "list",
    "show",
    "validate",
    "log",
    "diary",
    "completions",
    "man",
    "help",
];
const VALUE_OPTIONS: &[&str] = &[
    "--kb", "--color", "--top", "--yes", "--no", "--unsure", "--diary",
];

/// Makes `check` the default command: `twitchcheck calf cramps` runs as
/// `twitchcheck check calf cramps`, unless the first word is a subcommand's name.
/// Arguments with only `--help`/`--version` (or none) are left for clap to answer.
pub fn with_default_command(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut i = 1;
    let mut check_flag = false;
    while i < args.len() {
        let Some(arg) = args[i].to_str() else {
            break; // not UTF-8: a query word, which clap will refuse with a clear message
        };
        if arg == "--" {
            break;
        }
        if VALUE_OPTIONS.contains(&arg) {
            check_flag |= !matches!(arg, "--kb" | "--color");
            i += 2;
            continue;
        }
        if arg.starts_with('-') && arg != "-" {
            check_flag |= !matches!(arg, "-h" | "--help" | "-V" | "--version")
                && !arg.starts_with("--kb=")
                && !arg.starts_with("--color=");
            i += 1;
            continue;
        }
        if COMMANDS.contains(&arg) {
            return args;
        }
        break;
    }
    if i >= args.len() && !check_flag {
        return args;
    }
    let mut out = args;
    out.insert(1, "check".into());
    out
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a description of twitching, cramps or spasms (the default command).
    Check(CheckArgs),
    /// Answer follow-up questions in the terminal, then see the check's report.
    Ask(AskArgs),
    /// Check one query per line and write one JSON object per line (JSON Lines).
    Batch(BatchArgs),
    /// List the findings, causes or red flags of the knowledge base.
    List(ListArgs),
    /// Show one cause, finding or red flag in full, with its sources.
    Show(ShowArgs),
    /// Validate a knowledge-base file and print its counts or every problem.
    Validate(ValidateArgs),
    /// Record an episode in your diary: what happened, now or --at a time.
    Log(crate::diary::cli::LogArgs),
    /// Show your diary: entries, a chart per body area, patterns and red flags.
    Diary(crate::diary::cli::DiaryArgs),
    /// Print a shell completion script (source it at shell start-up; see the README).
    Completions(CompletionsArgs),
    /// Print the manual page in roff (try `man -l <(twitchcheck man)`).
    Man,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// What your muscles do, in your own words; "-" reads the text from stdin.
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,

    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,

    /// How many causes to show.
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..))]
    pub top: u16,

    /// Show how much each finding raised or lowered each cause.
    #[arg(long)]
    pub explain: bool,

    /// Show the long form: what helps, tests and a source for the top causes.
    #[arg(long)]
    pub full: bool,

    /// Print nothing; only set the exit status (0 recognized, 1 not, 2 error).
    #[arg(short, long)]
    pub quiet: bool,

    /// Answers "yes" to follow-up questions: finding or red-flag ids, comma-separated.
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub yes: Vec<String>,

    /// Answers "no" to follow-up questions: finding or red-flag ids, comma-separated.
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub no: Vec<String>,

    /// Answers "not sure" to follow-up questions: ids, comma-separated.
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    pub unsure: Vec<String>,

    /// Add the red flags your diary raises (see `twitchcheck diary`): the diary of
    /// TWITCHCHECK_DIARY, else the default one.
    #[arg(long)]
    pub with_diary: bool,

    /// Add the red flags of this diary file (implies --with-diary).
    #[arg(long = "diary", value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub diary_file: Option<PathBuf>,
}

impl CheckArgs {
    /// Whether to add the diary's red flags: `--with-diary` or `--diary FILE`.
    pub fn uses_diary(&self) -> bool {
        self.with_diary || self.diary_file.is_some()
    }
}

#[derive(Debug, Clone, Args)]
#[command(after_help = "\
Asks the questions that `check --json` lists, most useful first: any emergency \
signs, then urgent and soon ones that fit what you said, then checklists that \
tell the likely causes apart (at most 10 questions). Esc or Ctrl-C leaves \
(exit 130). In a script, use `twitchcheck check --json --yes IDS --no IDS` instead.")]
pub struct AskArgs {
    /// What your muscles do, in your own words; asked for when absent.
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,

    /// How many causes the final report shows.
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..))]
    pub top: u16,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// File with one query per line; stdin when absent or "-".
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub file: Option<PathBuf>,

    /// How many causes to include per query.
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..))]
    pub top: u16,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// What to list.
    #[arg(value_enum)]
    pub what: ListKind,

    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListKind {
    Findings,
    Causes,
    RedFlags,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A cause, finding or red-flag id (see `twitchcheck list`).
    #[arg(value_name = "ID")]
    pub id: String,

    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The file to validate; the --kb file or the embedded knowledge base when absent.
    #[arg(value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: CompletionShell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_subcommand_is_known_to_the_default_command_rule() {
        for sub in Cli::command().get_subcommands() {
            assert!(COMMANDS.contains(&sub.get_name()), "{}", sub.get_name());
        }
    }

    fn parse(args: &[&str]) -> Cli {
        let args = args.iter().map(|s| s.into()).collect();
        Cli::try_parse_from(with_default_command(args)).unwrap()
    }

    #[test]
    fn free_words_are_a_check() {
        for args in [
            &["twitchcheck", "calf", "cramps"][..],
            &["twitchcheck", "--color=never", "calf", "cramps"],
            &["twitchcheck", "--kb", "x.toml", "--json", "calf", "cramps"],
            &["twitchcheck", "--top", "2", "calf", "cramps"],
        ] {
            match parse(args).command {
                Command::Check(c) => assert_eq!(c.text, ["calf", "cramps"], "{args:?}"),
                other => panic!("{args:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn a_subcommand_name_first_is_the_subcommand() {
        assert!(matches!(
            parse(&["twitchcheck", "list", "causes"]).command,
            Command::List(_)
        ));
        assert!(matches!(
            parse(&["twitchcheck", "--color", "never", "show", "x"]).command,
            Command::Show(_)
        ));
        let c = parse(&["twitchcheck", "check", "list"]);
        assert!(matches!(c.command, Command::Check(ref a) if a.text == ["list"]));
    }
}
