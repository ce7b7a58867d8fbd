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
    Bin, Cause, Citation, Family, Finding, Kind, KnowledgeBase, Prior, RedFlag, Urgency,
};
use crate::understand::Understander;

/// Index of `value` in a vocabulary's `ALL`.
fn index_of<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|v| v == value).expect("in ALL")
}

/// Writes a validated KB and its compiled understanding tables.
pub fn encode(kb: &KnowledgeBase, understander: &Understander) -> Vec<u8> {
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
        w.strs(&c.tests);
        w.str(&c.evidence);
        w.num(c.sources.len());
        for s in &c.sources {
            w.str(&s.title);
            w.str(&s.url);
        }
    }
    w.num(kb.red_flags.len());
    for r in &kb.red_flags {
        w.str(&r.id);
        w.str(&r.name);
        w.num(index_of(Urgency::ALL, &r.urgency));
        w.strs(&r.phrases);
        w.sets(&r.together);
        w.opt(r.min_duration_days.map(|d| d as usize));
        w.str(&r.advice);
    }
    w.num(kb.findings.len());
    for f in &kb.findings {
        w.str(&f.id);
        w.str(&f.name);
        w.num(index_of(Family::ALL, &f.family));
        w.strs(&f.phrases);
        w.opt(f.parent);
        w.opt(f.red_flag);
        w.sets(&f.together);
        w.num(f.links.len());
        for &(cause, bin) in &f.links {
            w.num(cause);
            w.num(index_of(Bin::ALL, &bin));
        }
    }
    understander.write(&mut w);
    w.finish()
}

/// Reads what [`encode`] wrote. Panics on malformed input: the bytes come from
/// this build's own build.rs, never from a user.
pub fn decode(bytes: &[u8]) -> (KnowledgeBase, Understander) {
    let mut r = Reader::new(bytes);
    let causes = r.list(|r| Cause {
        id: r.str(),
        name: r.str(),
        kind: Kind::ALL[r.num()],
        prior: Prior::ALL[r.num()],
        summary: r.str(),
        explanation: r.str(),
        helps: r.strs(),
        tests: r.strs(),
        evidence: r.str(),
        sources: r.list(|r| Citation {
            title: r.str(),
            url: r.str(),
        }),
    });
    let red_flags = r.list(|r| RedFlag {
        id: r.str(),
        name: r.str(),
        urgency: Urgency::ALL[r.num()],
        phrases: r.strs(),
        together: r.list(Reader::strs),
        min_duration_days: r.opt().map(|d| d as u32),
        advice: r.str(),
        sources: Vec::new(),
    });
    let findings = r.list(|r| Finding {
        id: r.str(),
        name: r.str(),
        family: Family::ALL[r.num()],
        phrases: r.strs(),
        parent: r.opt(),
        red_flag: r.opt(),
        together: r.list(Reader::strs),
        links: r.list(|r| (r.num(), Bin::ALL[r.num()])),
    });
    let understander = Understander::read(&mut r);
    assert!(
        r.is_done(),
        "trailing bytes in the pre-built knowledge base"
    );
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
