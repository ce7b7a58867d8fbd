//! Patterns: the knowledge base's phrases and word sets, compiled to stem ids,
//! and the scans that find them in a query (longest phrase first; a word set's
//! words anywhere in one clause). Concept patterns will live here too.

use std::collections::{HashMap, HashSet};

use super::concepts::{self, Concepts};
use super::mention::Target;
use super::sorted_runs::{FirstRanges, Grouped, SortedRuns};
use super::tokens::{tokenize, Token};
use super::typos::Typos;
use crate::codec::{Reader, Writer};
use crate::kb::{Finding, KnowledgeBase, RedFlag};

/// A phrase found in the query: tokens `start..end`.
pub type Span = (usize, usize, Target);

/// The KB's phrases and word-set words, tokenized. Tokenizing stems every word,
/// which is most of what compiling costs, so build.rs compiles the embedded KB's
/// patterns once and stores them (see `crate::prebuilt`).
#[derive(Debug, Clone, PartialEq)]
pub struct Tokenized {
    /// Each phrase's tokens: findings' phrases first, then red flags', in file order.
    pub phrases: Vec<Vec<Token>>,
    /// Each word set's tokens: findings' sets first, then red flags'.
    pub together: Vec<Vec<Token>>,
    /// Each class term's tokens, then each plain-word pattern element's
    /// (see [`concepts::texts`]).
    pub terms: Vec<Vec<Token>>,
}

impl Tokenized {
    pub fn of(kb: &KnowledgeBase) -> Self {
        let phrases = kb
            .findings
            .iter()
            .flat_map(|f| &f.phrases)
            .chain(kb.red_flags.iter().flat_map(|r| &r.phrases))
            .map(|p| tokenize(p))
            .collect();
        let together = kb
            .findings
            .iter()
            .flat_map(|f| &f.together)
            .chain(kb.red_flags.iter().flat_map(|r| &r.together))
            .map(|set| set.iter().flat_map(|w| tokenize(w)).collect())
            .collect();
        let terms = concepts::texts(kb).map(tokenize).collect();
        Tokenized {
            phrases,
            together,
            terms,
        }
    }
}

