//! Which knowledge base a command uses: the embedded one, pre-built at compile
//! time, or a file given with `--kb FILE` (or `TWITCHCHECK_KB`).
//!
//! build.rs validates `data/knowledge.toml` (the build fails with `file:line:column`
//! messages if it is invalid), compiles its understanding tables, and writes both
//! in the form of [`engine::prebuilt`]. Setting `TWITCHCHECK_BUILD_KB=FILE` at build
//! time embeds another file instead, which the scaling benchmarks use for 10× and
//! 100× KBs.

use std::path::Path;

use engine::kb::{self, KnowledgeBase, LoadError};
use engine::understand::Understander;
use engine::{prebuilt, Checker};

use crate::error::Error;

/// Bytes aligned for reading as 4-byte numbers in place.
#[repr(C, align(4))]
struct Aligned<B: ?Sized>(B);

/// The pre-built KB's numbers, 4-byte aligned so that its tables are used where
/// they lie (see [`engine::codec::Stored`]), and its strings (see
/// [`prebuilt::encode_parts`]).
static PREBUILT_ALIGNED: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.bin")));
static PREBUILT: &[u8] = &PREBUILT_ALIGNED.0;
static PREBUILT_STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge.pool"));

/// The embedded KB's [`engine::fingerprint`], computed by build.rs.
const EMBEDDED_FINGERPRINT: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge.fingerprint"));

fn decode() -> (KnowledgeBase, Understander) {
    prebuilt::decode_parts(PREBUILT, PREBUILT_STRINGS)
}

/// The embedded knowledge base. It was validated when the binary was built.
pub fn embedded() -> KnowledgeBase {
    decode().0
}

/// A checker for the embedded knowledge base, with its pre-built tables.
/// Its KB leaves out the classes, patterns and context rules, which are compiled
/// into the tables and which checking never reads ([`prebuilt::decode_for_check`]);
/// [`embedded`] has them.
pub fn embedded_checker() -> Checker {
    let (kb, understander) = prebuilt::decode_for_check_parts(PREBUILT, PREBUILT_STRINGS);
    Checker::with_understander(kb, understander)
}

/// The KB a command should use: `--kb`/`TWITCHCHECK_KB`, else the embedded one.
pub fn load(file: Option<&Path>) -> Result<KnowledgeBase, Error> {
    match file {
        Some(path) => load_file(path),
        None => Ok(embedded()),
    }
}

/// The checker a command should use; the embedded KB's comes pre-built.
pub fn checker(file: Option<&Path>) -> Result<Checker, Error> {
    match file {
        Some(path) => Ok(Checker::new(load_file(path)?)),
        None => Ok(embedded_checker()),
    }
}

/// Loads and validates a KB file and the files it includes.
pub fn load_file(path: &Path) -> Result<KnowledgeBase, Error> {
    kb::load_path(path).map_err(|e| {
        let mut m = e.to_string();
        if let LoadError::Invalid { file, problems } = &e {
            m.push_str(&format!(
                "\n{file}: {} problem{} found; fix them or run `twitchcheck validate {file}`",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" },
            ));
        }
        Error::Kb(m)
    })
}

/// Which knowledge base answered, for `--version` and the JSON's `kb` field: a
/// script can tell two KBs apart by the fingerprint, which depends only on the
/// validated content (the embedded KB and the same file given with `--kb` have
/// the same one).
#[derive(Debug, Clone, serde::Serialize)]
pub struct KbInfo {
    /// `embedded`, or the `--kb` file's name (without its directory).
    pub name: String,
    /// [`engine::fingerprint::of`] the validated content.
    pub fingerprint: String,
    pub findings: usize,
    pub causes: usize,
    pub red_flags: usize,
}

impl KbInfo {
    /// `kb` loaded from `file`, or the embedded KB when `file` is None (its
    /// fingerprint was computed when the binary was built).
    pub fn of(kb: &KnowledgeBase, file: Option<&Path>) -> KbInfo {
        let fingerprint = match file {
            None => EMBEDDED_FINGERPRINT.to_string(),
            Some(_) => engine::fingerprint::of(kb),
        };
        KbInfo {
            name: file.map_or("embedded".into(), |p| {
                p.file_name()
                    .unwrap_or(p.as_os_str())
                    .to_string_lossy()
                    .into_owned()
            }),
            fingerprint,
            findings: kb.findings.len(),
            causes: kb.causes.len(),
            red_flags: kb.red_flags.len(),
        }
    }

    /// One line: "knowledge base: embedded, fingerprint …: N findings, …".
    pub fn line(&self) -> String {
        format!(
            "knowledge base: {}, fingerprint {}: {} findings, {} causes, {} red flags",
            self.name, self.fingerprint, self.findings, self.causes, self.red_flags
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pre-built form holds exactly what loading the source file (and the files
    /// it includes) gives: the
    /// same validated KB, and understanding tables the same as ones compiled from
    /// it (compared by their bytes, which are written in a fixed order).
    #[test]
    fn prebuilt_matches_the_source_file() {
        let loaded = kb::load_path(Path::new(env!("TWITCHCHECK_KB_SOURCE"))).unwrap();
        let (kb, understander) = decode();
        assert_eq!(kb, loaded);
        let fresh = prebuilt::encode_parts(&loaded, &Understander::new(&loaded));
        assert_eq!(prebuilt::encode_parts(&kb, &understander), fresh);
        assert_eq!(EMBEDDED_FINGERPRINT, engine::fingerprint::of(&kb));
        assert!(
            fresh.0 == PREBUILT && fresh.1 == PREBUILT_STRINGS,
            "the embedded bytes are those of the source file"
        );
    }
}
