//! Concepts: the knowledge base's word classes found in a query, and the patterns
//! over them ("all of these classes within N words of one sentence") that report
//! findings, red flags and named causes.
//!
//! One class serves many patterns: `urine` (urine, pee, wee, ...) and `dark-colour`
//! (brown, cola, strong tea, ...) make one pattern that catches "wee the colour of
//! strong tea", where a phrase list would need every pairing spelled out.
//!
//! Facts span sentences in two ways. A sentence that goes on about the one before
//! ("She's had diarrhoea...", "Since then...") joins it into one passage, and
//! patterns look within a passage. A class marked `state` (a medicine taken, an
//! operation had) holds for the whole message about that person: "My wife takes
//! lithium. ... she's walking like she's drunk" combines lithium with the sign,
//! while "I take lithium. My wife is unsteady" does not (see [`persons`]).

use std::collections::HashMap;

use super::lexicon::{classes, has, is, Class};
use super::sorted_runs::{FirstRanges, Grouped, SortedRuns};
use super::tokens::Token;
use super::WordMap;
use crate::codec::{Reader, Writer};
use crate::kb::{Element, KnowledgeBase, PatternTarget, Scope};

/// A pattern with its elements as class ids (a plain-word element is a class of
/// its own, numbered after the KB's classes).
#[derive(Debug, Clone, PartialEq)]
/// Its elements' classes and states are in [`Concepts::elements`] and
/// [`Concepts::states`], end to end for all patterns.
struct Compiled {
    target: PatternTarget,
    /// The element the pattern is looked for from: its first that is not a
    /// state (or its first, when all are), so "lithium" in an earlier sentence
    /// does not keep the pattern from being tried where the signs are.
    anchor: usize,
    within: u32,
    scope: Scope,
}

/// The class and pattern tables of a KB.
#[derive(Debug, Clone, Default)]
pub struct Concepts {
    /// Every term as stem ids, sorted, and the classes each belongs to.
    terms: SortedRuns<u32>,
    term_classes: SortedRuns<u32>,
    /// Where the terms starting with each stem are (stored in the pre-built form: working it out at start-up cost more than reading the rest).
    term_firsts: FirstRanges,
    /// The most stems in a term.
    longest: usize,
    patterns: Vec<Compiled>,
    /// Each pattern's elements as class ids, end to end (pattern order, not sorted).
    elements: SortedRuns<u32>,
    /// Per element of `elements.items`: a state, which may come from elsewhere in
    /// the message.
    states: Vec<bool>,
    /// Pattern indices by the class of their anchor element.
    by_first: Grouped<u32>,
    /// The classes some pattern uses as a state element.
    state_classes: Vec<u32>,
    /// Numeric range terms (`#38-43`): triples of class, lowest and highest
    /// value in tenths. A query token starting with a digit is read as a number
    /// and belongs to every class whose range holds it.
    ranges: Vec<u32>,
}

/// A `#lo-hi` range term as tenths (`#38-43`, `#100.4-110`), or None.
pub fn range_term(term: &str) -> Option<(u32, u32)> {
    let (lo, hi) = term.strip_prefix('#')?.split_once('-')?;
    let (lo, hi) = (tenths(lo.trim())?, tenths(hi.trim())?);
    (lo <= hi).then_some((lo, hi))
}

/// A plain decimal number as tenths ("38", "38.9", "39,5"), or None.
fn tenths(text: &str) -> Option<u32> {
    let text = text.replace(',', ".");
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let v: f64 = text.parse().ok()?;
    (v < 100_000.0).then(|| (v * 10.0).round() as u32)
}

/// The number a query token starts with ("102f" -> 102, "89" -> 89), in tenths.
pub fn token_number(surface: &str) -> Option<u32> {
    if !surface.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let end = surface
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(surface.len());
    let digits = surface[..end].trim_end_matches(['.', ',']);
    tenths(digits)
}

/// A class found in the query: tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub start: usize,
    pub end: usize,
    class: u32,
}

