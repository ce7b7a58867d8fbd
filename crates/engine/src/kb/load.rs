//! Parsing and validating knowledge-base text: one file, or a main file and the
//! files it includes (read from disk by `super::read`).
//!
//! Parsing keeps every id's position (`toml::Spanned`), so each problem can name the
//! file, line and column it comes from. Validation collects every problem rather than
//! stopping at the first, so `twitchcheck validate` can list them all at once.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use toml::Spanned;

use super::concepts::{self, RawClass, RawContext, RawPattern};
use super::helps;
use super::problems::{check_sources, missing_hint, parse_word, require_text, Problem, Problems};
use super::questions::{self, Askable, RawQuestion};
use super::{
    Bin, Cause, Citation, Family, Finding, Kind, KnowledgeBase, Prior, RedFlag, Text, Urgency,
};
use crate::understand::tokens::phrase_key;

// The file's shape, as serde reads it. Positions are kept for every value a
// later check may complain about.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawKb {
    version: Option<Spanned<u32>>,
    pub(super) include: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    finding: Vec<Spanned<RawFinding>>,
    #[serde(default)]
    cause: Vec<Spanned<RawCause>>,
    #[serde(default)]
    red_flag: Vec<Spanned<RawRedFlag>>,
    #[serde(default)]
    class: Vec<Spanned<RawClass>>,
    #[serde(default)]
    pattern: Vec<Spanned<RawPattern>>,
    #[serde(default)]
    context: Vec<Spanned<RawContext>>,
    #[serde(default)]
    question: Vec<Spanned<RawQuestion>>,
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
    asks: Option<Spanned<String>>,
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
    helps: Vec<Spanned<helps::RawHelp>>,
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
    #[serde(default)]
    duration_of: Vec<Spanned<String>>,
    #[serde(default)]
    places_of: Vec<Spanned<String>>,
    #[serde(default)]
    unless: Vec<Spanned<String>>,
    #[serde(default)]
    findings_all: Vec<Vec<Spanned<String>>>,
    #[serde(default)]
    escalates: Vec<Spanned<String>>,
    #[serde(default)]
    with_findings: Vec<Spanned<String>>,
    #[serde(default)]
    causes: Vec<Spanned<String>>,
    advice: Spanned<String>,
    sources: Option<Spanned<Vec<Spanned<Citation>>>>,
}

/// Parses one file's TOML, or gives the problem that stopped it.
pub(super) fn parse(name: &str, text: &str) -> Result<RawKb, Problem> {
    toml::from_str(text).map_err(|e| {
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
        let mut problems = Problems::new(vec![(name, text)]);
        problems.add(offset, message);
        problems.into_sorted().remove(0)
    })
}

