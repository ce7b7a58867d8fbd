//! Text rendering of knowledge-base entries: `list` as a table and `show` in full.
//!
//! Every string may come from a user's KB file, so it passes through [`clean`] first.

use std::fmt::Write as _;

use comfy_table::Cell;
use engine::kb::{EntryKind, KnowledgeBase, Text};
use engine::sanitize::clean;

use super::colour::{self, cell, paint, BOLD};
use super::terminal::Style;
use super::text::{header, new_table};
use super::wrap::{wrap, wrap_hanging};
use crate::cli::ListKind;

/// `list findings|causes|red-flags` as a table.
pub fn list(kb: &KnowledgeBase, what: ListKind, style: Style) -> String {
    let mut table = new_table(style);
    match what {
        ListKind::Findings => {
            header(
                &mut table,
                &["id", "name", "family", "parent", "phrases"],
                style,
            );
            for f in &kb.findings {
                let parent = f.parent.map_or("", |p| kb.findings[p].id.as_ref());
                table.add_row(vec![
                    clean(&f.id),
                    clean(&f.name),
                    f.family.to_string(),
                    clean(parent),
                    clean(&f.phrases.join(", ")),
                ]);
            }
        }
        ListKind::Causes => {
            header(
                &mut table,
                &["id", "name", "kind", "prior", "summary"],
                style,
            );
            for c in &kb.causes {
                table.add_row(vec![
                    clean(&c.id),
                    clean(&c.name),
                    c.kind.to_string(),
                    c.prior.to_string(),
                    clean(&c.summary),
                ]);
            }
        }
        ListKind::RedFlags => {
            header(&mut table, &["id", "name", "urgency", "phrases"], style);
            for r in &kb.red_flags {
                table.add_row(vec![
                    Cell::new(clean(&r.id)),
                    Cell::new(clean(&r.name)),
                    cell(r.urgency, colour::urgency(r.urgency), style),
                    Cell::new(clean(&r.phrases.join(", "))),
                ]);
            }
        }
    }
    format!("{table}\n")
}

/// The "words found together" section of `show`, empty when there are none.
fn together(sets: &[Vec<Text>], width: usize, style: Style) -> String {
    if sets.is_empty() {
        return String::new();
    }
    let sets: Vec<String> = sets.iter().map(|set| set.join(" + ")).collect();
    let heading = wrap_hanging("Also when these words appear in one clause", "", "", width);
    format!(
        "\n{}\n{}",
        paint(heading.trim_end(), BOLD, style),
        wrap(&clean(&sets.join(", ")), width)
    )
}

/// An entry's first line, wrapped, with its name in bold.
fn titled(head: &str, name: &str, width: usize, style: Style) -> String {
    let name = clean(name);
    wrap_hanging(head, "", "  ", width).replacen(&name, &paint(&name, BOLD, style), 1)
}