/// A pattern found in the query: what it reports and the term spans it used.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub target: PatternTarget,
    pub spans: Vec<(usize, usize)>,
    /// The spans of its state elements (a medicine, an operation), which may be in
    /// another sentence: their context may veto the pattern (never had it, what
    /// if), but a past tense does not ("had my thyroid out" is still the state).
    pub states: Vec<(usize, usize)>,
}

/// The texts to tokenize for the concept tables, in the order [`Concepts::compile`]
/// reads them: every class's terms, then every plain-word pattern element.
pub fn texts(kb: &KnowledgeBase) -> impl Iterator<Item = &str> {
    let terms = kb.classes.iter().flat_map(|c| c.terms.iter());
    let words = kb
        .patterns
        .iter()
        .flat_map(|p| &p.all)
        .filter_map(|e| match e {
            Element::Phrase(p) => Some(p),
            Element::Class(_) => None,
        });
    terms.chain(words).map(|t| &**t)
}

impl Concepts {
    /// Compiles the classes and patterns from their texts already tokenized (in
    /// [`texts`] order), with `id` giving each stem's vocabulary id.
    pub fn compile(kb: &KnowledgeBase, tokenized: &[Vec<Token>], id: impl Fn(&str) -> u32) -> Self {
        let mut texts = tokenized.iter();
        let mut terms: HashMap<Vec<u32>, Vec<u32>> = HashMap::new();
        let mut add = |tokens: &Vec<Token>, class: u32| {
            let key: Vec<u32> = tokens.iter().map(|t| id(&t.stem)).collect();
            if !key.is_empty() {
                let classes = terms.entry(key).or_default();
                if !classes.contains(&class) {
                    classes.push(class);
                }
            }
        };
        let mut ranges = Vec::new();
        for (c, class) in kb.classes.iter().enumerate() {
            for term in &class.terms {
                let tokens = texts.next().expect("a token list per term");
                match range_term(term) {
                    Some((lo, hi)) => ranges.extend([c as u32, lo, hi]),
                    None => add(tokens, c as u32),
                }
            }
        }
        let mut next_class = kb.classes.len() as u32;
        let mut elements = SortedRuns::default();
        let mut states = Vec::new();
        let mut patterns: Vec<Compiled> = Vec::new();
        for p in &kb.patterns {
            let from = states.len();
            for e in &p.all {
                states.push(matches!(e, Element::Class(c) if kb.classes[*c].state));
                elements.items.to_mut().push(match e {
                    Element::Class(c) => *c as u32,
                    Element::Phrase(_) => {
                        add(texts.next().expect("a token list per word"), next_class);
                        next_class += 1;
                        next_class - 1
                    }
                });
            }
            elements.ends.to_mut().push(elements.items.len() as u32);
            patterns.push(Compiled::new(p.target, &states[from..], p.within, p.scope));
        }
        let mut terms: Vec<(Vec<u32>, Vec<u32>)> = terms.into_iter().collect();
        terms.sort_unstable();
        Self::assemble(Concepts {
            terms: SortedRuns::from_sorted(terms.iter().map(|(k, _)| k.as_slice())),
            term_classes: SortedRuns::from_sorted(terms.iter().map(|(_, c)| c.as_slice())),
            term_firsts: FirstRanges::default(),
            longest: 0,
            patterns,
            elements,
            states,
            by_first: Grouped::default(),
            state_classes: Vec::new(),
            ranges,
        })
    }

    /// Fills in what the tables imply (stored in the pre-built form).
    fn assemble(mut self) -> Self {
        self.term_firsts = FirstRanges::of(&self.terms);
        self.longest = (0..self.terms.len())
            .map(|i| self.terms.get(i).len())
            .max()
            .unwrap_or(0);
        self.by_first = Grouped::new(
            (self.patterns.iter().zip(0..))
                .map(|(p, i)| (self.elements.get(i as usize)[p.anchor], i))
                .collect(),
        );
        // Every pattern's elements, in pattern order.
        let all = self.elements.items.iter().zip(&self.states);
        for (&class, _) in all.filter(|(_, &s)| s) {
            if !self.state_classes.contains(&class) {
                self.state_classes.push(class);
            }
        }
        self
    }

