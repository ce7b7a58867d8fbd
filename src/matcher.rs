//! Free text in, recognized findings and red-flag phrases out.
//!
//! Steps: normalize the query into tokens ([`crate::normalize`]), correct typos
//! against the KB's vocabulary, find phrases longest-first within each clause, then
//! mark the hits that a negation ("no", "without", "not") reaches.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use crate::kb::prebuilt::{Reader, Writer};
use crate::kb::{Finding, KnowledgeBase, RedFlag, Tokenized};
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
    "consume", "consumes", "longer",
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

/// A phrase dictionary built once from a KB.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Every stem that appears in some phrase or `together` set, sorted; a stem's
    /// id is its index. A query word with one of these stems needs no correction.
    stems: SortedRuns<u8>,
    /// Each phrase as the ids of its stems, sorted, and what each points at.
    phrases: SortedRuns<u32>,
    phrase_targets: Vec<Target>,
    /// The most stems in a phrase.
    longest: usize,
    /// The typo correction candidates: every phrase word as written and every
    /// stem, sorted, and the stem id a word corrected to each takes.
    forms: SortedRuns<u8>,
    form_stems: Vec<u32>,
    /// Built on the first word that needs correcting: most queries need none, so
    /// a single `check` usually never pays for it.
    typos: OnceLock<TypoIndex>,
    /// Findings and red flags reported by a set of stems found together in one clause.
    together: Vec<(Target, Vec<u32>)>,
    /// Indices into `together` by the set's first stem, so a query is checked only
    /// against sets it could complete, not every set in the KB.
    together_by_first: HashMap<u32, Vec<usize>>,
    /// Red flags fired by a stated duration, as (red flag, minimum days), longest first.
    durations: Vec<(usize, u32)>,
}

/// Distinct sequences (strings as bytes, phrases as stem ids) in sorted order,
/// stored end to end in one vector and found by binary search. The pre-built KB
/// stores the matcher's tables in this form, so reading one costs two
/// allocations rather than one per item, and no hashing.
#[derive(Debug, Clone, Default, PartialEq)]
struct SortedRuns<T> {
    items: Vec<T>,
    /// Where each sequence ends in `items`; it starts where the one before ends.
    ends: Vec<u32>,
}

impl<T: Ord + Clone> SortedRuns<T> {
    /// From distinct sequences already in sorted order.
    fn from_sorted<'a>(runs: impl IntoIterator<Item = &'a [T]>) -> Self
    where
        T: 'a,
    {
        let mut table = SortedRuns {
            items: Vec::new(),
            ends: Vec::new(),
        };
        for run in runs {
            table.items.extend_from_slice(run);
            table.ends.push(table.items.len() as u32);
        }
        table
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: usize) -> &[T] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.items[start..self.ends[i] as usize]
    }

    fn iter(&self) -> impl Iterator<Item = &[T]> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The index of `run`, if it is in the table.
    fn find(&self, run: &[T]) -> Option<usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            match self.get(mid).cmp(run) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

/// A string of a table of strings: build.rs wrote UTF-8.
fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("the matcher's strings are UTF-8")
}

