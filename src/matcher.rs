//! Free text in, recognized findings and red-flag phrases out.
//!
//! Steps: normalize the query into tokens ([`crate::normalize`]), correct typos
//! against the KB's vocabulary, find phrases longest-first within each clause, then
//! mark the hits that a negation ("no", "without", "not") reaches.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use crate::kb::KnowledgeBase;
use crate::normalize::{tokenize, Token};

/// What a phrase points at: a finding, a red flag, or both (a shared phrase).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Target {
    pub finding: Option<usize>,
    pub red_flag: Option<usize>,
}

/// One phrase recognized in the query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub target: Target,
    /// The query's words that matched, as normalized.
    pub text: String,
    /// Reached by a negation ("no numbness").
    pub negated: bool,
    /// At least one word was typo-corrected to match.
    pub corrected: bool,
}

/// The matcher's result: what was recognized and which words were not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matches {
    pub hits: Vec<Hit>,
    pub unrecognized: Vec<String>,
}

/// Words that negate the findings right after them.
#[rustfmt::skip]
const NEGATIONS: &[&str] = &[
    "no", "not", "without", "never", "dont", "doesnt", "didnt", "havent", "hasnt", "hadnt",
    "isnt", "arent", "wasnt", "werent", "nor", "neither", "none", "deny", "denies", "free",
    "lack", "lacking", "absent", "nothing", "wont", "cannot",
];

/// Words a negation reaches across to the next finding: "no sign of weakness",
/// "haven't had any numbness or tingling", "not really weak". Any other word ends it.
#[rustfmt::skip]
const NEGATION_BRIDGES: &[&str] = &[
    "any", "other", "real", "really", "sign", "signs", "of", "or", "nor", "and", "in", "on",
    "at", "feel", "feels", "feeling", "felt", "have", "has", "had", "having", "been", "get",
    "gets", "getting", "got", "experience", "experienced", "experiencing", "much", "obvious",
    "noticeable", "history", "symptom", "symptoms", "issue", "issues", "problem", "problems",
    "with", "to", "do", "does", "did", "very", "too", "also", "either", "all", "like", "kind",
    "type", "noticed", "notice", "apparent", "true", "actual", "is", "are", "am", "was", "were",
    "be", "both", "either", "whatsoever", "that", "significant", "major", "new", "drink",
    "drinks", "drank", "eat", "eats", "ate", "take", "takes", "took", "use", "uses", "used",
    "consume", "consumes",
];

/// Function words: never reported as unrecognized, never typo-corrected.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "i", "im", "ive", "id", "ill", "me", "myself", "you", "he", "she", "it", "its", "we",
    "they", "them", "this", "that", "these", "those", "there", "here", "and", "or", "but", "so",
    "if", "then", "than", "with", "after", "before", "since", "during", "from", "of", "in",
    "on", "at", "to", "for", "by", "about", "into", "over", "under", "up", "down", "out", "off",
    "is", "are", "am", "was", "were", "be", "been", "being", "have", "has", "had", "having",
    "do", "does", "did", "doing", "get", "gets", "got", "getting", "keep", "keeps", "kept",
    "very", "really", "quite", "so", "too", "also", "just", "still", "again", "when", "what",
    "which", "who", "how", "why", "where", "all", "lot", "lots", "much", "many", "more", "most",
    "can", "could", "would", "should", "will", "may", "might", "must", "feel", "feels",
    "feeling", "felt", "like", "seem", "seems", "sometimes", "often", "always", "now", "lately",
    "recently", "today", "yesterday", "day", "days", "week", "weeks", "month", "months", "year",
    "years", "time", "times", "bit", "little", "kind", "sort", "thing", "things", "other",
    "another", "every", "each", "both", "either", "own", "same", "such", "only", "even", "been",
    "being", "which", "while", "because", "as", "until", "one", "two", "three", "muscle",
    "muscles", "left", "right", "side", "sides", "both", "area", "help", "please", "hi",
    "hello", "thanks", "ok", "okay", "symptom", "symptoms", "wondering", "why",
];