    /// Writes the tables for the pre-built KB.
    pub fn write(&self, w: &mut Writer) {
        w.ids(&self.terms.items);
        w.ids(&self.terms.ends);
        w.ids(self.term_firsts.stored());
        w.ids(&self.term_classes.items);
        w.ids(&self.term_classes.ends);
        w.ids(&self.elements.items);
        w.ids(&self.elements.ends);
        let states: Vec<u8> = self.states.iter().map(|&s| u8::from(s)).collect();
        w.bytes(&states);
        w.num(self.patterns.len());
        for p in &self.patterns {
            crate::prebuilt::write_target(w, p.target);
            w.num(p.within as usize);
            w.num(p.scope as usize);
        }
        w.num(self.longest);
        w.ids(&self.by_first.keys);
        w.ids(&self.by_first.values);
        w.ids(&self.state_classes);
        w.ids(&self.ranges);
    }

    /// Reads what [`Concepts::write`] wrote.
    pub fn read(r: &mut Reader<'static>) -> Self {
        let terms = SortedRuns {
            items: r.id_table(),
            ends: r.id_table(),
        };
        let term_firsts = FirstRanges::from_stored(r.id_table());
        let term_classes = SortedRuns {
            items: r.id_table(),
            ends: r.id_table(),
        };
        let elements = SortedRuns {
            items: r.id_table(),
            ends: r.id_table(),
        };
        let states: Vec<bool> = r.byte_table().iter().map(|&s| s != 0).collect();
        let mut i = 0;
        let patterns = r.list(|r| {
            let target = crate::prebuilt::read_target(r);
            let from = if i == 0 {
                0
            } else {
                elements.ends[i - 1] as usize
            };
            let state = &states[from..elements.ends[i] as usize];
            i += 1;
            Compiled::new(target, state, r.num() as u32, Scope::ALL[r.num()])
        });
        Concepts {
            term_firsts,
            terms,
            term_classes,
            patterns,
            elements,
            states,
            longest: r.num(),
            by_first: Grouped {
                keys: r.id_table(),
                values: r.id_table(),
            },
            state_classes: r.ids(),
            ranges: r.ids(),
        }
    }

    /// Every class term in the query, at every position and of every length (a
    /// word may belong to several classes), within one sentence.
    pub fn occurrences(&self, tokens: &[Token], stems: &[u32]) -> Vec<Occurrence> {
        let mut found = Vec::new();
        if self.patterns.is_empty() {
            return found;
        }
        for i in 0..tokens.len() {
            if !self.ranges.is_empty() {
                if let Some(v) = token_number(&tokens[i].surface) {
                    for r in self.ranges.chunks_exact(3) {
                        if (r[1]..=r[2]).contains(&v)
                            && !found
                                .iter()
                                .any(|o: &Occurrence| o.start == i && o.class == r[0])
                        {
                            found.push(Occurrence {
                                start: i,
                                end: i + 1,
                                class: r[0],
                            });
                        }
                    }
                }
            }
            if stems[i] == u32::MAX {
                continue;
            }
            let max = tokens[i..]
                .iter()
                .take(self.longest)
                .take_while(|t| t.sentence == tokens[i].sentence)
                .count();
            for n in 1..=max {
                let (term, longer) = self
                    .terms
                    .find_prefix_from(&stems[i..i + n], &self.term_firsts);
                if let Some(term) = term {
                    for &class in self.term_classes.get(term) {
                        found.push(Occurrence {
                            start: i,
                            end: i + n,
                            class,
                        });
                    }
                }
                // No term starts with these words: none longer is here.
                if !longer {
                    break;
                }
            }
        }
        found
    }

