//! Context: whether each mention is the person's present problem, in the manner of
//! ConText (Harkema et al. 2009; the rules are medspaCy's plus lay ones, in the
//! knowledge base's `[[context]]` table).
//!
//! A trigger term ("no", "years ago", "what if", "my dad had") opens a scope in a
//! direction, and every mention in it takes the trigger's modifier.
//! Pseudo-triggers ("no idea why", "not only") are matched first, longest wins, and
//! modify nothing; terminators ("now", "apart from") and clause breaks ("but") end a
//! scope. This stage sets ONE [`Assertion`] per mention; every later stage (ranking,
//! triage, the report) reads it rather than deciding again.

use super::sorted_runs::Grouped;

use super::lexicon::{is, Class};
use super::reach;
use super::tokens::{tokenize, Token};
use super::WordMap;
use crate::codec::{Reader, Writer};
use crate::kb::{ContextCategory, Direction, KnowledgeBase, Text};

/// What the query asserts about a mention. When several modifiers reach one, the
/// first of this order wins: negated, hypothetical, historical, other person,
/// possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Assertion {
    /// The person (or the one they write for) has it now.
    Present,
    /// Suspected or feared: "might be", "scared it's". Counts as present: for a red
    /// flag the safe side is to take it seriously.
    Possible,
    /// Someone else's, in the past: "my dad had ALS", "runs in the family". (People
    /// writing for a parent or child in the present, "my dad's speech is slurred",
    /// are not this: no rule marks them.)
    OtherPerson,
    /// In the past and over: "as a teenager", "years ago", "quit smoking".
    Historical,
    /// Not happening: "if I get short of breath", "what would make it an emergency".
    Hypothetical,
    /// Reached by a negation: "no numbness".
    Negated,
}

impl Assertion {
    /// True when the mention counts as reported: ranking raises causes by it and
    /// triage fires red flags on it.
    pub fn is_present(self) -> bool {
        matches!(self, Assertion::Present | Assertion::Possible)
    }

    /// True when the mention counts against: ranking lowers causes by it.
    pub fn is_negated(self) -> bool {
        self == Assertion::Negated
    }

    /// The word the JSON and the text output use.
    pub fn as_str(self) -> &'static str {
        match self {
            Assertion::Present => "present",
            Assertion::Possible => "possible",
            Assertion::OtherPerson => "other-person",
            Assertion::Historical => "historical",
            Assertion::Hypothetical => "hypothetical",
            Assertion::Negated => "negated",
        }
    }

    fn of(category: ContextCategory) -> Option<Self> {
        match category {
            ContextCategory::Negated => Some(Assertion::Negated),
            ContextCategory::Possible => Some(Assertion::Possible),
            ContextCategory::Hypothetical => Some(Assertion::Hypothetical),
            ContextCategory::Historical => Some(Assertion::Historical),
            ContextCategory::OtherPerson => Some(Assertion::OtherPerson),
            ContextCategory::Terminate | ContextCategory::Pseudo => None,
        }
    }
}

/// The assertions of a query's mentions, and the filler words of negated lists
/// ("sign" and "of" in "no sign of weakness"), which are not unrecognized words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scopes {
    pub assertions: Vec<Assertion>,
    /// Per mention: all its words are inside a trigger, which took them ("back"
    /// in "a few years back" is not the back). Such a mention is no mention.
    pub taken: Vec<bool>,
    /// Token indices, sorted.
    pub fillers: Vec<usize>,
}

/// One compiled rule: the trigger's words, what it does, which way. Words are
/// matched as written (lower-cased, apostrophes dropped), not stemmed, as ConText
/// does: "stopped" (coffee) must not match "stop" ("cramps ease when I stop").
#[derive(Debug, Clone, PartialEq)]
struct Rule {
    /// The words joined by single spaces (a token never holds a space), so the
    /// ~900 rules read from the pre-built KB are borrowed, not one list each.
    words: Text,
    /// How many words.
    len: usize,
    category: ContextCategory,
    direction: Direction,
    /// The literal began with a form of "to be", which tokens drop ("were normal"
    /// is "normal"): the query's first matching word must follow a dropped word
    /// too (`Token::cue`), so "bloods were normal" denies but the question "is 3
    /// months of twitching normal?" does not.
    cue: bool,
}

