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
    // The numbers and the strings apart: src/knowledge.rs embeds the strings with
    // include_str!, so the compiler checks their UTF-8 once instead of every run.
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("knowledge.bin");
    let (stream, pool) = prebuilt::encode_parts(&kb, &understander);
    std::fs::write(&out, stream).unwrap_or_else(|e| panic!("{}: cannot write: {e}", out.display()));
    let pool_file = out.with_file_name("knowledge.pool");
    std::fs::write(&pool_file, pool)
        .unwrap_or_else(|e| panic!("{}: cannot write: {e}", pool_file.display()));
    // Its fingerprint, so `check --json` need not compute it on every run.
    let fingerprint = out.with_file_name("knowledge.fingerprint");
    std::fs::write(&fingerprint, engine::fingerprint::of(&kb))
        .unwrap_or_else(|e| panic!("{}: cannot write: {e}", fingerprint.display()));
    // Tests compare the pre-built form with the file it came from.
    println!("cargo:rustc-env=TWITCHCHECK_KB_SOURCE={}", source.display());
    link_without_pie();
}

/// Links the twitchcheck binary as a position-dependent executable on Linux with
/// GNU tools: the loader then has no relocations to apply at start-up (a
/// position-independent one has about 13 000, most of the knowledge base's and
/// clap's tables), which makes one `check` noticeably faster to start. Only the
/// binary: libraries, tests and proc-macros are linked as usual.
fn link_without_pie() {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
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
