//! The subcommands: parse arguments, load the knowledge base when needed, run the
//! pipeline, write results to stdout and errors to stderr, and pick the exit status.

use std::ffi::{OsStr, OsString};
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::Path;

use clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
use clap::Parser;
use serde::Serialize;

use crate::cli::{BatchArgs, CheckArgs, Cli, ColorChoice, Command, ListArgs, ListKind, ShowArgs};
use crate::error::{Error, EXIT_ERROR, EXIT_NOTHING, EXIT_OK};
use crate::kb::{self, did_you_mean, EntryKind, KnowledgeBase, Problem};
use crate::render::{self, Style};
use crate::report::{Checker, SCHEMA_VERSION};
use crate::triage;

/// The longest query `check -` reads from stdin, and the longest `batch` line.
pub const MAX_QUERY_BYTES: usize = 4 * 1024 * 1024;

/// Parses `args`, runs the command and returns the exit status. Errors are printed
/// to stderr prefixed `twitchcheck:`; a closed stdout exits 0 quietly.
pub fn main(args: impl IntoIterator<Item = OsString>) -> i32 {
    let args: Vec<OsString> = args.into_iter().collect();
    // A shell asking for completions: answer before anything is parsed or printed.
    if let Some(code) = crate::complete::run(&args) {
        return code;
    }
    let argv0 = args
        .first()
        .cloned()
        .unwrap_or_else(|| "twitchcheck".into());
    let args = crate::cli::with_default_command(args);
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, &args),
    };
    match dispatch(cli, &argv0) {
        Ok(code) => code,
        Err(e) if e.is_broken_pipe() => EXIT_OK,
        Err(e) => {
            let text = e.to_string();
            let mut stderr = io::stderr().lock();
            // Messages echo paths, ids and KB text: escape what could drive the terminal.
            for line in text.lines() {
                let _ = writeln!(stderr, "twitchcheck: {}", render::clean(line));
            }
            EXIT_ERROR
        }
    }
}

/// Prints clap's message for a usage error (or its help) and returns its status.
fn usage_error(e: &clap::Error, args: &[OsString]) -> i32 {
    if e.kind() == clap::error::ErrorKind::InvalidUtf8 {
        // clap does not say which argument; the value of --kb is a path, which may
        // be any bytes, so it is not the culprit.
        let mut after_kb = false;
        let culprit = args.iter().skip(1).find(|a| {
            let skip = after_kb;
            after_kb = a.to_str() == Some("--kb");
            !skip && a.to_str().is_none()
        });
        let shown = culprit.map_or(String::new(), |a| {
            format!(" \"{}\"", render::clean(&a.to_string_lossy()))
        });
        eprintln!(
            "twitchcheck: argument{shown} is not valid UTF-8; type the text again, or convert \
             it and pipe it in: `iconv -t UTF-8 FILE | twitchcheck check -`"
        );
        return EXIT_ERROR;
    }
    // Usage errors get the same `twitchcheck:` prefix as every other error;
    // help, version and the bare-command usage print as clap made them.
    if e.use_stderr() && e.kind() != DisplayHelpOnMissingArgumentOrSubcommand {
        // The plain text: clap's rendering drops escape sequences, and an argument
        // it echoes may still hold control characters such as `\r`.
        let text = e.render().to_string();
        let text = text.strip_prefix("error: ").unwrap_or(&text);
        let cleaned: Vec<String> = text.lines().map(render::clean).collect();
        let _ = writeln!(io::stderr().lock(), "twitchcheck: {}", cleaned.join("\n"));
    } else {
        let _ = e.print();
    }
    e.exit_code()
}

fn dispatch(cli: Cli, argv0: &OsStr) -> Result<i32, Error> {
    let style = style(cli.color);
    match &cli.command {
        Command::Check(args) => check(&cli, args, style),
        Command::Batch(args) => batch(&cli, args),
        Command::List(args) => list(&cli, args, style),
        Command::Show(args) => show(&cli, args, style),
        Command::Validate(args) => validate(&cli, args.file.as_deref()),
        Command::Completions(args) => {
            write_with(|out| crate::complete::write_script(args.shell, argv0, out))
        }
        Command::Man => write_with(|out| crate::man::render(out)),
    }
}

/// Runs `write` on a buffered stdout; for output that never depends on a KB.
fn write_with(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<i32, Error> {
    let mut out = BufWriter::new(io::stdout().lock());
    write(&mut out)?;
    out.flush()?;
    Ok(EXIT_OK)
}

/// Decides colour and width for text output.
fn style(choice: ColorChoice) -> Style {
    let stdout_tty = io::stdout().is_terminal();
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stdout_tty
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    };
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok());
    let width = columns
        .or_else(|| {
            stdout_tty
                .then(terminal_size::terminal_size)
                .flatten()
                .map(|(w, _)| w.0)
        })
        .unwrap_or(100)
        .clamp(40, 400);
    Style { color, width }
}

