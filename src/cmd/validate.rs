//! `validate [FILE]`: check a knowledge base and summarize it.

use std::io::{self, Write};
use std::path::Path;

use engine::kb;
use engine::sanitize::clean;

use crate::cli::Cli;
use crate::error::{Error, EXIT_OK};
use crate::knowledge;

pub fn validate(cli: &Cli, file: Option<&Path>) -> Result<i32, Error> {
    let (name, kb) = match file.or(cli.kb.as_deref()) {
        Some(path) => (
            clean(&path.display().to_string()),
            knowledge::load_file(path)?,
        ),
        None => (
            format!("{} (embedded)", kb::EMBEDDED_NAME),
            knowledge::embedded(),
        ),
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{name}: valid: {}", kb.summary())?;
    Ok(EXIT_OK)
}
