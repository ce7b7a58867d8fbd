//! `log`: check one description and store it in the diary with its time.

use std::io::{self, Write};

use chrono::{Duration, Local, Timelike};
use engine::sanitize::clean;
use serde::Serialize;

use crate::cli::Cli;
use crate::diary::cli::LogArgs;
use crate::diary::store::{self, NewEntry, Store};
use crate::diary::{when, Logged};
use crate::error::{Error, EXIT_OK};
use crate::knowledge;

#[derive(Serialize)]
struct Stored<'a> {
    schema_version: u32,
    diary: String,
    id: i64,
    at: String,
    day: String,
    text: &'a str,
    urgency: &'a str,
    findings: &'a [Logged],
    red_flags: &'a [String],
    change: Option<&'a str>,
}

pub fn log(cli: &Cli, args: &LogArgs) -> Result<i32, Error> {
    let text = args.text.join(" ");
    if text.len() > super::MAX_QUERY_BYTES {
        return Err(Error::Usage("the text is over 4 MiB; shorten it".into()));
    }
    let now = Local::now();
    let at = when::parse_at(args.at.as_deref().unwrap_or("now"), now).map_err(Error::Usage)?;
    // Whole seconds: the stored time reads 21:00:05+01:00, not 21:00:05.834301963.
    let at = at.with_nanosecond(0).unwrap_or(at);
    if at > now + Duration::minutes(5) {
        return Err(Error::Usage(format!(
            "--at {}: that is in the future; log what has happened",
            at.to_rfc3339()
        )));
    }
    // Leaked, never dropped, as in `check`: the process ends right after, and
    // freeing the knowledge base piece by piece cost a twentieth of a `log`.
    let checker: &engine::Checker = Box::leak(Box::new(knowledge::checker(cli.kb.as_deref())?));
    let report = checker.check(&text, 1);
    let findings: Vec<Logged> = report
        .recognized
        .iter()
        .map(|r| Logged {
            id: r.id.to_string(),
            entry: r.entry.to_string(),
            assertion: r.assertion.to_string(),
            text: r.text.clone(),
        })
        .collect();
    let red_flags: Vec<String> = report.red_flags.iter().map(|f| f.id.to_string()).collect();
    let urgency = report.urgency.as_str();
    let change = args
        .change
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());

    let path = store::resolve(args.file.as_deref())?;
    let mut store = Store::open_or_create(&path)?;
    let at_text = at.to_rfc3339();
    let day = at.date_naive();
    let id = store.insert(&NewEntry {
        ts: at.timestamp(),
        at: &at_text,
        day,
        text: &text,
        urgency,
        findings: &findings,
        red_flags: &red_flags,
        change,
    })?;

    let mut out = io::stdout().lock();
    if args.json {
        let stored = Stored {
            schema_version: 1,
            diary: path.display().to_string(),
            id,
            at: at_text,
            day: day.to_string(),
            text: &text,
            urgency,
            findings: &findings,
            red_flags: &red_flags,
            change,
        };
        crate::output::json::write_pretty(&mut out, &stored)?;
    } else {
        writeln!(
            out,
            "{}",
            clean(&line(
                id,
                &at.format("%Y-%m-%d %H:%M").to_string(),
                &findings,
                &red_flags,
                urgency,
                change
            ))
        )?;
    }
    out.flush()?;
    Ok(EXIT_OK)
}

/// The one line `log` prints: what was stored.
fn line(
    id: i64,
    when: &str,
    findings: &[Logged],
    red_flags: &[String],
    urgency: &str,
    change: Option<&str>,
) -> String {
    let mut s = format!("Logged entry {id} at {when}: ");
    if findings.is_empty() {
        s.push_str("nothing recognized (the text is kept)");
    } else {
        s.push_str(&crate::diary::describe(findings));
    }
    if let Some(c) = change {
        s.push_str(&format!("; change: \"{c}\""));
    }
    s.push_str(&format!("; urgency {urgency}"));
    if !red_flags.is_empty() {
        s.push_str(&format!(" (red flags: {})", red_flags.join(", ")));
    }
    s.push('.');
    s
}
