//! twitchcheck: likely nutrient and lifestyle causes of muscle twitches, cramps and
//! spasms, from a person's own words. Educational only, never a diagnosis.
//!
//! Data flows one way: text → [`normalize`] → [`matcher`] (findings, red-flag
//! phrases) → [`rank`] (causes) and [`triage`] (urgency) → [`report::Report`] →
//! [`render`] (table) or JSON. [`kb`] loads and validates the knowledge base that
//! drives it all. [`commands`] wires the subcommands to these stages.

pub mod cli;
pub mod commands;
pub mod complete;
mod embedded;
pub mod error;
pub mod jsonl;
pub mod kb;
pub mod man;
pub mod matcher;
pub mod normalize;
pub mod rank;
pub mod render;
pub mod report;
pub mod sanitize;
pub mod triage;

pub use error::Error;
pub use report::{Checker, Report};

/// Runs the command line and returns the process exit status.
pub fn run() -> i32 {
    commands::main(std::env::args_os())
}
