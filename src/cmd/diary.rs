//! `diary`: the entries of the last 30 days, a chart per body area, the red flags
//! the record raises and the patterns it shows; `export`, `delete` and `undo`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{Days, Local, NaiveDate};
use engine::kb::{KnowledgeBase, Urgency};
use engine::sanitize::clean;
use serde::Serialize;

use crate::cli::Cli;
use crate::diary::cli::{DiaryAction, DiaryArgs, ExportFormat};
use crate::diary::patterns::{self, Change, Pattern};
use crate::diary::record::Record;
use crate::diary::signals::{self, Signal};
use crate::diary::store::{self, Store};
use crate::diary::{when, Entry, Vocab};
use crate::error::{Error, EXIT_OK};
use crate::knowledge;
use crate::output::colour::{self, paint, BOLD};
use crate::output::Style;

/// How many days `diary` shows without `--since`.
pub const DEFAULT_DAYS: u64 = 30;

/// The version of `diary --json` and of `diary export --format jsonl` lines.
pub const DIARY_SCHEMA_VERSION: u32 = 1;

pub fn diary(cli: &Cli, args: &DiaryArgs, style: Style) -> Result<i32, Error> {
    let path = store::resolve(args.file.as_deref())?;
    let today = Local::now().date_naive();
    let since = args
        .since
        .as_deref()
        .map(|s| when::parse_since(s, today))
        .transpose()
        .map_err(Error::Usage)?;
    match &args.action {
        Some(DiaryAction::Export { format }) => export(&path, since, *format),
        Some(DiaryAction::Delete { id }) => {
            let mut store = existing(&path)?;
            if !store.delete(*id)? {
                return Err(Error::Usage(format!(
                    "there is no entry {id} in the diary {}; `twitchcheck diary` lists them",
                    path.display()
                )));
            }
            println!("Deleted entry {id}.");
            Ok(EXIT_OK)
        }
        Some(DiaryAction::Undo) => {
            let mut store = existing(&path)?;
            match store.undo()? {
                Some((id, at, text)) => {
                    println!("Deleted entry {id} ({at}): {}", clean(&text));
                    Ok(EXIT_OK)
                }
                None => Err(Error::Usage(format!(
                    "the diary {} is empty; nothing to undo",
                    path.display()
                ))),
            }
        }
        None => {
            let kb = knowledge::load(cli.kb.as_deref())?;
            let from = since.unwrap_or_else(|| {
                today
                    .checked_sub_days(Days::new(DEFAULT_DAYS - 1))
                    .unwrap_or(today)
            });
            // Reading a diary that is not there shows an empty one and creates nothing.
            let store = Store::open_existing(&path)?;
            let mut out = BufWriter::new(io::stdout().lock());
            // The counts and the rows from one snapshot, so the header's number
            // of entries is the table's even with another process logging.
            let show = |store: Option<&Store>, out: &mut BufWriter<_>| {
                let record = match store {
                    Some(s) => s.record()?,
                    None => Record::default(),
                };
                let view = View::new(&kb, &record, from, today);
                if args.json {
                    let entries = match store {
                        Some(s) => s.entries(Some(from), Some(today))?,
                        None => Vec::new(),
                    };
                    crate::output::json::write_pretty(out, &view.json(&path, &entries))?;
                    Ok(())
                } else {
                    view.write_text(out, &path, style, store)
                }
            };
            match &store {
                Some(s) => s.snapshot(|s| show(Some(s), &mut out))?,
                None => show(None, &mut out)?,
            }
            out.flush()?;
            Ok(EXIT_OK)
        }
    }
}

fn existing(path: &Path) -> Result<Store, Error> {
    Store::open_existing(path)?.ok_or_else(|| {
        Error::Usage(format!(
            "there is no diary at {}; `twitchcheck log TEXT` starts one",
            path.display()
        ))
    })
}

/// The red flags the diary raises, with their knowledge-base names.
#[derive(Debug, Clone, Serialize)]
pub struct DiaryFlag {
    pub id: String,
    pub name: String,
    pub urgency: Urgency,
    pub advice: String,
    pub reason: String,
    pub since: NaiveDate,
    pub source: &'static str,
}