/// Formats a KB's problems as `file:line:column: message` lines.
fn problems_message(name: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("{name}:{p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Loads the KB a command should use: `--kb`/`TWITCHCHECK_KB`, else the embedded one.
fn load_kb(cli: &Cli) -> Result<KnowledgeBase, Error> {
    match &cli.kb {
        Some(path) => load_kb_file(path),
        None => kb::KnowledgeBase::embedded()
            .map_err(|p| Error::Message(problems_message(kb::EMBEDDED_NAME, &p))),
    }
}

/// The checker a command should use; the embedded KB's comes pre-built.
fn load_checker(cli: &Cli) -> Result<Checker, Error> {
    match &cli.kb {
        Some(path) => Ok(Checker::new(load_kb_file(path)?)),
        None => Ok(Checker::embedded()),
    }
}

fn load_kb_file(path: &Path) -> Result<KnowledgeBase, Error> {
    let source = kb::load_file(path)?;
    kb::load_text(&source.text).map_err(|p| {
        let mut m = problems_message(&source.name, &p);
        m.push_str(&format!(
            "\n{}: {} problem{} found; fix them or run `twitchcheck validate {}`",
            source.name,
            p.len(),
            if p.len() == 1 { "" } else { "s" },
            source.name
        ));
        Error::Message(m)
    })
}

/// Reads all of stdin as one UTF-8 query.
fn read_stdin_query() -> Result<String, Error> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(MAX_QUERY_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > MAX_QUERY_BYTES {
        return Err(Error::Message(format!(
            "stdin: query is over {} MiB; shorten it",
            MAX_QUERY_BYTES / (1024 * 1024)
        )));
    }
    String::from_utf8(bytes)
        .map_err(|_| Error::Message("stdin: query is not valid UTF-8; send UTF-8 text".into()))
}

fn check(cli: &Cli, args: &CheckArgs, style: Style) -> Result<i32, Error> {
    let query = if args.text == ["-"] {
        read_stdin_query()?
    } else {
        args.text.join(" ")
    };
    // The process ends right after one check: the OS takes the memory back at
    // once, where freeing the KB's thousands of strings one by one cost about a
    // seventh of the check's instructions. So the checker is leaked, never dropped.
    let checker: &Checker = Box::leak(Box::new(load_checker(cli)?));
    let report = checker.check(&query, usize::from(args.top));
    let code = if report.recognized_anything() {
        EXIT_OK
    } else {
        EXIT_NOTHING
    };
    if args.quiet {
        return Ok(code);
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        out.write_all(render::check(&report, args.explain, style).as_bytes())?;
    }
    out.flush()?;
    Ok(code)
}

/// A `batch` line that could not be checked; the batch goes on.
#[derive(Serialize)]
struct BatchError<'a> {
    schema_version: u32,
    line: usize,
    error: String,
    advice: &'a str,
    disclaimer: &'a str,
}

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

fn batch(cli: &Cli, args: &BatchArgs) -> Result<i32, Error> {
    let checker = load_checker(cli)?;
    let mut input: Box<dyn BufRead> = match args.file.as_deref() {
        None => Box::new(io::stdin().lock()),
        Some(p) if p == Path::new("-") => Box::new(io::stdin().lock()),
        Some(p) => {
            let file = std::fs::File::open(p)
                .map_err(|e| {
                    Error::Message(format!(
                        "{}: cannot open: {e}; give a readable file with one query per line, or - for stdin",
                        p.display()
                    ))
                })?;
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(Error::Message(format!(
                    "{}: is a directory; give a file with one query per line",
                    p.display()
                )));
            }
            Box::new(io::BufReader::with_capacity(64 * 1024, file))
        }
    };
    let mut out = BufWriter::with_capacity(64 * 1024, io::stdout().lock());
    let lines = crate::jsonl::LineWriter::new(&checker.kb);
    let mut any_recognized = false;
    let mut line = Vec::new();
    let mut number = 0;
    let top = usize::from(args.top);
    while let Some(too_long) = read_line_bounded(&mut input, MAX_QUERY_BYTES, &mut line)? {
        number += 1;
        let error = |message: String| BatchError {
            schema_version: SCHEMA_VERSION,
            line: number,
            error: message,
            advice: triage::advice(kb::Urgency::Routine),
            disclaimer: triage::DISCLAIMER,
        };
        if too_long {
            let e = error(format!(
                "line {number} is over {} MiB; skipped",
                MAX_QUERY_BYTES / (1024 * 1024)
            ));
            serde_json::to_writer(&mut out, &e).map_err(io::Error::from)?;
        } else {
            let text = match std::str::from_utf8(&line) {
                Ok(t) => t.strip_suffix('\r').unwrap_or(t),
                Err(_) => {
                    let e = error(format!("line {number} is not valid UTF-8; skipped"));
                    serde_json::to_writer(&mut out, &e).map_err(io::Error::from)?;
                    writeln!(out)?;
                    continue;
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            let report = checker.check(text, top);
            any_recognized |= report.recognized_anything();
            lines.write(&mut out, number, &report)?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if any_recognized {
        EXIT_OK
    } else {
        EXIT_NOTHING
    })
}

/// JSON shape of a finding for `list findings --json` and `show --json`.
#[derive(Serialize)]
struct FindingJson<'a> {
    id: &'a str,
    name: &'a str,
    family: kb::Family,
    parent: Option<&'a str>,
    red_flag: Option<&'a str>,
    phrases: &'a [String],
    together: &'a [Vec<String>],
    links: Vec<LinkJson<'a>>,
}

#[derive(Serialize)]
struct LinkJson<'a> {
    cause: &'a str,
    frequency: kb::Bin,
}

#[derive(Serialize)]
struct RedFlagJson<'a> {
    id: &'a str,
    name: &'a str,
    urgency: kb::Urgency,
    phrases: &'a [String],
    together: &'a [Vec<String>],
    min_duration_days: Option<u32>,
    advice: &'a str,
}

