//! How load and checks grow with the knowledge base: the shipped KB and synthetic
//! ones 10 and 100 times its size (benches/support/synth_kb.rs):
//! `cargo bench --bench scaling`.

#[path = "support/synth_kb.rs"]
mod synth_kb;

use std::sync::OnceLock;

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use engine::kb;
use engine::prebuilt;
use engine::understand::Understander;
use engine::Checker;
use twitchcheck::cmd::batch;

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [1, 10, 100];
const QUERY: &str = "calf cramps at night, no numbness";

/// The KB text `copies` times the shipped one, generated once per size.
fn text(copies: usize) -> &'static str {
    static TEXTS: [OnceLock<String>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = SIZES.iter().position(|&n| n == copies).unwrap();
    TEXTS[i].get_or_init(|| synth_kb::generate(copies))
}

/// The pre-built form build.rs would embed for that KB, leaked: the decoded KB
/// borrows its texts from it, as the binary's does from its static bytes.
fn prebuilt_bytes(copies: usize) -> &'static [u8] {
    let kb = kb::load_text(text(copies)).unwrap();
    prebuilt::encode(&kb, &Understander::new(&kb)).leak()
}

/// A run without `--kb` when this KB is the embedded one: read the pre-built
/// form, build the checker, answer one query.
#[divan::bench(args = SIZES, sample_count = 10)]
fn prebuilt_load_and_check(bencher: Bencher, copies: usize) {
    let bytes = prebuilt_bytes(copies);
    bencher.bench(|| {
        let (kb, understander) = prebuilt::decode(bytes);
        let checker = Checker::with_understander(kb, understander);
        black_box(&checker.check(QUERY, 5));
    });
}

/// `--kb FILE check`: parse and validate the TOML, build the checker, answer one query.
#[divan::bench(args = SIZES, sample_count = 5)]
fn toml_load_and_check(bencher: Bencher, copies: usize) {
    let text = text(copies);
    bencher.bench(|| {
        let checker = Checker::new(kb::load_text(text).unwrap());
        black_box(&checker.check(QUERY, 5));
    });
}

/// `batch` throughput once loaded: the very loop `batch` runs, from input lines
/// to its JSON line writer, over the dev-style queries. (The only `batch` bench.)
#[divan::bench(args = SIZES, sample_count = 20)]
fn batch_queries(bencher: Bencher, copies: usize) {
    let checker = Checker::new(kb::load_text(text(copies)).unwrap());
    let input = include_str!("queries.txt");
    let lines = input.lines().filter(|l| !l.trim().is_empty()).count();
    let mut out = Vec::new();
    bencher.counter(ItemsCount::new(lines)).bench_local(|| {
        out.clear();
        black_box(batch::run(&checker, &mut input.as_bytes(), &mut out, 5).unwrap());
        black_box(&out);
    });
}