/// Common English words of five or more letters (from the wordfreq project's list):
/// a word here is a real word, so it is never "corrected" into a KB word
/// ("right" must not become "night", nor "stolen" "swollen").
const COMMON_WORDS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/common-words.txt"
));

/// True for a common English word. The list is sorted, so a binary search over its
/// lines (split once, on first use) needs no hashing of 30 000 words at start-up.
pub fn is_common_word(word: &str) -> bool {
    static LINES: OnceLock<Vec<&'static str>> = OnceLock::new();
    LINES
        .get_or_init(|| COMMON_WORDS.lines().collect())
        .binary_search(&word)
        .is_ok()
}

/// The largest edit distance allowed when correcting a word of `len` characters.
/// Words under five letters are never corrected ("ache" is not "acne"); above that,
/// about one edit per four letters. This is stricter than rustc's len/3, because a
/// wrong correction here can raise a false alarm.
pub fn typo_limit(len: usize) -> usize {
    if len < 5 {
        0
    } else {
        (len / 4).min(3)
    }
}

/// Which letters a word holds (each letter sets bit `code point % 64`), for a cheap
/// lower bound on the edit distance between two words.
#[derive(Debug, Clone, Copy)]
struct Letters(u64);

impl Letters {
    fn of(word: &str) -> Self {
        Letters(word.chars().fold(0, |m, c| m | 1 << (c as u32 % 64)))
    }

    /// A lower bound on the OSA distance between the two words: each letter one
    /// word has and the other lacks needs its own insertion, deletion or
    /// substitution, and a transposition adds or removes no letter. Letters sharing
    /// a bit only make the bound smaller, never wrong.
    fn min_distance(self, other: Self) -> usize {
        let only_here = (self.0 & !other.0).count_ones();
        let only_there = (other.0 & !self.0).count_ones();
        only_here.max(only_there) as usize
    }
}

/// A vocabulary word the fuzzy matcher can correct towards.
#[derive(Debug, Clone)]
struct VocabWord {
    /// The form compared with the query word (a phrase word as written, or its stem).
    form: String,
    /// The stem a corrected word takes.
    stem: String,
    /// The form's letters, to skip the edit distance for clearly different words.
    letters: Letters,
}

/// A phrase dictionary built once from a KB.
#[derive(Debug, Clone)]
pub struct Matcher {
    phrases: HashMap<Vec<String>, Target>,
    longest: usize,
    /// Every stem that appears in some phrase: a query word with one of these
    /// stems needs no correction.
    stems: HashSet<String>,
    /// Correction candidates bucketed by length in characters, so a word is only
    /// compared with candidates whose length is within the edit limit.
    by_length: BTreeMap<usize, Vec<VocabWord>>,
    /// Findings and red flags reported by a set of stems found together in one clause.
    together: Vec<(Target, Vec<String>)>,
    /// Red flags fired by a stated duration, as (red flag, minimum days), longest first.
    durations: Vec<(usize, u32)>,
}

/// Days in each unit of time, by stem.
const TIME_UNITS: &[(&str, u32)] = &[
    ("day", 1),
    ("week", 7),
    ("fortnight", 14),
    ("month", 30),
    ("year", 365),
];

/// Number words people use for durations ("a couple of weeks", "few months").
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("couple", 2),
    ("few", 3),
    ("several", 3),
    ("many", 4),
];

/// Words before a bare unit that mean "one of it" ("for a month": articles are
/// dropped, so the text is "for month").
const ONE_UNIT_BEFORE: &[&str] = &[
    "for", "over", "past", "last", "than", "about", "almost", "nearly", "around", "whole", "entire",
];

