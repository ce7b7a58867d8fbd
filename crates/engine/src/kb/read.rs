//! Reading a KB from files or memory: the main file, the files its `include`
//! lists, and the embedded KB's texts.

use std::fmt;
use std::path::Path;

use super::load::{parse, validate, RawKb};
use super::problems::Problem;
use super::KnowledgeBase;

/// Larger files are refused: a KB 100 times today's is still far below this.
pub const MAX_KB_BYTES: u64 = 32 * 1024 * 1024;

/// Why a KB could not be loaded from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The main file could not be read (missing, a directory, too large, not
    /// UTF-8): one message, naming the file.
    Read(String),
    /// The files were read but are not a valid KB: every problem, each naming its
    /// file. `file` is the main file's name, for a closing line.
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

impl fmt::Display for LoadError {
    /// The message, or one `file:line:column: message` line per problem.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Read(message) => f.write_str(message),
            LoadError::Invalid { problems, .. } => {
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        f.write_str("\n")?;
                    }
                    write!(f, "{p}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// What went wrong reading one file.
enum ReadError {
    NotFound,
    IsDir,
    /// A FIFO, device, socket: not a regular file (`/dev/zero` would never end,
    /// a FIFO with no writer would block forever).
    NotRegular,
    /// Over the limit: the size the metadata gives, or None when the file was
    /// found larger than it claimed while reading.
    TooLarge(Option<u64>),
    Io(std::io::Error),
    /// Not UTF-8 from this line and column on.
    Utf8(usize, usize),
}

/// Reads one file, refusing what cannot be a KB before parsing it. `name` is the
/// file as messages show it.
fn read_file(path: &Path, name: String) -> Result<Source, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    })?;
    if meta.is_dir() {
        return Err(ReadError::IsDir);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > MAX_KB_BYTES {
        return Err(ReadError::TooLarge(Some(meta.len())));
    }
    // At most the limit plus one byte, whatever the metadata said (a file that
    // grows, or a size that reads as 0).
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(
            std::fs::File::open(path).map_err(ReadError::Io)?,
            MAX_KB_BYTES + 1,
        ),
        &mut bytes,
    )
    .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_KB_BYTES {
        return Err(ReadError::TooLarge(None));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = upto.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        ReadError::Utf8(line, column)
    })?;
    Ok(Source { name, text })
}

impl ReadError {
    /// The message for a file named `shown`; `not_found` says what to check.
    fn message(&self, shown: &str, not_found: &str) -> String {
        match self {
            ReadError::NotFound => format!("{shown}: no such file; {not_found}"),
            ReadError::IsDir => format!(
                "{shown}: is a directory, not a knowledge-base file; give the path of a .toml file"
            ),
            ReadError::NotRegular => format!(
                "{shown}: not a regular file (a device, FIFO or socket); give the path of a \
                 .toml file"
            ),
            ReadError::TooLarge(Some(len)) => format!(
                "{shown}: file is {len} bytes, over the {} MiB limit for a knowledge base",
                MAX_KB_BYTES / (1024 * 1024)
            ),
            ReadError::TooLarge(None) => format!(
                "{shown}: file is over the {} MiB limit for a knowledge base",
                MAX_KB_BYTES / (1024 * 1024)
            ),
            ReadError::Io(e) => {
                format!("{shown}: cannot read: {e}; check the file's permissions")
            }
            ReadError::Utf8(line, column) => {
                format!("{shown}:{line}:{column}: not valid UTF-8; save the file as UTF-8")
            }
        }
    }
}

/// Reads the main KB file only, refusing what cannot be a KB before parsing it.
/// Its includes are not read: use [`read_sources`] or [`load_path`] for a KB.
pub fn load_file(path: &Path) -> Result<Source, String> {
    // Paths are echoed in messages: escape what could drive the terminal.
    let shown = crate::sanitize::clean(&path.display().to_string());
    read_file(path, shown.clone())
        .map_err(|e| e.message(&shown, "check the path given to --kb or TWITCHCHECK_KB"))
}

/// The main file, parsed, with each included file read and parsed; problems with
/// includes are at offsets in the main file.
struct Read {
    files: Vec<(String, String, RawKb)>,
    include_problems: Vec<(usize, String)>,
    parse_problems: Vec<Problem>,
}

fn read_all(path: &Path) -> Result<Read, LoadError> {
    let main = load_file(path).map_err(LoadError::Read)?;
    let raw = parse(&main.name, &main.text).map_err(|p| LoadError::Invalid {
        file: main.name.clone(),
        problems: vec![p],
    })?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut read = Read {
        files: Vec::new(),
        include_problems: Vec::new(),
        parse_problems: Vec::new(),
    };
    let mut seen = Vec::new();
    for include in raw.include.as_ref().map_or(&[][..], |i| i.get_ref()) {
        if seen.contains(include.get_ref()) {
            continue; // reported by `validate`
        }
        seen.push(include.get_ref().clone());
        let name = included_name(&main.name, include.get_ref());
        match read_file(&dir.join(include.get_ref()), name.clone()) {
            Ok(source) => match parse(&source.name, &source.text) {
                Ok(r) => read.files.push((source.name, source.text, r)),
                Err(p) => read.parse_problems.push(p),
            },
            Err(e) => read.include_problems.push((
                include.span().start,
                format!(
                    "include \"{}\": {}",
                    include.get_ref(),
                    e.message(&name, "check the name in `include`")
                ),
            )),
        }
    }
    read.files.insert(0, (main.name, main.text, raw));
    Ok(read)
}

