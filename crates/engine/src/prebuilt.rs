//! A compact binary form of a validated knowledge base and its compiled understanding tables ([`crate::understand::Understander`]).
//!
//! `build.rs` parses and validates `data/knowledge.toml` with the same code as
//! `--kb FILE`, compiles the phrases (tokenizing every phrase and numbering its
//! stems), and writes both with [`encode`]; the binary embeds the bytes and
//! [`decode`]s them on first use. Reading this form costs a few hundred thousand
//! instructions, against tens of millions for parsing the TOML and stemming every
//! phrase, which was most of a `check`'s run time. The compiled tables are stored
//! ready to use (stems numbered, phrases as stem ids, typo forms sorted), so
//! reading them tokenizes and hashes no phrase word.
//!
//! The format is private to one build: numbers are little-endian u32, strings a
//! length then UTF-8 bytes, enums their index in the vocabulary's `ALL`.

use crate::codec::{Reader, Writer};
use crate::kb::{
    Asked, Bin, Cause, Citation, Class, ContextCategory, ContextRule, Direction, Element, Family,
    Finding, HelpCondition, Kind, KnowledgeBase, Pattern, PatternTarget, Prior, RedFlag, Scope,
    Urgency,
};
use crate::understand::Understander;

/// Index of `value` in a vocabulary's `ALL`.
fn index_of<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|v| v == value).expect("in ALL")
}

/// Writes a validated KB and its compiled understanding tables.
pub fn encode(kb: &KnowledgeBase, understander: &Understander) -> Vec<u8> {
    write(kb, understander).finish()
}

/// [`encode`]'s bytes as the stream and the string pool apart (see
/// [`Writer::finish_parts`]); [`decode_parts`] and [`decode_for_check_parts`] read them.
pub fn encode_parts(kb: &KnowledgeBase, understander: &Understander) -> (Vec<u8>, String) {
    write(kb, understander).finish_parts()
}

fn write(kb: &KnowledgeBase, understander: &Understander) -> Writer {
    let mut w = Writer::new();
    w.num(kb.causes.len());
    for c in &kb.causes {
        w.str(&c.id);
        w.str(&c.name);
        w.num(index_of(Kind::ALL, &c.kind));
        w.num(index_of(Prior::ALL, &c.prior));
        w.str(&c.summary);
        w.str(&c.explanation);
        w.strs(&c.helps);
        for condition in &c.help_conditions {
            for list in [&condition.when, &condition.unless] {
                w.num(list.len());
                list.iter().for_each(|&f| w.num(f));
            }
        }
        w.strs(&c.tests);
        w.str(&c.evidence);
        citations(&mut w, &c.sources);
    }
    w.num(kb.red_flags.len());
    for r in &kb.red_flags {
        w.str(&r.id);
        w.str(&r.name);
        w.num(index_of(Urgency::ALL, &r.urgency));
        w.opt(r.min_duration_days.map(|d| d as usize));
        w.ids(&r.duration_of.iter().map(|&f| f as u32).collect::<Vec<_>>());
        w.ids(&r.places_of.iter().map(|&f| f as u32).collect::<Vec<_>>());
        w.ids(&r.unless.iter().map(|&f| f as u32).collect::<Vec<_>>());
        w.num(r.findings_all.len());
        for set in &r.findings_all {
            w.ids(&set.iter().map(|&f| f as u32).collect::<Vec<_>>());
        }
        w.ids(&r.escalates.iter().map(|&f| f as u32).collect::<Vec<_>>());
        w.ids(
            &r.with_findings
                .iter()
                .map(|&f| f as u32)
                .collect::<Vec<_>>(),
        );
        w.str(&r.advice);
        citations(&mut w, &r.sources);
        asked(&mut w, &r.question);
    }
    w.num(kb.findings.len());
    for f in &kb.findings {
        w.str(&f.id);
        w.str(&f.name);
        w.num(index_of(Family::ALL, &f.family));
        w.opt(f.parent);
        w.opt(f.red_flag);
        w.num(f.links.len());
        for &(cause, bin) in &f.links {
            w.num(cause);
            w.num(index_of(Bin::ALL, &bin));
        }
        w.opt(f.asks.map(|k| index_of(Kind::ALL, &k)));
        asked(&mut w, &f.question);
    }
    // The compiled tables before the classes, patterns and context rules they were
    // compiled from, so a checker can stop reading there (see [`decode_for_check`]).
    understander.write(&mut w);
    w.num(kb.classes.len());
    for c in &kb.classes {
        w.str(&c.id);
        w.str(&c.name);
        w.strs(&c.terms);
        w.num(usize::from(c.state));
    }
    w.num(kb.patterns.len());
    for p in &kb.patterns {
        write_target(&mut w, p.target);
        w.num(p.all.len());
        for e in &p.all {
            match e {
                Element::Class(i) => w.opt(Some(*i)),
                Element::Phrase(text) => {
                    w.opt(None);
                    w.str(text);
                }
            }
        }
        w.num(p.within as usize);
        w.num(index_of(Scope::ALL, &p.scope));
    }
    w.num(kb.context.len());
    for r in &kb.context {
        w.str(&r.literal);
        w.num(index_of(ContextCategory::ALL, &r.category));
        w.num(index_of(Direction::ALL, &r.direction));
    }
    // Phrases and word sets last: checking reads their compiled form only.
    for r in &kb.red_flags {
        w.strs(&r.phrases);
        w.sets(&r.together);
    }
    for f in &kb.findings {
        w.strs(&f.phrases);
        w.sets(&f.together);
    }
    w
}

