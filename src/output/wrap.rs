//! Wrapping text to the terminal width.

use std::fmt::Write as _;

/// Wraps a paragraph to `width` columns, indented by two spaces.
pub fn wrap(text: &str, width: usize) -> String {
    wrap_hanging(text, "  ", "  ", width)
}

/// Wraps a list item: `first` before its first line, `rest` before the others.
pub fn wrap_hanging(text: &str, first: &str, rest: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut indent = first;
    for word in text.split_whitespace() {
        if !line.is_empty()
            && indent.chars().count() + line.chars().count() + 1 + word.chars().count() > width
        {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
            indent = rest;
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
    out
}
