//! Whether the process started with stdout closed (`twitchcheck check … >&-`).
//!
//! Before `main`, Rust's runtime reopens a closed stdin, stdout or stderr on
//! /dev/null, so by then a closed stdout looks like `>/dev/null`: every answer
//! would vanish and the exit status would still be 0. A constructor in the
//! executable's initializer list, which the loader runs before Rust's runtime
//! starts, looks at descriptor 1 first and records what it saw.

use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED: AtomicBool = AtomicBool::new(false);

/// True when descriptor 1 was not open as the process started.
pub fn stdout_was_closed() -> bool {
    CLOSED.load(Ordering::Relaxed)
}

#[cfg(unix)]
extern "C" fn record() {
    // SAFETY: F_GETFD only reads descriptor 1's flags; it fails with EBADF when
    // the descriptor is closed, which is what we want to know.
    let closed = unsafe { libc::fcntl(1, libc::F_GETFD) } == -1;
    CLOSED.store(closed, Ordering::Relaxed);
}

// ELF executables (Linux, the BSDs) run `.init_array`, Mach-O ones
// `__mod_init_func`, both before the Rust runtime's own set-up in `main`.
#[cfg(all(unix, not(target_vendor = "apple")))]
#[used]
#[link_section = ".init_array"]
static RECORD: extern "C" fn() = record;

#[cfg(target_vendor = "apple")]
#[used]
#[link_section = "__DATA,__mod_init_func"]
static RECORD: extern "C" fn() = record;

/// The error a write to a closed stdout is: "Bad file descriptor".
pub fn error() -> std::io::Error {
    #[cfg(unix)]
    return std::io::Error::from_raw_os_error(libc::EBADF);
    #[cfg(not(unix))]
    std::io::Error::new(std::io::ErrorKind::Other, "closed")
}
