//! Writes a synthetic knowledge base N times the shipped one to stdout, for
//! benchmarks (not real advice): `cargo run --release --example gen_kb -- 10 > /tmp/kb10.toml`.

#[path = "../benches/support/synth_kb.rs"]
mod synth_kb;

use std::io::Write;

fn main() {
    let copies = match std::env::args().nth(1).map(|a| a.parse::<usize>()) {
        Some(Ok(n)) if n >= 1 => n,
        _ => {
            eprintln!("usage: gen_kb N   (N >= 1: how many times the shipped KB)");
            std::process::exit(2);
        }
    };
    let text = synth_kb::generate(copies);
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        eprintln!("gen_kb: {e}");
        std::process::exit(2);
    }
}
