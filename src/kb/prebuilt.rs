//! A compact binary form of a validated knowledge base and its matcher.
//!
//! `build.rs` parses and validates `data/knowledge.toml` with the same code as
//! `--kb FILE`, builds the matcher (tokenizing every phrase and numbering its
//! stems), and writes both with [`encode`]; the binary embeds the bytes and
//! [`decode`]s them on first use. Reading this form costs a few hundred thousand
//! instructions, against tens of millions for parsing the TOML and stemming every
//! phrase, which was most of a `check`'s run time. The matcher's tables are stored
//! ready to use (stems numbered, phrases as stem ids, typo forms sorted), so
//! reading them tokenizes and hashes no phrase word.
//!
//! The format is private to one build: numbers are little-endian u32, strings a
//! length then UTF-8 bytes, enums their index in the vocabulary's `ALL`.

use super::{Bin, Cause, Citation, Family, Finding, Kind, KnowledgeBase, Prior, RedFlag, Urgency};
use crate::matcher::Matcher;

pub struct Writer(Vec<u8>);

impl Writer {
    pub fn num(&mut self, n: usize) {
        let n = u32::try_from(n).expect("knowledge base fits u32 counts");
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    /// None as 0, Some(i) as i + 1.
    pub fn opt(&mut self, n: Option<usize>) {
        self.num(n.map_or(0, |i| i + 1));
    }

    pub fn str(&mut self, s: &str) {
        self.num(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    pub fn strs(&mut self, items: &[String]) {
        self.num(items.len());
        for s in items {
            self.str(s);
        }
    }

    fn sets(&mut self, sets: &[Vec<String>]) {
        self.num(sets.len());
        for set in sets {
            self.strs(set);
        }
    }

    /// A list of numbers (stem ids, offsets).
    pub fn ids(&mut self, ids: &[u32]) {
        self.num(ids.len());
        for &id in ids {
            self.num(id as usize);
        }
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        self.num(bytes.len());
        self.0.extend_from_slice(bytes);
    }
}

pub struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    pub fn num(&mut self) -> usize {
        let (head, rest) = self.0.split_at(4);
        self.0 = rest;
        u32::from_le_bytes(head.try_into().expect("4 bytes")) as usize
    }

    pub fn opt(&mut self) -> Option<usize> {
        self.num().checked_sub(1)
    }

    pub fn str(&mut self) -> String {
        let len = self.num();
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        std::str::from_utf8(head)
            .expect("build.rs wrote UTF-8")
            .to_string()
    }

    pub fn strs(&mut self) -> Vec<String> {
        (0..self.num()).map(|_| self.str()).collect()
    }

    pub fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Vec<T> {
        (0..self.num()).map(|_| item(self)).collect()
    }

    pub fn ids(&mut self) -> Vec<u32> {
        let len = self.num() * 4;
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        head.chunks_exact(4)
            .map(|n| u32::from_le_bytes(n.try_into().expect("4 bytes")))
            .collect()
    }

    pub fn bytes(&mut self) -> Vec<u8> {
        let len = self.num();
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        head.to_vec()
    }
}

/// Index of `value` in a vocabulary's `ALL`.
fn index_of<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|v| v == value).expect("in ALL")
}

/// Writes a validated KB and its matcher.
pub fn encode(kb: &KnowledgeBase, matcher: &Matcher) -> Vec<u8> {
    let mut w = Writer(Vec::new());
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
    matcher.write(&mut w);
    w.0
}

/// Reads what [`encode`] wrote. Panics on malformed input: the bytes come from
/// this build's own build.rs, never from a user.
pub fn decode(bytes: &[u8]) -> (KnowledgeBase, Matcher) {
    let mut r = Reader(bytes);
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
    let matcher = Matcher::read(&mut r);
    assert!(
        r.0.is_empty(),
        "trailing bytes in the pre-built knowledge base"
    );
    let kb = KnowledgeBase {
        findings,
        causes,
        red_flags,
    };
    (kb, matcher)
}