/// A pattern's target: its kind (0 finding, 1 red flag, 2 cause), then its index.
/// The KB's patterns and the compiled concept tables both store one.
pub(crate) fn write_target(w: &mut Writer, target: PatternTarget) {
    let (kind, index) = match target {
        PatternTarget::Finding(i) => (0, i),
        PatternTarget::RedFlag(i) => (1, i),
        PatternTarget::Cause(i) => (2, i),
    };
    w.num(kind);
    w.num(index);
}

pub(crate) fn read_target(r: &mut Reader) -> PatternTarget {
    let kind = r.num();
    let index = r.num();
    match kind {
        0 => PatternTarget::Finding(index),
        1 => PatternTarget::RedFlag(index),
        _ => PatternTarget::Cause(index),
    }
}

fn citations(w: &mut Writer, sources: &[Citation]) {
    w.num(sources.len());
    for s in sources {
        w.str(&s.title);
        w.str(&s.url);
    }
}

fn read_citations(r: &mut Reader<'static>) -> Vec<Citation> {
    r.list(|r| Citation {
        title: r.text(),
        url: r.text(),
    })
}

/// Reads what [`encode`] wrote. Panics on malformed input: the bytes come from
/// this build's own build.rs, never from a user.
pub fn decode(bytes: &'static [u8]) -> (KnowledgeBase, Understander) {
    read_all(Reader::new(bytes))
}

/// [`decode`] for what [`encode_parts`] wrote.
pub fn decode_parts(stream: &'static [u8], pool: &'static str) -> (KnowledgeBase, Understander) {
    read_all(Reader::from_parts(stream, pool))
}

fn read_all(mut r: Reader<'static>) -> (KnowledgeBase, Understander) {
    let (mut kb, understander) = read_for_check(&mut r);
    kb.classes = r.list(|r| Class {
        id: r.text(),
        name: r.text(),
        terms: r.texts(),
        state: r.num() != 0,
    });
    kb.patterns = r.list(|r| Pattern {
        target: read_target(r),
        all: r.list(|r| match r.opt() {
            Some(i) => Element::Class(i),
            None => Element::Phrase(r.text()),
        }),
        within: r.num() as u32,
        scope: Scope::ALL[r.num()],
    });
    kb.context = r.list(|r| ContextRule {
        literal: r.text(),
        category: ContextCategory::ALL[r.num()],
        direction: Direction::ALL[r.num()],
    });
    for flag in &mut kb.red_flags {
        flag.phrases = r.texts();
        flag.together = r.list(Reader::texts);
    }
    for finding in &mut kb.findings {
        finding.phrases = r.texts();
        finding.together = r.list(Reader::texts);
    }
    assert!(
        r.is_done(),
        "trailing bytes in the pre-built knowledge base"
    );
    (kb, understander)
}

