//! Understanding: free text in, mentions (each with one assertion) out.
//!
//! The stages, each in its own file, run in this order:
//! [`tokens`] (normalize, split into clauses) → [`typos`] (correct words not in
//! the vocabulary) → [`patterns`] (phrases, longest first) → [`duration`] (stated
//! durations) → [`context`] (one [`Assertion`] per mention) → [`patterns`] (word
//! sets in one clause). Every closed word list they use is in [`lexicon`].

pub(crate) mod concepts;
pub mod context;
pub mod duration;
mod experiencer;
pub mod lexicon;
mod mention;
pub mod patterns;
mod reach;
mod sorted_runs;
pub mod tokens;
pub mod typos;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

pub use context::Assertion;
pub use mention::{About, Mention, Target, Understanding};
pub use patterns::Tokenized;

use crate::codec::{Reader, Writer};
use crate::kb::{Family, KnowledgeBase, PatternTarget};
use context::ContextRules;
use lexicon::{is, Class};
use patterns::{Patterns, Query};
use tokens::{tokenize, Token};
use typos::Typos;

/// The most distinct unknown words of one query searched for a typo: far more
/// than anyone types (a long message has a few hundred distinct words), few
/// enough that the worst query answers in well under a second.
pub const MAX_TYPO_SEARCHES: usize = 1_000;

/// A hasher for the per-query maps keyed by a query's words: short keys, many
/// lookups, and each map lives for one query and is never iterated, where the
/// default SipHash cost a sixth of a long line's time. FxHash's multiply-rotate.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by a query's words, with [`WordHasher`].
pub(crate) type WordMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

/// Words whose fix a thread remembers at most (see [`remember_words`]).
const MAX_FIXES: usize = 1 << 14;

thread_local! {
    /// Whether this thread remembers words' fixes between queries; a plain
    /// flag, so a thread that never asks pays nothing.
    static REMEMBER: Cell<bool> = const { Cell::new(false) };
    /// The understander (its address) the fixes are for, and each unknown
    /// word's [`Understander::fix`].
    static FIXES: RefCell<(usize, Fixes)> = RefCell::new((0, Fixes::default()));
}

/// Each remembered word's [`Understander::fix`].
type Fixes = WordMap<String, Option<(u32, bool)>>;

/// Makes this thread remember from one query to the next what each word's
/// stem is and what an unknown word's typo search found: a batch's queries
/// share most of their words, and stemming and searching them again cost about
/// a fifth of a batch's time. For a batch's worker threads; a single query
/// gains nothing from it.
pub fn remember_words() {
    REMEMBER.set(true);
    tokens::keep_memo();
}

/// What understanding needs of a knowledge base, compiled once.
#[derive(Debug, Clone)]
pub struct Understander {
    patterns: Patterns,
    typos: Typos,
    context: ContextRules,
    /// The shortest duration some red flag fires on; shorter ones are not mentions.
    shortest_duration: Option<u32>,
    /// For each finding, whether a stated duration can belong to it: a symptom or
    /// a body area can last three weeks; a diet or a medicine taken for years is
    /// not a symptom's duration.
    lasts: Vec<bool>,
    /// Per finding: a symptom (not a body area or context), which can own a
    /// duration for `duration_of`.
    symptom: Vec<bool>,
    /// For each finding, whether its multi-word phrases keep their words from red
    /// flags' sets and patterns ("dark yellow pee" is not dark urine). Body areas'
    /// do not: "side of mouth" may still be part of a stroke sign.
    claims: Vec<bool>,
    /// Per finding: it fires a red flag itself, so whose it is stays the context
    /// rules' decision (see `experiencer`).
    fires: Vec<bool>,
}

impl Understander {
    pub fn new(kb: &KnowledgeBase) -> Self {
        Self::from_tokens(kb, &Tokenized::of(kb))
    }

    /// Compiles the KB's phrases and word sets already tokenized. The embedded
    /// KB's is compiled so by build.rs and stored ready to use
    /// ([`Understander::write`], [`Understander::read`]), so starting up stems nothing.
    pub fn from_tokens(kb: &KnowledgeBase, tokenized: &Tokenized) -> Self {
        let (patterns, typos) = Patterns::compile(kb, tokenized);
        let shortest_duration = kb
            .red_flags
            .iter()
            .filter_map(|r| r.min_duration_days)
            .min();
        Understander {
            patterns,
            typos,
            context: ContextRules::compile(kb),
            shortest_duration,
            lasts: kb
                .findings
                .iter()
                .map(|f| f.family != Family::Context)
                .collect(),
            symptom: kb
                .findings
                .iter()
                .map(|f| f.family == Family::Symptom)
                .collect(),
            // A finding that fires a red flag itself protects nothing: its words
            // may still make a more urgent combination ("fingers curling" after
            // thyroid surgery).
            claims: kb
                .findings
                .iter()
                .map(|f| f.family != Family::BodyArea && f.red_flag.is_none())
                .collect(),
            fires: kb.findings.iter().map(|f| f.red_flag.is_some()).collect(),
        }
    }