/// The phrase and word-set tables of a KB.
#[derive(Debug, Clone)]
pub struct Patterns {
    /// Every stem that appears in some phrase or word set, sorted; a stem's
    /// id is its index. A query word with one of these stems needs no correction.
    stems: SortedRuns<u8>,
    /// Each phrase as the ids of its stems, sorted, and what each points at.
    phrases: SortedRuns<u32>,
    phrase_targets: Vec<Target>,
    /// Where the phrases starting with each stem are (worked out, not stored).
    phrase_firsts: FirstRanges,
    /// The most stems in a phrase.
    longest: usize,
    /// Findings and red flags reported by a set of stems found together in one clause.
    /// Stored end to end (in KB order, not sorted), so reading them costs two
    /// allocations rather than one a set (about 1 700 sets).
    together_targets: Vec<Target>,
    together: SortedRuns<u32>,
    /// Indices into `together` by the set's first stem, so a query is checked only
    /// against sets it could complete, not every set in the KB.
    together_by_first: Grouped<u32>,
    /// Word classes and the patterns over them.
    pub concepts: Concepts,
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

impl Patterns {
    /// Compiles the KB's phrases and word sets already tokenized, with the typo
    /// forms their words give.
    pub fn compile(kb: &KnowledgeBase, tokenized: &Tokenized) -> (Self, Typos) {
        let phrase_targets = targets_in_kb_order(kb, |f| f.phrases.len(), |r| r.phrases.len());
        // Stems are numbered in sorted order, so a word's stem id is found by
        // binary search.
        // (Hash maps while building, sorted at the end: a KB 100 times the shipped
        // one has 250 000 phrase words.)
        let distinct: HashSet<&str> = tokenized
            .phrases
            .iter()
            .chain(&tokenized.together)
            .chain(&tokenized.terms)
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
        // Word sets of findings and of red flags, as stem ids; their words
        // resolve exactly, like phrase words, and are typo targets too.
        let set_targets = targets_in_kb_order(kb, |f| f.together.len(), |r| r.together.len());
        let mut together_targets = Vec::new();
        let mut together = SortedRuns::default();
        for (target, tokens) in set_targets.zip(&tokenized.together) {
            together_targets.push(target);
            for t in tokens {
                let stem = id(&t.stem);
                first_stem.entry(&t.stem).or_insert(stem);
                together.items.to_mut().push(stem);
            }
            together.ends.to_mut().push(together.items.len() as u32);
        }
        // Class terms are matched like phrase words, so typos of them are fixed too.
        for t in tokenized.terms.iter().flatten() {
            let stem = id(&t.stem);
            first_stem.entry(&t.surface).or_insert(stem);
            first_stem.entry(&t.stem).or_insert(stem);
        }
        let concepts = Concepts::compile(kb, &tokenized.terms, id);
        let mut forms: Vec<(&str, u32)> = first_stem.into_iter().collect();
        forms.sort_unstable();
        let typos = Typos::new(&forms);
        let mut phrases: Vec<(Vec<u32>, Target)> = phrases.into_iter().collect();
        phrases.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let phrase_targets = phrases.iter().map(|&(_, t)| t).collect();
        let phrases = SortedRuns::from_sorted(phrases.iter().map(|(key, _)| key.as_slice()));
        let stems = SortedRuns::from_sorted(all_stems.iter().map(|s| s.as_bytes()));
        let patterns = Patterns::assemble(Patterns {
            stems,
            phrases,
            phrase_targets,
            phrase_firsts: FirstRanges::default(),
            longest: 0,
            together_targets,
            together,
            together_by_first: Grouped::default(),
            concepts,
        });
        (patterns, typos)
    }

    /// Fills in what the tables imply: the longest phrase and the sets by their
    /// first stem (stored in the pre-built form, so reading it builds nothing).
    fn assemble(mut self) -> Self {
        self.phrase_firsts = FirstRanges::of(&self.phrases);
        self.longest = (0..self.phrases.len())
            .map(|i| self.phrases.get(i).len())
            .max()
            .unwrap_or(0);
        // Validation guarantees every set has two or more words.
        self.together_by_first = Grouped::new(
            (self.together.iter().zip(0..))
                .map(|(set, i)| (set[0], i))
                .collect(),
        );
        self
    }

    /// Writes the tables for the pre-built KB, in a fixed order so the same KB
    /// always gives the same bytes.
    pub fn write(&self, w: &mut Writer) {
        let target = |w: &mut Writer, t: &Target| {
            w.opt(t.finding);
            w.opt(t.red_flag);
        };
        w.bytes(&self.stems.items);
        w.ids(&self.stems.ends);
        w.ids(&self.phrases.items);
        w.ids(&self.phrases.ends);
        w.ids(self.phrase_firsts.stored());
        for t in &self.phrase_targets {
            target(w, t);
        }
        w.num(self.together_targets.len());
        for t in &self.together_targets {
            target(w, t);
        }
        w.ids(&self.together.items);
        w.ids(&self.together.ends);
        w.num(self.longest);
        w.ids(&self.together_by_first.keys);
        w.ids(&self.together_by_first.values);
        self.concepts.write(w);
    }

