//! Everything the app writes to stdout: one terminal set-up ([`terminal`]), one
//! colour table ([`colour`]), wrapping ([`wrap`]), text rendering for people
//! ([`text`], and KB entries in [`entries`]), every JSON shape ([`json`]) and the
//! manual page ([`man`]).
//!
//! Text shown here may come from a query or a user's KB file, so the text renderer
//! passes every string through `engine::sanitize::clean` first: control
//! characters and escape sequences never reach the terminal raw.

pub mod colour;
pub mod entries;
pub mod json;
pub mod man;
pub mod terminal;
pub mod text;
pub mod wrap;

pub use terminal::Style;
