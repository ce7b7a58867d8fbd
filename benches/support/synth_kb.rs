//! A synthetic knowledge base N times the shipped one, for scaling benchmarks.
//!
//! Copy 1 is the shipped KB as it is, so dev-style queries still find what they
//! find today. Copies 2..=N repeat its structure (findings, phrases, causes, links,
//! parents, red flags) under new ids, with every phrase word replaced by a made-up
//! word of the same length. Each real word gets one made-up word per copy, so the
//! vocabulary the fuzzy matcher must search grows N times, as it would if the KB
//! really grew, rather than reusing the same few hundred words.
//!
//! Shared by `examples/gen_kb.rs` (writes the file) and `benches/scaling.rs`.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use engine::kb::{load_embedded, load_text, Citation, Element, KnowledgeBase, PatternTarget, Text};
use engine::understand::tokens::{stem, tokenize};

/// Deterministic pseudo-random numbers (xorshift64*), so every run writes the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// Makes up words whose stems are all distinct from each other and from the
/// shipped vocabulary, so no two synthetic phrases can normalize to the same key.
struct Words {
    rng: Rng,
    used_stems: HashSet<String>,
}

impl Words {
    fn new(kb: &KnowledgeBase) -> Self {
        let mut used_stems = HashSet::new();
        let phrases = kb
            .findings
            .iter()
            .flat_map(|f| f.phrases.iter().chain(f.together.iter().flatten()))
            .chain(
                kb.red_flags
                    .iter()
                    .flat_map(|r| r.phrases.iter().chain(r.together.iter().flatten())),
            );
        for p in phrases {
            used_stems.extend(tokenize(p).into_iter().map(|t| t.stem));
        }
        Words {
            rng: Rng(0x7477_6974_6368),
            used_stems,
        }
    }

    /// A new lower-case word of `len` letters (at least five, so it is never one
    /// of the normalizer's short function words).
    fn make(&mut self, len: usize) -> String {
        loop {
            let word: String = (0..len.max(5))
                .map(|_| char::from(b'a' + (self.rng.next() % 26) as u8))
                .collect();
            if self.used_stems.insert(stem(&word)) {
                return word;
            }
        }
    }
}

/// TOML basic string: JSON's string escapes are valid TOML.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serializes")
}