    /// Writes the compiled tables for the pre-built KB (see `crate::prebuilt`).
    pub fn write(&self, w: &mut Writer) {
        self.patterns.write(w);
        self.typos.write(w);
        self.context.write(w);
        w.opt(self.shortest_duration.map(|d| d as usize));
        let lasts: Vec<u32> = self.lasts.iter().map(|&l| u32::from(l)).collect();
        w.ids(&lasts);
        let symptom: Vec<u32> = self.symptom.iter().map(|&s| u32::from(s)).collect();
        w.ids(&symptom);
        let claims: Vec<u32> = self.claims.iter().map(|&c| u32::from(c)).collect();
        w.ids(&claims);
        let fires: Vec<u32> = self.fires.iter().map(|&f| u32::from(f)).collect();
        w.ids(&fires);
    }

    /// Reads what [`Understander::write`] wrote.
    pub fn read(r: &mut Reader<'static>) -> Self {
        Understander {
            patterns: Patterns::read(r),
            typos: Typos::read(r),
            context: ContextRules::read(r),
            shortest_duration: r.opt().map(|d| d as u32),
            lasts: r.ids().into_iter().map(|l| l != 0).collect(),
            symptom: r.ids().into_iter().map(|s| s != 0).collect(),
            claims: r.ids().into_iter().map(|c| c != 0).collect(),
            fires: r.ids().into_iter().map(|f| f != 0).collect(),
        }
    }

    /// What a mention is, as far as whose it is matters (see `experiencer`).
    fn role(&self, about: &About) -> experiencer::Role {
        use experiencer::Role;
        match about {
            About::Entry(Target {
                red_flag: Some(_), ..
            }) => Role::RedFlag,
            About::Entry(Target {
                finding: Some(f), ..
            }) => {
                if self.fires[*f] {
                    Role::RedFlag
                } else if !self.lasts[*f] {
                    Role::State
                } else if self.symptom[*f] {
                    Role::Sign
                } else {
                    Role::Body
                }
            }
            About::Cause(_) => Role::State,
            _ => Role::Other,
        }
    }

    /// The typo correction table.
    pub fn typos(&self) -> &Typos {
        &self.typos
    }

    /// What an unknown word stands for: a typo first ("sattin" is "statin"),
    /// then a dropped g ("makin' sense", "jerkin about"): the -ing word, when
    /// the KB knows it.
    fn fix(&self, t: &Token) -> Option<(u32, bool)> {
        self.typos.correct(t).map(|id| (id, true)).or_else(|| {
            dropped_g(&t.surface)
                .and_then(|w| self.patterns.stem_id(&w))
                .map(|id| (id, true))
        })
    }

    /// [`Understander::fix`], from this thread's memo when it keeps one (see
    /// [`remember_words`]). The fix depends on the word alone (its stem is the
    /// word's), so it is the same as worked out again.
    fn fix_remembered(&self, t: &Token) -> Option<(u32, bool)> {
        if !REMEMBER.get() {
            return self.fix(t);
        }
        FIXES.with_borrow_mut(|(owner, fixes)| {
            // Another understander (another KB) on this thread starts afresh; a
            // full memo too, so that it never grows without bound.
            let me = std::ptr::from_ref(self) as usize;
            if *owner != me || fixes.len() >= MAX_FIXES {
                *owner = me;
                fixes.clear();
            }
            if let Some(&fix) = fixes.get(t.surface.as_str()) {
                return fix;
            }
            let fix = self.fix(t);
            fixes.insert(t.surface.clone(), fix);
            fix
        })
    }

