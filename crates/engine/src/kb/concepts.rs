//! Validating word classes (`[[class]]`), patterns over them (`[[pattern]]`) and
//! context rules (`[[context]]`).

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use super::problems::{check_sources, missing_hint, parse_word, Problems};
use super::{
    Citation, Class, ContextCategory, ContextRule, Direction, Element, Pattern, PatternTarget,
    Scope, Text, DEFAULT_WITHIN,
};
use crate::understand::tokens::phrase_key;

/// The most words a pattern may span.
pub const MAX_WITHIN: u32 = 50;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClass {
    id: Spanned<String>,
    name: Option<Spanned<String>>,
    terms: Spanned<Vec<Spanned<String>>>,
    /// A state the person is in (a medicine, an operation, a condition): true
    /// lets a pattern take it from another sentence about the same person.
    state: Option<bool>,
    /// Where the class's members come from; checked, not kept.
    sources: Option<Spanned<Vec<Spanned<Citation>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPattern {
    finding: Option<Spanned<String>>,
    red_flag: Option<Spanned<String>>,
    cause: Option<Spanned<String>>,
    all: Spanned<Vec<Spanned<String>>>,
    within: Option<Spanned<i64>>,
    scope: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawContext {
    literal: Spanned<String>,
    category: Spanned<String>,
    direction: Spanned<String>,
    /// Where the rule comes from, and which category a terminate or pseudo rule
    /// acts on: informational, not kept.
    #[allow(dead_code)]
    source: Option<String>,
    #[allow(dead_code)]
    of: Option<String>,
}

/// The id tables patterns may name.
pub(super) struct Targets<'a> {
    pub findings: &'a HashMap<&'a str, usize>,
    pub red_flags: &'a HashMap<&'a str, usize>,
    pub causes: &'a HashMap<&'a str, usize>,
}

pub(super) struct Concepts {
    pub classes: Vec<Class>,
    pub patterns: Vec<Pattern>,
    pub context: Vec<ContextRule>,
}

/// Reports a phrase (a term, a pattern element, a context literal) that
/// normalizes to no word at all ("the", "my", "!").
fn require_words(problems: &mut Problems, value: &Spanned<String>, what: &str) -> Option<String> {
    let key = phrase_key(value.get_ref());
    if key.is_empty() {
        problems.add(
            value.span().start,
            format!(
                "{what} \"{}\" has no words to match (articles, possessives and forms of \
                 \"to be\" are dropped)",
                value.get_ref()
            ),
        );
        return None;
    }
    Some(key)
}

/// The key duplicate context literals share: the literal lower-cased, curly
/// apostrophes straightened and spaces collapsed. Context rules are matched on
/// the words as written, so "didn't" and "didnt" are two rules (stemming would
/// also merge "rules out" with "ruled out", which differ in direction). Reports a
/// literal with no word to match; a contrast word that tokenizing turns into a
/// clause break ("but", "however") is allowed.
fn context_key(problems: &mut Problems, literal: &Spanned<String>) -> Option<String> {
    let key = literal
        .get_ref()
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let contrast = !key.is_empty()
        && key
            .split(' ')
            .all(crate::understand::tokens::is_clause_break);
    if contrast {
        Some(key)
    } else {
        require_words(problems, literal, "context literal").map(|_| key)
    }
}

/// `@id` → `Some("id")`.
fn class_ref(term: &str) -> Option<&str> {
    term.strip_prefix('@')
}

pub(super) fn validate(
    problems: &mut Problems,
    classes: &[(usize, &Spanned<RawClass>)],
    patterns: &[(usize, &Spanned<RawPattern>)],
    context: &[(usize, &Spanned<RawContext>)],
    targets: Targets,
) -> Concepts {
    let class_ids = super::load::index_ids(
        problems,
        "class",
        classes.iter().map(|(file, c)| (*file, &c.get_ref().id)),
    );
    let known = || class_ids.keys().copied();

    // Each class's own terms and references, checked.
    let mut refs: Vec<Vec<(usize, &Spanned<String>)>> = Vec::new();
    for &(file, entry) in classes {
        problems.at(file);
        let c = entry.get_ref();
        let owner = format!("class \"{}\"", c.id.get_ref());
        if let Some(name) = &c.name {
            if name.get_ref().trim().is_empty() {
                problems.add(name.span().start, format!("{owner}: `name` is empty"));
            }
        }
        if c.terms.get_ref().is_empty() {
            problems.add(
                c.terms.span().start,
                format!("{owner} has no terms; list at least one"),
            );
        }
        check_sources(
            problems,
            &owner,
            entry.span().start,
            c.sources.as_ref(),
            false,
        );
        let mut mine = Vec::new();
        for term in c.terms.get_ref() {
            match class_ref(term.get_ref()) {
                Some(id) => match class_ids.get(id) {
                    Some(&k) => mine.push((k, term)),
                    None => problems.add(
                        term.span().start,
                        format!(
                            "{owner} includes class \"{id}\", which does not exist{}",
                            missing_hint(id, known())
                        ),
                    ),
                },
                None if term.get_ref().trim_start().starts_with('#') => {
                    // A numeric range that does not parse would be read as words.
                    if crate::understand::concepts::range_term(term.get_ref()).is_none() {
                        problems.add(
                            term.span().start,
                            format!(
                                "{owner}: term \"{}\" is not a numeric range; write `#lo-hi` \
                                 with plain numbers and lo <= hi (`#38-43`, `#100.4-110`)",
                                term.get_ref()
                            ),
                        );
                    }
                }
                None => {
                    require_words(problems, term, &format!("{owner}: term"));
                }
            }
        }
        refs.push(mine);
    }

    // Cycles of `@class` references: each reported once, at the reference that
    // closes it.
    let mut state = vec![0u8; classes.len()]; // 0 new, 1 on the path, 2 done
    let mut reported = HashSet::new();
    for start in 0..classes.len() {
        find_cycles(
            start,
            &refs,
            &mut state,
            &mut Vec::new(),
            &mut |path, at| {
                let mut members: Vec<usize> = path.to_vec();
                members.sort_unstable();
                if reported.insert(members) {
                    let (file, term) = refs[path[path.len() - 1]][at];
                    let names: Vec<&str> = path
                        .iter()
                        .chain([&path[0]])
                        .map(|&k| classes[k].1.get_ref().id.get_ref().as_str())
                        .collect();
                    let _ = file;
                    problems.at(classes[path[path.len() - 1]].0).add(
                        term.span().start,
                        format!(
                            "classes include each other in a cycle: {}; remove one `@` term",
                            names.join(" -> ")
                        ),
                    );
                }
            },
        );
    }

    let mut expanded: Vec<Option<Vec<String>>> = vec![None; classes.len()];
    let mut out_classes = Vec::new();
    for i in 0..classes.len() {
        let terms = expand(
            i,
            classes,
            &class_ids,
            &mut expanded,
            &mut vec![false; classes.len()],
        );
        let c = classes[i].1.get_ref();
        out_classes.push(Class {
            id: c.id.get_ref().clone().into(),
            name: c
                .name
                .as_ref()
                .map_or_else(|| c.id.get_ref().clone(), |n| n.get_ref().clone())
                .into(),
            terms: terms.into_iter().map(Text::from).collect(),
            state: c.state.unwrap_or(false),
        });
    }

    let mut out_patterns = Vec::new();
    for &(file, entry) in patterns {
        problems.at(file);
        if let Some(p) = check_pattern(problems, entry, &class_ids, &targets) {
            out_patterns.push(p);
        }
    }

    let mut out_context = Vec::new();
    let mut literals: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, &(file, entry)) in context.iter().enumerate() {
        problems.at(file);
        let r = entry.get_ref();
        let key = context_key(problems, &r.literal);
        let category = parse_word(
            problems,
            &r.category,
            "context category",
            ContextCategory::WORDS,
            ContextCategory::parse,
        );
        let direction = parse_word(
            problems,
            &r.direction,
            "direction",
            Direction::WORDS,
            Direction::parse,
        );
        if let (Some(category), Some(direction)) = (category, direction) {
            let scopeless = matches!(
                category,
                ContextCategory::Terminate | ContextCategory::Pseudo
            );
            // A pseudo rule may also run forward: a double negation ("I'd be lying
            // if I said", "can't say it isn't") cancels the negations in its scope.
            let double = category == ContextCategory::Pseudo && direction == Direction::Forward;
            if scopeless != (direction == Direction::None) && !double {
                let want = if scopeless {
                    "must be \"none\""
                } else {
                    "must be \"forward\", \"backward\" or \"both\""
                };
                problems.add(
                    r.direction.span().start,
                    format!(
                        "context rule \"{}\": a {category} rule's direction {want}, not \"{direction}\"",
                        r.literal.get_ref()
                    ),
                );
            }
            if let Some(key) = key {
                match literals.get(&key) {
                    Some(&(other_file, other)) => {
                        let o = context[other].1.get_ref();
                        let (line, _) = problems.position(other_file, o.literal.span().start);
                        let name = problems.file_name(other_file).to_string();
                        problems.add(
                            r.literal.span().start,
                            format!(
                                "context literal \"{}\" is already a rule at {name}:{line} (\"{}\"); keep one",
                                r.literal.get_ref(),
                                o.literal.get_ref()
                            ),
                        );
                    }
                    None => {
                        literals.insert(key, (file, i));
                        out_context.push(ContextRule {
                            literal: r.literal.get_ref().clone().into(),
                            category,
                            direction,
                        });
                    }
                }
            }
        }
    }

    Concepts {
        classes: out_classes,
        patterns: out_patterns,
        context: out_context,
    }
}