fn quoted_list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| quoted(s.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

/// Sources as a TOML array of inline tables.
fn citations(sources: &[Citation]) -> String {
    let items: Vec<String> = sources
        .iter()
        .map(|s| {
            format!(
                "{{ title = {}, url = {} }}",
                quoted(&s.title),
                quoted(&s.url)
            )
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// `together` word sets as a TOML array of arrays, each word renamed like phrase words.
fn together_sets(sets: &[Vec<Text>], rename: &mut impl FnMut(&str) -> String) -> String {
    let sets: Vec<String> = sets
        .iter()
        .map(|set| {
            let words: Vec<String> = set.iter().map(|w| rename(w)).collect();
            quoted_list(&words)
        })
        .collect();
    if sets.is_empty() {
        String::new()
    } else {
        format!("[{}]", sets.join(", "))
    }
}

/// The TOML text of a KB `copies` times the shipped one. Panics if the result does
/// not validate, so a benchmark never measures an invalid file.
pub fn generate(copies: usize) -> String {
    let kb = load_embedded().expect("the embedded KB is valid");
    let mut words = Words::new(&kb);
    let mut out =
        String::from("# Synthetic knowledge base for benchmarks; not real advice.\nversion = 1\n");

    for copy in 1..=copies {
        // Copy 1 keeps the shipped ids and words.
        let id = |id: &str| {
            if copy == 1 {
                id.to_string()
            } else {
                format!("{id}-copy{copy}")
            }
        };
        let mut renamed: HashMap<String, String> = HashMap::new();
        let mut phrase = |text: &str| -> String {
            if copy == 1 {
                return text.to_string();
            }
            let tokens = tokenize(text);
            let new: Vec<String> = tokens
                .iter()
                .map(|t| {
                    renamed
                        .entry(t.surface.clone())
                        .or_insert_with(|| words.make(t.surface.chars().count()))
                        .clone()
                })
                .collect();
            new.join(" ")
        };

        for c in &kb.causes {
            let _ = writeln!(out, "\n[[cause]]");
            let _ = writeln!(out, "id = {}", quoted(&id(&c.id)));
            let _ = writeln!(out, "name = {}", quoted(&format!("{} {copy}", c.name)));
            let _ = writeln!(out, "kind = {}", quoted(c.kind.as_str()));
            let _ = writeln!(out, "prior = {}", quoted(c.prior.as_str()));
            let _ = writeln!(out, "summary = {}", quoted(&c.summary));
            let _ = writeln!(out, "explanation = {}", quoted(&c.explanation));
            let _ = writeln!(out, "helps = {}", quoted_list(&c.helps));
            let _ = writeln!(out, "tests = {}", quoted_list(&c.tests));
            let _ = writeln!(out, "evidence = {}", quoted(&c.evidence));
            let _ = writeln!(out, "sources = {}", citations(&c.sources));
        }

        for r in &kb.red_flags {
            let phrases: Vec<String> = r.phrases.iter().map(|p| phrase(p)).collect();
            let together = together_sets(&r.together, &mut phrase);
            let _ = writeln!(out, "\n[[red_flag]]");
            let _ = writeln!(out, "id = {}", quoted(&id(&r.id)));
            let _ = writeln!(out, "name = {}", quoted(&r.name));
            let _ = writeln!(out, "urgency = {}", quoted(r.urgency.as_str()));
            let _ = writeln!(out, "phrases = {}", quoted_list(&phrases));
            if !together.is_empty() {
                let _ = writeln!(out, "together = {together}");
            }
            if let Some(days) = r.min_duration_days {
                let _ = writeln!(out, "min_duration_days = {days}");
            }
            let _ = writeln!(out, "advice = {}", quoted(&r.advice));
            let _ = writeln!(out, "sources = {}", citations(&r.sources));
        }

        for f in &kb.findings {
            let phrases: Vec<String> = f.phrases.iter().map(|p| phrase(p)).collect();
            let together = together_sets(&f.together, &mut phrase);
            let _ = writeln!(out, "\n[[finding]]");
            let _ = writeln!(out, "id = {}", quoted(&id(&f.id)));
            let _ = writeln!(out, "name = {}", quoted(&f.name));
            let _ = writeln!(out, "family = {}", quoted(f.family.as_str()));
            let _ = writeln!(out, "phrases = {}", quoted_list(&phrases));
            if !together.is_empty() {
                let _ = writeln!(out, "together = {together}");
            }
            if let Some(p) = f.parent {
                let _ = writeln!(out, "parent = {}", quoted(&id(&kb.findings[p].id)));
            }
            if let Some(r) = f.red_flag {
                let _ = writeln!(out, "red_flag = {}", quoted(&id(&kb.red_flags[r].id)));
            }
            let links: Vec<String> = f
                .links
                .iter()
                .map(|&(c, bin)| format!("{} = {}", id(&kb.causes[c].id), quoted(bin.as_str())))
                .collect();
            let _ = writeln!(out, "links = {{ {} }}", links.join(", "));
        }

        // Classes and patterns grow with the KB, like findings; their terms and
        // phrases are renamed like phrase words.
        for c in &kb.classes {
            let terms: Vec<String> = c.terms.iter().map(|t| phrase(t)).collect();
            let _ = writeln!(out, "\n[[class]]");
            let _ = writeln!(out, "id = {}", quoted(&id(&c.id)));
            let _ = writeln!(out, "name = {}", quoted(&c.name));
            let _ = writeln!(out, "terms = {}", quoted_list(&terms));
        }
        for p in &kb.patterns {
            let _ = writeln!(out, "\n[[pattern]]");
            let _ = match p.target {
                PatternTarget::Finding(i) => {
                    writeln!(out, "finding = {}", quoted(&id(&kb.findings[i].id)))
                }
                PatternTarget::RedFlag(i) => {
                    writeln!(out, "red_flag = {}", quoted(&id(&kb.red_flags[i].id)))
                }
                PatternTarget::Cause(i) => {
                    writeln!(out, "cause = {}", quoted(&id(&kb.causes[i].id)))
                }
            };
            let all: Vec<String> = p
                .all
                .iter()
                .map(|e| match e {
                    Element::Class(i) => format!("@{}", id(&kb.classes[*i].id)),
                    Element::Phrase(text) => phrase(text),
                })
                .collect();
            let _ = writeln!(out, "all = {}", quoted_list(&all));
            let _ = writeln!(out, "within = {}", p.within);
            let _ = writeln!(out, "scope = {}", quoted(p.scope.as_str()));
        }
    }

    // Context rules are a closed list of function words: one copy, as in any KB.
    for r in &kb.context {
        let _ = writeln!(out, "\n[[context]]");
        let _ = writeln!(out, "literal = {}", quoted(&r.literal));
        let _ = writeln!(out, "category = {}", quoted(r.category.as_str()));
        let _ = writeln!(out, "direction = {}", quoted(r.direction.as_str()));
    }

    if let Err(problems) = load_text(&out) {
        panic!("the synthetic KB is invalid: {}", problems[0]);
    }
    out
}
