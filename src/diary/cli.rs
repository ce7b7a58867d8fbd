//! The diary's command-line flags (`log` and `diary`), next to the diary itself so
//! `src/cli.rs` only names the two commands.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum, ValueHint};

#[derive(Debug, Args)]
pub struct LogArgs {
    /// What happened, in your own words ("eyelid twitching after 3 coffees").
    #[arg(value_name = "TEXT", required_unless_present = "change")]
    pub text: Vec<String>,

    /// When it happened: RFC 3339 (2026-11-30T21:00:00+01:00) or a local time
    /// ("yesterday 21:00", "2026-11-30 08:15", "21:00"); now when absent.
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,

    /// A change you made from now on ("stopped coffee"); `diary` compares the
    /// days before and after it.
    #[arg(long, value_name = "WHAT")]
    pub change: Option<String>,

    /// Print the stored entry as JSON instead of a line.
    #[arg(long)]
    pub json: bool,

    /// The diary file (default: the platform's data directory).
    #[arg(long = "diary", value_name = "FILE", env = "TWITCHCHECK_DIARY", value_hint = ValueHint::FilePath)]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = false)]
pub struct DiaryArgs {
    #[command(subcommand)]
    pub action: Option<DiaryAction>,

    /// Show (or export) entries from this day on: YYYY-MM-DD, yesterday or a
    /// number of days (14d); the last 30 days when absent (export: everything).
    #[arg(long, global = true, value_name = "DAY")]
    pub since: Option<String>,

    /// Print one JSON object instead of the table and chart.
    #[arg(long)]
    pub json: bool,

    /// The diary file (default: the platform's data directory).
    #[arg(long = "diary", global = true, value_name = "FILE", env = "TWITCHCHECK_DIARY", value_hint = ValueHint::FilePath)]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum DiaryAction {
    /// Write every entry to stdout as CSV or JSON Lines.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
    },
    /// Delete one entry by its id (see `twitchcheck diary`).
    Delete {
        #[arg(value_name = "ID")]
        id: i64,
    },
    /// Delete the entry logged last.
    Undo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Jsonl,
}