/// The red flags the diary raises on `today`, for `check --diary` too.
pub fn diary_flags(kb: &KnowledgeBase, record: &Record, today: NaiveDate) -> Vec<DiaryFlag> {
    let vocab = Vocab::from_kb(kb);
    let mut flags: Vec<DiaryFlag> = signals::signals(record, &vocab, today)
        .into_iter()
        .map(|s: Signal| {
            let (name, urgency, advice) = match kb.red_flag(&s.id) {
                Some(r) => {
                    let r = &kb.red_flags[r];
                    (r.name.to_string(), r.urgency, r.advice.to_string())
                }
                None => (s.id.clone(), Urgency::Soon, String::new()),
            };
            DiaryFlag {
                id: s.id,
                name,
                urgency,
                advice,
                reason: s.reason,
                since: s.since,
                source: "diary",
            }
        })
        .collect();
    flags.sort_by_key(|f| std::cmp::Reverse(f.urgency));
    flags
}

struct View {
    /// Entries in all, and from `from` to `today`.
    total: u64,
    shown: u64,
    from: NaiveDate,
    today: NaiveDate,
    flags: Vec<DiaryFlag>,
    chart: Vec<ChartRow>,
    patterns: Vec<Pattern>,
    changes: Vec<Change>,
}

#[derive(Serialize)]
struct ChartRow {
    area: String,
    /// Entries logging it, per day from `since` to today.
    counts: Vec<u32>,
}

#[derive(Serialize)]
struct DiaryJson<'a> {
    schema_version: u32,
    diary: String,
    since: NaiveDate,
    today: NaiveDate,
    entries: &'a [Entry],
    red_flags: &'a [DiaryFlag],
    chart: &'a [ChartRow],
    patterns: &'a [Pattern],
    changes: &'a [Change],
    caveat: &'static str,
}

impl View {
    fn new(kb: &KnowledgeBase, record: &Record, from: NaiveDate, today: NaiveDate) -> Self {
        let vocab = Vocab::from_kb(kb);
        let ndays = ((today - from).num_days() + 1).max(0) as usize;
        let mut rows: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        let mut any = vec![0u32; ndays];
        let mut shown = 0;
        for (d, day) in record.range(from, today) {
            let i = (*d - from).num_days() as usize;
            shown += u64::from(day.entries);
            any[i] = day.episodes;
            for (area, n) in day
                .present
                .iter()
                .filter(|(a, _)| vocab.areas.contains_key(*a))
            {
                rows.entry(area).or_insert_with(|| vec![0; ndays])[i] = *n;
            }
        }
        let mut chart = vec![ChartRow {
            area: "any".into(),
            counts: any,
        }];
        chart.extend(rows.into_iter().map(|(area, counts)| ChartRow {
            area: area.to_string(),
            counts,
        }));
        View {
            total: record.total(),
            shown,
            flags: diary_flags(kb, record, today),
            patterns: patterns::patterns(record, &vocab, from, today),
            changes: patterns::changes(record, today)
                .into_iter()
                .filter(|c| c.day >= from)
                .collect(),
            from,
            today,
            chart,
        }
    }

    fn json<'a>(&'a self, path: &Path, entries: &'a [Entry]) -> DiaryJson<'a> {
        DiaryJson {
            schema_version: DIARY_SCHEMA_VERSION,
            diary: path.display().to_string(),
            since: self.from,
            today: self.today,
            entries,
            red_flags: &self.flags,
            chart: &self.chart,
            patterns: &self.patterns,
            changes: &self.changes,
            caveat: patterns::CAVEAT,
        }
    }