/// Finds a stated duration starting at token `i`: (tokens used, days).
fn duration_at(tokens: &[Token], i: usize) -> Option<(usize, u32)> {
    let unit = |t: &Token| {
        TIME_UNITS
            .iter()
            .find(|(u, _)| *u == t.stem)
            .map(|&(_, d)| d)
    };
    let word = tokens[i].surface.as_str();
    let number = word.parse::<u32>().ok().or_else(|| {
        NUMBER_WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|&(_, n)| n)
    });
    if let Some(n) = number {
        // "3 weeks", "couple of weeks", "few more months"
        let mut j = i + 1;
        while j < tokens.len()
            && matches!(tokens[j].surface.as_str(), "of" | "more" | "whole" | "full")
            && j < i + 3
        {
            j += 1;
        }
        let days = tokens
            .get(j)
            .filter(|t| t.clause == tokens[i].clause)
            .and_then(unit)?;
        return Some((j + 1 - i, n.saturating_mul(days)));
    }
    let next = tokens.get(i + 1).filter(|t| t.clause == tokens[i].clause)?;
    let days = unit(next)?;
    if ONE_UNIT_BEFORE.contains(&word) {
        // "for weeks" (a plural with no number) means at least two.
        let n = if next.surface.ends_with('s') { 2 } else { 1 };
        return Some((2, n * days));
    }
    None
}