/// `show ID`: every entry with that id, in full.
pub fn show(kb: &KnowledgeBase, entries: &[(EntryKind, usize)], style: Style) -> String {
    let width = usize::from(style.width).clamp(40, 100);
    let mut out = String::new();
    let bold = |s: &str| paint(&clean(s), BOLD, style);
    for (n, &(kind, i)) in entries.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        match kind {
            EntryKind::Cause => {
                let c = &kb.causes[i];
                let head = format!("{} ({}) — cause, {}", clean(&c.name), clean(&c.id), c.kind);
                out.push_str(&titled(&head, &c.name, width, style));
                out.push_str(&wrap(&clean(&c.summary), width));
                let _ = writeln!(out, "\n{}", bold("How it leads to twitching or cramps"));
                out.push_str(&wrap(&clean(&c.explanation), width));
                let _ = writeln!(out, "\n{}", bold("What helps"));
                for (h, condition) in c.helps.iter().zip(&c.help_conditions) {
                    let names = |ids: &[usize]| -> String {
                        let names: Vec<&str> =
                            ids.iter().map(|&f| kb.findings[f].id.as_ref()).collect();
                        names.join(", ")
                    };
                    let mut text = clean(h);
                    if !condition.when.is_empty() {
                        let _ = write!(
                            text,
                            " (shown first, only with: {})",
                            names(&condition.when)
                        );
                    }
                    if !condition.unless.is_empty() {
                        let _ = write!(text, " (hidden with: {})", names(&condition.unless));
                    }
                    out.push_str(&wrap_hanging(&text, "  - ", "    ", width));
                }
                let _ = writeln!(out, "\n{}", bold("Tests a doctor may order"));
                for t in &c.tests {
                    out.push_str(&wrap_hanging(&clean(t), "  - ", "    ", width));
                }
                let _ = writeln!(out, "\n{}", bold("Evidence"));
                out.push_str(&wrap(&clean(&c.evidence), width));
                let linked: Vec<String> = kb
                    .findings
                    .iter()
                    .filter_map(|f| {
                        f.links
                            .iter()
                            .find(|(ci, _)| *ci == i)
                            .map(|(_, bin)| format!("{} ({bin})", f.id))
                    })
                    .collect();
                let _ = writeln!(out, "\n{}", bold("Linked findings"));
                out.push_str(&wrap(&clean(&linked.join(", ")), width));
                let _ = writeln!(out, "\n{}", bold("Sources"));
                for s in &c.sources {
                    out.push_str(&wrap_hanging(&clean(&s.title), "  - ", "    ", width));
                    let _ = writeln!(out, "    {}", clean(&s.url));
                }
                out.push('\n');
                out.push_str(&wrap_hanging(
                    &clean(engine::triage::DISCLAIMER),
                    "",
                    "",
                    width,
                ));
            }
            EntryKind::Finding => {
                let f = &kb.findings[i];
                let head = format!(
                    "{} ({}) — finding, {}",
                    clean(&f.name),
                    clean(&f.id),
                    f.family
                );
                out.push_str(&titled(&head, &f.name, width, style));
                if let Some(p) = f.parent {
                    let _ = writeln!(out, "  Broader finding: {}", clean(&kb.findings[p].id));
                }
                if let Some(r) = f.red_flag {
                    let _ = writeln!(out, "  Fires red flag: {}", clean(&kb.red_flags[r].id));
                }
                let _ = writeln!(out, "\n{}", bold("Phrases"));
                out.push_str(&wrap(&clean(&f.phrases.join(", ")), width));
                out.push_str(&together(&f.together, width, style));
                let _ = writeln!(out, "\n{}", bold("Points to"));
                if f.links.is_empty() {
                    let _ = writeln!(out, "  (no causes linked directly)");
                }
                let mut links = f.links.clone();
                links.sort_by_key(|&(c, bin)| (bin, c));
                for (c, bin) in links {
                    let line = format!(
                        "{} ({}): {bin}",
                        clean(&kb.causes[c].name),
                        clean(&kb.causes[c].id)
                    );
                    out.push_str(&wrap_hanging(&line, "  - ", "    ", width));
                }
            }
            EntryKind::RedFlag => {
                let r = &kb.red_flags[i];
                let head = format!(
                    "{} ({}) — red flag, {}",
                    clean(&r.name),
                    clean(&r.id),
                    r.urgency
                );
                let head = titled(&head, &r.name, width, style);
                let urgency = r.urgency.as_str();
                out.push_str(&match head.rfind(urgency) {
                    Some(at) => format!(
                        "{}{}{}",
                        &head[..at],
                        paint(urgency, colour::urgency(r.urgency), style),
                        &head[at + urgency.len()..]
                    ),
                    None => head,
                });
                let _ = writeln!(out, "\n{}", bold("What to do"));
                out.push_str(&wrap(&clean(&r.advice), width));
                let _ = writeln!(out, "\n{}", bold("Phrases"));
                out.push_str(&wrap(&clean(&r.phrases.join(", ")), width));
                out.push_str(&together(&r.together, width, style));
                if let Some(days) = r.min_duration_days {
                    let _ = writeln!(
                        out,
                        "\n{}",
                        paint("Also fires for a stated duration of", BOLD, style)
                    );
                    let _ = writeln!(out, "  {days} days or more");
                }
                let _ = writeln!(out, "\n{}", bold("Sources"));
                for s in &r.sources {
                    let _ = writeln!(out, "  - {}\n    {}", clean(&s.title), clean(&s.url));
                }
            }
        }
    }
    out
}