    /// The patterns whose classes are all found close enough together in one
    /// passage (or clause); a state element may come from anywhere in the message
    /// about the same person. Red flags' patterns skip words inside a multi-word
    /// finding phrase (`claimer`: that phrase's span, per word), which mean what
    /// that phrase says ("dark" in "dark yellow pee"), unless their term covers
    /// the whole phrase ("throwing up" is a sign whoever names it).
    pub fn find(
        &self,
        tokens: &[Token],
        occurrences: &[Occurrence],
        claimer: &[Option<(usize, usize)>],
    ) -> Vec<Found> {
        let mut found = Vec::new();
        let passage = passages(tokens);
        let person = persons(tokens);
        // Every state class's occurrences in the whole message, in query order.
        let mut states: WordMap<u32, Vec<Occurrence>> = WordMap::default();
        for o in occurrences
            .iter()
            .filter(|o| self.state_classes.contains(&o.class))
        {
            states.entry(o.class).or_default().push(*o);
        }
        let passage_of = |o: &Occurrence| passage[tokens[o.start].sentence];
        let mut start = 0;
        while start < occurrences.len() {
            let here_passage = passage_of(&occurrences[start]);
            let end = occurrences[start..]
                .iter()
                .position(|o| passage_of(o) != here_passage)
                .map_or(occurrences.len(), |p| start + p);
            let here = &occurrences[start..end];
            // Each class's occurrences here, in query order, so a pattern looks
            // only within its span of each anchor: linear in a long passage.
            let mut by_class: WordMap<u32, Vec<Occurrence>> = WordMap::default();
            for o in here {
                by_class.entry(o.class).or_default().push(*o);
            }
            let mut candidates: Vec<usize> = by_class
                .keys()
                .flat_map(|class| self.by_first.get(class))
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            for p in candidates {
                let pattern = &self.patterns[p];
                let elements = self.elements_of(p);
                let red_flag = matches!(pattern.target, PatternTarget::RedFlag(_));
                let usable = |o: &&Occurrence| {
                    !red_flag
                        || claimer[o.start..o.end]
                            .iter()
                            .flatten()
                            .all(|&(s, e)| o.start <= s && e <= o.end)
                };
                let elsewhere = |class: u32, anchor: &Occurrence| {
                    let who = person[tokens[anchor.start].sentence];
                    states
                        .get(&class)
                        .into_iter()
                        .flatten()
                        .filter(&usable)
                        .filter(|o| who.same_as(person[tokens[o.start].sentence]))
                        .take(MAX_ANCHORS)
                        .min_by_key(|o| o.start.abs_diff(anchor.start))
                        .map(|o| (o.start, o.end))
                };
                if let Some((spans, states)) =
                    assign(tokens, &by_class, pattern, elements, usable, elsewhere)
                {
                    found.push(Found {
                        target: pattern.target,
                        spans,
                        states,
                    });
                }
            }
            start = end;
        }
        found
    }
}

impl Concepts {
    /// Pattern `i`'s elements: their classes and whether each is a state.
    fn elements_of(&self, i: usize) -> (&[u32], &[bool]) {
        let from = if i == 0 {
            0
        } else {
            self.elements.ends[i - 1] as usize
        };
        let to = self.elements.ends[i] as usize;
        (&self.elements.items[from..to], &self.states[from..to])
    }
}

impl Compiled {
    /// `state`: per element, whether it is a state.
    fn new(target: PatternTarget, state: &[bool], within: u32, scope: Scope) -> Self {
        let anchor = state.iter().position(|&s| !s).unwrap_or(0);
        Compiled {
            target,
            anchor,
            within,
            scope,
        }
    }
}

/// Who a sentence is about, as far as its pronouns and kin words say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Person {
    /// The writer: "I", "me" and no one else named.
    Writer,
    /// Someone else: "my wife", "she", and no "I".
    Other,
    /// Both or neither: it may be about anyone.
    Unknown,
}

impl Person {
    /// True when two sentences may be about the same person.
    fn same_as(self, other: Person) -> bool {
        self == Person::Unknown || other == Person::Unknown || self == other
    }
}

/// The person each sentence is about, by sentence index. A sentence that names
/// no one ("Taking lithium.") is about whoever the one before it was about.
pub fn persons(tokens: &[Token]) -> Vec<Person> {
    let count = tokens.last().map_or(0, |t| t.sentence + 1);
    let (mut writer, mut other) = (vec![false; count], vec![false; count]);
    // One lookup a word for both lists.
    for t in tokens {
        let classes = classes(&t.surface);
        writer[t.sentence] |= has(classes, Class::FirstPerson);
        other[t.sentence] |= has(classes, Class::OtherPerson);
    }
    let mut last = Person::Unknown;
    (0..count)
        .map(|s| {
            let person = match (writer[s], other[s]) {
                (true, false) => Person::Writer,
                (false, true) => Person::Other,
                (true, true) => Person::Unknown,
                (false, false) => last,
            };
            if !(writer[s] && other[s]) {
                last = person;
            }
            person
        })
        .collect()
}