    /// Reads what [`Patterns::write`] wrote.
    pub fn read(r: &mut Reader<'static>) -> Self {
        let target = |r: &mut Reader| Target {
            finding: r.opt(),
            red_flag: r.opt(),
        };
        let stems = SortedRuns {
            items: r.byte_table(),
            ends: r.id_table(),
        };
        let phrases = SortedRuns {
            items: r.id_table(),
            ends: r.id_table(),
        };
        let phrase_firsts = FirstRanges::from_stored(r.id_table());
        let phrase_targets = (0..phrases.len()).map(|_| target(r)).collect();
        Patterns {
            stems,
            phrase_firsts,
            phrases,
            phrase_targets,
            together_targets: r.list(target),
            together: SortedRuns {
                items: r.id_table(),
                ends: r.id_table(),
            },
            longest: r.num(),
            together_by_first: Grouped {
                keys: r.id_table(),
                values: r.id_table(),
            },
            concepts: Concepts::read(r),
        }
    }

    /// The id of a stem in the vocabulary, if it is one.
    pub fn stem_id(&self, stem: &str) -> Option<u32> {
        self.stems.find(stem.as_bytes()).map(|id| id as u32)
    }

    /// The phrases in a query of stem ids, longest match first, never across a
    /// clause break; sorted by start and not overlapping.
    pub fn phrases_in(&self, tokens: &[Token], stems: &[u32]) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            // No phrase starts with an unknown word (a long line of made-up words
            // is nearly all of them).
            if stems[i] == u32::MAX {
                i += 1;
                continue;
            }
            // Only as far as the longest phrase: scanning a whole clause here would
            // make a long single-clause query quadratic.
            let max = tokens[i..]
                .iter()
                .take(self.longest)
                .take_while(|t| t.clause == tokens[i].clause)
                .count();
            // The longest phrase here: grown a word at a time while some phrase
            // starts with the words so far.
            let mut found = None;
            for n in 1..=max {
                let (phrase, longer) = self
                    .phrases
                    .find_prefix_from(&stems[i..i + n], &self.phrase_firsts);
                if let Some(phrase) = phrase {
                    found = Some((n, self.phrase_targets[phrase]));
                }
                if !longer {
                    break;
                }
            }
            match found {
                Some((n, target)) => {
                    spans.push((i, i + n, target));
                    i += n;
                }
                None => i += 1,
            }
        }
        spans
    }

    /// The word sets whose words all appear in one clause: each set's target and
    /// the positions of its words, at most one set per target and clause.
    /// `claimed` words (inside a multi-word finding phrase) do not count for red
    /// flags' sets.
    pub fn sets_in(&self, query: &Query, claimed: &[bool]) -> Vec<(Target, Vec<usize>)> {
        let mut found: Vec<(Target, Vec<usize>)> = Vec::new();
        if self.together_targets.is_empty() {
            return found;
        }
        // Per stem id, where it first stands in the clause being read, any and
        // unclaimed: each set word is then found at once, not by walking the
        // clause, and each distinct stem is looked up in the sets once a clause.
        // The table is kept from query to query (one per thread): filling one
        // entry per vocabulary stem anew cost more than the scan itself.
        FIRSTS.with(|firsts| {
            let mut firsts = firsts.borrow_mut();
            self.sets_in_with(query, claimed, &mut firsts, &mut found);
        });
        found
    }

    /// [`Patterns::sets_in`], with the table of first positions to use.
    fn sets_in_with(
        &self,
        query: &Query,
        claimed: &[bool],
        firsts: &mut FirstPositions,
        found: &mut Vec<(Target, Vec<usize>)>,
    ) {
        let Query { tokens, stems, .. } = *query;
        firsts.fit(self.stems.len());
        let mut candidates: Vec<usize> = Vec::new();
        let mut start = 0;
        while start < tokens.len() {
            let end = tokens[start..]
                .iter()
                .position(|t| t.clause != tokens[start].clause)
                .map_or(tokens.len(), |p| start + p);
            let clause = firsts.next_clause();
            // Only sets whose first word is in the clause can match; in KB order.
            candidates.clear();
            for k in start..end {
                // A number that is a point in an activity ("60 mins in") is, for
                // red flags, as good as claimed: not how long a cramp lasted.
                let unfit = claimed[k] || time_point(tokens, k);
                if firsts.note(clause, stems[k], k, unfit) {
                    candidates.extend(self.together_by_first.get(&stems[k]));
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            let mut here: HashSet<Target> = HashSet::new();
            for (target, set) in candidates
                .iter()
                .map(|&i| (&self.together_targets[i], self.together.get(i)))
            {
                if here.contains(target) {
                    continue;
                }
                let at = |w: &u32| firsts.of(clause, *w, target.red_flag.is_some());
                if set.iter().all(|w| at(w).is_some()) {
                    let mut positions: Vec<usize> = set.iter().filter_map(at).collect();
                    positions.sort_unstable();
                    positions.dedup();
                    here.insert(*target);
                    found.push((*target, positions));
                }
            }
            start = end;
        }
    }
}

thread_local! {
    /// Each thread's table for [`Patterns::sets_in`].
    static FIRSTS: std::cell::RefCell<FirstPositions> =
        std::cell::RefCell::new(FirstPositions::default());
}

/// Where each stem id first stands in one clause: any occurrence, and one not
/// claimed by a finding's phrase. Entries are stamped with the clause they
/// belong to, and every clause of every query gets a new stamp, so moving to the
/// next clause (or query) clears nothing.
#[derive(Default)]
struct FirstPositions {
    /// Per stem id: the stamp of the clause it was last noted in, then its
    /// first position and first unclaimed position there, each plus one (0:
    /// none). All zero is "never noted", so the table is grown as a zeroed
    /// allocation, whose pages the system provides only once an entry on them is
    /// written: one `check` notes a few words and does not write the whole
    /// vocabulary's table (about 300 KB) as filling it with another value did.
    entries: Vec<[usize; 3]>,
    /// The last stamp given (0: none yet).
    stamp: usize,
}

impl FirstPositions {
    /// Makes room for `vocabulary` stem ids, once per thread and KB size.
    fn fit(&mut self, vocabulary: usize) {
        if self.entries.len() < vocabulary {
            self.entries = vec![[0; 3]; vocabulary];
        }
    }

    /// The stamp of the next clause read, never given before.
    fn next_clause(&mut self) -> usize {
        self.stamp += 1;
        self.stamp
    }

    /// Notes stem `id` at token `k` of the clause stamped `clause`; true when it
    /// is the stem's first in the clause. Unknown words (`u32::MAX`) are never
    /// noted.
    fn note(&mut self, clause: usize, id: u32, k: usize, claimed: bool) -> bool {
        if id == u32::MAX {
            return false;
        }
        let entry = &mut self.entries[id as usize];
        let first = entry[0] != clause;
        if first {
            *entry = [clause, k + 1, 0];
        }
        if !claimed && entry[2] == 0 {
            entry[2] = k + 1;
        }
        first
    }

    /// Where stem `id` first stands in clause `clause`, unclaimed when asked.
    fn of(&self, clause: usize, id: u32, unclaimed: bool) -> Option<usize> {
        let &[stamp, any, free] = self.entries.get(id as usize)?;
        let k = if unclaimed { free } else { any };
        (stamp == clause && k != 0).then(|| k - 1)
    }
}

/// A query as the pattern scans see it: its tokens, each token's stem id
/// (`u32::MAX` for a word not in the vocabulary) and whether it was corrected.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    pub tokens: &'a [Token],
    pub stems: &'a [u32],
    pub corrected: &'a [bool],
}

