//! In-process benchmarks of each stage, on the dev-style queries in
//! benches/queries.txt: `cargo bench --bench pipeline`.
//!
//! Loading is measured both ways: the embedded KB's pre-built form (what every
//! run without `--kb` pays) and parsing the same TOML with full validation (what
//! `--kb FILE` pays). `batch`'s throughput is timed once, in benches/scaling.rs,
//! over the code `batch` really runs.

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use engine::kb::{self, KnowledgeBase};
use engine::rank::Ranker;
use engine::understand::{Assertion, Mention, Understander};
use engine::{Checker, Report};
use twitchcheck::knowledge;
use twitchcheck::output::{json, text as render, Style};

fn main() {
    divan::main();
}

fn queries() -> Vec<&'static str> {
    include_str!("queries.txt")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect()
}

const STYLE: Style = Style {
    color: false,
    width: 100,
};

#[divan::bench]
fn load_embedded_prebuilt() -> KnowledgeBase {
    knowledge::embedded()
}

#[divan::bench]
fn load_embedded_toml() -> KnowledgeBase {
    kb::load_embedded().unwrap()
}

/// Everything a `check` builds before it reads the query.
#[divan::bench]
fn checker_embedded() -> Checker {
    knowledge::embedded_checker()
}

#[divan::bench]
fn checker_from_toml() -> Checker {
    Checker::new(kb::load_embedded().unwrap())
}

#[divan::bench]
fn understand_queries(bencher: Bencher) {
    let kb = knowledge::embedded();
    let understander = Understander::new(&kb);
    let queries = queries();
    bencher.counter(ItemsCount::new(queries.len())).bench(|| {
        for q in &queries {
            black_box(understander.understand(q));
        }
    });
}

#[divan::bench]
fn rank_queries(bencher: Bencher) {
    let kb = knowledge::embedded();
    let understander = Understander::new(&kb);
    let ranker = Ranker::new(&kb);
    // (reported, negated) finding indices per query, as `Checker::check` passes them.
    let inputs: Vec<(Vec<usize>, Vec<usize>)> = queries()
        .iter()
        .map(|q| {
            let mentions = understander.understand(q).mentions;
            let findings = |wanted: Assertion| {
                mentions
                    .iter()
                    .filter(|m| m.assertion == wanted)
                    .filter_map(Mention::finding)
                    .collect()
            };
            (findings(Assertion::Present), findings(Assertion::Negated))
        })
        .collect();
    bencher.counter(ItemsCount::new(inputs.len())).bench(|| {
        for (present, negated) in &inputs {
            black_box(ranker.rank(&kb, present, negated));
        }
    });
}

/// Reports borrow from their checker, which lives as long as the benchmarks.
fn reports() -> Vec<Report<'static>> {
    let checker: &'static Checker = Box::leak(Box::new(knowledge::embedded_checker()));
    queries().iter().map(|q| checker.check(q, 5)).collect()
}

#[divan::bench]
fn render_table(bencher: Bencher) {
    let reports = reports();
    bencher.counter(ItemsCount::new(reports.len())).bench(|| {
        for r in &reports {
            black_box(render::check(r, render::CheckView::default(), STYLE));
        }
    });
}

/// The pretty JSON of `check --json`.
#[divan::bench]
fn render_json_pretty(bencher: Bencher) {
    let reports = reports();
    let info = knowledge::KbInfo::of(&knowledge::embedded(), None);
    bencher.counter(ItemsCount::new(reports.len())).bench(|| {
        for r in &reports {
            let mut out = Vec::new();
            json::write_report(&mut out, r, &info).unwrap();
            black_box(out);
        }
    });
}

/// Issue 5's bound: a 1 MiB query (dev-style sentences, one after another)
/// answers in under a second.
#[divan::bench(sample_count = 10)]
fn check_1mib_query(bencher: Bencher) {
    let checker = knowledge::embedded_checker();
    let mut query = String::new();
    for q in queries().iter().cycle() {
        if query.len() >= 1 << 20 {
            break;
        }
        query.push_str(q);
        query.push_str(". ");
    }
    query.truncate(1 << 20);
    let query = query.trim_end().to_string();
    bencher
        .counter(BytesCount::new(query.len()))
        .bench(|| black_box(checker.check(&query, 5)));
}

/// The same bound for the worst shapes of 1 MiB: one single word, and made-up
/// words of typo length that each need a correction search.
#[divan::bench(args = ["one word", "unknown words"], sample_count = 10)]
fn check_1mib_adversarial(bencher: Bencher, shape: &str) {
    adversarial(bencher, shape, 1 << 20);
}

/// Issue 13: the worst 4 MiB line (the longest `batch` takes), distinct made-up
/// words that each need a typo search, answers in under a second (22 s before
/// typo work was bounded per query).
#[divan::bench(args = ["one word", "unknown words", "negated mentions"], sample_count = 3)]
fn check_4mib_adversarial(bencher: Bencher, shape: &str) {
    adversarial(bencher, shape, 4 << 20);
}

/// Issue 13: a user's KB with a 100 000-character cause name is refused at
/// validation, at once (rendering it in a table took 3.5 s before).
#[divan::bench(sample_count = 3)]
fn load_kb_with_a_100k_character_name(bencher: Bencher) {
    let text = std::fs::read_to_string("tests/fixtures/mini.toml").expect("the test fixture");
    let at = text.find("\nname = \"").expect("a name") + "\nname = \"".len();
    let text = format!("{}{}{}", &text[..at], "x".repeat(100_000), &text[at..]);
    let problems = kb::load_text(&text).expect_err("refused");
    assert!(
        problems[0].message.contains("over the limit"),
        "{problems:?}"
    );
    bencher.bench(|| black_box(kb::load_text(&text).is_err()));
}

fn adversarial(bencher: Bencher, shape: &str, size: usize) {
    let checker = knowledge::embedded_checker();
    let query = match shape {
        "one word" => "a".repeat(size),
        // Negations and mentions in one long sentence: each mention used to walk
        // every negation's scope (24 s at 4 MiB).
        "negated mentions" => {
            let words = [
                "no",
                "calf",
                "cramps",
                "not",
                "eyelid",
                "twitching",
                "or",
                "but",
            ];
            let mut query = String::new();
            let mut n: u32 = 0;
            while query.len() < size - 16 {
                n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                query.push_str(words[(n >> 16) as usize % words.len()]);
                query.push_str(if n % 3 == 0 { " qzv " } else { " " });
            }
            query
        }
        _ => {
            let mut query = String::new();
            let mut n: u32 = 0;
            while query.len() < size {
                n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                // Letters only: a word with a digit is never searched for a typo,
                // so hex digits here measured nothing of the typo search.
                let word: String = format!("{:07x}", n >> 4)
                    .chars()
                    .map(|c| char::from(b'g' + c.to_digit(16).unwrap_or(0) as u8))
                    .collect();
                query.push_str(&format!("zq{word} "));
            }
            query
        }
    };
    bencher
        .counter(BytesCount::new(query.len()))
        .bench(|| black_box(checker.check(&query, 5)));
}