/// What checking needs of [`encode`]'s bytes: the KB without its classes, patterns,
/// context rules, phrases and word sets (left empty), and the understanding
/// tables compiled from them, which are all that checking reads of them. About
/// 14 000 class terms, 900 context rules, 1 800 phrases and 1 700 word sets are
/// not decoded, which was most of a `check`'s start-up.
/// A KB decoded so must not be compiled, validated, listed or fingerprinted:
/// use [`decode`] for those.
pub fn decode_for_check_parts(
    stream: &'static [u8],
    pool: &'static str,
) -> (KnowledgeBase, Understander) {
    read_for_check(&mut Reader::from_parts(stream, pool))
}

fn read_for_check(r: &mut Reader<'static>) -> (KnowledgeBase, Understander) {
    let causes = r.list(|r| {
        let (id, name) = (r.text(), r.text());
        let (kind, prior) = (Kind::ALL[r.num()], Prior::ALL[r.num()]);
        let (summary, explanation) = (r.text(), r.text());
        let helps = r.texts();
        let help_conditions = helps
            .iter()
            .map(|_| HelpCondition {
                when: r.list(Reader::num),
                unless: r.list(Reader::num),
            })
            .collect();
        Cause {
            id,
            name,
            kind,
            prior,
            summary,
            explanation,
            helps,
            help_conditions,
            tests: r.texts(),
            evidence: r.text(),
            sources: read_citations(r),
        }
    });
    let red_flags = r.list(|r| RedFlag {
        id: r.text(),
        name: r.text(),
        urgency: Urgency::ALL[r.num()],
        phrases: Vec::new(),
        together: Vec::new(),
        min_duration_days: r.opt().map(|d| d as u32),
        duration_of: r.ids().into_iter().map(|f| f as usize).collect(),
        places_of: r.ids().into_iter().map(|f| f as usize).collect(),
        unless: r.ids().into_iter().map(|f| f as usize).collect(),
        findings_all: r.list(|r| r.ids().into_iter().map(|f| f as usize).collect()),
        escalates: r.ids().into_iter().map(|f| f as usize).collect(),
        with_findings: r.ids().into_iter().map(|f| f as usize).collect(),
        advice: r.text(),
        sources: read_citations(r),
        question: read_asked(r),
    });
    let findings = r.list(|r| Finding {
        id: r.text(),
        name: r.text(),
        family: Family::ALL[r.num()],
        phrases: Vec::new(),
        parent: r.opt(),
        red_flag: r.opt(),
        together: Vec::new(),
        links: r.list(|r| (r.num(), Bin::ALL[r.num()])),
        asks: r.opt().map(|k| Kind::ALL[k]),
        question: read_asked(r),
    });
    let understander = Understander::read(r);
    let kb = KnowledgeBase {
        findings,
        causes,
        red_flags,
        classes: Vec::new(),
        patterns: Vec::new(),
        context: Vec::new(),
    };
    (kb, understander)
}

/// A question's words: 0 for none, else 1, text, short and the `when` findings.
fn asked(w: &mut Writer, question: &Option<Asked>) {
    match question {
        Some(q) => {
            w.num(1);
            w.str(&q.text);
            w.str(&q.short);
            let when: Vec<u32> = q.when.iter().map(|&f| f as u32).collect();
            w.ids(&when);
        }
        None => w.num(0),
    }
}

fn read_asked(r: &mut Reader<'static>) -> Option<Asked> {
    (r.num() == 1).then(|| Asked {
        text: r.text(),
        short: r.text(),
        when: r.ids().into_iter().map(|f| f as usize).collect(),
    })
}
