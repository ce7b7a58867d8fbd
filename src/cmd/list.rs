//! `list`: the findings, causes or red flags of the knowledge base.

use std::io::{self, BufWriter, Write};

use crate::cli::{Cli, ListArgs, ListKind};
use crate::error::{Error, EXIT_OK};
use crate::knowledge;
use crate::output::{entries, json, Style};

pub fn list(cli: &Cli, args: &ListArgs, style: Style) -> Result<i32, Error> {
    let kb = knowledge::load(cli.kb.as_deref())?;
    if args.json {
        let mut out = BufWriter::new(io::stdout().lock());
        match args.what {
            ListKind::Findings => {
                let all: Vec<_> = (0..kb.findings.len())
                    .map(|i| json::finding(&kb, i))
                    .collect();
                json::write_pretty(&mut out, &all)?;
            }
            ListKind::Causes => {
                let all: Vec<_> = (0..kb.causes.len()).map(|i| json::cause(&kb, i)).collect();
                json::write_pretty(&mut out, &all)?;
            }
            ListKind::RedFlags => {
                let all: Vec<_> = (0..kb.red_flags.len())
                    .map(|i| json::red_flag(&kb, i))
                    .collect();
                json::write_pretty(&mut out, &all)?;
            }
        }
        out.flush()?;
    } else {
        let mut out = BufWriter::new(io::stdout().lock());
        out.write_all(entries::list(&kb, args.what, style).as_bytes())?;
        out.flush()?;
    }
    Ok(EXIT_OK)
}
