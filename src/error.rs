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
            // An error that names its source (stdin, a batch file) says it; any
            // other comes from writing the answer.
            Error::Io(e) if e.get_ref().is_some_and(|r| r.is::<Sourced>()) => write!(f, "{e}"),
            Error::Io(e) => write!(f, "stdout: {e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}

/// An I/O error's message with the stream or file it came from: "stdin: Is a
/// directory (os error 21)".
#[derive(Debug)]
struct Sourced(String);

impl fmt::Display for Sourced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Sourced {}

/// `e` with its source named, keeping its kind (a broken pipe stays one).
pub fn sourced(source: &str, e: io::Error) -> io::Error {
    if e.get_ref().is_some_and(|r| r.is::<Sourced>()) {
        return e;
    }
    io::Error::new(e.kind(), Sourced(format!("{source}: {e}")))
}

/// A reader whose errors name their source.
pub struct Named<R> {
    pub source: String,
    pub inner: R,
}

impl<R: io::Read> io::Read for Named<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(|e| sourced(&self.source, e))
    }
}

impl<R: io::BufRead> io::BufRead for Named<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf().map_err(|e| sourced(&self.source, e))
    }

    fn consume(&mut self, amount: usize) {
        self.inner.consume(amount)
    }
}