/// The target of each item (phrase or word set) of every finding, then of every red
/// flag, in knowledge-base order: the order `Tokenized` lists their tokens in.
fn targets_in_kb_order<'a>(
    kb: &'a KnowledgeBase,
    finding_items: impl Fn(&Finding) -> usize + 'a,
    flag_items: impl Fn(&RedFlag) -> usize + 'a,
) -> impl Iterator<Item = Target> + 'a {
    let findings = kb.findings.iter().enumerate().flat_map(move |(i, f)| {
        let target = Target {
            finding: Some(i),
            red_flag: None,
        };
        std::iter::repeat_n(target, finding_items(f))
    });
    let flags = kb.red_flags.iter().enumerate().flat_map(move |(i, r)| {
        let target = Target {
            finding: None,
            red_flag: Some(i),
        };
        std::iter::repeat_n(target, flag_items(r))
    });
    findings.chain(flags)
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
        Self::from_tokens(kb, Tokenized::of(kb))
    }

    /// Builds the matcher from the KB's phrases and `together` words already
    /// tokenized. The embedded KB's matcher is built so by build.rs and stored
    /// ready to use ([`Matcher::write`], [`Matcher::read`]), so starting up stems nothing.
    pub fn from_tokens(kb: &KnowledgeBase, tokenized: Tokenized) -> Self {
        let phrase_targets = targets_in_kb_order(kb, |f| f.phrases.len(), |r| r.phrases.len());
        // Stems are numbered in sorted order, so a word's stem id is found by
        // binary search.
        // (Hash maps while building, sorted at the end: a KB 100 times the shipped
        // one has 250 000 phrase words.)
        let distinct: HashSet<&str> = tokenized
            .phrases
            .iter()
            .chain(&tokenized.together)
            .flatten()
            .map(|t| t.stem.as_str())
            .collect();
        let mut all_stems: Vec<&str> = distinct.into_iter().collect();
        all_stems.sort_unstable();
        let ids: HashMap<&str, u32> = all_stems.iter().copied().zip(0..).collect();
        let id = |stem: &str| ids[stem];
        // A word as written maps to its stem, and a stem to itself; the first
        // phrase to use a form decides, as in the KB's order.
        let mut first_stem: HashMap<&str, u32> = HashMap::new();
        let mut phrases: HashMap<Vec<u32>, Target> = HashMap::new();
        for (tokens, target) in tokenized.phrases.iter().zip(phrase_targets) {
            let key: Vec<u32> = tokens
                .iter()
                .map(|t| {
                    let stem = id(&t.stem);
                    first_stem.entry(&t.surface).or_insert(stem);
                    first_stem.entry(&t.stem).or_insert(stem);
                    stem
                })
                .collect();
            if !key.is_empty() {
                // A phrase shared by a finding and a red flag points at both.
                let entry = phrases.entry(key).or_default();
                entry.finding = target.finding.or(entry.finding);
                entry.red_flag = target.red_flag.or(entry.red_flag);
            }
        }
        // Together sets of findings and of red flags, as stem ids; their words
        // resolve exactly, like phrase words, and are typo targets too.
        let set_targets = targets_in_kb_order(kb, |f| f.together.len(), |r| r.together.len());
        let together: Vec<(Target, Vec<u32>)> = set_targets
            .zip(&tokenized.together)
            .map(|(target, tokens)| {
                let set = tokens
                    .iter()
                    .map(|t| {
                        let stem = id(&t.stem);
                        first_stem.entry(&t.stem).or_insert(stem);
                        stem
                    })
                    .collect();
                (target, set)
            })
            .collect();
        let mut forms: Vec<(&str, u32)> = first_stem.into_iter().collect();
        forms.sort_unstable();
        let form_stems = forms.iter().map(|&(_, stem)| stem).collect();
        let forms = SortedRuns::from_sorted(forms.iter().map(|(f, _)| f.as_bytes()));
        let mut phrases: Vec<(Vec<u32>, Target)> = phrases.into_iter().collect();
        phrases.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let phrase_targets = phrases.iter().map(|&(_, t)| t).collect();
        let phrases = SortedRuns::from_sorted(phrases.iter().map(|(key, _)| key.as_slice()));
        let stems = SortedRuns::from_sorted(all_stems.iter().map(|s| s.as_bytes()));
        let mut durations: Vec<(usize, u32)> = kb
            .red_flags
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.min_duration_days.map(|d| (i, d)))
            .collect();
        durations.sort_by_key(|&(i, d)| (std::cmp::Reverse(d), i));
        Matcher::assemble(Matcher {
            stems,
            phrases,
            phrase_targets,
            longest: 0,
            forms,
            form_stems,
            typos: OnceLock::new(),
            together,
            together_by_first: HashMap::new(),
            durations,
        })
    }

    /// Fills in what the tables imply: the longest phrase and the sets by their
    /// first stem, which the pre-built form therefore need not store.
    fn assemble(mut self) -> Self {
        self.longest = (0..self.phrases.len())
            .map(|i| self.phrases.get(i).len())
            .max()
            .unwrap_or(0);
        // Validation guarantees every set has two or more words.
        for (i, (_, set)) in self.together.iter().enumerate() {
            self.together_by_first.entry(set[0]).or_default().push(i);
        }
        self
    }

    /// Writes the matcher's tables for the pre-built KB (see [`crate::kb::prebuilt`]),
    /// in a fixed order so the same KB always gives the same bytes.
    pub fn write(&self, w: &mut Writer) {
        let target = |w: &mut Writer, t: &Target| {
            w.opt(t.finding);
            w.opt(t.red_flag);
        };
        w.bytes(&self.stems.items);
        w.ids(&self.stems.ends);
        w.ids(&self.phrases.items);
        w.ids(&self.phrases.ends);
        for t in &self.phrase_targets {
            target(w, t);
        }
        w.bytes(&self.forms.items);
        w.ids(&self.forms.ends);
        w.ids(&self.form_stems);
        w.num(self.together.len());
        for (t, set) in &self.together {
            target(w, t);
            w.ids(set);
        }
        w.num(self.durations.len());
        for &(flag, days) in &self.durations {
            w.num(flag);
            w.num(days as usize);
        }
    }

    /// Reads what [`Matcher::write`] wrote.
    pub fn read(r: &mut Reader) -> Self {
        let target = |r: &mut Reader| Target {
            finding: r.opt(),
            red_flag: r.opt(),
        };
        let stems = SortedRuns {
            items: r.bytes(),
            ends: r.ids(),
        };
        let phrases = SortedRuns {
            items: r.ids(),
            ends: r.ids(),
        };
        let phrase_targets = (0..phrases.len()).map(|_| target(r)).collect();
        let forms = SortedRuns {
            items: r.bytes(),
            ends: r.ids(),
        };
        Matcher::assemble(Matcher {
            stems,
            phrases,
            phrase_targets,
            longest: 0,
            forms,
            form_stems: r.ids(),
            typos: OnceLock::new(),
            together: r.list(|r| (target(r), r.ids())),
            together_by_first: HashMap::new(),
            durations: r.list(|r| (r.num(), r.num() as u32)),
        })
    }

    /// The stem id to match a query word as, and whether it was corrected; None
    /// when the word is not in the vocabulary and has no close enough match.
    fn resolve(&self, token: &Token) -> Option<(u32, bool)> {
        if let Some(id) = self.stems.find(token.stem.as_bytes()) {
            return Some((id as u32, false));
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
        let typos = self.typos.get_or_init(|| TypoIndex::new(self));
        // The stem is compared too ("twichings" is near "twitch"), but under the
        // limit for its own length: a short stem is as easily mistaken for another
        // word as a short word is ("wakness" has the stem "wak", one edit from
        // "walk").
        let stem_limit = typo_limit(token.stem.chars().count()).min(limit);
        // Each candidate form's distance from the word as typed (exact) and from
        // the stem (when within the stem's limit).
        let mut candidates: BTreeMap<u32, (usize, Option<usize>)> = BTreeMap::new();
        let word_chars: Vec<char> = word.chars().collect();
        for (form, d) in typos.within(&word_chars, limit) {
            candidates.insert(form, (d, None));
        }
        if token.stem != token.surface {
            let stem_chars: Vec<char> = token.stem.chars().collect();
            for (form, d) in typos.within(&stem_chars, stem_limit) {
                let w = &typos.forms[form as usize];
                // Candidates are forms no longer than the word allows.
                if w.len <= len + limit {
                    candidates
                        .entry(form)
                        .or_insert_with(|| (strsim::osa_distance(word, &w.form), None))
                        .1 = Some(d);
                }
            }
        }
        // Prefer the smaller distance, then the one nearer the word as typed, then
        // the same first letter, then the alphabetically first form: the same word
        // always gets the same fix.
        let first = word.chars().next();
        candidates
            .into_iter()
            .map(|(form, (word_d, stem_d))| {
                let d = stem_d.map_or(word_d, |s| s.min(word_d));
                (d, word_d, &typos.forms[form as usize])
            })
            .min_by_key(|&(d, word_d, w)| {
                (d, word_d, w.form.chars().next() != first, w.form.as_str())
            })
            .map(|(.., w)| (w.stem, true))
    }

    /// Recognizes the findings and red-flag phrases in a query.
    pub fn find(&self, query: &str) -> Matches {
        let tokens = tokenize(query);
        // A long query repeats its words; each distinct word is resolved once.
        let mut seen: HashMap<&str, Option<(u32, bool)>> = HashMap::new();
        let resolved: Vec<Option<(u32, bool)>> = tokens
            .iter()
            .map(|t| {
                *seen
                    .entry(t.surface.as_str())
                    .or_insert_with(|| self.resolve(t))
            })
            .collect();
        // Unknown words get an id no stem has, so they never complete a phrase.
        let stems: Vec<u32> = resolved
            .iter()
            .map(|r| r.map_or(u32::MAX, |(id, _)| id))
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
            let found = (1..=max).rev().find_map(|n| {
                let phrase = self.phrases.find(&stems[i..i + n])?;
                Some((n, self.phrase_targets[phrase]))
            });
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

        // Words inside a multi-word finding phrase mean what that phrase says
        // ("dark yellow urine" is concentrated urine, not dark urine), so red flags'
        // word sets do not reuse them: that would be a false alarm. Findings' sets
        // may ("protein poor diet" is also low protein), and single-word phrases
        // (body areas) stay available to all.
        let mut claimed = vec![false; tokens.len()];
        for &(start, end, target) in &spans {
            if end - start > 1 && target.finding.is_some() && target.red_flag.is_none() {
                claimed[start..end].iter_mut().for_each(|c| *c = true);
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
        self.find_together(
            &tokens,
            &stems,
            &resolved,
            &claimed,
            &mut hits,
            &mut covered,
        );
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
        stems: &[u32],
        resolved: &[Option<(u32, bool)>],
        claimed: &[bool],
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
            // Only sets whose first word is in the clause can match; in KB order,
            // as each match can hide later sets for the same target.
            let mut candidates: Vec<usize> = stems[start..end]
                .iter()
                .filter_map(|id| self.together_by_first.get(id))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            for (target, set) in candidates.into_iter().map(|i| &self.together[i]) {
                if reported.contains(target) {
                    continue;
                }
                let positions: Option<Vec<usize>> = set
                    .iter()
                    .map(|w| {
                        (start..end)
                            .find(|&k| stems[k] == *w && (target.red_flag.is_none() || !claimed[k]))
                    })
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

/// A correction candidate: a phrase word as written, or a stem.
#[derive(Debug, Clone)]
struct TypoForm {
    form: String,
    /// Length in characters.
    len: usize,
    /// The stem id a word corrected to this form takes.
    stem: u32,
}

/// The correction candidates in a trie of their characters. A search carries one
/// row of the edit-distance table per trie node and leaves a branch as soon as
/// every cell of its row exceeds the limit, so a word is compared only with forms
/// that share a close prefix rather than with the whole vocabulary, and the cost
/// of a correction barely grows with the knowledge base.
#[derive(Debug, Clone)]
struct TypoIndex {
    forms: Vec<TypoForm>,
    nodes: Vec<TrieNode>,
    /// The longest form, in characters: the deepest the trie goes.
    longest: usize,
}

#[derive(Debug, Clone, Default)]
struct TrieNode {
    children: Vec<(char, u32)>,
    /// The form that ends here, if any.
    form: Option<u32>,
}

impl TypoIndex {
    fn new(matcher: &Matcher) -> Self {
        let forms = matcher.forms.len();
        let mut index = TypoIndex {
            forms: Vec::with_capacity(forms),
            nodes: vec![TrieNode::default()],
            longest: 0,
        };
        let forms = matcher.forms.iter().map(text);
        for (form, &stem) in forms.zip(&matcher.form_stems) {
            let mut node = 0;
            for c in form.chars() {
                let found = index.nodes[node]
                    .children
                    .iter()
                    .find(|&&(k, _)| k == c)
                    .map(|&(_, child)| child as usize);
                node = match found {
                    Some(child) => child,
                    None => {
                        index.nodes.push(TrieNode::default());
                        let child = index.nodes.len() - 1;
                        index.nodes[node].children.push((c, child as u32));
                        child
                    }
                };
            }
            index.nodes[node].form = Some(index.forms.len() as u32);
            index.longest = index.longest.max(form.chars().count());
            index.forms.push(TypoForm {
                form: form.to_string(),
                len: form.chars().count(),
                stem,
            });
        }
        index
    }

    /// Every form within `limit` of `word` by optimal string alignment distance
    /// (strsim's `osa_distance`: an adjacent swap costs one edit), with its distance.
    fn within(&self, word: &[char], limit: usize) -> Vec<(u32, usize)> {
        // The distance is at least the difference in length: a word longer than
        // every form by more than the limit has no candidate, and searching would
        // cost a row as long as the word per trie node (a 1 MiB "word").
        if word.len() > self.longest + limit {
            return Vec::new();
        }
        let width = word.len() + 1;
        // One row per trie depth, plus two starting rows (0, 1, 2, ...), reused
        // by every branch of the search.
        let mut rows = vec![0; (self.longest + 2) * width];
        for (j, cell) in rows[..2 * width].iter_mut().enumerate() {
            *cell = j % width;
        }
        let mut found = Vec::new();
        self.search(0, 0, None, word, limit, &mut rows, &mut found);
        found
    }

    /// Extends the table by the characters below `node`. Rows `depth` and
    /// `depth + 1` hold the table for the trie path so far (`depth` characters, the
    /// last being `last`); a swap of two characters reaches back to the first.
    #[allow(clippy::too_many_arguments)]
    fn search(
        &self,
        node: usize,
        depth: usize,
        last: Option<char>,
        word: &[char],
        limit: usize,
        rows: &mut [usize],
        found: &mut Vec<(u32, usize)>,
    ) {
        let width = word.len() + 1;
        for &(c, child) in &self.nodes[node].children {
            let (before, after) = rows.split_at_mut((depth + 2) * width);
            let prev2 = &before[depth * width..(depth + 1) * width];
            let prev = &before[(depth + 1) * width..];
            let row = &mut after[..width];
            row[0] = depth + 1;
            for j in 1..width {
                let w = word[j - 1];
                let cost = usize::from(c != w);
                row[j] = (row[j - 1] + 1).min(prev[j] + 1).min(prev[j - 1] + cost);
                if j > 1 && c != w && c == word[j - 2] && last == Some(w) {
                    row[j] = row[j].min(prev2[j - 2] + 1);
                }
            }
            let child = child as usize;
            if let Some(form) = self.nodes[child].form {
                if row[width - 1] <= limit {
                    found.push((form, row[width - 1]));
                }
            }
            // Cells never shrink further down (a swap reaches back one row,
            // whose cells bound this row's), so a row all over the limit ends the branch.
            if row.iter().any(|&d| d <= limit) {
                self.search(child, depth + 1, Some(c), word, limit, rows, found);
            }
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

    /// The trie search finds exactly the forms a full scan with strsim finds, at the
    /// same distances, for words near and far from the vocabulary.
    #[test]
    fn typo_index_agrees_with_a_full_scan() {
        let kb = KnowledgeBase::embedded().unwrap();
        let m = Matcher::new(&kb);
        let index = TypoIndex::new(&m);
        let mut probes: Vec<String> = Vec::new();
        for (i, f) in index.forms.iter().enumerate().step_by(7) {
            let chars: Vec<char> = f.form.chars().collect();
            let k = i % chars.len();
            let mut swapped = chars.clone();
            swapped.swap(k, (k + 1) % chars.len());
            let mut edited = chars.clone();
            edited[k] = 'q';
            edited.remove((k + 2) % edited.len());
            probes.push(swapped.into_iter().collect());
            probes.push(edited.into_iter().collect());
            probes.push(format!("{}xy", f.form));
        }
        probes.extend(["twiching", "eylid", "abcdefgh", "crampng", "nite"].map(String::from));
        for word in &probes {
            let chars: Vec<char> = word.chars().collect();
            let distances: Vec<(u32, usize)> = index
                .forms
                .iter()
                .enumerate()
                .map(|(i, f)| (i as u32, strsim::osa_distance(word, &f.form)))
                .collect();
            for limit in 1..=3 {
                let mut fast = index.within(&chars, limit);
                fast.sort();
                let slow: Vec<(u32, usize)> = distances
                    .iter()
                    .copied()
                    .filter(|&(_, d)| d <= limit)
                    .collect();
                assert_eq!(fast, slow, "{word} within {limit}");
            }
        }
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
