//! The loader's own tests: the shipped KB, and multi-file KBs in memory.

use super::*;

#[test]
fn the_shipped_kb_loads() {
    let kb = load_embedded().unwrap_or_else(|p| {
        panic!(
            "{}",
            p.iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    eprintln!("{}", kb.summary());
}