impl Rule {
    fn new(literal: &str, category: ContextCategory, direction: Direction) -> Self {
        let tokens = tokenize(literal);
        let be = literal
            .split_whitespace()
            .next()
            .is_some_and(|w| BE.contains(&w.to_lowercase().as_str()));
        let cue = be && tokens.first().is_some_and(|t| t.cue);
        let surfaces: Vec<String> = tokens.into_iter().map(|t| t.surface).collect();
        debug_assert!(surfaces.iter().all(|w| !w.contains(' ')));
        Rule {
            words: surfaces.join(" ").into(),
            len: surfaces.len(),
            category,
            direction,
            cue,
        }
    }

    /// The trigger's words, in order.
    fn words(&self) -> impl Iterator<Item = &str> {
        self.words.split(' ').take(self.len)
    }

    /// True when `tokens` (the rule's length of them) say the trigger's words, all
    /// in the sentence of `sentence`. What `words()` zipped with the tokens
    /// compares, read off the joined words in place: this runs for every query
    /// word that some rule starts with, and splitting cost a fifth of a long
    /// negated line's time.
    fn said_by(&self, tokens: &[Token], sentence: usize) -> bool {
        let mut rest = self.words.as_bytes();
        for (k, t) in tokens.iter().take(self.len).enumerate() {
            if k > 0 {
                match rest.split_first() {
                    Some((b' ', after)) => rest = after,
                    // Fewer words than tokens: the rest is not compared.
                    _ => return true,
                }
            }
            let word = rest.iter().position(|&b| b == b' ').unwrap_or(rest.len());
            if &rest[..word] != t.surface.as_bytes() || t.sentence != sentence {
                return false;
            }
            rest = &rest[word..];
        }
        true
    }
}

/// Above this many rules starting with one word, the rules a query's word pair can
/// match are picked once per pair (see `ContextRules::triggers`).
const MANY_RULES: usize = 8;

/// The context rules of a knowledge base, compiled once.
#[derive(Debug, Clone, Default)]
pub struct ContextRules {
    rules: Vec<Rule>,
    /// Rule indices by first word, longest rule first.
    by_first: Grouped<Text>,
    /// The rules' first words, hashed into a bit set (worked out at load): most
    /// query words start no rule, and this tells so without searching `by_first`.
    firsts: FirstWords,
}

/// Bits in [`FirstWords`] (a power of two).
const FIRST_WORD_BITS: usize = 4096;

/// A set of words as hashed bits: a word not in it is surely not one of the
/// words it was made of; one in it may be.
#[derive(Debug, Clone, Default)]
struct FirstWords(Vec<u64>);

impl FirstWords {
    fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut bits = vec![0; FIRST_WORD_BITS / 64];
        for w in words {
            let b = Self::bit(w);
            bits[b / 64] |= 1 << (b % 64);
        }
        FirstWords(bits)
    }

    fn bit(word: &str) -> usize {
        let mut h: u64 = 0;
        for &b in word.as_bytes() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        (h >> (64 - FIRST_WORD_BITS.trailing_zeros())) as usize
    }

    /// False when `word` is surely not in the set.
    fn may_hold(&self, word: &str) -> bool {
        let b = Self::bit(word);
        self.0.get(b / 64).is_some_and(|w| w & (1 << (b % 64)) != 0)
    }
}

/// A trigger found in a query: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
struct Trigger {
    start: usize,
    end: usize,
    category: ContextCategory,
    direction: Direction,
}

/// Forms of "to be", which tokens drop (see [`Rule::cue`]).
const BE: &[&str] = &["is", "are", "am", "was", "were", "be", "been", "being"];

/// Words that, right after "and" or "or", start a new statement rather than
/// continue a negated list: "no pain and I can't breathe".
const SUBJECTS: &[&str] = &[
    "i", "im", "ive", "id", "he", "hes", "she", "shes", "it", "they", "theyre", "we", "you",
    "youre", "there", "theres", "now", "then",
];

