//! Wrapping text to the terminal width.
//!
//! Every line of prose goes through [`wrap_hanging`]: words are kept whole, a
//! continuation line gets its hanging indent, and only a bare URL (a word that
//! starts with `http://`, `https://` or `<http`) may run past the width. Any other
//! word longer than a line is cut into pieces that fit.

use std::fmt::Write as _;

/// Wraps a paragraph to `width` columns, indented by two spaces.
pub fn wrap(text: &str, width: usize) -> String {
    wrap_hanging(text, "  ", "  ", width)
}

/// True for a word that may overflow the width: a bare URL.
pub fn is_url(word: &str) -> bool {
    let w = word.trim_start_matches(['<', '(']);
    w.starts_with("http://") || w.starts_with("https://")
}

/// Wraps a list item: `first` before its first line, `rest` before the others.
/// Each line ends with a newline; an empty `text` gives an empty string.
pub fn wrap_hanging(text: &str, first: &str, rest: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut line_len = 0;
    let mut indent = first;
    let mut words: Vec<String> = Vec::new();
    // Cut over-long words (never URLs) to the narrowest line's room.
    let room = width
        .saturating_sub(first.chars().count().max(rest.chars().count()))
        .max(10);
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if n <= room || is_url(word) {
            words.push(word.to_string());
        } else {
            let chars: Vec<char> = word.chars().collect();
            words.extend(chars.chunks(room).map(|c| c.iter().collect::<String>()));
        }
    }
    // Widths are counted once per word, so a long text wraps in linear time.
    for word in &words {
        let n = word.chars().count();
        if line_len > 0 && indent.chars().count() + line_len + 1 + n > width {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
            line_len = 0;
            indent = rest;
        }
        if line_len > 0 {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(word);
        line_len += n;
    }
    if line_len > 0 {
        let _ = writeln!(out, "{indent}{line}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_stay_whole_and_lines_fit() {
        let text = "Recognized: Calf \"calf\"; Cramp or spasm \"cramps\"; At night or in bed";
        for width in [40, 60, 80] {
            let out = wrap_hanging(text, "", "  ", width);
            for line in out.lines() {
                assert!(line.chars().count() <= width, "{line:?}");
            }
            let joined: Vec<&str> = out.split_whitespace().collect();
            assert_eq!(joined, text.split_whitespace().collect::<Vec<_>>());
        }
    }

    #[test]
    fn only_urls_overflow() {
        let long = "x".repeat(100);
        let url = format!("https://example.org/{long}");
        let out = wrap_hanging(&format!("{long} {url}"), "", "", 40);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.iter().any(|l| *l == url));
        for l in lines.iter().filter(|l| !is_url(l)) {
            assert!(l.chars().count() <= 40, "{l:?}");
        }
    }
}