impl Matcher {
    pub fn new(kb: &KnowledgeBase) -> Self {
        let mut phrases: HashMap<Vec<String>, Target> = HashMap::new();
        let mut forms: BTreeMap<String, String> = BTreeMap::new();
        let mut add = |phrase: &str, set: &mut dyn FnMut(&mut Target)| {
            let tokens = tokenize(phrase);
            for t in &tokens {
                forms
                    .entry(t.surface.clone())
                    .or_insert_with(|| t.stem.clone());
                forms
                    .entry(t.stem.clone())
                    .or_insert_with(|| t.stem.clone());
            }
            let key: Vec<String> = tokens.into_iter().map(|t| t.stem).collect();
            if !key.is_empty() {
                set(phrases.entry(key).or_default());
            }
        };
        for (i, f) in kb.findings.iter().enumerate() {
            for p in &f.phrases {
                add(p, &mut |t| t.finding = Some(i));
            }
        }
        for (i, r) in kb.red_flags.iter().enumerate() {
            for p in &r.phrases {
                add(p, &mut |t| t.red_flag = Some(i));
            }
        }
        // Together sets of findings and of red flags, as stems.
        let stems_of = |set: &Vec<String>| -> Vec<String> {
            set.iter()
                .flat_map(|w| tokenize(w))
                .map(|t| t.stem)
                .collect()
        };
        let finding_sets = kb.findings.iter().enumerate().flat_map(|(i, f)| {
            f.together.iter().map(move |set| {
                let target = Target {
                    finding: Some(i),
                    red_flag: None,
                };
                (target, stems_of(set))
            })
        });
        let flag_sets = kb.red_flags.iter().enumerate().flat_map(|(i, r)| {
            r.together.iter().map(move |set| {
                let target = Target {
                    finding: None,
                    red_flag: Some(i),
                };
                (target, stems_of(set))
            })
        });
        let together: Vec<(Target, Vec<String>)> = finding_sets.chain(flag_sets).collect();
        // Their words must resolve exactly, like phrase words.
        for word in together.iter().flat_map(|(_, set)| set) {
            forms.entry(word.clone()).or_insert_with(|| word.clone());
        }
        let longest = phrases.keys().map(Vec::len).max().unwrap_or(0);
        let stems = forms.values().cloned().collect();
        let mut by_length: BTreeMap<usize, Vec<VocabWord>> = BTreeMap::new();
        for (form, stem) in forms {
            by_length
                .entry(form.chars().count())
                .or_default()
                .push(VocabWord {
                    letters: Letters::of(&form),
                    form,
                    stem,
                });
        }
        let mut durations: Vec<(usize, u32)> = kb
            .red_flags
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.min_duration_days.map(|d| (i, d)))
            .collect();
        durations.sort_by_key(|&(i, d)| (std::cmp::Reverse(d), i));
        Matcher {
            phrases,
            longest,
            stems,
            by_length,
            together,
            durations,
        }
    }

    /// The stem to match a query word as, and whether it was corrected; None when
    /// the word is not in the vocabulary and has no close enough match.
    fn resolve(&self, token: &Token) -> Option<(String, bool)> {
        if self.stems.contains(&token.stem) {
            return Some((token.stem.clone(), false));
        }
        let word = token.surface.as_str();
        let len = word.chars().count();
        let limit = typo_limit(len);
        if limit == 0
            || STOPWORDS.contains(&word)
            || is_common_word(word)
            || word.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        // The stem is compared too ("twichings" is near "twitch"), but under the
        // limit for its own length: a short stem is as easily mistaken for another
        // word as a short word is ("wakness" has the stem "wak", one edit from
        // "walk").
        let stem_len = token.stem.chars().count();
        let stem_limit = typo_limit(stem_len).min(limit);
        let (word_letters, stem_letters) = (Letters::of(word), Letters::of(&token.stem));
        // (distance, distance of the word as typed, same first letter, form)
        let mut best: Option<(usize, usize, bool, &VocabWord)> = None;
        for (&n, words) in self
            .by_length
            .range(len.min(stem_len).saturating_sub(limit)..=len + limit)
        {
            for w in words {
                // The edit distance is the costly part of a long query made of many
                // different unknown words; most candidates fail the cheap bound.
                // Over the limit, the exact distance does not matter.
                let stem_near = n.abs_diff(stem_len) <= stem_limit;
                if word_letters.min_distance(w.letters) > limit
                    && !(stem_near && stem_letters.min_distance(w.letters) <= stem_limit)
                {
                    continue;
                }
                let word_d = strsim::osa_distance(word, &w.form);
                let mut d = word_d;
                if stem_near {
                    let stem_d = strsim::osa_distance(&token.stem, &w.form);
                    if stem_d <= stem_limit {
                        d = d.min(stem_d);
                    }
                }
                if d > limit {
                    continue;
                }
                // Prefer the smaller distance, then the one nearer the word as typed,
                // then the same first letter, then the alphabetically first form: the
                // same word always gets the same fix.
                let other_first = w.form.chars().next() != word.chars().next();
                let better = best.is_none_or(|(bd, bwd, bfirst, bw)| {
                    (d, word_d, other_first, &w.form) < (bd, bwd, bfirst, &bw.form)
                });
                if better {
                    best = Some((d, word_d, other_first, w));
                }
            }
        }
        best.map(|(.., w)| (w.stem.clone(), true))
    }

    /// Recognizes the findings and red-flag phrases in a query.
    pub fn find(&self, query: &str) -> Matches {
        let tokens = tokenize(query);
        // A long query repeats its words; each distinct word is resolved once.
        let mut seen: HashMap<&str, Option<(String, bool)>> = HashMap::new();
        let resolved: Vec<Option<(String, bool)>> = tokens
            .iter()
            .map(|t| {
                seen.entry(t.surface.as_str())
                    .or_insert_with(|| self.resolve(t))
                    .clone()
            })
            .collect();
        // Unknown words keep a stem no phrase uses, so they never complete a phrase.
        let stems: Vec<String> = resolved
            .iter()
            .map(|r| {
                r.as_ref()
                    .map_or_else(|| "\u{0}".to_string(), |(s, _)| s.clone())
            })
            .collect();

        // Longest match first, never across a clause break.
        let mut spans: Vec<(usize, usize, Target)> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            // Only as far as the longest phrase: scanning a whole clause here would
            // make a long single-clause query quadratic.
            let max = tokens[i..]
                .iter()
                .take(self.longest)
                .take_while(|t| t.clause == tokens[i].clause)
                .count();
            let found = (1..=max)
                .rev()
                .find_map(|n| self.phrases.get(&stems[i..i + n]).map(|t| (n, *t)));
            match found {
                Some((n, target)) => {
                    spans.push((i, i + n, target));
                    i += n;
                }
                None => i += 1,
            }
        }

        // Stated durations ("for 3 weeks") outside phrases fire duration red flags.
        if !self.durations.is_empty() {
            let mut extra = Vec::new();
            let mut next = 0; // index into spans, which are sorted
            let mut i = 0;
            while i < tokens.len() {
                while next < spans.len() && spans[next].1 <= i {
                    next += 1;
                }
                if next < spans.len() && spans[next].0 <= i {
                    i = spans[next].1;
                    continue;
                }
                match duration_at(&tokens, i) {
                    Some((n, days)) if next >= spans.len() || i + n <= spans[next].0 => {
                        if let Some(&(flag, _)) =
                            self.durations.iter().find(|&&(_, min)| days >= min)
                        {
                            extra.push((
                                i,
                                i + n,
                                Target {
                                    finding: None,
                                    red_flag: Some(flag),
                                },
                            ));
                        }
                        i += n;
                    }
                    _ => i += 1,
                }
            }
            if !extra.is_empty() {
                spans.extend(extra);
                spans.sort_by_key(|s| s.0);
            }
        }

        let negated = negation_marks(&tokens, &spans);
        let mut covered = vec![false; tokens.len()];
        let mut hits: Vec<Hit> = spans
            .iter()
            .zip(negated)
            .map(|(&(start, end, target), negated)| {
                covered[start..end].iter_mut().for_each(|c| *c = true);
                Hit {
                    target,
                    text: tokens[start..end]
                        .iter()
                        .map(|t| t.surface.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    negated,
                    corrected: resolved[start..end]
                        .iter()
                        .any(|r| matches!(r, Some((_, true)))),
                }
            })
            .collect();
        self.find_together(&tokens, &stems, &resolved, &mut hits, &mut covered);
        let unrecognized = tokens
            .iter()
            .zip(&covered)
            .filter(|(t, &c)| {
                !c && !STOPWORDS.contains(&t.surface.as_str())
                    && !NEGATIONS.contains(&t.surface.as_str())
            })
            .map(|(t, _)| t.surface.clone())
            .collect();
        Matches { hits, unrecognized }
    }
}

