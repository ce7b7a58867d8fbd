//! Reading and validating a knowledge-base file.
//!
//! Parsing keeps every id's position (`toml::Spanned`), so each problem can name the
//! line and column it comes from. Validation collects every problem rather than
//! stopping at the first, so `twitchcheck validate` can list them all at once.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{
    did_you_mean, Bin, Cause, Citation, Family, Finding, Kind, KnowledgeBase, Prior, RedFlag,
    Urgency,
};
use crate::understand::tokens::phrase_key;

/// Larger files are refused: a KB 100 times today's is still far below this.
pub const MAX_KB_BYTES: u64 = 32 * 1024 * 1024;

/// One thing wrong with a KB file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// Where a KB's text came from, and the text itself.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path, or the embedded file's name, as messages should show it.
    pub name: String,
    pub text: String,
}

/// Reads a KB file, refusing what cannot be a KB before parsing it.
pub fn load_file(path: &Path) -> Result<Source, String> {
    // Paths are echoed in messages: escape what could drive the terminal.
    let shown = crate::sanitize::clean(&path.display().to_string());
    let cannot_read =
        |e: std::io::Error| format!("{shown}: cannot read: {e}; check the file's permissions");
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            format!("{shown}: no such file; check the path given to --kb or TWITCHCHECK_KB")
        }
        _ => cannot_read(e),
    })?;
    if meta.is_dir() {
        return Err(format!(
            "{shown}: is a directory, not a knowledge-base file; give the path of a .toml file"
        ));
    }
    if meta.len() > MAX_KB_BYTES {
        return Err(format!(
            "{shown}: file is {} bytes, over the {} MiB limit for a knowledge base",
            meta.len(),
            MAX_KB_BYTES / (1024 * 1024)
        ));
    }
    let bytes = std::fs::read(path).map_err(cannot_read)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = upto.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        format!("{shown}:{line}:{column}: not valid UTF-8; save the file as UTF-8")
    })?;
    Ok(Source { name: shown, text })
}

// The file's shape, as serde reads it. Positions are kept for every value a
// later check may complain about.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKb {
    #[allow(dead_code)]
    version: Option<u32>,
    #[serde(default)]
    finding: Vec<Spanned<RawFinding>>,
    #[serde(default)]
    cause: Vec<Spanned<RawCause>>,
    #[serde(default)]
    red_flag: Vec<Spanned<RawRedFlag>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFinding {
    id: Spanned<String>,
    name: Spanned<String>,
    family: Spanned<String>,
    phrases: Spanned<Vec<Spanned<String>>>,
    parent: Option<Spanned<String>>,
    red_flag: Option<Spanned<String>>,
    #[serde(default)]
    together: Vec<Spanned<Vec<String>>>,
    #[serde(default)]
    links: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCause {
    id: Spanned<String>,
    name: Spanned<String>,
    kind: Spanned<String>,
    prior: Spanned<String>,
    summary: Spanned<String>,
    explanation: Spanned<String>,
    helps: Vec<String>,
    tests: Vec<String>,
    evidence: Spanned<String>,
    sources: Spanned<Vec<Spanned<Citation>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRedFlag {
    id: Spanned<String>,
    name: Spanned<String>,
    urgency: Spanned<String>,
    phrases: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    together: Vec<Spanned<Vec<String>>>,
    min_duration_days: Option<Spanned<u32>>,
    advice: Spanned<String>,
}

/// Turns byte offsets into line and column numbers.
struct Positions<'a> {
    text: &'a str,
}

impl Positions<'_> {
    fn at(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = self.text[line_start..offset].chars().count() + 1;
        (line, column)
    }
}

/// Collects problems with their positions.
struct Problems<'a> {
    positions: Positions<'a>,
    list: Vec<Problem>,
}

impl Problems<'_> {
    fn add(&mut self, offset: usize, message: String) {
        let (line, column) = self.positions.at(offset);
        self.list.push(Problem {
            line,
            column,
            // Messages quote the file's text, which may hold line breaks or escape
            // sequences: keep each problem on one line, harmless to a terminal.
            message: crate::sanitize::clean(&message),
        });
    }
}

