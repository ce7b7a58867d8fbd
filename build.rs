//! Validates the knowledge base and embeds it pre-built (see src/knowledge.rs).
//!
//! It uses the engine's own loader and compiler (crates/engine, an ordinary
//! build-dependency), so the embedded KB passes the very checks `twitchcheck --kb
//! FILE` applies, and its understanding tables are compiled exactly as at run time.
//! An invalid `data/knowledge.toml`, or a file it includes, fails the build with every
//! problem listed as `file:line:column: message`.

use std::path::PathBuf;

use engine::kb;
use engine::prebuilt;
use engine::understand::Understander;

fn main() {
    println!("cargo:rerun-if-env-changed=TWITCHCHECK_BUILD_KB");
    println!("cargo:rerun-if-changed=data/knowledge.toml");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    // Another KB may be embedded instead, for the scaling benchmarks.
    let source = match std::env::var_os("TWITCHCHECK_BUILD_KB") {
        Some(path) => {
            let path = manifest.join(path);
            println!("cargo:rerun-if-changed={}", path.display());
            path
        }
        None => manifest.join("data/knowledge.toml"),
    };
    // The main file and every file its `include` lists; each is watched.
    let sources = kb::read_sources(&source).unwrap_or_else(|e| fail(&source, &e.to_string(), 1));
    for s in &sources[1..] {
        println!("cargo:rerun-if-changed={}", s.name);
    }
    let kb = kb::load_sources(&sources).unwrap_or_else(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        fail(&source, &lines.join("\n"), problems.len())
    });
    let understander = Understander::new(&kb);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("knowledge.bin");
    std::fs::write(&out, prebuilt::encode(&kb, &understander))
        .unwrap_or_else(|e| panic!("{}: cannot write: {e}", out.display()));
    // Its fingerprint, so `check --json` need not compute it on every run.
    let fingerprint = out.with_file_name("knowledge.fingerprint");
    std::fs::write(&fingerprint, engine::fingerprint::of(&kb))
        .unwrap_or_else(|e| panic!("{}: cannot write: {e}", fingerprint.display()));
    // Tests compare the pre-built form with the file it came from.
    println!("cargo:rustc-env=TWITCHCHECK_KB_SOURCE={}", source.display());
}

/// Fails the build with `message` and a count of the problems.
fn fail(source: &std::path::Path, message: &str, count: usize) -> ! {
    eprintln!("{message}");
    eprintln!(
        "{}: {count} problem(s); the knowledge base must be valid to build twitchcheck",
        source.display()
    );
    std::process::exit(1);
}
