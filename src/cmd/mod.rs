//! The subcommands, one file each: parse arguments, run the command, print
//! errors to stderr and pick the exit status.

mod ask;
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
/// to stderr prefixed `twitchcheck:`; a closed pipe exits 0 quietly, a stdout
/// closed before the start (`>&-`) is an error.
pub fn main(args: impl IntoIterator<Item = OsString>) -> i32 {
    let args: Vec<OsString> = args.into_iter().collect();
    // An empty `TWITCHCHECK_KB=` means "not set", as an empty NO_COLOR does.
    if std::env::var_os("TWITCHCHECK_KB").is_some_and(|v| v.is_empty()) {
        std::env::remove_var("TWITCHCHECK_KB");
    }
    // A shell asking for completions: answer before anything is parsed or printed.
    if let Some(code) = crate::complete::run(&args) {
        return code;
    }
    let argv0 = args
        .first()
        .cloned()
        .unwrap_or_else(|| "twitchcheck".into());
    let typed = args.len();
    let args = crate::cli::with_default_command(args);
    let cli = match parse(&args) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, &args),
    };
    if args.len() > typed {
        if let Some(code) = mistyped_command(&cli) {
            return code;
        }
    }
    // The answer has nowhere to go (`>&-`): say so rather than lose it, as for a
    // full disk. Only `check -q` writes nothing to stdout.
    let quiet = matches!(&cli.command, Command::Check(a) if a.quiet);
    let result = match crate::closed_stdout::stdout_was_closed() && !quiet {
        true => Err(Error::Io(crate::closed_stdout::error())),
        false => dispatch(cli, &argv0),
    };
    match result {
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

/// Parses the arguments; `--version` also names the knowledge base it would use.
fn parse(args: &[OsString]) -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let asks_version = args.iter().skip(1).any(|a| a == "--version" || a == "-V");
    if !asks_version {
        return Cli::try_parse_from(args);
    }
    let kb_file = kb_file(args);
    let info = match crate::knowledge::load(kb_file.as_deref()) {
        Ok(kb) => crate::knowledge::KbInfo::of(&kb, kb_file.as_deref()).line(),
        Err(e) => format!(
            "knowledge base: {} does not load: {e}",
            kb_file.unwrap_or_default().display()
        ),
    };
    let version = format!("{}\n{info}", env!("CARGO_PKG_VERSION"));
    let version: &'static str = Box::leak(version.into_boxed_str());
    let matches = Cli::command().version(version).try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// The `--kb` file a command line names, else `TWITCHCHECK_KB`.
fn kb_file(args: &[OsString]) -> Option<std::path::PathBuf> {
    let mut file = None;
    let mut iter = args.iter().skip(1);
    while let Some(a) = iter.next() {
        if a == "--kb" {
            file = iter.next().map(std::path::PathBuf::from);
        } else if let Some(p) = a.to_str().and_then(|a| a.strip_prefix("--kb=")) {
            file = Some(p.into());
        }
    }
    file.or_else(|| std::env::var_os("TWITCHCHECK_KB").map(Into::into))
}

/// The subcommand a first word looks like a typo of ("lsit" → "list"), if it is
/// not the exact name of one.
pub fn near_command(word: &str) -> Option<&'static str> {
    let word = word.to_lowercase();
    if word.len() < 3 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    engine::kb::did_you_mean(&word, crate::cli::COMMAND_NAMES.iter().copied())
}

/// Free words whose first word is a subcommand's typo (`lsit causes`,
/// `valdate`) are not checked as symptoms unless the check recognizes something
/// in them: a usage error says which command was meant.
fn mistyped_command(cli: &Cli) -> Option<i32> {
    let Command::Check(args) = &cli.command else {
        return None;
    };
    let first = args.text.first()?;
    let near = near_command(first)?;
    if let Ok(checker) = crate::knowledge::checker(cli.kb.as_deref()) {
        if checker.check(&args.text.join(" "), 1).recognized_anything() {
            return None;
        }
    }
    eprintln!(
        "twitchcheck: unrecognized command \"{}\"; did you mean `{near}`? (to check the words \
         as symptoms, write `twitchcheck check {}`)",
        clean(first),
        clean(&args.text.join(" "))
    );
    Some(crate::error::EXIT_ERROR)
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
        let mut stderr = io::stderr().lock();
        // Every line that says something carries the prefix (blank lines stay
        // blank), so `grep '^twitchcheck:'` finds the whole message.
        for line in text.lines() {
            let _ = match line.trim().is_empty() {
                true => writeln!(stderr),
                false => writeln!(stderr, "twitchcheck: {}", clean(line)),
            };
        }
        // `check --diary` alone: the diary's file flag, mistaken for the switch.
        if text.contains("'--diary <FILE>'") {
            let _ = writeln!(
                stderr,
                "twitchcheck: tip: `--diary FILE` names a diary file; `check --with-diary` \
                 adds the red flags of your diary to a check"
            );
        }
        if let Some(query) = dash_query(e, args) {
            let _ = writeln!(
                stderr,
                "twitchcheck: \"{}\" starts with '-' and reads as an option; to check it, \
                 put -- before the text: twitchcheck check -- \"{0}\"",
                clean(&query)
            );
        }
    } else {
        // Help and version go to stdout: output lost there (a full disk, a closed
        // stdout) is an error, as for every other command.
        let written = match crate::closed_stdout::stdout_was_closed() {
            true => Err(crate::closed_stdout::error()),
            false => e.print().and_then(|()| io::stdout().flush()),
        };
        if let Err(err) = written {
            let _ = writeln!(io::stderr().lock(), "twitchcheck: stdout: {err}");
            return EXIT_ERROR;
        }
    }
    e.exit_code()
}

/// The query a usage error is about when it is text starting with '-' ("- calf
/// cramps", "-calf cramps at night"): an argument that starts with '-' and holds
/// a space, or an unknown argument given after `check`.
fn dash_query(e: &clap::Error, args: &[OsString]) -> Option<String> {
    use clap::error::ErrorKind;
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    args.iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| a.starts_with('-') && a.contains(char::is_whitespace))
        .map(str::to_string)
}

fn dispatch(cli: Cli, argv0: &OsStr) -> Result<i32, Error> {
    let style = Style::for_stdout(cli.color);
    match &cli.command {
        Command::Check(args) => check::check(&cli, args, style),
        Command::Ask(args) => ask::ask(&cli, args, style),
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