/// Parses one closed-vocabulary word, reporting an unknown one with a suggestion.
fn parse_word<T>(
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
fn missing_hint<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    match did_you_mean(id, known) {
        Some(s) => format!("; did you mean \"{s}\"?"),
        None => String::new(),
    }
}

/// Checks that a text field is not blank.
fn require_text(problems: &mut Problems, value: &Spanned<String>, field: &str, owner: &str) {
    if value.get_ref().trim().is_empty() {
        problems.add(value.span().start, format!("{owner}: `{field}` is empty"));
    }
}

/// Records ids, reporting one seen before in the same table.
fn index_ids<'a>(
    problems: &mut Problems,
    table: &str,
    ids: impl Iterator<Item = &'a Spanned<String>>,
) -> HashMap<&'a str, usize> {
    let mut index = HashMap::new();
    for (i, id) in ids.enumerate() {
        let name = id.get_ref().as_str();
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            problems.add(
                id.span().start,
                format!("{table} id \"{name}\" must be lowercase letters, digits and '-'"),
            );
        }
        if index.insert(name, i).is_some() {
            problems.add(
                id.span().start,
                format!("duplicate {table} id \"{name}\"; ids must be unique within [[{table}]]"),
            );
        }
    }
    index
}

/// Checks one entry's phrase list and claims each phrase for the entry.
fn claim_phrases(
    problems: &mut Problems,
    table: &str,
    owner: &str,
    phrases: &Spanned<Vec<Spanned<String>>>,
    claimed: &mut HashMap<String, String>,
) -> Vec<String> {
    if phrases.get_ref().is_empty() {
        problems.add(
            phrases.span().start,
            format!("{table} \"{owner}\" has no phrases; list at least one"),
        );
    }
    let mut out = Vec::new();
    for phrase in phrases.get_ref() {
        let key = phrase_key(phrase.get_ref());
        if key.is_empty() {
            problems.add(
                phrase.span().start,
                format!(
                    "{table} \"{owner}\": phrase \"{}\" has no words to match",
                    phrase.get_ref()
                ),
            );
            continue;
        }
        match claimed.get(&key) {
            // Word forms of one phrase ("numb", "numbness") are harmless in one entry.
            Some(other) if other == owner => {}
            Some(other) => problems.add(
                phrase.span().start,
                format!(
                    "phrase \"{}\" of {table} \"{owner}\" is already claimed by {table} \"{other}\"; a phrase may belong to one {table} only",
                    phrase.get_ref()
                ),
            ),
            None => {
                claimed.insert(key, owner.to_string());
            }
        }
        out.push(phrase.get_ref().clone());
    }
    out
}

/// Checks `together` sets: each needs two or more single words.
fn check_together(problems: &mut Problems, owner: &str, sets: &[Spanned<Vec<String>>]) {
    for set in sets {
        let words = set.get_ref();
        // Each word must stay exactly one word after normalization: not split by
        // punctuation, and not dropped ("the", "my").
        let single = words.iter().all(|w| {
            let key = phrase_key(w);
            !key.is_empty() && !key.contains(' ')
        });
        if words.len() < 2 || !single {
            problems.add(
                set.span().start,
                format!("{owner}: each `together` set needs two or more single words"),
            );
        }
    }
}

