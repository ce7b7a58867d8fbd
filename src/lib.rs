//! twitchcheck: likely nutrient and lifestyle causes of muscle twitches, cramps and
//! spasms, from a person's own words. Educational only, never a diagnosis.
//!
//! This crate is the app: the command line ([`cli`], [`cmd`], [`complete`]), which
//! knowledge base to use ([`knowledge`]) and what is printed ([`output`]). The whole
//! pipeline (knowledge base, understanding, ranking, triage, the report) is the
//! `engine` crate in `crates/engine/`, which never prints.

pub mod cli;
pub mod closed_stdout;
pub mod cmd;
pub mod complete;
pub mod diary;
pub mod error;
pub mod knowledge;
pub mod output;

pub use error::Error;

/// Runs the command line and returns the process exit status.
pub fn run() -> i32 {
    cmd::main(std::env::args_os())
}
