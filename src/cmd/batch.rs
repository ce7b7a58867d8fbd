//! `batch`: one query a line in, one JSON line a query out.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::Path;

use engine::Checker;

use crate::cli::{BatchArgs, Cli};
use crate::error::{Error, Named, EXIT_NOTHING, EXIT_OK};
use crate::knowledge;
use crate::output::json::{BatchError, LineWriter};
use engine::sanitize::clean;

use super::check::MAX_QUERY_BYTES;

/// Reads one line of at most `limit` bytes (the rest of a longer line is skipped).
/// Returns None at end of input, else the bytes without the newline and whether
/// the line was cut.
fn read_line_bounded(
    input: &mut impl BufRead,
    limit: usize,
    line: &mut Vec<u8>,
) -> io::Result<Option<bool>> {
    line.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(any.then_some(too_long));
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        let room = limit.saturating_sub(line.len());
        if chunk.len() > room {
            too_long = true;
        }
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = done.unwrap_or(buf.len());
        input.consume(used);
        if done.is_some() {
            return Ok(Some(too_long));
        }
    }
}

/// True when stdout is a pipe, socket or terminal: something that may be read
/// while `batch` still runs.
fn stdout_is_interactive() -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let meta = io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .map(std::fs::File::from)
            .and_then(|f| f.metadata());
        match meta {
            Ok(m) => {
                let t = m.file_type();
                t.is_fifo() || t.is_socket() || io::IsTerminal::is_terminal(&io::stdout())
            }
            Err(_) => true,
        }
    }
    #[cfg(not(unix))]
    {
        true
    }
}

pub fn batch(cli: &Cli, args: &BatchArgs) -> Result<i32, Error> {
    let checker = knowledge::checker(cli.kb.as_deref())?;
    let stdin = || -> Named<Box<dyn Read>> {
        Named {
            source: "stdin".to_string(),
            inner: Box::new(io::stdin()),
        }
    };
    // Our own buffer, whatever the source: it tells whether more input is
    // already waiting (see `stdout_is_interactive` below).
    let source = match args.file.as_deref() {
        None => stdin(),
        Some(p) if p == Path::new("-") => stdin(),
        Some(p) => {
            let file = std::fs::File::open(p)
                .map_err(|e| {
                    Error::Usage(format!(
                        "{}: cannot open: {e}; give a readable file with one query per line, or - for stdin",
                        p.display()
                    ))
                })?;
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(Error::Usage(format!(
                    "{}: is a directory; give a file with one query per line",
                    p.display()
                )));
            }
            Named {
                source: clean(&p.display().to_string()),
                inner: Box::new(file) as Box<dyn Read>,
            }
        }
    };
    let mut input = io::BufReader::with_capacity(64 * 1024, source);
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let info = knowledge::KbInfo::of(&checker.kb, cli.kb.as_deref());
    let top = usize::from(args.top);
    // A script that writes a query and waits for its answer gets each answer as
    // it is made when stdout is a pipe, socket or terminal: the output is flushed
    // whenever no whole line of input is waiting, so before reading could block.
    // Input that is all there (a file piped in) is answered in large writes.
    // Files (and /dev/null) keep the large buffer and use every core.
    let any_recognized = if stdout_is_interactive() {
        let idle = |input: &io::BufReader<_>| !input.buffer().contains(&b'\n');
        run_with(&checker, &info, &mut input, &mut out, top, idle)?
    } else {
        run_parallel(&checker, &info, &mut input, &mut out, top)?
    };
    out.flush()?;
    Ok(if any_recognized {
        EXIT_OK
    } else {
        EXIT_NOTHING
    })
}

/// The batch itself, from input lines to output lines: what `batch` runs once
/// the knowledge base is loaded (the benchmarks time this). Returns whether any
/// line recognized something.
pub fn run(
    checker: &Checker,
    input: &mut impl BufRead,
    out: &mut impl Write,
    top: usize,
) -> io::Result<bool> {
    let info = knowledge::KbInfo::of(&checker.kb, None);
    run_with(checker, &info, input, out, top, |_| false)
}

/// [`run`], naming the knowledge base `info` in every line, and flushing the
/// output after a line when `flush_now` says so of the input.
pub fn run_with<R: BufRead>(
    checker: &Checker,
    info: &knowledge::KbInfo,
    input: &mut R,
    out: &mut impl Write,
    top: usize,
    flush_now: impl Fn(&R) -> bool,
) -> io::Result<bool> {
    let lines = LineWriter::new(&checker.kb, info);
    engine::understand::remember_words();
    let mut any_recognized = false;
    let mut line = Vec::new();
    let mut number = 0;
    while let Some(too_long) = read_line_bounded(input, MAX_QUERY_BYTES, &mut line)? {
        number += 1;
        any_recognized |= one_line(checker, &lines, out, number, too_long, &line, top)?;
        if flush_now(input) {
            out.flush()?;
        }
    }
    Ok(any_recognized)
}