/// Words in a list item after a comma, at most, for a negation to reach across
/// the comma ("no headache, fever or trouble breathing"); a longer part is a new
/// statement. The last item, after the closing "or", is not counted.
const MAX_LIST_ITEM_WORDS: usize = 4;

/// Comma-separated items, at most, looked through for the "or" that closes a list.
const MAX_LIST_ITEMS: usize = 8;

/// Words that, found in a negation's scope, turn it into a comparison: "never had
/// pain like this" says the pain is new, not absent.
const NOVELTY: &[&[&str]] = &[&["like", "this"], &["like", "that"], &["this", "bad"]];

impl ContextRules {
    /// Compiles the KB's rules. A KB without any (a user's own file) gets the
    /// lexicon's negation words as forward negations, so it still reads "no numbness".
    pub fn compile(kb: &KnowledgeBase) -> Self {
        let rules: Vec<Rule> = if kb.context.is_empty() {
            super::lexicon::words(Class::Negation)
                .iter()
                .map(|w| Rule::new(w, ContextCategory::Negated, Direction::Forward))
                .collect()
        } else {
            kb.context
                .iter()
                // A contrast word inside a longer literal ("a while ago", "even
                // though") ends a clause when tokenized, which would leave a
                // different trigger ("ago" alone would make every "3 days ago"
                // history); the tokenizer's clause break already does its work.
                .filter(|r| {
                    let words: Vec<&str> = r.literal.split_whitespace().collect();
                    words.len() == 1 || !words.iter().any(|w| is(Class::ClauseBreak, w))
                })
                .map(|r| Rule::new(&r.literal, r.category, r.direction))
                .collect()
        };
        Self::assemble(rules)
    }

