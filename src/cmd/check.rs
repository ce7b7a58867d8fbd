//! `check`: one query, as a table for people or as JSON.

use std::io::{self, BufWriter, IsTerminal, Read, Write};

use crate::cli::{CheckArgs, Cli};
use crate::error::{Error, EXIT_NOTHING, EXIT_OK};
use crate::knowledge;
use crate::output::{json, text, Style};

/// The longest query `check -` reads from stdin, and the longest `batch` line.
pub const MAX_QUERY_BYTES: usize = 4 * 1024 * 1024;

/// Reads all of stdin as one UTF-8 query.
fn read_stdin_query() -> Result<String, Error> {
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(MAX_QUERY_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| crate::error::sourced("stdin", e))?;
    if bytes.len() > MAX_QUERY_BYTES {
        return Err(Error::Usage(format!(
            "stdin: query is over {} MiB; shorten it",
            MAX_QUERY_BYTES / (1024 * 1024)
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::Usage("stdin: query is not valid UTF-8; send UTF-8 text".into()))?;
    // The newline that ends the input (`echo`, a file, Windows' `\r\n`) is not
    // part of the query.
    Ok(text.trim_end_matches(['\n', '\r']).to_string())
}

pub fn check(cli: &Cli, args: &CheckArgs, style: Style) -> Result<i32, Error> {
    // `-`, or no text with stdin piped or redirected, reads the query from stdin.
    let query = if args.text == ["-"] || (args.text.is_empty() && !io::stdin().is_terminal()) {
        read_stdin_query()?
    } else {
        args.text.join(" ")
    };
    // The process ends right after one check: the OS takes the memory back at
    // once, where freeing the KB's thousands of strings one by one cost about a
    // seventh of the check's instructions. So the checker is leaked, never dropped.
    let checker: &engine::Checker = Box::leak(Box::new(knowledge::checker(cli.kb.as_deref())?));
    let answers = engine::ask::Answers::parse(&checker.kb, &args.yes, &args.no, &args.unsure)
        .map_err(|e| Error::Usage(e.to_string()))?;
    // People read the table; only the JSON carries the follow-up questions.
    let mut report = checker.check_with(&query, usize::from(args.top), &answers, args.json);
    if args.uses_diary() {
        super::check_diary::add(checker, &mut report, args.diary_file.as_deref())?;
    }
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
        let info = knowledge::KbInfo::of(&checker.kb, cli.kb.as_deref());
        json::write_report(&mut out, &report, &info)?;
    } else {
        let view = text::CheckView {
            explain: args.explain,
            full: args.full,
            answers: &[],
        };
        out.write_all(text::check(&report, view, style).as_bytes())?;
    }
    out.flush()?;
    Ok(code)
}
