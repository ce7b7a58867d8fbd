//! `helps` items of a cause: plain text, or text shown only `when` the query reports
//! a finding, or hidden `unless`... (see `Cause::helps_for`). Usual advice that can
//! harm some people ("drink more" with kidney disease) is swapped for a caveat so.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::problems::{missing_hint, Problems};
use super::HelpCondition;

/// A `helps` item as written.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawHelp {
    Text(String),
    Conditional {
        text: String,
        #[serde(default)]
        when: Vec<String>,
        #[serde(default)]
        unless: Vec<String>,
    },
}

/// The items' texts and conditions, reporting an empty item, a table without
/// exactly one of `when`/`unless`, or a finding id that does not exist.
pub(super) fn read(
    problems: &mut Problems<'_>,
    owner: &str,
    items: &[Spanned<RawHelp>],
    finding_ids: &HashMap<&str, usize>,
) -> (Vec<String>, Vec<HelpCondition>) {
    let mut helps = Vec::new();
    let mut conditions = Vec::new();
    for item in items {
        let at = item.span().start;
        let (text, condition) = match item.get_ref() {
            RawHelp::Text(text) => (text, HelpCondition::default()),
            RawHelp::Conditional { text, when, unless } => {
                if when.is_empty() == unless.is_empty() {
                    problems.add(
                        at,
                        format!(
                            "{owner}: a `helps` item written as a table needs exactly one of \
                             `when` or `unless` (a list of finding ids)"
                        ),
                    );
                }
                let mut ids = |list: &[String], field: &str| -> Vec<usize> {
                    list.iter()
                        .filter_map(|id| {
                            let found = finding_ids.get(id.as_str()).copied();
                            if found.is_none() {
                                let hint = missing_hint(id, finding_ids.keys().copied());
                                problems.add(
                                    at,
                                    format!(
                                        "{owner}: `helps` item `{field}` names finding \"{id}\", \
                                         which does not exist{hint}"
                                    ),
                                );
                            }
                            found
                        })
                        .collect()
                };
                let condition = HelpCondition {
                    when: ids(when, "when"),
                    unless: ids(unless, "unless"),
                };
                (text, condition)
            }
        };
        if text.trim().is_empty() {
            problems.add(at, format!("{owner}: a `helps` item is empty"));
        }
        helps.push(text.clone());
        conditions.push(condition);
    }
    (helps, conditions)
}
