//! A short fingerprint of a validated knowledge base, so output can say which KB
//! answered. It depends only on the validated content: the embedded KB and the
//! same file loaded with `--kb` have the same fingerprint.

use crate::kb::KnowledgeBase;

/// FNV-1a 64 of the KB's `Debug` form, as 16 hex digits.
pub fn of(kb: &KnowledgeBase) -> String {
    let content = format!("{kb:?}");
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in content.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}
