//! The embedded knowledge base, pre-built at compile time.
//!
//! build.rs validates `data/knowledge.toml` (the build fails with `file:line:column`
//! messages if it is invalid), tokenizes its phrases, and writes them in the form of
//! [`crate::kb::prebuilt`]. Setting `TWITCHCHECK_BUILD_KB=FILE` at build time embeds
//! another file instead, which the scaling benchmarks use for 10× and 100× KBs.

use crate::kb::{prebuilt, KnowledgeBase, Problem};
use crate::matcher::Matcher;
use crate::report::Checker;

static PREBUILT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.bin"));

fn decode() -> (KnowledgeBase, Matcher) {
    prebuilt::decode(PREBUILT)
}

impl KnowledgeBase {
    /// The embedded knowledge base. It was validated when the binary was built, so
    /// this never fails; the `Result` matches loading any other KB.
    pub fn embedded() -> Result<Self, Vec<Problem>> {
        Ok(decode().0)
    }
}

impl Checker {
    /// A checker for the embedded knowledge base, with its pre-built matcher.
    pub fn embedded() -> Self {
        let (kb, matcher) = decode();
        Checker::with_matcher(kb, matcher)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::load_text;

    /// The pre-built form holds exactly what loading the source file gives: the
    /// same validated KB, and a matcher with the same tables as one built from it
    /// (compared by their bytes, which are written in a fixed order).
    #[test]
    fn prebuilt_matches_the_source_file() {
        let text = std::fs::read_to_string(env!("TWITCHCHECK_KB_SOURCE")).unwrap();
        let loaded = load_text(&text).unwrap();
        let (kb, matcher) = decode();
        assert_eq!(kb, loaded);
        let fresh = prebuilt::encode(&loaded, &Matcher::new(&loaded));
        assert_eq!(prebuilt::encode(&kb, &matcher), fresh);
        assert!(
            fresh == PREBUILT,
            "the embedded bytes are those of the source file"
        );
    }
}
