//! Validates the knowledge base and embeds it pre-built (see src/knowledge.rs).
//!
//! It uses the engine's own loader and compiler (crates/engine, an ordinary
//! build-dependency), so the embedded KB passes the very checks `twitchcheck --kb
//! FILE` applies, and its understanding tables are compiled exactly as at run time.
//! An invalid `data/knowledge.toml` fails the build with every problem listed as
//! `file:line:column: message`.

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
    let text = std::fs::read_to_string(&source)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", source.display()));
    let kb = match kb::load_text(&text) {
        Ok(kb) => kb,
        Err(problems) => {
            for p in &problems {
                eprintln!("{}:{p}", source.display());
            }
            eprintln!(
                "{}: {} problem(s); the knowledge base must be valid to build twitchcheck",
                source.display(),
                problems.len()
            );
            std::process::exit(1);
        }
    };
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
