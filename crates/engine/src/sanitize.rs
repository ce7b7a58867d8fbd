//! Terminal safety: text from a query or a user's KB file is shown through
//! [`clean`], so control characters and escape sequences never reach a terminal raw.
//! In the engine because the knowledge-base checks use it too.

use std::fmt::Write as _;

/// Replaces control characters (escape sequences, carriage returns, backspaces)
/// and bidirectional-override marks with the visible `\u{..}` form, keeping
/// ordinary text untouched.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control()
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}
