//! The app's typed errors and the exit statuses scripts rely on.

use std::fmt;
use std::io;

/// Something was recognized (or the command succeeded).
pub const EXIT_OK: i32 = 0;
/// A check recognized nothing.
pub const EXIT_NOTHING: i32 = 1;
/// Usage, knowledge-base or I/O error.
pub const EXIT_ERROR: i32 = 2;

/// Every error is a message for the user (what went wrong, where, and what to
/// do), printed on stderr prefixed `twitchcheck:`, with exit status 2.
#[derive(Debug)]
pub enum Error {
    /// The command's arguments or input cannot be used: an unknown id, an
    /// unreadable batch file, a query that is too long or not UTF-8.
    Usage(String),
    /// A knowledge base cannot be read or is invalid.
    Kb(String),
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
            Error::Usage(m) | Error::Kb(m) => f.write_str(m),
            Error::Io(e) => write!(f, "I/O error: {e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}