    fn assemble(rules: Vec<Rule>) -> Self {
        // Longest first, so "no idea" (pseudo) wins over "no"; then file order.
        let mut order: Vec<usize> = (0..rules.len()).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(rules[i].len), i));
        let by_first = Grouped::new(
            order
                .into_iter()
                .filter(|&i| rules[i].len > 0)
                .map(|i| {
                    (
                        rules[i].words().next().unwrap_or("").to_string().into(),
                        i as u32,
                    )
                })
                .collect(),
        );
        let firsts = FirstWords::of(by_first.keys.iter().map(|k: &Text| k.as_ref()));
        ContextRules {
            rules,
            by_first,
            firsts,
        }
    }

    /// Writes the compiled rules for the pre-built KB.
    pub fn write(&self, w: &mut Writer) {
        w.num(self.rules.len());
        for rule in &self.rules {
            w.str(&rule.words);
            w.num(rule.len);
            w.num(rule.category as usize);
            w.num(rule.direction as usize);
            w.num(usize::from(rule.cue));
        }
        w.strs(&self.by_first.keys);
        w.ids(&self.by_first.values);
    }

    /// Reads what [`ContextRules::write`] wrote.
    pub fn read(r: &mut Reader<'static>) -> Self {
        let rules = r.list(|r| Rule {
            words: r.text(),
            len: r.num(),
            category: ContextCategory::ALL[r.num()],
            direction: Direction::ALL[r.num()],
            cue: r.num() != 0,
        });
        let by_first = Grouped {
            keys: r.texts().into(),
            values: r.id_table(),
        };
        let firsts = FirstWords::of(by_first.keys.iter().map(|k: &Text| k.as_ref()));
        ContextRules {
            rules,
            by_first,
            firsts,
        }
    }

    /// The triggers in the query, longest match first at each position. Tokens a
    /// mention owns (`owned`) are never triggers: "not sweating" in a heat-stroke
    /// pattern is the symptom, not a negation of it.
    fn triggers(&self, tokens: &[Token], owned: &[bool]) -> Vec<Trigger> {
        let mut found = Vec::new();
        // The rules each distinct word starts, looked up once: a long query
        // repeats its words, and each lookup is a binary search over the rules.
        let mut starting: WordMap<&str, std::ops::Range<usize>> = WordMap::default();
        // A word that starts many rules ("no", "not": about 80 each) is followed by
        // the same next word again and again in a long query; the rules that can
        // match that pair are picked once (a rule of one word, or one whose second
        // word is the next token's), in the same order.
        let mut by_pair: WordMap<(&str, &str), Vec<u32>> = WordMap::default();
        let mut i = 0;
        while i < tokens.len() {
            let surface = tokens[i].surface.as_str();
            if !self.firsts.may_hold(surface) {
                i += 1;
                continue;
            }
            let rules = starting
                .entry(surface)
                .or_insert_with(|| self.by_first.range(surface))
                .clone();
            let all = &self.by_first.values[rules];
            let pair: &[u32] = if all.len() > MANY_RULES {
                let next = tokens
                    .get(i + 1)
                    .filter(|t| t.sentence == tokens[i].sentence)
                    .map_or("", |t| t.surface.as_str());
                by_pair.entry((surface, next)).or_insert_with(|| {
                    all.iter()
                        .copied()
                        .filter(|&r| {
                            let second = self.rules[r as usize].words.split(' ').nth(1);
                            second.is_none_or(|w| w == next)
                        })
                        .collect()
                })
            } else {
                all
            };
            // The longest rule that matches here and leaves the mentions' words
            // alone ("no", not "no trouble with", before the sign "trouble with
            // buttons"); failing that, the longest that is not wholly a mention's
            // words ("not" in "not sweating", a heat-stroke term, is the symptom).
            let (mut free, mut partly) = (None, None);
            for rule in pair.iter().map(|&r| &self.rules[r as usize]) {
                let end = i + rule.len;
                if end > tokens.len()
                    || (rule.cue && !tokens[i].cue)
                    || !rule.said_by(&tokens[i..end], tokens[i].sentence)
                {
                    continue;
                }
                // A double negation may end on a mention's words ("wouldn't say
                // I can't" before "can't walk"): its last words are the negation
                // it cancels, which the mention says too.
                let double = rule.category == ContextCategory::Pseudo
                    && rule.direction == Direction::Forward
                    && !owned[i];
                if double || !owned[i..end].contains(&true) {
                    free = Some(rule);
                    break;
                }
                if partly.is_none() && owned[i..end].contains(&false) {
                    partly = Some(rule);
                }
            }
            match free.or(partly) {
                Some(rule) => {
                    let end = i + rule.len;
                    found.push(Trigger {
                        start: i,
                        end,
                        category: rule.category,
                        direction: rule.direction,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The assertion of each mention, given as the token positions it covers.
    /// `owned` marks the tokens of every mention (they cannot be triggers).
    pub fn assert(&self, tokens: &[Token], owned: &[bool], mentions: &[&[usize]]) -> Scopes {
        let mut triggers = self.triggers(tokens, owned);
        cancel_double_negations(tokens, &mut triggers);
        let mut stops = vec![false; tokens.len()];
        for t in triggers
            .iter()
            .filter(|t| t.category == ContextCategory::Terminate)
        {
            stops[t.start..t.end].iter_mut().for_each(|s| *s = true);
        }
        // Each modifying trigger's scope, as (trigger's index, modifier, start, end),
        // in trigger order.
        let mut scopes: Vec<reach::Scope> = Vec::new();
        for (ti, t) in triggers.iter().enumerate() {
            let Some(modifier) = Assertion::of(t.category) else {
                continue;
            };
            if matches!(t.direction, Direction::Forward | Direction::Both) {
                scopes.push((ti, modifier, t.end, forward_end(tokens, &stops, t)));
            }
            if matches!(t.direction, Direction::Backward | Direction::Both) {
                scopes.push((ti, modifier, backward_start(tokens, &stops, t), t.start));
            }
        }
        let novelty = reach::PhraseStarts::new(tokens, NOVELTY);
        scopes.retain(|&(_, modifier, start, end)| {
            modifier != Assertion::Negated || !novelty.within(start, end)
        });
        let mut in_trigger = vec![false; tokens.len()];
        for t in triggers
            .iter()
            .filter(|t| Assertion::of(t.category).is_some())
        {
            in_trigger[t.start..t.end]
                .iter_mut()
                .for_each(|x| *x = true);
        }
        let taken = mentions
            .iter()
            .map(|m| !m.is_empty() && m.iter().all(|&p| in_trigger[p]))
            .collect();
        let spans: Vec<(usize, usize)> = triggers.iter().map(|t| (t.start, t.end)).collect();
        let assertions = reach::strongest(tokens.len(), &spans, &scopes, mentions);
        // Bridge words in a negation's reach are understood filler, when the
        // negation reached a mention: the trigger's own words ("sign" in "no sign
        // of") and the bridge words in its reach.
        let mentioned = reach::Prefix::of_mentions(tokens.len(), mentions);
        let mut own_words = vec![false; tokens.len()];
        let mut reached = Vec::new();
        for &(ti, modifier, start, end) in &scopes {
            if modifier == Assertion::Negated && mentioned.any(start, end) {
                let trigger = triggers[ti].start.min(start);
                own_words[trigger..start].iter_mut().for_each(|x| *x = true);
                reached.push((start, end));
            }
        }
        let reached = reach::coverage(tokens.len(), reached);
        let fillers = (0..tokens.len())
            .filter(|&k| {
                !owned[k]
                    && (own_words[k]
                        || (reached[k] > 0 && is(Class::NegationBridge, &tokens[k].surface)))
            })
            .collect();
        Scopes {
            assertions,
            taken,
            fillers,
        }
    }
}

/// A pseudo trigger that runs forward is a double negation: "I'd be lying if I
/// said the calf wasn't swollen", "can't say it isn't", "not that I don't". It
/// negates the negation that follows it, so the negation triggers in its forward
/// scope (its clause, up to a terminator) are dropped and what they reached is
/// present. Only negations: "I'd be lying if I said ... years ago" still dates.
fn cancel_double_negations(tokens: &[Token], triggers: &mut Vec<Trigger>) {
    let doubles: Vec<Trigger> = triggers
        .iter()
        .filter(|t| t.category == ContextCategory::Pseudo && t.direction == Direction::Forward)
        .copied()
        .collect();
    if doubles.is_empty() {
        return;
    }
    let mut stops = vec![false; tokens.len()];
    for t in triggers
        .iter()
        .filter(|t| t.category == ContextCategory::Terminate)
    {
        stops[t.start..t.end].iter_mut().for_each(|s| *s = true);
    }
    let spans: Vec<(usize, usize)> = doubles
        .iter()
        .map(|d| (d.end, forward_end(tokens, &stops, d)))
        .collect();
    triggers.retain(|t| {
        t.category != ContextCategory::Negated
            || !spans.iter().any(|&(s, e)| t.start >= s && t.start < e)
    });
}

/// True when `tokens[i]` starts a new statement: a subject word, or a word that a
/// possessive or "to be" stood before ("and my lips are blue").
fn starts_statement(tokens: &[Token], i: usize) -> bool {
    SUBJECTS.contains(&tokens[i].surface.as_str()) || tokens[i].cue
}

/// Where a forward scope from `t` ends (exclusive): at the sentence's end, a
/// terminator, "and"/"or" before a new statement (except for a hypothetical: "if
/// I couldn't breathe or my face drooped" is one condition), or a clause break,
/// unless the break is a comma and a negation goes on over a short list item ("no
/// fever, headache or stiff neck").
fn forward_end(tokens: &[Token], stops: &[bool], t: &Trigger) -> usize {
    let mut i = t.end;
    while i < tokens.len() {
        let tok = &tokens[i];
        if tok.sentence != tokens[t.start].sentence || stops[i] {
            return i;
        }
        if i > t.start && tok.clause != tokens[i - 1].clause {
            // A date reaches over a bracketed aside ("Years ago (2016) I had
            // numbness"): the aside is inside its statement.
            let goes_on = t.category == ContextCategory::Negated
                && tok.after_comma
                && list_item(tokens, stops, i)
                || t.category == ContextCategory::Historical && tok.after_bracket;
            if !goes_on {
                return i;
            }
        } else if i > t.end
            && t.category != ContextCategory::Hypothetical
            && matches!(tokens[i - 1].surface.as_str(), "and" | "or" | "n" | "plus")
            && starts_statement(tokens, i)
        {
            return i - 1;
        }
        i += 1;
    }
    i
}

/// True when the comma-separated part starting at `start` reads as an item of a
/// negated list: a few words, no new subject, no terminator, and the list is
/// closed by "or"/"nor" in this part or a later one ("no fever, headache or stiff
/// neck"). Without that closing word ("no fever, leg weakness") the comma starts
/// a new statement: ending the negation early only errs towards firing a red flag.
fn list_item(tokens: &[Token], stops: &[bool], start: usize) -> bool {
    let mut part = start;
    for _ in 0..MAX_LIST_ITEMS {
        let clause = tokens[part].clause;
        let (mut words, mut closed) = (0, false);
        let mut i = part;
        while i < tokens.len() && tokens[i].clause == clause {
            if stops[i] || starts_statement(tokens, i) {
                return false;
            }
            match tokens[i].surface.as_str() {
                "or" | "nor" => closed = true,
                "and" => {}
                // The item after the closing "or" is the list's last: it runs to
                // the clause's end whatever its length, as a ConText scope does
                // ("no headache, fever or unable to pass urine").
                _ if closed => {}
                _ => words += 1,
            }
            i += 1;
        }
        if words > MAX_LIST_ITEM_WORDS {
            return false;
        }
        if closed {
            return true;
        }
        let next_is_item = i < tokens.len()
            && tokens[i].after_comma
            && tokens[i].sentence == tokens[start].sentence;
        if !next_is_item {
            return false;
        }
        part = i;
    }
    false
}

/// Where a backward scope from `t` starts: its clause's start (for a history
/// trigger, the clause before it when a comma parts them), or just after a
/// terminator. A negation ("was normal", "ruled out") reaches less: not past an
/// "and"/"or" that joins more than a short list item ("cramps come and go and the
/// leg looks completely normal" is two statements; "numbness and tingling ruled
/// out" is one), and at most [`MAX_BACKWARD_WORDS`] words back (NegEx's window).
fn backward_start(tokens: &[Token], stops: &[bool], t: &Trigger) -> usize {
    let negation = t.category == ContextCategory::Negated;
    // A history trigger ("fine since", "fully recovered") closes what the
    // sentence said before it, usually across one comma: "had a DVT in 2015 after
    // surgery, totally fine since". Only one comma, and only when the trigger
    // opens its part (at most [`MAX_HISTORY_GAP`] words before it, "I've been fine
    // since"): a part that says more ("my speech is slurred, had a mini stroke last
    // year") dates only itself, never the sign before the comma. Only a closing
    // trigger (backward only: "fine since", "cleared up") crosses; a date that
    // reaches both ways ("years ago", "in 2019", "when I was 12") dates its own
    // part, however short ("my speech is slurred, had a fall years ago").
    let mut commas = usize::from(
        t.category == ContextCategory::Historical && t.direction == Direction::Backward,
    );
    let mut i = t.start;
    while i > 0 {
        let prev = &tokens[i - 1];
        if stops[i - 1] || prev.sentence != tokens[t.start].sentence {
            break;
        }
        let aside = t.category == ContextCategory::Historical && tokens[i].after_bracket;
        if prev.clause != tokens[i].clause && !aside {
            if commas == 0 || !tokens[i].after_comma || t.start - i > MAX_HISTORY_GAP {
                break;
            }
            commas -= 1;
        }
        let joined = t.start - i;
        let and = matches!(prev.surface.as_str(), "and" | "or" | "n" | "plus");
        if negation && (joined >= MAX_BACKWARD_WORDS || (and && joined > 2)) {
            break;
        }
        i -= 1;
    }
    i
}

/// The most words between a comma and a history trigger for the trigger to reach
/// back across the comma ("…, I've been fine since"; "…, totally fine since").
const MAX_HISTORY_GAP: usize = 2;

/// The most words a backward negation ("was normal", "ruled out") reaches back.
const MAX_BACKWARD_WORDS: usize = 6;

#[cfg(test)]
#[path = "context_tests.rs"]
mod tests;