/// Depth-first search for cycles of references; calls `found(path, at)` with the
/// classes on a cycle and the index, in the last one's references, of the one
/// that closes it.
fn find_cycles(
    i: usize,
    refs: &[Vec<(usize, &Spanned<String>)>],
    state: &mut [u8],
    path: &mut Vec<usize>,
    found: &mut dyn FnMut(&[usize], usize),
) {
    if state[i] != 0 {
        return;
    }
    state[i] = 1;
    path.push(i);
    for (at, &(k, _)) in refs[i].iter().enumerate() {
        match state[k] {
            0 => find_cycles(k, refs, state, path, found),
            1 => {
                let from = path.iter().position(|&p| p == k).expect("on the path");
                found(&path[from..], at);
            }
            _ => {}
        }
    }
    path.pop();
    state[i] = 2;
}

/// A class's terms with every `@class` expanded in place, without duplicates (by
/// normalized key), in file order. A reference back into a cycle adds nothing
/// (the cycle is reported).
fn expand(
    i: usize,
    classes: &[(usize, &Spanned<RawClass>)],
    ids: &HashMap<&str, usize>,
    memo: &mut Vec<Option<Vec<String>>>,
    visiting: &mut Vec<bool>,
) -> Vec<String> {
    if let Some(done) = &memo[i] {
        return done.clone();
    }
    visiting[i] = true;
    let mut terms = Vec::new();
    let mut keys = HashSet::new();
    for term in classes[i].1.get_ref().terms.get_ref() {
        let more = match class_ref(term.get_ref()) {
            Some(id) => match ids.get(id) {
                Some(&k) if !visiting[k] => expand(k, classes, ids, memo, visiting),
                _ => Vec::new(),
            },
            None => vec![term.get_ref().clone()],
        };
        for t in more {
            let key = phrase_key(&t);
            if !key.is_empty() && keys.insert(key) {
                terms.push(t);
            }
        }
    }
    visiting[i] = false;
    memo[i] = Some(terms.clone());
    terms
}

