//! Problems found in KB files, each at a file, line and column, and the small
//! checks every table shares.

use std::fmt;

use toml::Spanned;

use super::{did_you_mean, Citation};

/// One thing wrong with a KB file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, as messages show it: the path given, an included file's path
    /// (relative to the current directory, as the main file's), or a name given
    /// to [`super::load_sources`].
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Turns a byte offset in `text` into a line and column.
pub(super) fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Collects problems with their positions, over every file of a KB. Checks run
/// entry by entry: [`Problems::at`] says which file the next problems are in.
pub(super) struct Problems<'a> {
    /// (name, text) of each file, the main file first.
    files: Vec<(&'a str, &'a str)>,
    current: usize,
    list: Vec<(usize, Problem)>,
}

impl<'a> Problems<'a> {
    pub(super) fn new(files: Vec<(&'a str, &'a str)>) -> Self {
        Problems {
            files,
            current: 0,
            list: Vec::new(),
        }
    }

    /// Later problems are in file `file` (an index into the files given to `new`).
    pub(super) fn at(&mut self, file: usize) -> &mut Self {
        self.current = file;
        self
    }

    pub(super) fn add(&mut self, offset: usize, message: String) {
        let (name, text) = self.files[self.current];
        let (line, column) = position(text, offset);
        self.list.push((
            self.current,
            Problem {
                file: name.to_string(),
                line,
                column,
                // Messages quote the file's text, which may hold line breaks or escape
                // sequences: keep each problem on one line, harmless to a terminal.
                // A value echoed whole could be megabytes: quoted values are cut.
                message: crate::sanitize::clean(&cap_quoted(&message)),
            },
        ));
    }

    /// The line and column of `offset` in file `file`.
    pub(super) fn position(&self, file: usize, offset: usize) -> (usize, usize) {
        position(self.files[file].1, offset)
    }

    pub(super) fn file_name(&self, file: usize) -> &str {
        self.files[file].0
    }

    pub(super) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Every problem, by file (the main file first), then line and column.
    pub(super) fn into_sorted(mut self) -> Vec<Problem> {
        self.list.sort_by_key(|(file, p)| (*file, p.line, p.column));
        self.list.into_iter().map(|(_, p)| p).collect()
    }
}

/// The longest value a message quotes whole, in characters; longer ones are cut
/// to this with an ellipsis and their length.
pub const MAX_ECHO_CHARS: usize = 64;

/// The longest id, in characters (the shipped KB's longest is under 40).
pub const MAX_ID_CHARS: usize = 64;

/// The longest name, in characters: names are table cells (the shipped KB's
/// longest is 73).
pub const MAX_NAME_CHARS: usize = 120;

/// Cuts every `"quoted"` value in `message` longer than [`MAX_ECHO_CHARS`].
fn cap_quoted(message: &str) -> String {
    if message.len() <= MAX_ECHO_CHARS {
        return message.to_string();
    }
    let mut out = String::new();
    for (i, part) in message.split('"').enumerate() {
        if i > 0 {
            out.push('"');
        }
        let n = part.chars().count();
        if i % 2 == 1 && n > MAX_ECHO_CHARS {
            out.extend(part.chars().take(MAX_ECHO_CHARS));
            out.push_str(&format!("\u{2026} ({n} characters)"));
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Parses one closed-vocabulary word, reporting an unknown one with a suggestion.
pub(super) fn parse_word<T>(
    problems: &mut Problems,
    value: &Spanned<String>,
    what: &str,
    words: &[&str],
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    let parsed = parse(value.get_ref());
    if parsed.is_none() {
        let hint = match did_you_mean(value.get_ref(), words.iter().copied()) {
            Some(s) => format!("did you mean \"{s}\"?"),
            None => format!("use one of {}", words.join(", ")),
        };
        problems.add(
            value.span().start,
            format!("unknown {what} \"{}\"; {hint}", value.get_ref()),
        );
    }
    parsed
}

/// Hint for a reference to an id that does not exist.
pub(super) fn missing_hint<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    match did_you_mean(id, known) {
        Some(s) => format!("; did you mean \"{s}\"?"),
        None => String::new(),
    }
}

/// Checks that a text field is not blank.
pub(super) fn require_text(
    problems: &mut Problems,
    value: &Spanned<String>,
    field: &str,
    owner: &str,
) {
    if value.get_ref().trim().is_empty() {
        problems.add(value.span().start, format!("{owner}: `{field}` is empty"));
    }
    let n = value.get_ref().chars().count();
    if field == "name" && n > MAX_NAME_CHARS {
        problems.add(
            value.span().start,
            format!(
                "{owner}: `name` is {n} characters, over the limit of {MAX_NAME_CHARS}; shorten it"
            ),
        );
    }
}

/// Checks a `sources` list: each an https URL with a title; non-empty when
/// `required`. Returns the citations.
pub(super) fn check_sources(
    problems: &mut Problems,
    owner: &str,
    at: usize,
    sources: Option<&Spanned<Vec<Spanned<Citation>>>>,
    required: bool,
) -> Vec<Citation> {
    let list = sources.map_or(&[][..], |s| s.get_ref().as_slice());
    if list.is_empty() && required {
        problems.add(
            sources.map_or(at, |s| s.span().start),
            format!("{owner} has no sources; cite at least one authoritative page"),
        );
    }
    for source in list {
        let s = source.get_ref();
        if !s.url.starts_with("https://") || s.url.len() <= "https://".len() {
            problems.add(
                source.span().start,
                format!(
                    "{owner}: source \"{}\" has URL \"{}\"; use an https:// URL",
                    s.title, s.url
                ),
            );
        }
        if s.title.trim().is_empty() {
            problems.add(
                source.span().start,
                format!("{owner}: a source has an empty title"),
            );
        }
    }
    list.iter().map(|s| s.get_ref().clone()).collect()
}