impl Matcher {
    /// Adds a hit for each `together` set whose words all appear in one clause, for
    /// findings and red flags not already reported. It counts as negated when a
    /// negation word that is not one of the set's own words comes before the set's
    /// first word in that clause ("no dark urine", but not "no sunlight").
    fn find_together(
        &self,
        tokens: &[Token],
        stems: &[String],
        resolved: &[Option<(String, bool)>],
        hits: &mut Vec<Hit>,
        covered: &mut [bool],
    ) {
        if self.together.is_empty() || tokens.is_empty() {
            return;
        }
        let mut reported: HashSet<Target> = hits
            .iter()
            .filter(|h| !h.negated)
            .flat_map(|h| {
                let finding = h.target.finding.map(|f| Target {
                    finding: Some(f),
                    red_flag: None,
                });
                let flag = h.target.red_flag.map(|r| Target {
                    finding: None,
                    red_flag: Some(r),
                });
                [finding, flag]
            })
            .flatten()
            .collect();
        let mut start = 0;
        while start < tokens.len() {
            let end = tokens[start..]
                .iter()
                .position(|t| t.clause != tokens[start].clause)
                .map_or(tokens.len(), |p| start + p);
            for (target, set) in &self.together {
                if reported.contains(target) {
                    continue;
                }
                let positions: Option<Vec<usize>> = set
                    .iter()
                    .map(|w| (start..end).find(|&k| &stems[k] == w))
                    .collect();
                let Some(mut positions) = positions else {
                    continue;
                };
                positions.sort_unstable();
                let negated = (start..positions[0]).any(|k| {
                    NEGATIONS.contains(&tokens[k].surface.as_str()) && !set.contains(&stems[k])
                });
                for &k in &positions {
                    covered[k] = true;
                }
                if !negated {
                    reported.insert(*target);
                }
                hits.push(Hit {
                    target: *target,
                    text: positions
                        .iter()
                        .map(|&k| tokens[k].surface.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    negated,
                    corrected: positions
                        .iter()
                        .any(|&k| matches!(resolved[k], Some((_, true)))),
                });
            }
            start = end;
        }
    }
}

/// Which phrase spans a negation reaches. A negation word reaches forward over
/// bridge words and further phrases ("no numbness or weakness"); any other word
/// or a clause break ends it. A comma does not end it when the comma starts a list
/// that is finished by "or"/"nor" and holds only phrases and bridge words
/// ("no numbness, tingling or weakness"), because that is still the same list.
fn negation_marks(tokens: &[Token], spans: &[(usize, usize, Target)]) -> Vec<bool> {
    let span_at: HashMap<usize, usize> = spans.iter().enumerate().map(|(k, s)| (s.0, k)).collect();
    let is_negation = |i: usize| NEGATIONS.contains(&tokens[i].surface.as_str());
    let is_bridge = |i: usize| NEGATION_BRIDGES.contains(&tokens[i].surface.as_str());
    let mut marks = vec![false; spans.len()];
    let mut active = false;
    let mut i = 0;
    while i < tokens.len() {
        if i > 0 && tokens[i].clause != tokens[i - 1].clause {
            active = active && tokens[i].after_comma && continues_list(tokens, spans, i);
        }
        if let Some(&k) = span_at.get(&i) {
            marks[k] = active;
            i = spans[k].1;
            continue;
        }
        if is_negation(i) {
            active = true;
        } else if !is_bridge(i) {
            active = false;
        }
        i += 1;
    }
    marks
}

/// True when the clause starting at `start` (after a comma) and those after it,
/// up to one containing "or"/"nor", hold only phrases and bridge words.
/// A list longer than this many comma-separated items is not treated as one: it
/// keeps the look-ahead bounded, and ending a negation early only errs towards
/// firing a red flag.
const MAX_LIST_ITEMS: usize = 8;

fn continues_list(tokens: &[Token], spans: &[(usize, usize, Target)], start: usize) -> bool {
    let mut i = start;
    let mut clause = tokens[start].clause;
    let mut items = 1;
    let mut saw_or = false;
    while i < tokens.len() {
        if tokens[i].clause != clause {
            items += 1;
            if saw_or || !tokens[i].after_comma || items > MAX_LIST_ITEMS {
                return saw_or;
            }
            clause = tokens[i].clause;
        }
        // Spans are sorted by start and do not overlap.
        if let Ok(k) = spans.binary_search_by_key(&i, |s| s.0) {
            i = spans[k].1;
            continue;
        }
        let w = tokens[i].surface.as_str();
        if w == "or" || w == "nor" {
            saw_or = true;
        } else if !NEGATION_BRIDGES.contains(&w) && !NEGATIONS.contains(&w) {
            return false;
        }
        i += 1;
    }
    saw_or
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> (KnowledgeBase, Matcher) {
        let kb = crate::kb::load_text(include_str!("../tests/fixtures/mini.toml")).unwrap();
        let m = Matcher::new(&kb);
        (kb, m)
    }

    /// (finding or red-flag id, negated, corrected) for each hit.
    fn hits(query: &str) -> Vec<(String, bool, bool)> {
        let (kb, m) = matcher();
        m.find(query)
            .hits
            .into_iter()
            .map(|h| {
                let id = match (h.target.finding, h.target.red_flag) {
                    (Some(f), _) => kb.findings[f].id.clone(),
                    (None, Some(r)) => kb.red_flags[r].id.clone(),
                    _ => unreachable!(),
                };
                (id, h.negated, h.corrected)
            })
            .collect()
    }

    fn ids(query: &str) -> Vec<String> {
        hits(query).into_iter().map(|h| h.0).collect()
    }

    #[test]
    fn exact_words_and_word_forms() {
        assert_eq!(ids("Calf twitches"), ["calf", "twitching"]);
        assert_eq!(ids("twitching calves"), ["twitching", "calf"]);
        assert_eq!(ids("twitchy"), ["twitching"]);
    }

    #[test]
    fn longest_phrase_wins() {
        // "drinking lots of water" is one finding, not "water" plus noise.
        assert_eq!(ids("I keep drinking lots of water"), ["water-intake"]);
        // "drink" alone is nothing.
        assert!(ids("I drink").is_empty());
        assert_eq!(
            ids("muscle weakness"),
            ["breathing"; 0]
                .iter()
                .map(|s: &&str| s.to_string())
                .chain(["weakness".to_string()])
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn phrases_do_not_cross_clauses() {
        assert_eq!(ids("energy, drink"), Vec::<String>::new());
        assert_eq!(ids("energy drink"), ["coffee"]);
    }

    #[test]
    fn typos_are_corrected_by_length() {
        assert_eq!(hits("twiching"), [("twitching".to_string(), false, true)]);
        assert_eq!(hits("numbnes"), [("numbness".to_string(), false, true)]);
        assert_eq!(hits("tingeling"), [("numbness".to_string(), false, true)]);
        // Short words are never corrected, and real words never are.
        assert!(ids("cafe").is_empty());
        assert!(
            ids("switch").is_empty(),
            "switch is a real word, not a typo of twitch"
        );
        assert_eq!(typo_limit(4), 0);
        assert_eq!(typo_limit(5), 1);
        assert_eq!(typo_limit(8), 2);
    }

    #[test]
    fn negation_reaches_a_list_but_not_the_next_clause() {
        assert_eq!(
            hits("calf cramps but no numbness or weakness"),
            [
                ("calf".to_string(), false, false),
                ("numbness".to_string(), true, false),
                ("weakness".to_string(), true, false),
            ]
        );
        assert_eq!(
            hits("no fever but my leg feels weakness"),
            [
                ("leg".to_string(), false, false),
                ("weakness".to_string(), false, false)
            ]
        );
        assert_eq!(
            hits("without any sign of tingling"),
            [("numbness".to_string(), true, false)]
        );
        assert_eq!(
            hits("no numbness, tingling or weakness")
                .iter()
                .filter(|h| h.1)
                .count(),
            3
        );
        // A comma that does not continue a list ends the negation.
        assert_eq!(
            hits("no fever, leg weakness"),
            [
                ("leg".to_string(), false, false),
                ("weakness".to_string(), false, false)
            ]
        );
        // A content word between ends it too.
        assert_eq!(
            hits("no fever and weakness")[0],
            ("weakness".to_string(), false, false)
        );
    }

    #[test]
    fn stated_durations_fire_duration_red_flags() {
        for q in [
            "twitching for 3 weeks",
            "calf twitch for two months",
            "twitch for over a month",
            "a couple of weeks of twitching",
        ] {
            assert!(ids(q).contains(&"persistent".to_string()), "{q}");
        }
        for q in [
            "twitching for 3 days",
            "twitch for a week",
            "calf twitch 10 days",
        ] {
            assert!(!ids(q).contains(&"persistent".to_string()), "{q}");
        }
        // A phrase that already covers the words wins; no double hit.
        assert_eq!(ids("twitch for weeks"), ["twitching", "persistent"]);
    }

    #[test]
    fn together_sets_fire_across_gaps_within_a_clause() {
        assert_eq!(ids("my urine looks like cola"), ["dark-urine"]);
        assert_eq!(ids("pee came out brown"), ["dark-urine"]);
        assert!(
            ids("cola to drink. urine fine").is_empty(),
            "not across clauses"
        );
        assert_eq!(
            hits("no cola colored urine"),
            [("dark-urine".to_string(), true, false)]
        );
        // Already fired by a phrase: not reported twice.
        assert_eq!(ids("dark urine like cola"), ["dark-urine"]);
        // Findings have sets too; a set's own negation word is part of it.
        assert_eq!(
            hits("I hardly get any sun"),
            [("little-sun".to_string(), false, false)]
        );
        assert_eq!(
            hits("there is no sun here"),
            [("little-sun".to_string(), false, false)]
        );
        assert_eq!(
            hits("not that I hardly see the sun"),
            [("little-sun".to_string(), true, false)]
        );
    }

    #[test]
    fn unrecognized_words_are_reported_without_function_words() {
        let (_, m) = matcher();
        let found = m.find("my calf is wobbling after the party");
        assert_eq!(found.unrecognized, ["wobbling", "party"]);
    }
}
