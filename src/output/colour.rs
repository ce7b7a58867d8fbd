//! The one colour table: every colour text output uses, in one place, both as the
//! ANSI code painted on a line and as the same colour on a table cell.

use comfy_table::{Attribute, Cell, Color};
use engine::kb::Urgency;

use super::terminal::Style;

/// A colour: the ANSI SGR code for painted text, and the same for a table cell.
#[derive(Debug, Clone, Copy)]
pub struct Colour {
    pub sgr: &'static str,
    fg: Option<Color>,
    bg: Option<Color>,
    bold: bool,
}

/// Bold, for headings and names.
pub const BOLD: Colour = Colour {
    sgr: "1",
    fg: None,
    bg: None,
    bold: true,
};

/// The colour of an urgency, wherever it is shown (banner, advice, tables).
pub fn urgency(u: Urgency) -> Colour {
    let (sgr, fg, bg, bold) = match u {
        Urgency::Routine => ("32", Color::DarkGreen, None, false),
        Urgency::Soon => ("33", Color::DarkYellow, None, false),
        Urgency::Urgent => ("1;31", Color::DarkRed, None, true),
        Urgency::Emergency => ("1;97;41", Color::White, Some(Color::DarkRed), true),
    };
    Colour {
        sgr,
        fg: Some(fg),
        bg,
        bold,
    }
}

/// `text` in `colour` when the style allows colour.
pub fn paint(text: &str, colour: Colour, style: Style) -> String {
    if style.color {
        format!("\x1b[{}m{text}\x1b[0m", colour.sgr)
    } else {
        text.to_string()
    }
}

/// A table cell of `content` in `colour` when the style allows colour.
pub fn cell(content: impl Into<Cell>, colour: Colour, style: Style) -> Cell {
    let mut cell: Cell = content.into();
    if !style.color {
        return cell;
    }
    if let Some(fg) = colour.fg {
        cell = cell.fg(fg);
    }
    if let Some(bg) = colour.bg {
        cell = cell.bg(bg);
    }
    if colour.bold {
        cell = cell.add_attribute(Attribute::Bold);
    }
    cell
}
