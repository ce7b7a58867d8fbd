//! `show ID`: every entry with that id, in full.

use std::io::{self, BufWriter, Write};

use engine::kb::{did_you_mean, EntryKind};
use engine::sanitize::clean;

use crate::cli::{Cli, ShowArgs};
use crate::error::{Error, EXIT_OK};
use crate::knowledge;
use crate::output::{json, text, Style};

pub fn show(cli: &Cli, args: &ShowArgs, style: Style) -> Result<i32, Error> {
    let kb = knowledge::load(cli.kb.as_deref())?;
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
        out.write_all(text::show(&kb, &entries, style).as_bytes())?;
        out.flush()?;
    }
    Ok(EXIT_OK)
}