/// Reads and validates a KB file and every file its `include` lists.
pub fn load_path(path: &Path) -> Result<KnowledgeBase, LoadError> {
    let read = read_all(path)?;
    let file = read.files[0].0.clone();
    validate(read.files, read.include_problems, read.parse_problems)
        .map_err(|problems| LoadError::Invalid { file, problems })
}

/// Reads a KB file and the files its `include` lists, without validating them:
/// the main file first, then the includes in their order (for build.rs, which
/// watches every file, and for [`load_sources`]). An include that cannot be read
/// is an error.
pub fn read_sources(path: &Path) -> Result<Vec<Source>, LoadError> {
    let read = read_all(path)?;
    let file = read.files[0].0.clone();
    if !read.include_problems.is_empty() || !read.parse_problems.is_empty() {
        let problems = match validate(read.files, read.include_problems, read.parse_problems) {
            Err(problems) => problems,
            Ok(_) => unreachable!("include problems make the KB invalid"),
        };
        return Err(LoadError::Invalid { file, problems });
    }
    Ok(read
        .files
        .into_iter()
        .map(|(name, text, _)| Source { name, text })
        .collect())
}

/// Where a KB's text came from, and the text itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path, or the embedded file's name, as messages should show it. An
    /// included file's name is the main file's directory joined with the include.
    pub name: String,
    pub text: String,
}

/// The name an include of the main file `main` gets: the main file's directory
/// joined with it, as [`super::load_path`] reads it.
pub(super) fn included_name(main: &str, include: &str) -> String {
    let dir = Path::new(main).parent().unwrap_or(Path::new(""));
    crate::sanitize::clean(&dir.join(include).display().to_string())
}

/// Parses and validates one KB text, which must not `include` other files. On
/// failure, returns every problem found, in file order; problems name the file
/// `<text>`.
pub fn load_text(text: &str) -> Result<KnowledgeBase, Vec<Problem>> {
    load_sources(&[Source {
        name: "<text>".to_string(),
        text: text.to_string(),
    }])
}

/// Parses and validates a KB held in memory: `sources[0]` is the main file, and
/// the rest are the files its `include` names (matched by [`Source::name`]: the
/// main file's directory joined with the include, e.g. `data/medicines.toml` for
/// `data/knowledge.toml`). On failure, returns every problem found, the main
/// file's first, each in file order.
pub fn load_sources(sources: &[Source]) -> Result<KnowledgeBase, Vec<Problem>> {
    let Some(main) = sources.first() else {
        return Err(vec![Problem {
            file: "<text>".to_string(),
            line: 1,
            column: 1,
            message: "no knowledge-base text given".to_string(),
        }]);
    };
    let main_raw = parse(&main.name, &main.text).map_err(|p| vec![p])?;
    let mut files = vec![(main.name.clone(), main.text.clone(), main_raw)];
    let mut include_problems = Vec::new();
    let mut used = vec![false; sources.len()];
    used[0] = true;
    let includes = files[0].2.include.as_ref().map_or(&[][..], |i| i.get_ref());
    let mut found = Vec::new();
    for include in includes {
        let name = included_name(&main.name, include.get_ref());
        match sources.iter().position(|s| s.name == name) {
            Some(i) if !used[i] => {
                used[i] = true;
                found.push(i);
            }
            Some(_) => {} // named twice: reported by `validate`
            None if sources.len() == 1 => include_problems.push((
                include.span().start,
                format!(
                    "include \"{}\": `include` needs a file path; load this knowledge base \
                     from its file",
                    include.get_ref()
                ),
            )),
            None => include_problems.push((
                include.span().start,
                format!("include \"{}\": no such file ({name})", include.get_ref()),
            )),
        }
    }
    let mut parse_problems = Vec::new();
    for i in found {
        match parse(&sources[i].name, &sources[i].text) {
            Ok(raw) => files.push((sources[i].name.clone(), sources[i].text.clone(), raw)),
            Err(p) => parse_problems.push(p),
        }
    }
    for (i, s) in sources.iter().enumerate() {
        if !used[i] {
            parse_problems.push(Problem {
                file: s.name.clone(),
                line: 1,
                column: 1,
                message: format!(
                    "this file is not in the `include` list of {}; include it or leave it out",
                    main.name
                ),
            });
        }
    }
    validate(files, include_problems, parse_problems)
}