fn finding_json(kb: &KnowledgeBase, i: usize) -> FindingJson<'_> {
    let f = &kb.findings[i];
    FindingJson {
        id: &f.id,
        name: &f.name,
        family: f.family,
        parent: f.parent.map(|p| kb.findings[p].id.as_str()),
        red_flag: f.red_flag.map(|r| kb.red_flags[r].id.as_str()),
        phrases: &f.phrases,
        together: &f.together,
        links: f
            .links
            .iter()
            .map(|&(c, frequency)| LinkJson {
                cause: &kb.causes[c].id,
                frequency,
            })
            .collect(),
    }
}

fn red_flag_json(kb: &KnowledgeBase, i: usize) -> RedFlagJson<'_> {
    let r = &kb.red_flags[i];
    RedFlagJson {
        id: &r.id,
        name: &r.name,
        urgency: r.urgency,
        phrases: &r.phrases,
        together: &r.together,
        min_duration_days: r.min_duration_days,
        advice: &r.advice,
    }
}

fn write_json(value: &impl Serialize) -> Result<(), Error> {
    let mut out = BufWriter::new(io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value).map_err(io::Error::from)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

fn list(cli: &Cli, args: &ListArgs, style: Style) -> Result<i32, Error> {
    let kb = load_kb(cli)?;
    if args.json {
        match args.what {
            ListKind::Findings => write_json(
                &(0..kb.findings.len())
                    .map(|i| finding_json(&kb, i))
                    .collect::<Vec<_>>(),
            )?,
            ListKind::Causes => write_json(&kb.causes)?,
            ListKind::RedFlags => write_json(
                &(0..kb.red_flags.len())
                    .map(|i| red_flag_json(&kb, i))
                    .collect::<Vec<_>>(),
            )?,
        }
    } else {
        let mut out = BufWriter::new(io::stdout().lock());
        out.write_all(render::list(&kb, args.what, style).as_bytes())?;
        out.flush()?;
    }
    Ok(EXIT_OK)
}

fn show(cli: &Cli, args: &ShowArgs, style: Style) -> Result<i32, Error> {
    let kb = load_kb(cli)?;
    let id = args.id.trim();
    let entries: Vec<(EntryKind, usize)> = [
        (EntryKind::Cause, kb.cause(id)),
        (EntryKind::Finding, kb.finding(id)),
        (EntryKind::RedFlag, kb.red_flag(id)),
    ]
    .into_iter()
    .filter_map(|(k, i)| i.map(|i| (k, i)))
    .collect();
    if entries.is_empty() {
        let hint = match did_you_mean(id, kb.ids().map(|(_, id)| id)) {
            Some(s) => format!("; did you mean \"{s}\"?"),
            None => String::new(),
        };
        return Err(Error::Message(format!(
            "no cause, finding or red flag has the id \"{}\"{hint} (`twitchcheck list causes` shows the ids)",
            render::clean(id)
        )));
    }
    if args.json {
        let values: Vec<serde_json::Value> = entries
            .iter()
            .map(|&(k, i)| {
                let mut v = match k {
                    EntryKind::Cause => serde_json::to_value(&kb.causes[i]),
                    EntryKind::Finding => serde_json::to_value(finding_json(&kb, i)),
                    EntryKind::RedFlag => serde_json::to_value(red_flag_json(&kb, i)),
                }
                .map_err(io::Error::from)?;
                v["type"] = serde_json::Value::from(match k {
                    EntryKind::Cause => "cause",
                    EntryKind::Finding => "finding",
                    EntryKind::RedFlag => "red-flag",
                });
                Ok(v)
            })
            .collect::<Result<_, Error>>()?;
        write_json(&values)?;
    } else {
        let mut out = BufWriter::new(io::stdout().lock());
        out.write_all(render::show(&kb, &entries, style).as_bytes())?;
        out.flush()?;
    }
    Ok(EXIT_OK)
}

fn validate(cli: &Cli, file: Option<&Path>) -> Result<i32, Error> {
    let (name, kb) = match file.or(cli.kb.as_deref()) {
        Some(path) => (
            render::clean(&path.display().to_string()),
            load_kb_file(path)?,
        ),
        None => (
            format!("{} (embedded)", kb::EMBEDDED_NAME),
            kb::KnowledgeBase::embedded()
                .map_err(|p| Error::Message(problems_message(kb::EMBEDDED_NAME, &p)))?,
        ),
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{name}: valid: {}", kb.summary())?;
    Ok(EXIT_OK)
}
