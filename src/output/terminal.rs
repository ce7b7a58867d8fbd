//! The one terminal set-up: whether to colour, and how wide to draw.

use std::io::{self, IsTerminal};

use crate::cli::ColorChoice;

/// How text output should look.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// Table width in columns.
    pub width: u16,
}

impl Style {
    /// Decides colour and width for text output on stdout: `--color`, `NO_COLOR`
    /// and `TERM=dumb`; `COLUMNS`, else the terminal's width, else 100.
    pub fn for_stdout(choice: ColorChoice) -> Style {
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
}