fn check_pattern(
    problems: &mut Problems,
    entry: &Spanned<super::concepts::RawPattern>,
    class_ids: &HashMap<&str, usize>,
    targets: &Targets,
) -> Option<Pattern> {
    let p = entry.get_ref();
    let named: Vec<(&str, &Spanned<String>)> = [
        ("finding", &p.finding),
        ("red_flag", &p.red_flag),
        ("cause", &p.cause),
    ]
    .into_iter()
    .filter_map(|(field, v)| v.as_ref().map(|v| (field, v)))
    .collect();
    let target = match named.as_slice() {
        [(field, id)] => {
            let (table, what, make): (_, _, fn(usize) -> PatternTarget) = match *field {
                "finding" => (targets.findings, "finding", PatternTarget::Finding),
                "red_flag" => (targets.red_flags, "red flag", PatternTarget::RedFlag),
                _ => (targets.causes, "cause", PatternTarget::Cause),
            };
            match table.get(id.get_ref().as_str()) {
                Some(&k) => Some(make(k)),
                None => {
                    problems.add(
                        id.span().start,
                        format!(
                            "pattern names {what} \"{}\", which does not exist{}",
                            id.get_ref(),
                            missing_hint(id.get_ref(), table.keys().copied())
                        ),
                    );
                    None
                }
            }
        }
        _ => {
            problems.add(
                entry.span().start,
                "a pattern needs exactly one of `finding`, `red_flag` and `cause`: what it reports"
                    .to_string(),
            );
            None
        }
    };
    let owner = match &named[..] {
        [(_, id)] => format!("pattern for \"{}\"", id.get_ref()),
        _ => "pattern".to_string(),
    };

    if p.all.get_ref().is_empty() {
        problems.add(
            p.all.span().start,
            format!("{owner}: `all` is empty; list at least one class or phrase"),
        );
    }
    let mut all = Vec::new();
    for element in p.all.get_ref() {
        match class_ref(element.get_ref()) {
            Some(id) => match class_ids.get(id) {
                Some(&k) => all.push(Element::Class(k)),
                None => problems.add(
                    element.span().start,
                    format!(
                        "{owner} names class \"{id}\", which does not exist{}",
                        missing_hint(id, class_ids.keys().copied())
                    ),
                ),
            },
            None => {
                if require_words(problems, element, &format!("{owner}: phrase")).is_some() {
                    all.push(Element::Phrase(element.get_ref().clone().into()));
                }
            }
        }
    }

    let least = p.all.get_ref().len().max(1) as i64;
    let within = match &p.within {
        Some(w) if !(least..=i64::from(MAX_WITHIN)).contains(w.get_ref()) => {
            problems.add(
                w.span().start,
                format!(
                    "{owner}: `within` is {}; use a number of words from {least} (the number of elements) to {MAX_WITHIN}",
                    w.get_ref()
                ),
            );
            None
        }
        Some(w) => Some(*w.get_ref() as u32),
        None => Some(DEFAULT_WITHIN),
    };
    let scope = match &p.scope {
        Some(s) => parse_word(problems, s, "scope", Scope::WORDS, Scope::parse),
        None => Some(Scope::Sentence),
    };
    Some(Pattern {
        target: target?,
        all,
        within: within?,
        scope: scope?,
    })
}
