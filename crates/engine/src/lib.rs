//! twitchcheck's engine: the whole pipeline, and nothing else. It never prints,
//! never sees the terminal or the command line; the app in `src/` does that.
//!
//! Data flows one way:
//!
//! ```text
//! query ─▶ understand ─▶ mentions ─┬─▶ rank ───┬─▶ check ─▶ report
//!          (tokens, typos,          └─▶ triage ─┘
//!           patterns, duration,
//!           context, lexicon)
//! ```
//!
//! [`kb`] loads and validates the knowledge base that drives it all; [`prebuilt`]
//! (over [`codec`]) stores a validated KB and its compiled understanding tables
//! for the app to embed.

pub mod ask;
pub mod check;
pub mod child;
pub mod codec;
pub mod fingerprint;
pub mod kb;
pub mod prebuilt;
pub mod rank;
pub mod report;
pub mod sanitize;
pub mod triage;
pub mod understand;

pub use check::Checker;
pub use report::Report;