    /// The screen: red flags, the table (streamed from `store`), the chart and
    /// the patterns.
    fn write_text(
        &self,
        out: &mut impl Write,
        path: &Path,
        style: Style,
        store: Option<&Store>,
    ) -> Result<(), Error> {
        writeln!(
            out,
            "Diary {}: {} entries in all, {} from {} to {}.",
            clean(&path.display().to_string()),
            self.total,
            self.shown,
            self.from,
            self.today
        )?;
        if let Some(top) = self.flags.first() {
            let line = format!(
                "!! Your diary raises red flags: {} !!",
                headline(top.urgency)
            );
            writeln!(
                out,
                "\n{}",
                paint(&line, colour::urgency(top.urgency), style)
            )?;
            for f in &self.flags {
                writeln!(
                    out,
                    "  * {} [{}]: {}. {}",
                    paint(&clean(&f.name), BOLD, style),
                    f.urgency,
                    clean(&f.reason),
                    clean(&f.advice)
                )?;
            }
        }
        let Some(store) = store.filter(|_| self.shown > 0) else {
            writeln!(
                out,
                "\nNothing logged in these days. `twitchcheck log eyelid twitching after coffee` \
                 adds an entry."
            )?;
            return Ok(());
        };
        writeln!(
            out,
            "\n{:>5}  {:<16}  {:<9}  {:<32}  text",
            "id", "when", "urgency", "recognized"
        )?;
        store.each_row(self.from, self.today, |e| {
            write!(
                out,
                "{:>5}  {:<16}  {:<9}  {:<32}  ",
                e.id,
                cleaned(&minute(&e.at)),
                cleaned(&e.urgency),
                cleaned(&e.recognized),
            )?;
            let text = e.text.trim();
            match &e.change {
                Some(c) if text.is_empty() => write!(out, "[change: {}]", cleaned(c))?,
                Some(c) => write!(out, "[change: {}] ", cleaned(c))?,
                None => {}
            }
            writeln!(out, "{}", cleaned(text))
        })?;
        writeln!(
            out,
            "\nOne character a day, {} to {} (· nothing, ▂ one entry, ▅ two, █ three or more):",
            self.from, self.today
        )?;
        let width = self.chart.iter().map(|r| r.area.len()).max().unwrap_or(3);
        for row in &self.chart {
            let strip: String = row.counts.iter().map(|&n| cell(n)).collect();
            writeln!(out, "  {:<width$}  {strip}", row.area)?;
        }
        if !self.patterns.is_empty() || !self.changes.is_empty() {
            writeln!(out, "\nPatterns:")?;
            for p in &self.patterns {
                writeln!(out, "  - {}", clean(&p.sentence))?;
            }
            for c in &self.changes {
                writeln!(out, "  - {}", clean(&c.sentence))?;
            }
            writeln!(out, "  {}", patterns::CAVEAT)?;
        }
        Ok(())
    }
}

/// [`clean`], without copying a text that has nothing to escape (printable
/// ASCII, as most rows are): a tenth of `diary` over 10 000 entries went here.
fn cleaned(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(clean(s))
    }
}

/// `2026-11-30 21:00` from a stored RFC 3339 time (which keeps the person's own
/// clock), without parsing it.
fn minute(at: &str) -> String {
    match (at.get(..10), at.get(10..11), at.get(11..16)) {
        (Some(day), Some("T"), Some(time)) => format!("{day} {time}"),
        _ => at.to_string(),
    }
}

fn cell(n: u32) -> char {
    match n {
        0 => '·',
        1 => '▂',
        2 => '▅',
        _ => '█',
    }
}

fn headline(u: Urgency) -> &'static str {
    match u {
        Urgency::Routine => "mention them to a doctor",
        Urgency::Soon => "see a doctor soon",
        Urgency::Urgent => "see a doctor today",
        Urgency::Emergency => "call emergency services now",
    }
}

/// `diary export`: every entry (from `since` on), oldest first.
fn export(path: &Path, since: Option<NaiveDate>, format: ExportFormat) -> Result<i32, Error> {
    let entries = match Store::open_existing(path)? {
        Some(s) => s.entries(since, None)?,
        None => Vec::new(),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    match format {
        ExportFormat::Jsonl => {
            #[derive(Serialize)]
            struct Line<'a> {
                schema_version: u32,
                #[serde(flatten)]
                entry: &'a Entry,
            }
            for e in &entries {
                // One line per entry even for readers that split on U+2028.
                crate::output::json::write_compact(
                    &mut out,
                    &Line {
                        schema_version: DIARY_SCHEMA_VERSION,
                        entry: e,
                    },
                )?;
                writeln!(out)?;
            }
        }
        ExportFormat::Csv => {
            writeln!(out, "id,at,day,urgency,text,findings,red_flags,change")?;
            for e in &entries {
                let findings = crate::diary::describe(&e.findings);
                let fields = [
                    e.id.to_string(),
                    e.at.clone(),
                    e.day.to_string(),
                    e.urgency.clone(),
                    e.text.clone(),
                    findings,
                    e.red_flags.join(";"),
                    e.change.clone().unwrap_or_default(),
                ];
                let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                writeln!(out, "{}", row.join(","))?;
            }
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

/// RFC 4180 quoting; a field starting with `=`, `+`, `-` or `@` is prefixed with
/// `'` so a spreadsheet does not run it as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
    }
}