/// True when the word at `k` is the number of a point in time within an activity,
/// not how long something lasted: "60 mins in", "in the last 10 minutes" of a
/// match, "the first 5 minutes" ("for the last 20 minutes" is a duration).
fn time_point(tokens: &[Token], k: usize) -> bool {
    const UNITS: &[&str] = &[
        "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    ];
    let clause = tokens[k].clause;
    let at = |j: usize| {
        tokens
            .get(j)
            .filter(|t| t.clause == clause)
            .map(|t| t.surface.as_str())
    };
    let before = |n: usize| k.checked_sub(n).and_then(at);
    if !tokens[k].surface.chars().all(|c| c.is_ascii_digit())
        && super::lexicon::number(&tokens[k].surface).is_none()
    {
        return false;
    }
    let unit_then_in =
        at(k + 1).is_some_and(|u| UNITS.contains(&u)) && matches!(at(k + 2), Some("in" | "into"));
    let ordinal = match before(1) {
        Some("first" | "final" | "opening" | "closing") => true,
        Some("last") => !matches!(
            before(2),
            Some("for" | "over" | "past" | "whole" | "entire" | "all")
        ),
        _ => false,
    };
    unit_then_in || ordinal
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `sets_in` finds, by walking the clause for every word of every set
    /// (as it did before it noted each stem's first place).
    fn sets_by_walking(p: &Patterns, query: &Query, claimed: &[bool]) -> Vec<(Target, Vec<usize>)> {
        let Query { tokens, stems, .. } = *query;
        let mut found: Vec<(Target, Vec<usize>)> = Vec::new();
        let mut start = 0;
        while start < tokens.len() {
            let end = tokens[start..]
                .iter()
                .position(|t| t.clause != tokens[start].clause)
                .map_or(tokens.len(), |q| start + q);
            let mut candidates: Vec<usize> = stems[start..end]
                .iter()
                .flat_map(|id| p.together_by_first.get(id))
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            let mut here: HashSet<Target> = HashSet::new();
            for i in candidates {
                let (target, set) = (&p.together_targets[i], p.together.get(i));
                if here.contains(target) {
                    continue;
                }
                let positions: Option<Vec<usize>> = set
                    .iter()
                    .map(|w| {
                        (start..end).find(|&k| {
                            stems[k] == *w
                                && (target.red_flag.is_none()
                                    || !claimed[k] && !time_point(tokens, k))
                        })
                    })
                    .collect();
                if let Some(mut positions) = positions {
                    positions.sort_unstable();
                    positions.dedup();
                    here.insert(*target);
                    found.push((*target, positions));
                }
            }
            start = end;
        }
        found
    }

    #[test]
    fn sets_in_agrees_with_walking_each_clause() {
        let kb = crate::kb::load_embedded().expect("the embedded KB");
        let understander = super::super::Understander::new(&kb);
        let patterns = &understander.patterns;
        let mut words: Vec<&str> = kb
            .findings
            .iter()
            .flat_map(|f| &f.together)
            .chain(kb.red_flags.iter().flat_map(|r| &r.together))
            .flatten()
            .map(|w| &**w)
            .collect();
        words.sort_unstable();
        words.dedup();
        words.extend(["zqx", "and", "but", ",", "."]);
        let mut seed: u64 = 11;
        let mut next = |below: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % below
        };
        let mut hits = 0;
        for round in 0..400 {
            // Few distinct words a query, so sets complete; long clauses too.
            let pool: Vec<&str> = (0..6 + next(10))
                .map(|_| words[next(words.len())])
                .collect();
            let length = if round % 10 == 0 { 300 } else { 1 + next(40) };
            let text: Vec<&str> = (0..length).map(|_| pool[next(pool.len())]).collect();
            let tokens = tokenize(&text.join(" "));
            let stems: Vec<u32> = tokens
                .iter()
                .map(|t| patterns.stem_id(&t.stem).unwrap_or(u32::MAX))
                .collect();
            let claimed: Vec<bool> = tokens.iter().map(|_| next(4) == 0).collect();
            let corrected = vec![false; tokens.len()];
            let query = Query {
                tokens: &tokens,
                stems: &stems,
                corrected: &corrected,
            };
            let expected = sets_by_walking(patterns, &query, &claimed);
            hits += expected.len();
            assert_eq!(patterns.sets_in(&query, &claimed), expected, "{text:?}");
        }
        assert!(hits > 100, "{hits}");
    }
}