/// Parses and validates KB text. On failure, returns every problem found, in file order.
pub fn load_text(text: &str) -> Result<KnowledgeBase, Vec<Problem>> {
    let mut problems = Problems {
        positions: Positions { text },
        list: Vec::new(),
    };
    let raw: RawKb = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let mut message = e.message().trim_end().replace('\n', " ");
            if message.is_empty() {
                // toml has no words for some syntax errors, such as a control
                // character in a comment: name the character it stopped at.
                message = match text.get(offset..).and_then(|t| t.chars().next()) {
                    Some(c) => format!("invalid TOML: character {c:?} is not allowed here"),
                    None => "invalid TOML: the file ends too early".to_string(),
                };
            }
            problems.add(offset, message);
            return Err(problems.list);
        }
    };

    if raw.finding.is_empty() && raw.cause.is_empty() && raw.red_flag.is_empty() {
        // An empty file, or TOML meant for something else with no entries at all.
        problems.add(
            0,
            "no [[finding]], [[cause]] or [[red_flag]] entries; this is not a twitchcheck \
             knowledge base (its format is in data/README.md)"
                .to_string(),
        );
        return Err(problems.list);
    }

    let finding_ids = index_ids(
        &mut problems,
        "finding",
        raw.finding.iter().map(|f| &f.get_ref().id),
    );
    let cause_ids = index_ids(
        &mut problems,
        "cause",
        raw.cause.iter().map(|c| &c.get_ref().id),
    );
    let flag_ids = index_ids(
        &mut problems,
        "red_flag",
        raw.red_flag.iter().map(|r| &r.get_ref().id),
    );

    // Causes first: findings' links point at them.
    let mut causes = Vec::new();
    for entry in &raw.cause {
        let c = entry.get_ref();
        let owner = format!("cause \"{}\"", c.id.get_ref());
        for (value, field) in [
            (&c.name, "name"),
            (&c.summary, "summary"),
            (&c.explanation, "explanation"),
            (&c.evidence, "evidence"),
        ] {
            require_text(&mut problems, value, field, &owner);
        }
        let kind = parse_word(&mut problems, &c.kind, "kind", Kind::WORDS, Kind::parse);
        let prior = parse_word(&mut problems, &c.prior, "prior", Prior::WORDS, Prior::parse);
        if c.sources.get_ref().is_empty() {
            problems.add(
                c.sources.span().start,
                format!("{owner} has no sources; cite at least one authoritative page"),
            );
        }
        for source in c.sources.get_ref() {
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
        if c.helps.is_empty() || c.tests.is_empty() {
            problems.add(
                entry.span().start,
                format!("{owner} needs at least one entry in both `helps` and `tests`"),
            );
        }
        if let (Some(kind), Some(prior)) = (kind, prior) {
            causes.push(Cause {
                id: c.id.get_ref().clone(),
                name: c.name.get_ref().clone(),
                kind,
                prior,
                summary: c.summary.get_ref().clone(),
                explanation: c.explanation.get_ref().clone(),
                helps: c.helps.clone(),
                tests: c.tests.clone(),
                evidence: c.evidence.get_ref().clone(),
                sources: c
                    .sources
                    .get_ref()
                    .iter()
                    .map(|s| s.get_ref().clone())
                    .collect(),
            });
        }
    }

    let mut red_flags = Vec::new();
    let mut flag_phrases = HashMap::new();
    for entry in &raw.red_flag {
        let r = entry.get_ref();
        let owner = format!("red flag \"{}\"", r.id.get_ref());
        require_text(&mut problems, &r.name, "name", &owner);
        require_text(&mut problems, &r.advice, "advice", &owner);
        let urgency = parse_word(
            &mut problems,
            &r.urgency,
            "urgency",
            &Urgency::WORDS[1..],
            |w| Urgency::parse(w).filter(|u| *u != Urgency::Routine),
        );
        let phrases = claim_phrases(
            &mut problems,
            "red flag",
            r.id.get_ref(),
            &r.phrases,
            &mut flag_phrases,
        );
        check_together(&mut problems, &owner, &r.together);
        if let Some(days) = &r.min_duration_days {
            if *days.get_ref() == 0 {
                problems.add(
                    days.span().start,
                    format!("{owner}: `min_duration_days` must be at least 1"),
                );
            }
        }
        if let Some(urgency) = urgency {
            red_flags.push(RedFlag {
                id: r.id.get_ref().clone(),
                name: r.name.get_ref().clone(),
                urgency,
                phrases,
                together: r.together.iter().map(|s| s.get_ref().clone()).collect(),
                min_duration_days: r.min_duration_days.as_ref().map(|d| *d.get_ref()),
                advice: r.advice.get_ref().clone(),
                sources: Vec::new(),
            });
        }
    }

    let mut findings = Vec::new();
    let mut finding_phrases = HashMap::new();
    for entry in &raw.finding {
        let f = entry.get_ref();
        let id = f.id.get_ref();
        let owner = format!("finding \"{id}\"");
        require_text(&mut problems, &f.name, "name", &owner);
        let family = parse_word(
            &mut problems,
            &f.family,
            "family",
            Family::WORDS,
            Family::parse,
        );
        let phrases = claim_phrases(
            &mut problems,
            "finding",
            id,
            &f.phrases,
            &mut finding_phrases,
        );
        check_together(&mut problems, &owner, &f.together);

        let parent = f.parent.as_ref().and_then(|p| {
            let found = finding_ids.get(p.get_ref().as_str()).copied();
            if found.is_none() {
                let hint = missing_hint(p.get_ref(), finding_ids.keys().copied());
                problems.add(
                    p.span().start,
                    format!(
                        "{owner} names parent \"{}\", which does not exist{hint}",
                        p.get_ref()
                    ),
                );
            }
            found
        });
        let red_flag = f.red_flag.as_ref().and_then(|r| {
            let found = flag_ids.get(r.get_ref().as_str()).copied();
            if found.is_none() {
                let hint = missing_hint(r.get_ref(), flag_ids.keys().copied());
                problems.add(
                    r.span().start,
                    format!(
                        "{owner} names red flag \"{}\", which does not exist{hint}",
                        r.get_ref()
                    ),
                );
            }
            found
        });
        let mut links = Vec::new();
        for (cause, bin) in &f.links {
            let bin = parse_word(&mut problems, bin, "frequency bin", Bin::WORDS, Bin::parse);
            match cause_ids.get(cause.get_ref().as_str()) {
                Some(&c) => links.extend(bin.map(|b| (c, b))),
                None => {
                    let hint = missing_hint(cause.get_ref(), cause_ids.keys().copied());
                    problems.add(
                        cause.span().start,
                        format!(
                            "link from finding \"{id}\" names cause \"{}\", which does not exist{hint}",
                            cause.get_ref()
                        ),
                    );
                }
            }
        }
        links.sort();
        if let Some(family) = family {
            findings.push(Finding {
                id: id.clone(),
                name: f.name.get_ref().clone(),
                family,
                phrases,
                parent,
                red_flag,
                together: f.together.iter().map(|s| s.get_ref().clone()).collect(),
                links,
            });
        }
    }

    // A cycle of parents would make "counts for its parent" loop forever.
    for (i, entry) in raw.finding.iter().enumerate() {
        let mut seen = vec![i];
        let mut at = i;
        while let Some(p) = raw.finding[at]
            .get_ref()
            .parent
            .as_ref()
            .and_then(|p| finding_ids.get(p.get_ref().as_str()).copied())
        {
            if p == i {
                let path: Vec<&str> = seen
                    .iter()
                    .chain([&i])
                    .map(|&k| raw.finding[k].get_ref().id.get_ref().as_str())
                    .collect();
                problems.add(
                    entry
                        .get_ref()
                        .parent
                        .as_ref()
                        .map_or(entry.span().start, |p| p.span().start),
                    format!(
                        "parents form a cycle: {}; remove one `parent`",
                        path.join(" -> ")
                    ),
                );
                break;
            }
            if seen.contains(&p) {
                break; // a cycle that does not pass through i; reported from its own members
            }
            seen.push(p);
            at = p;
        }
    }

    if problems.list.is_empty() {
        Ok(KnowledgeBase {
            findings,
            causes,
            red_flags,
            classes: Vec::new(),
            patterns: Vec::new(),
            context: Vec::new(),
        })
    } else {
        problems.list.sort_by_key(|p| (p.line, p.column));
        Err(problems.list)
    }
}