    /// Understands a query: its mentions, in query order, and its unrecognized words.
    pub fn understand(&self, query: &str) -> Understanding {
        let tokens = tokenize(query);
        // A long query repeats its words; each distinct word is resolved once, and
        // at most MAX_TYPO_SEARCHES distinct unknown words are searched for a
        // typo, so no query's typo work grows without bound (a 4 MiB line of
        // distinct made-up words took 22 s before).
        let mut seen: WordMap<&str, Option<(u32, bool)>> = WordMap::default();
        let mut searches = 0;
        let resolved: Vec<Option<(u32, bool)>> = tokens
            .iter()
            .map(|t| {
                *seen.entry(t.surface.as_str()).or_insert_with(|| {
                    if let Some(id) = self.patterns.stem_id(&t.stem) {
                        return Some((id, false));
                    }
                    // Short words are never searched, so they take none of the budget.
                    if typos::typo_limit(t.surface.chars().count()) > 0 {
                        if searches >= MAX_TYPO_SEARCHES {
                            return None;
                        }
                        searches += 1;
                    }
                    self.fix_remembered(t)
                })
            })
            .collect();
        // Unknown words get an id no stem has, so they never complete a phrase.
        let stems: Vec<u32> = resolved
            .iter()
            .map(|r| r.map_or(u32::MAX, |(id, _)| id))
            .collect();
        let corrected: Vec<bool> = resolved
            .iter()
            .map(|r| matches!(r, Some((_, true))))
            .collect();
        let query = Query {
            tokens: &tokens,
            stems: &stems,
            corrected: &corrected,
        };

        // Each stage adds found mentions as (what, token positions).
        let phrases = self.patterns.phrases_in(&tokens, &stems);
        // Words inside a multi-word finding phrase mean what that phrase says
        // ("dark yellow urine" is concentrated urine, not dark urine), so red flags'
        // word sets and patterns do not reuse them: that would be a false alarm.
        // Findings' may ("protein poor diet" is also low protein), and single-word
        // phrases (body areas) stay available to all.
        let mut claimed = vec![false; tokens.len()];
        // The claiming phrase of each claimed word: a pattern's term that covers
        // the whole phrase ("throwing up" as a sign) says the same thing, so may use it.
        let mut claimer: Vec<Option<(usize, usize)>> = vec![None; tokens.len()];
        for &(start, end, target) in &phrases {
            let claims = target.finding.is_some_and(|f| self.claims[f]);
            if end - start > 1 && claims && target.red_flag.is_none() {
                claimed[start..end].iter_mut().for_each(|c| *c = true);
                claimer[start..end]
                    .iter_mut()
                    .for_each(|c| *c = Some((start, end)));
            }
        }
        // Each found mention: what, its token positions, and the positions of the
        // states it leans on (a medicine said in another sentence), whose context
        // is read apart (see `concepts`).
        let mut found: Vec<(About, Vec<usize>, Vec<usize>)> = phrases
            .iter()
            .map(|&(start, end, target)| (About::Entry(target), (start..end).collect(), Vec::new()))
            .collect();
        found.extend(
            self.patterns
                .sets_in(&query, &claimed)
                .into_iter()
                .map(|(target, positions)| (About::Entry(target), positions, Vec::new())),
        );
        let concepts = &self.patterns.concepts;
        let occurrences = concepts.occurrences(&tokens, &stems);
        for hit in concepts.find(&tokens, &occurrences, &claimer) {
            let about = match hit.target {
                PatternTarget::Finding(f) => About::Entry(Target {
                    finding: Some(f),
                    red_flag: None,
                }),
                PatternTarget::RedFlag(r) => About::Entry(Target {
                    finding: None,
                    red_flag: Some(r),
                }),
                PatternTarget::Cause(c) => About::Cause(c),
            };
            let positions = hit.spans.iter().flat_map(|&(s, e)| s..e).collect();
            let states = hit.states.iter().flat_map(|&(s, e)| s..e).collect();
            found.push((about, positions, states));
        }
        // The words of every mention belong to it: none is a context trigger.
        let mut owned = vec![false; tokens.len()];
        for (_, positions, states) in &found {
            for &p in positions.iter().chain(states) {
                owned[p] = true;
            }
        }
        // Every duration that belongs to a symptom is a mention (`duration_days`);
        // triage decides whether it is long enough to fire a red flag.
        let taken: Vec<(usize, usize)> = phrases.iter().map(|s| (s.0, s.1)).collect();
        for d in duration::find(&tokens, &taken, 1) {
            if let Some(of) = self.symptom_of_duration(&tokens, &found, d.start) {
                found.push((
                    About::Duration(d.days, of),
                    (d.start..d.end).collect(),
                    Vec::new(),
                ));
            }
        }
        found.sort_by_key(|(_, positions, _)| positions.first().copied());

        // The mentions' own words, then each one's states, asserted together.
        let positions: Vec<&[usize]> = found
            .iter()
            .map(|(_, p, _)| p.as_slice())
            .chain(found.iter().map(|(_, _, s)| s.as_slice()))
            .collect();
        let scopes = self.context.assert(&tokens, &owned, &positions);
        let state_assertions = &scopes.assertions[found.len()..];
        // Whose each mention is, where the context rules cannot say: a
        // relative's condition or medicine, a baby only cared for.
        let roles: Vec<(experiencer::Role, &[usize])> = found
            .iter()
            .map(|(about, p, _)| (self.role(about), p.as_slice()))
            .collect();
        let marks = experiencer::writer_marks(&tokens, &roles);
        let mut own_assertions = scopes.assertions[..found.len()].to_vec();
        experiencer::relatives_states(&tokens, &roles, &marks, &mut own_assertions);
        experiencer::cared_for(&tokens, &roles, &marks, &mut own_assertions);
        let mut covered = vec![false; tokens.len()];
        let mut mentions: Vec<Mention> = Vec::with_capacity(found.len());
        // One verdict per target: the same finding or red flag said twice is one
        // mention, the one that counts most (present over possible over ... negated).
        let mut best: HashMap<About, usize> = HashMap::new();
        for ((((about, positions, states), &assertion), &taken), &state) in found
            .iter()
            .zip(&own_assertions)
            .zip(&scopes.taken)
            .zip(state_assertions)
        {
            // A state denied or only supposed ("never had thyroid surgery", "if I
            // took lithium") is no state. One over and done ("thyroid out 12 years
            // ago") still makes a red flag, the safe side, but not a finding.
            let red_flag = matches!(about, About::Entry(t) if t.red_flag.is_some());
            let vetoed = !states.is_empty()
                && match state {
                    Assertion::Negated | Assertion::Hypothetical => true,
                    Assertion::Historical => !red_flag,
                    _ => false,
                };
            if taken || vetoed {
                continue;
            }
            let mut words: Vec<usize> = positions.iter().chain(states).copied().collect();
            words.sort_unstable();
            for &p in &words {
                covered[p] = true;
            }
            let mention = Mention {
                about: *about,
                text: words
                    .iter()
                    .map(|&p| tokens[p].surface.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                assertion,
                corrected: words.iter().any(|&p| corrected[p]),
            };
            match best.get(about) {
                Some(&k) if mentions[k].assertion <= assertion => {}
                Some(&k) => mentions[k] = mention,
                None => {
                    best.insert(*about, mentions.len());
                    mentions.push(mention);
                }
            }
        }
        // Someone writing only about another person ("Mum had her thyroid removed
        // last week, her feet keep cramping") is asking for them: what "mum had"
        // marks as someone else's is the patient's own. With a sentence about the
        // writer, it stays someone else's ("my dad had ALS; I get twitches"). A
        // condition, medicine or risk factor stays someone else's too when the
        // writer speaks of their own body ("my dad has MS and my legs twitch"),
        // not merely of themself ("she rang me"); a red flag goes by the
        // sentences' persons alone, as it always has.
        // A sentence in the writer's own voice that says nothing found ("I apologise
        // for my English") does not make the message about the writer.
        let person = concepts::persons(&tokens);
        let mut says = vec![false; person.len()];
        for (_, positions, _) in &found {
            for &p in positions {
                says[tokens[p].sentence] = true;
            }
        }
        let writer_says = person
            .iter()
            .zip(&says)
            .any(|(&p, &s)| p == concepts::Person::Writer && s);
        if person.contains(&concepts::Person::Other) && !writer_says {
            let writer_speaks = marks
                .iter()
                .zip(&tokens)
                .any(|(&m, t)| m && !is(Class::FirstPerson, &t.surface));
            for m in &mut mentions {
                let red_flag = self.role(&m.about) == experiencer::Role::RedFlag;
                if m.assertion == Assertion::OtherPerson && (red_flag || !writer_speaks) {
                    m.assertion = Assertion::Present;
                }
            }
        }
        // A negated list's filler words ("sign" in "no sign of weakness") are
        // understood, not unrecognized.
        for &k in &scopes.fillers {
            covered[k] = true;
        }
        let unrecognized = tokens
            .iter()
            .zip(&covered)
            .filter(|(t, &c)| {
                !c && !is(Class::Stopword, &t.surface) && !is(Class::Negation, &t.surface)
            })
            .map(|(t, _)| t.surface.clone())
            .collect();
        Understanding {
            mentions,
            unrecognized,
        }
    }

    /// Which symptom a duration stated at token `at` belongs to: `None` when it
    /// is no symptom's, `Some(None)` when it is a symptom's but which is unknown.
    /// In its clause: a symptom or body area said before it owns it ("twitching
    /// after coffee for 3 weeks"); else a diet, medicine or other context said
    /// before it does ("vegan for 2 years", "on lipitor for 6 years"), and it is no
    /// symptom's; else a symptom after it ("3 weeks of twitching"). Words of timing
    /// ("every day", "at night") are passed over. A clause with no finding counts
    /// when it refers back to one ("he's had it for years"): the last symptom said
    /// before it. The owner named is the one symptom (not body area) on the winning
    /// side, so "cramps in my calf for years" is the cramps' duration.
    fn symptom_of_duration(
        &self,
        tokens: &[Token],
        found: &[(About, Vec<usize>, Vec<usize>)],
        at: usize,
    ) -> Option<Option<usize>> {
        let clause = tokens[at].clause;
        let in_clause = || tokens.iter().filter(|t| t.clause == clause);
        // "Five years ago" dates an event; it is a symptom's duration only when
        // the clause says something began then ("started 3 weeks ago").
        let ago = tokens[at..]
            .iter()
            .take_while(|t| t.clause == clause)
            .take(4)
            .any(|t| t.surface == "ago");
        // A bare "last month" dates an event too ("last month it was a brain
        // tumour"); "for the last month" is a duration.
        let before = |k: usize| {
            k.checked_sub(1)
                .map(|b| &tokens[b])
                .filter(|t| t.clause == clause)
        };
        let bare_last = tokens[at].surface == "last"
            && !before(at).is_some_and(|t| is(Class::LastLead, &t.surface));
        if (ago || bare_last) && !in_clause().any(|t| is(Class::Onset, &t.surface)) {
            return None;
        }
        // "went away after a couple of months": how long it lasted once, not now.
        if before(at).is_some_and(|t| t.surface == "after")
            && in_clause().any(|t| is(Class::Resolved, &t.surface))
        {
            return None;
        }
        let (mut symptom_before, mut context_before, mut symptom_after) = (false, false, false);
        let (mut owners_before, mut owner_after) = (Vec::new(), None);
        let mut said_before = None;
        for (about, positions, _) in found {
            let (
                About::Entry(Target {
                    finding: Some(finding),
                    ..
                }),
                Some(&first),
            ) = (about, positions.first())
            else {
                continue;
            };
            let timing = positions
                .iter()
                .any(|&p| is(Class::Timing, &tokens[p].surface));
            if first < at && self.symptom[*finding] && !timing {
                said_before = Some(*finding);
            }
            if tokens[first].clause != clause || timing {
                continue;
            }
            match (first < at, self.lasts[*finding]) {
                (true, true) => {
                    symptom_before = true;
                    if self.symptom[*finding] {
                        owners_before.push(*finding);
                    }
                }
                (true, false) => context_before = true,
                (false, true) => {
                    symptom_after = true;
                    if self.symptom[*finding] && owner_after.is_none() {
                        owner_after = Some(*finding);
                    }
                }
                (false, false) => {}
            }
        }
        if symptom_before {
            // Two symptoms before it ("twitching and cramps for 3 weeks"): which
            // one lasted is unknown, so it counts for both (the safe side).
            owners_before.dedup();
            return Some(match owners_before[..] {
                [one] => Some(one),
                _ => None,
            });
        }
        if context_before || symptom_after {
            return (!context_before && symptom_after).then_some(owner_after);
        }
        // An anaphor refers back to the last symptom said before, else forward to
        // the first said after ("been like this for weeks. twitching in my calf");
        // with no symptom anywhere, the duration is no symptom's.
        // Not an activity: "been doing this for years", "started 5x5 three weeks
        // ago" (a verb with its own object).
        let refers_back = tokens.iter().enumerate().any(|(k, t)| {
            t.clause == clause
                && is(Class::Anaphor, &t.surface)
                && !before(k).is_some_and(|b| is(Class::DoVerb, &b.surface))
                && !(is(Class::Onset, &t.surface)
                    && tokens.get(k + 1).is_some_and(|n| {
                        n.clause == clause && k + 1 != at && !is(Class::VerbFollower, &n.surface)
                    }))
        });
        let said_after = || {
            found
                .iter()
                .find_map(|(about, positions, _)| match (about, positions.first()) {
                    (
                        About::Entry(Target {
                            finding: Some(f), ..
                        }),
                        Some(&p),
                    ) if p > at && self.symptom[*f] => Some(*f),
                    _ => None,
                })
        };
        refers_back
            .then(|| said_before.or_else(said_after))
            .flatten()
            .map(Some)
    }
}

#[cfg(test)]
mod tests;

/// The -ing word of a word written with its g dropped ("makin" -> the stem of
/// "making"), for words of at least four letters ending in "in".
fn dropped_g(word: &str) -> Option<String> {
    (word.len() >= 4 && word.ends_with("in") && word.bytes().all(|b| b.is_ascii_lowercase()))
        .then(|| tokens::stem(&format!("{word}g")))
}