/// Writes the output for input line `number` (`line`, without its newline, and
/// whether it was cut): a report, an error line, or nothing for a blank line.
/// Returns whether the line recognized something.
fn one_line(
    checker: &Checker,
    lines: &LineWriter,
    out: &mut impl Write,
    number: usize,
    too_long: bool,
    line: &[u8],
    top: usize,
) -> io::Result<bool> {
    let mut recognized = false;
    let error = |message: String| BatchError::new(number, message);
    if too_long {
        let e = error(format!(
            "line {number} is over {} MiB; skipped",
            MAX_QUERY_BYTES / (1024 * 1024)
        ));
        e.write(out)?;
    } else {
        let text = match std::str::from_utf8(line) {
            Ok(t) => t.strip_suffix('\r').unwrap_or(t),
            Err(_) => {
                let e = error(format!("line {number} is not valid UTF-8; skipped"));
                e.write(out)?;
                writeln!(out)?;
                return Ok(false);
            }
        };
        if text.trim().is_empty() {
            return Ok(false);
        }
        let report = checker.check(text, top);
        recognized = report.recognized_anything();
        lines.write(out, number, &report)?;
    }
    writeln!(out)?;
    Ok(recognized)
}

/// Lines read before they are checked on all cores: enough that starting the
/// threads costs little, few enough to keep memory small.
const CHUNK_LINES: usize = 512;

/// Bytes of input a chunk holds at most (lines may be up to [`MAX_QUERY_BYTES`]).
const CHUNK_BYTES: usize = 8 * 1024 * 1024;

/// [`run_with`] on every available core, for output that nobody reads while the
/// batch runs (a file): lines are read in chunks, each chunk's lines are checked
/// in slices on scoped threads, and the slices' output is written in input order,
/// the same bytes as [`run_with`] writes. An error reading the input ends the
/// batch after the lines read before it are written, as in [`run_with`].
pub fn run_parallel(
    checker: &Checker,
    info: &knowledge::KbInfo,
    input: &mut impl BufRead,
    out: &mut impl Write,
    top: usize,
) -> io::Result<bool> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 {
        return run_with(checker, info, input, out, top, |_| false);
    }
    let lines = LineWriter::new(&checker.kb, info);
    let mut any_recognized = false;
    let mut number = 0;
    // (line number, cut, bytes); the buffers are reused from chunk to chunk.
    let mut chunk: Vec<(usize, bool, Vec<u8>)> = Vec::new();
    let mut outputs: Vec<Vec<u8>> = vec![Vec::new(); threads];
    loop {
        let mut used = 0;
        let mut bytes = 0;
        let mut failed = None;
        while used < CHUNK_LINES * threads && bytes < CHUNK_BYTES {
            if chunk.len() == used {
                chunk.push((0, false, Vec::new()));
            }
            let slot = &mut chunk[used];
            match read_line_bounded(input, MAX_QUERY_BYTES, &mut slot.2) {
                Ok(Some(too_long)) => {
                    number += 1;
                    slot.0 = number;
                    slot.1 = too_long;
                    bytes += slot.2.len();
                    used += 1;
                }
                Ok(None) => break,
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        if used == 0 {
            return match failed {
                Some(e) => Err(e),
                None => Ok(any_recognized),
            };
        }
        let per = used.div_ceil(threads);
        let slices: Vec<&[(usize, bool, Vec<u8>)]> = chunk[..used].chunks(per).collect();
        let check_slice = |slice: &[(usize, bool, Vec<u8>)], buf: &mut Vec<u8>| {
            buf.clear();
            engine::understand::remember_words();
            let mut recognized = false;
            for (number, too_long, line) in slice {
                recognized |= one_line(checker, &lines, buf, *number, *too_long, line, top)?;
            }
            io::Result::Ok(recognized)
        };
        let results: Vec<io::Result<bool>> = std::thread::scope(|scope| {
            let (first_buf, rest_bufs) = outputs.split_first_mut().expect("one buffer a thread");
            let handles: Vec<_> = slices[1..]
                .iter()
                .zip(rest_bufs.iter_mut())
                .map(|(&slice, buf)| scope.spawn(move || check_slice(slice, buf)))
                .collect();
            let mut results = vec![check_slice(slices[0], first_buf)];
            results.extend(
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))),
            );
            results
        });
        for (result, buf) in results.into_iter().zip(&outputs) {
            any_recognized |= result?;
            out.write_all(buf)?;
        }
        if let Some(e) = failed {
            return Err(e);
        }
    }
}
