//! The subcommands, one file each: parse arguments, run the command, print
//! errors to stderr and pick the exit status.

pub mod batch;
mod check;
mod check_diary;
mod diary;
mod list;
mod log;
mod show;
mod validate;

use std::ffi::{OsStr, OsString};
use std::io::{self, BufWriter, Write};

use clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
use clap::Parser;
use engine::sanitize::clean;

use crate::cli::{Cli, Command};
use crate::error::{Error, EXIT_ERROR, EXIT_OK};
use crate::output::Style;

pub use check::MAX_QUERY_BYTES;

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
                let _ = writeln!(stderr, "twitchcheck: {}", clean(line));
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
            format!(" \"{}\"", clean(&a.to_string_lossy()))
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
        let cleaned: Vec<String> = text.lines().map(clean).collect();
        let _ = writeln!(io::stderr().lock(), "twitchcheck: {}", cleaned.join("\n"));
    } else {
        let _ = e.print();
    }
    e.exit_code()
}

fn dispatch(cli: Cli, argv0: &OsStr) -> Result<i32, Error> {
    let style = Style::for_stdout(cli.color);
    match &cli.command {
        Command::Check(args) => check::check(&cli, args, style),
        Command::Batch(args) => batch::batch(&cli, args),
        Command::List(args) => list::list(&cli, args, style),
        Command::Show(args) => show::show(&cli, args, style),
        Command::Validate(args) => validate::validate(&cli, args.file.as_deref()),
        Command::Log(args) => log::log(&cli, args),
        Command::Diary(args) => diary::diary(&cli, args, style),
        Command::Completions(args) => {
            write_with(|out| crate::complete::write_script(args.shell, argv0, out))
        }
        Command::Man => write_with(|out| crate::output::man::render(out)),
    }
}

/// Runs `write` on a buffered stdout; for output that never depends on a KB.
fn write_with(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<i32, Error> {
    let mut out = BufWriter::new(io::stdout().lock());
    write(&mut out)?;
    out.flush()?;
    Ok(EXIT_OK)
}
