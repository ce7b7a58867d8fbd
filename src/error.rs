//! The one error type and the exit statuses scripts rely on.

use std::fmt;
use std::io;

/// Something was recognized (or the command succeeded).
pub const EXIT_OK: i32 = 0;
/// A check recognized nothing.
pub const EXIT_NOTHING: i32 = 1;
/// Usage, knowledge-base or I/O error.
pub const EXIT_ERROR: i32 = 2;

#[derive(Debug)]
pub enum Error {
    /// A message for the user: what went wrong, where, and what to do.
    Message(String),
    /// Writing output or reading input failed.
    Io(io::Error),
}

impl Error {
    /// True for a closed pipe (`twitchcheck … | head -1`): not an error, exit quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Message(m) => f.write_str(m),
            Error::Io(e) => write!(f, "I/O error: {e}"),
        }
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}

impl From<String> for Error {
    fn from(m: String) -> Self {
        Error::Message(m)
    }
}
