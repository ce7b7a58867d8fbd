//! `[[question]]`: the words a follow-up question uses for a finding or red flag
//! (data/questions.toml; see `crate::ask`).
//!
//! Every red flag, and every finding that is not a body area, may be asked. Once
//! a knowledge base has any question, each of those needs one, so that a finding
//! added later is never put to a person as its bare name; a knowledge base with
//! none (a small test file) asks with the entries' names.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::problems::{missing_hint, require_text, Problems};
use super::Asked;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    id: Spanned<String>,
    text: Spanned<String>,
    short: Option<Spanned<String>>,
    #[serde(default)]
    when: Vec<Spanned<String>>,
}

/// An entry that may be asked: its id, name, and where its table starts.
pub(super) struct Askable<'a> {
    pub file: usize,
    pub offset: usize,
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'static str,
}

impl<'a> Askable<'a> {
    pub fn new(
        file: usize,
        offset: usize,
        id: &'a Spanned<String>,
        name: &'a Spanned<String>,
        kind: &'static str,
    ) -> Self {
        Askable {
            file,
            offset,
            id: id.get_ref(),
            name: name.get_ref(),
            kind,
        }
    }
}

/// Checks the questions against the askable entries and returns each entry's
/// words by id: an unknown or unaskable id, a repeated id, an empty text, and
/// (when any question exists) an askable entry without one are problems.
pub(super) fn validate(
    problems: &mut Problems,
    raw: &[(usize, &Spanned<RawQuestion>)],
    askable: &[Askable],
    body_areas: &[&str],
    finding_ids: &HashMap<&str, usize>,
) -> HashMap<String, Asked> {
    let names: HashMap<&str, &str> = askable.iter().map(|a| (a.id, a.name)).collect();
    let mut asked = HashMap::new();
    for &(file, entry) in raw {
        problems.at(file);
        let q = entry.get_ref();
        let id = q.id.get_ref().as_str();
        let owner = format!("question \"{id}\"");
        require_text(problems, &q.text, "text", &owner);
        if let Some(short) = &q.short {
            require_text(problems, short, "short", &owner);
        }
        let Some(name) = names.get(id) else {
            let why = if body_areas.contains(&id) {
                " is a body area or a question the person asks (`asks`), which is never asked"
                    .to_string()
            } else {
                format!(
                    " names no finding or red flag{}",
                    missing_hint(id, names.keys().copied())
                )
            };
            problems.add(q.id.span().start, format!("{owner}{why}"));
            continue;
        };
        let mut when = Vec::new();
        for w in &q.when {
            match finding_ids.get(w.get_ref().as_str()) {
                Some(&f) => when.push(f),
                None => problems.add(
                    w.span().start,
                    format!(
                        "{owner}: `when` names finding \"{}\", which does not exist{}",
                        w.get_ref(),
                        missing_hint(w.get_ref(), finding_ids.keys().copied())
                    ),
                ),
            }
        }
        let words = Asked {
            text: q.text.get_ref().trim().to_string().into(),
            short: q
                .short
                .as_ref()
                .map_or(*name, |s| s.get_ref().as_str())
                .trim()
                .to_string()
                .into(),
            when,
        };
        if asked.insert(id.to_string(), words).is_some() {
            problems.add(
                q.id.span().start,
                format!("{owner} is given twice; keep one"),
            );
        }
    }
    if !raw.is_empty() {
        let mut reported = Vec::new();
        for a in askable {
            if !asked.contains_key(a.id) && !reported.contains(&a.id) {
                reported.push(a.id);
                problems.at(a.file).add(
                    a.offset,
                    format!(
                        "{} \"{}\" may be asked but has no [[question]]; add one (see \
                         data/questions.toml)",
                        a.kind, a.id
                    ),
                );
            }
        }
    }
    asked
}