/// Records ids, reporting one seen before in the same table, in any file.
pub(super) fn index_ids<'a>(
    problems: &mut Problems,
    table: &str,
    ids: impl Iterator<Item = (usize, &'a Spanned<String>)>,
) -> HashMap<&'a str, usize> {
    let mut index = HashMap::new();
    for (i, (file, id)) in ids.enumerate() {
        problems.at(file);
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
        let n = name.chars().count();
        if n > super::problems::MAX_ID_CHARS {
            problems.add(
                id.span().start,
                format!(
                    "{table} id \"{name}\" is {n} characters, over the limit of {}; shorten it",
                    super::problems::MAX_ID_CHARS
                ),
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
/// Owned copies of parsed strings, as the KB's texts.
fn texts(items: &[String]) -> Vec<Text> {
    items.iter().map(|s| Text::from(s.clone())).collect()
}

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

/// Validates parsed files (the main file first) as one KB. `include_problems`
/// are at offsets in the main file; `parse_problems` stop validation.
pub(super) fn validate(
    files: Vec<(String, String, RawKb)>,
    include_problems: Vec<(usize, String)>,
    parse_problems: Vec<Problem>,
) -> Result<KnowledgeBase, Vec<Problem>> {
    let mut problems = Problems::new(
        files
            .iter()
            .map(|(name, text, _)| (name.as_str(), text.as_str()))
            .collect(),
    );
    for (offset, message) in include_problems {
        problems.add(offset, message);
    }
    if !parse_problems.is_empty() {
        let mut list = problems.into_sorted();
        list.extend(parse_problems);
        return Err(list);
    }
    let mut seen_includes = HashMap::new();
    let mut raw = Tables::default();
    for (file, (_, _, kb)) in files.iter().enumerate() {
        problems.at(file);
        if file == 0 {
            for include in kb.include.as_ref().map_or(&[][..], |i| i.get_ref()) {
                if seen_includes
                    .insert(include.get_ref().as_str(), ())
                    .is_some()
                {
                    problems.add(
                        include.span().start,
                        format!("include \"{}\" is listed twice", include.get_ref()),
                    );
                }
            }
        } else {
            if let Some(include) = &kb.include {
                problems.add(
                    include.span().start,
                    "`include` is allowed only in the main knowledge-base file; list every \
                     file there"
                        .to_string(),
                );
            }
            if let Some(version) = &kb.version {
                problems.add(
                    version.span().start,
                    "`version` belongs in the main knowledge-base file only".to_string(),
                );
            }
        }
        raw.finding.extend(kb.finding.iter().map(|e| (file, e)));
        raw.cause.extend(kb.cause.iter().map(|e| (file, e)));
        raw.red_flag.extend(kb.red_flag.iter().map(|e| (file, e)));
        raw.class.extend(kb.class.iter().map(|e| (file, e)));
        raw.pattern.extend(kb.pattern.iter().map(|e| (file, e)));
        raw.context.extend(kb.context.iter().map(|e| (file, e)));
        raw.question.extend(kb.question.iter().map(|e| (file, e)));
    }

    if raw.finding.is_empty() && raw.cause.is_empty() && raw.red_flag.is_empty() {
        // An empty file, or TOML meant for something else with no entries at all.
        problems.at(0).add(
            0,
            "no [[finding]], [[cause]] or [[red_flag]] entries; this is not a twitchcheck \
             knowledge base (its format is in data/README.md)"
                .to_string(),
        );
        return Err(problems.into_sorted());
    }

    let finding_ids = index_ids(
        &mut problems,
        "finding",
        raw.finding.iter().map(|(file, f)| (*file, &f.get_ref().id)),
    );
    let cause_ids = index_ids(
        &mut problems,
        "cause",
        raw.cause.iter().map(|(file, c)| (*file, &c.get_ref().id)),
    );
    let flag_ids = index_ids(
        &mut problems,
        "red_flag",
        raw.red_flag
            .iter()
            .map(|(file, r)| (*file, &r.get_ref().id)),
    );

    // Causes first: findings' links point at them.
    let mut causes = Vec::new();
    for &(file, entry) in &raw.cause {
        problems.at(file);
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
        let sources = check_sources(
            &mut problems,
            &owner,
            entry.span().start,
            Some(&c.sources),
            true,
        );
        if c.helps.is_empty() || c.tests.is_empty() {
            problems.add(
                entry.span().start,
                format!("{owner} needs at least one entry in both `helps` and `tests`"),
            );
        }
        let (helps, help_conditions) = helps::read(&mut problems, &owner, &c.helps, &finding_ids);
        if let (Some(kind), Some(prior)) = (kind, prior) {
            causes.push(Cause {
                id: c.id.get_ref().clone().into(),
                name: c.name.get_ref().clone().into(),
                kind,
                prior,
                summary: c.summary.get_ref().clone().into(),
                explanation: c.explanation.get_ref().clone().into(),
                helps: helps.into_iter().map(Text::from).collect(),
                help_conditions,
                tests: texts(&c.tests),
                evidence: c.evidence.get_ref().clone().into(),
                sources,
            });
        }
    }

    let mut red_flags = Vec::new();
    let mut flag_phrases = HashMap::new();
    for &(file, entry) in &raw.red_flag {
        problems.at(file);
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
        if r.min_duration_days.is_none() {
            if let Some(first) = r.duration_of.first() {
                problems.add(
                    first.span().start,
                    format!("{owner}: `duration_of` needs `min_duration_days`"),
                );
            }
        }
        let mut finding_list = |field: &str, ids: &[Spanned<String>]| -> Vec<usize> {
            ids.iter()
                .filter_map(|f| {
                    let found = finding_ids.get(f.get_ref().as_str()).copied();
                    if found.is_none() {
                        let hint = missing_hint(f.get_ref(), finding_ids.keys().copied());
                        problems.add(
                            f.span().start,
                            format!(
                                "{owner}: `{field}` names finding \"{}\", which does not exist{hint}",
                                f.get_ref()
                            ),
                        );
                    }
                    found
                })
                .collect()
        };
        let duration_of = finding_list("duration_of", &r.duration_of);
        let places_of = finding_list("places_of", &r.places_of);
        let unless = finding_list("unless", &r.unless);
        let findings_all: Vec<Vec<usize>> = r
            .findings_all
            .iter()
            .map(|set| finding_list("findings_all", set))
            .collect();
        let with_findings = finding_list("with_findings", &r.with_findings);
        let escalates: Vec<usize> = r
            .escalates
            .iter()
            .filter_map(|e| {
                let id = e.get_ref();
                let found = flag_ids.get(id.as_str()).copied();
                let problem = if id == r.id.get_ref() {
                    Some(format!("{owner}: `escalates` names the red flag itself"))
                } else if found.is_none() {
                    let hint = missing_hint(id, flag_ids.keys().copied());
                    Some(format!(
                        "{owner}: `escalates` names red flag \"{id}\", which does not exist{hint}"
                    ))
                } else {
                    None
                };
                let found = found.filter(|_| problem.is_none());
                if let Some(problem) = problem {
                    problems.add(e.span().start, problem);
                }
                found
            })
            .collect();
        let causes: Vec<usize> = r
            .causes
            .iter()
            .filter_map(|c| {
                let found = cause_ids.get(c.get_ref().as_str()).copied();
                if found.is_none() {
                    let hint = missing_hint(c.get_ref(), cause_ids.keys().copied());
                    problems.add(
                        c.span().start,
                        format!(
                            "{owner}: `causes` names cause \"{}\", which does not exist{hint}",
                            c.get_ref()
                        ),
                    );
                }
                found
            })
            .collect();
        if r.escalates.is_empty() != r.with_findings.is_empty() {
            problems.add(
                entry.span().start,
                format!(
                    "{owner}: `escalates` and `with_findings` go together; give both or neither"
                ),
            );
        }
        if r.findings_all.iter().any(Vec::is_empty) {
            problems.add(
                entry.span().start,
                format!("{owner}: a `findings_all` set is empty; name at least one finding"),
            );
        }
        // A "see a doctor in the next days" sign may give way to an everyday
        // explanation, and so may an urgent number that exercise explains (a pulse
        // of 140 on a run); an emergency one never does.
        if let (Some(first), Some(u)) = (r.unless.first(), urgency) {
            if u == Urgency::Emergency {
                problems.add(
                    first.span().start,
                    format!("{owner}: `unless` is not for an `emergency` red flag"),
                );
            }
        }
        let sources = check_sources(
            &mut problems,
            &owner,
            entry.span().start,
            r.sources.as_ref(),
            true,
        );
        if let Some(urgency) = urgency {
            red_flags.push(RedFlag {
                id: r.id.get_ref().clone().into(),
                name: r.name.get_ref().clone().into(),
                urgency,
                phrases: texts(&phrases),
                together: r.together.iter().map(|s| texts(s.get_ref())).collect(),
                min_duration_days: r.min_duration_days.as_ref().map(|d| *d.get_ref()),
                duration_of,
                places_of,
                unless,
                findings_all,
                escalates,
                with_findings,
                causes,
                advice: r.advice.get_ref().clone().into(),
                sources,
                question: None,
            });
        }
    }

    let mut findings = Vec::new();
    let mut finding_phrases = HashMap::new();
    for &(file, entry) in &raw.finding {
        problems.at(file);
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
        let asks = f
            .asks
            .as_ref()
            .and_then(|k| parse_word(&mut problems, k, "kind", Kind::WORDS, Kind::parse));
        if let Some(family) = family {
            findings.push(Finding {
                id: id.clone().into(),
                name: f.name.get_ref().clone().into(),
                family,
                phrases: texts(&phrases),
                parent,
                red_flag,
                together: f.together.iter().map(|s| texts(s.get_ref())).collect(),
                links,
                asks,
                question: None,
            });
        }
    }

    // A cycle of parents would make "counts for its parent" loop forever.
    for (i, &(file, entry)) in raw.finding.iter().enumerate() {
        problems.at(file);
        let mut seen = vec![i];
        let mut at = i;
        while let Some(p) = raw.finding[at]
            .1
            .get_ref()
            .parent
            .as_ref()
            .and_then(|p| finding_ids.get(p.get_ref().as_str()).copied())
        {
            if p == i {
                let path: Vec<&str> = seen
                    .iter()
                    .chain([&i])
                    .map(|&k| raw.finding[k].1.get_ref().id.get_ref().as_str())
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

    attach_questions(
        &mut problems,
        &raw,
        &finding_ids,
        &mut findings,
        &mut red_flags,
    );

    let concepts = concepts::validate(
        &mut problems,
        &raw.class,
        &raw.pattern,
        &raw.context,
        concepts::Targets {
            findings: &finding_ids,
            red_flags: &flag_ids,
            causes: &cause_ids,
        },
    );

    if problems.is_empty() {
        Ok(KnowledgeBase {
            findings,
            causes,
            red_flags,
            classes: concepts.classes,
            patterns: concepts.patterns,
            context: concepts.context,
        })
    } else {
        Err(problems.into_sorted())
    }
}

/// Every file's entries together, each with the index of its file.
#[derive(Default)]
struct Tables<'a> {
    finding: Vec<(usize, &'a Spanned<RawFinding>)>,
    cause: Vec<(usize, &'a Spanned<RawCause>)>,
    red_flag: Vec<(usize, &'a Spanned<RawRedFlag>)>,
    class: Vec<(usize, &'a Spanned<RawClass>)>,
    pattern: Vec<(usize, &'a Spanned<RawPattern>)>,
    context: Vec<(usize, &'a Spanned<RawContext>)>,
    question: Vec<(usize, &'a Spanned<RawQuestion>)>,
}

/// Gives each finding and red flag its `[[question]]` (see `super::questions`).
fn attach_questions(
    problems: &mut Problems,
    raw: &Tables,
    finding_ids: &HashMap<&str, usize>,
    findings: &mut [Finding],
    red_flags: &mut [RedFlag],
) {
    // A body area, or a question the person asks (`asks`), is never asked back.
    let is_area = |f: &RawFinding| f.family.get_ref() == "body-area" || f.asks.is_some();
    let mut askable = Vec::new();
    let mut areas = Vec::new();
    for &(file, e) in &raw.finding {
        let f = e.get_ref();
        if is_area(f) {
            areas.push(f.id.get_ref().as_str());
            continue;
        }
        askable.push(Askable::new(
            file,
            e.span().start,
            &f.id,
            &f.name,
            "finding",
        ));
    }
    for &(file, e) in &raw.red_flag {
        let r = e.get_ref();
        askable.push(Askable::new(
            file,
            e.span().start,
            &r.id,
            &r.name,
            "red flag",
        ));
    }
    let asked = questions::validate(problems, &raw.question, &askable, &areas, finding_ids);
    for f in findings.iter_mut() {
        f.question = asked.get(&*f.id).cloned();
    }
    for r in red_flags.iter_mut() {
        r.question = asked.get(&*r.id).cloned();
    }
}
