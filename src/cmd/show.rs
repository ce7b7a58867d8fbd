//! `show ID`: every entry with that id, in full.

use std::io::{self, BufWriter, Write};

use engine::kb::{did_you_mean, EntryKind, KnowledgeBase};
use engine::sanitize::clean;

use crate::cli::{Cli, ShowArgs};
use crate::error::{Error, EXIT_OK};
use crate::knowledge;
use crate::output::{entries, json, Style};

pub fn show(cli: &Cli, args: &ShowArgs, style: Style) -> Result<i32, Error> {
    let kb = knowledge::load(cli.kb.as_deref())?;
    let id = args.id.trim();
    let entries = lookup(&kb, id);
    if entries.is_empty() {
        let hint = match did_you_mean(id, kb.ids().map(|(_, id)| id)) {
            Some(s) => format!("; did you mean \"{s}\"?"),
            None => String::new(),
        };
        return Err(Error::Usage(format!(
            "no cause, finding or red flag has the id \"{}\"{hint} (`twitchcheck list causes` shows the ids)",
            clean(id)
        )));
    }
    if args.json {
        let values = json::entries(&kb, &entries).map_err(io::Error::from)?;
        let mut out = BufWriter::new(io::stdout().lock());
        json::write_pretty(&mut out, &values)?;
        out.flush()?;
    } else {
        let mut out = BufWriter::new(io::stdout().lock());
        out.write_all(entries::show(&kb, &entries, style).as_bytes())?;
        out.flush()?;
    }
    Ok(EXIT_OK)
}

/// The entries `query` names: by id exactly, else by id in any case and with
/// spaces for hyphens ("Vitamin D"), else by name in any case ("low magnesium").
fn lookup(kb: &KnowledgeBase, query: &str) -> Vec<(EntryKind, usize)> {
    let by_id = |id: &str| -> Vec<(EntryKind, usize)> {
        [
            (EntryKind::Cause, kb.cause(id)),
            (EntryKind::Finding, kb.finding(id)),
            (EntryKind::RedFlag, kb.red_flag(id)),
        ]
        .into_iter()
        .filter_map(|(k, i)| i.map(|i| (k, i)))
        .collect()
    };
    let exact = by_id(query);
    if !exact.is_empty() {
        return exact;
    }
    let words: Vec<String> = query
        .split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let folded = by_id(&words.join("-"));
    if !folded.is_empty() {
        return folded;
    }
    let key = words.join(" ");
    let same = |name: &str| {
        name.to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            == key
    };
    let causes = kb
        .causes
        .iter()
        .enumerate()
        .filter(|(_, c)| same(&c.name))
        .map(|(i, _)| (EntryKind::Cause, i));
    let findings = kb
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| same(&f.name))
        .map(|(i, _)| (EntryKind::Finding, i));
    let flags = kb
        .red_flags
        .iter()
        .enumerate()
        .filter(|(_, r)| same(&r.name))
        .map(|(i, _)| (EntryKind::RedFlag, i));
    causes.chain(findings).chain(flags).collect()
}