/// The passage of each sentence, by sentence index: a sentence that opens with a
/// word going on about the one before ("She's...", "Since then...", "It...")
/// joins that sentence's passage.
pub fn passages(tokens: &[Token]) -> Vec<usize> {
    let count = tokens.last().map_or(0, |t| t.sentence + 1);
    let mut passage: Vec<usize> = (0..count).collect();
    let mut previous: Option<usize> = None;
    for t in tokens {
        if previous != Some(t.sentence) {
            if t.sentence > 0 && is(Class::Continuation, &t.surface) {
                passage[t.sentence] = passage[t.sentence - 1];
            }
            previous = Some(t.sentence);
        }
    }
    passage
}

/// Finds one occurrence per element of `pattern`, at different places, within its
/// span and scope: the first element's occurrences are tried in turn as the anchor
/// (at most [`MAX_ANCHORS`]), each other element takes its nearest occurrence
/// within the span.
fn assign(
    tokens: &[Token],
    by_class: &WordMap<u32, Vec<Occurrence>>,
    pattern: &Compiled,
    (classes, state): (&[u32], &[bool]),
    usable: impl Fn(&&Occurrence) -> bool,
    elsewhere: impl Fn(u32, &Occurrence) -> Option<(usize, usize)>,
) -> Option<(Spans, Spans)> {
    let within = pattern.within as usize;
    // A pattern of states only (two medicines named) is matched like any other.
    let only_states = state.iter().all(|&s| s);
    let anchors = by_class.get(&classes[pattern.anchor])?;
    'anchor: for anchor in anchors.iter().filter(&usable).take(MAX_ANCHORS) {
        let mut chosen = vec![(anchor.start, anchor.end)];
        // The states a mixed pattern leans on: the nearest said about the same
        // person anywhere in the message; they do not count towards the span.
        let mut states: Spans = Vec::new();
        for (e, class) in classes.iter().enumerate() {
            if e == pattern.anchor {
                continue;
            }
            if state[e] && !only_states {
                match elsewhere(*class, anchor) {
                    Some(span) => states.push(span),
                    None => return None,
                }
                continue;
            }
            let list = by_class.get(class)?;
            // Only occurrences starting within the span of the anchor.
            let from = list.partition_point(|o| o.start + within < anchor.start);
            let near = list[from..]
                .iter()
                .take_while(|o| o.start <= anchor.start + within)
                .filter(&usable)
                .filter(|o| chosen.iter().all(|&(s, e)| o.end <= s || o.start >= e))
                .filter(|o| {
                    pattern.scope == Scope::Sentence
                        || tokens[o.start].clause == tokens[anchor.start].clause
                })
                .min_by_key(|o| o.start.abs_diff(anchor.start));
            match near {
                Some(o) => chosen.push((o.start, o.end)),
                None => continue 'anchor,
            }
        }
        let overlaps = |&(s, e): &(usize, usize)| chosen.iter().any(|&(cs, ce)| s < ce && cs < e);
        if states.iter().any(overlaps) {
            continue;
        }
        let first = chosen.iter().map(|c| c.0).min()?;
        let last = chosen.iter().map(|c| c.1).max()?;
        if last - first <= within {
            chosen.sort_unstable();
            states.sort_unstable();
            return Some((chosen, states));
        }
    }
    None
}

/// Token spans `(start, end)`.
type Spans = Vec<(usize, usize)>;

/// The most places one pattern's first element is tried from in one sentence: a
/// pathological sentence that repeats a word 100 000 times costs no more.
const MAX_ANCHORS: usize = 256;

#[cfg(test)]
#[path = "concepts_tests.rs"]
mod tests;
