//! Text rendering for people: the check's table and advice, lists, and single entries.
//!
//! Everything shown here may come from a query or a user's KB file, so every string
//! passes through [`clean`] first: control characters and escape sequences never
//! reach the terminal raw. JSON output does not come through here.

use std::fmt::Write as _;

use comfy_table::{presets, Cell, CellAlignment, ContentArrangement, Table};
use engine::kb::{EntryKind, KnowledgeBase, Urgency};
use engine::sanitize::clean;
use engine::Report;

use super::colour::{self, cell, paint, BOLD};
use super::terminal::Style;
use super::wrap::{wrap, wrap_hanging};
use crate::cli::ListKind;

/// The banner's headline for an urgency.
fn headline(u: Urgency) -> &'static str {
    match u {
        Urgency::Routine => "ROUTINE",
        Urgency::Soon => "SEE A DOCTOR SOON: book a visit in the next few days",
        Urgency::Urgent => "URGENT: see a doctor today",
        Urgency::Emergency => "EMERGENCY: call emergency services now",
    }
}

fn new_table(style: Style) -> Table {
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if !style.color {
        table.force_no_tty();
    } else {
        table.enforce_styling();
    }
    table
}

fn header(table: &mut Table, names: &[&str], style: Style) {
    table.set_header(names.iter().map(|n| cell(*n, BOLD, style)));
}

/// How many of the top causes get the detailed "what helps" section.
const DETAILED: usize = 3;

/// The full check for a person: banner, table, what helps, advice, disclaimer.
pub fn check(report: &Report, explain: bool, style: Style) -> String {
    let mut out = String::new();
    if report.urgency > Urgency::Routine {
        let line = format!("!! {} !!", headline(report.urgency));
        let _ = writeln!(
            out,
            "{}",
            paint(&line, colour::urgency(report.urgency), style)
        );
        for flag in &report.red_flags {
            let _ = writeln!(
                out,
                "  * {} [{}]: {}",
                paint(&clean(flag.name), BOLD, style),
                flag.urgency,
                clean(flag.advice)
            );
        }
        out.push('\n');
    }

    let _ = writeln!(out, "You said: {}", clean(&report.query));
    if !report.recognized.is_empty() {
        let words: Vec<String> = report
            .recognized
            .iter()
            .map(|r| {
                let mut s = format!("{} \"{}\"", r.name, r.text);
                match r.assertion {
                    "negated" => s = format!("not: {s}"),
                    "historical" => s = format!("in the past: {s}"),
                    "hypothetical" => s = format!("if: {s}"),
                    "other-person" => s = format!("someone else's: {s}"),
                    "possible" => s = format!("maybe: {s}"),
                    _ => {}
                }
                if r.corrected {
                    s.push_str(" (typo corrected)");
                }
                clean(&s)
            })
            .collect();
        let _ = writeln!(out, "Recognized: {}", words.join("; "));
    }
    for flag in &report.mentioned_red_flags {
        let how = match flag.assertion {
            "historical" => "in the past",
            "hypothetical" => "as something that might happen",
            _ => "about someone else",
        };
        let _ = writeln!(
            out,
            "You mentioned {} {how}; it does not count as happening now. If it does \
             happen now: {}",
            clean(flag.name).to_lowercase(),
            clean(flag.advice)
        );
    }
    if !report.unrecognized.is_empty() {
        let _ = writeln!(
            out,
            "Not recognized: {}",
            clean(&report.unrecognized.join(", "))
        );
    }
    out.push('\n');

    if !report.query.chars().any(char::is_alphanumeric) {
        let _ = writeln!(
            out,
            "Nothing to check: the text has no words. Describe where the twitching is, what it \
             feels like, and what you were doing (for example \"calf cramps at night after \
             running\")."
        );
    } else if report.suggestions.is_empty() {
        let _ = writeln!(
            out,
            "No likely cause found: nothing recognized points to a cause. Try describing where \
             the twitching is, what it feels like, and what you were doing (for example \
             \"calf cramps at night after running\")."
        );
    } else {
        let mut table = new_table(style);
        header(&mut table, &["#", "Cause", "Kind", "Match", "Why"], style);
        for (i, s) in report.suggestions.iter().enumerate() {
            let why: Vec<String> = s
                .evidence
                .iter()
                .filter(|e| explain || (e.effect > 0.0 && !e.negated))
                .map(|e| {
                    let name = if e.negated {
                        format!("no {}", e.finding)
                    } else {
                        e.finding.to_string()
                    };
                    if explain {
                        format!("{name} {:+.2}", e.effect)
                    } else {
                        name
                    }
                })
                .collect();
            table.add_row(vec![
                Cell::new(i + 1),
                Cell::new(clean(s.name)),
                Cell::new(s.kind),
                Cell::new(format!("{:.2}", s.score)).set_alignment(CellAlignment::Right),
                Cell::new(clean(&why.join(", "))),
            ]);
        }
        let _ = writeln!(out, "{table}");
        if explain {
            let _ = writeln!(
                out,
                "Match is relative to the best cause (1.00), not a probability. Each number is \
                 the natural log of a likelihood ratio: above 0 raised the cause, below 0 lowered it."
            );
        } else {
            let _ = writeln!(out, "Match is relative to the best cause (1.00), not a probability. --explain shows the arithmetic.");
        }
        out.push('\n');
        let width = usize::from(style.width);
        for (i, s) in report.suggestions.iter().take(DETAILED).enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, paint(&clean(s.name), BOLD, style));
            out.push_str(&wrap_hanging(&clean(s.summary), "   ", "   ", width));
            let _ = writeln!(out, "   What helps:");
            for h in s.helps {
                out.push_str(&wrap_hanging(&clean(h), "   - ", "     ", width));
            }
            let _ = writeln!(out, "   Tests to ask a doctor about:");
            for t in s.tests {
                out.push_str(&wrap_hanging(&clean(t), "   - ", "     ", width));
            }
            if let Some(src) = s.sources.first() {
                let line = format!("Source: {} <{}>", clean(&src.title), clean(&src.url));
                out.push_str(&wrap_hanging(&line, "   ", "     ", width));
            }
            out.push('\n');
        }
    }

    let label = if report.urgency > Urgency::Routine {
        "What to do"
    } else {
        "When to see a doctor"
    };
    let width = usize::from(style.width);
    let advice = wrap_hanging(&format!("{label}: {}", clean(report.advice)), "", "", width);
    let _ = writeln!(
        out,
        "{}",
        paint(advice.trim_end(), colour::urgency(report.urgency), style)
    );
    out.push_str(&wrap_hanging(&clean(report.disclaimer), "", "", width));
    out
}

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
                let parent = f.parent.map_or("", |p| kb.findings[p].id.as_str());
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
fn together(sets: &[Vec<String>], width: usize, style: Style) -> String {
    if sets.is_empty() {
        return String::new();
    }
    let sets: Vec<String> = sets.iter().map(|set| set.join(" + ")).collect();
    format!(
        "\n{}\n{}",
        paint("Also when these words appear in one clause", BOLD, style),
        wrap(&clean(&sets.join(", ")), width)
    )
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
                let _ = writeln!(
                    out,
                    "{} ({}) — cause, {}",
                    bold(&c.name),
                    clean(&c.id),
                    c.kind
                );
                out.push_str(&wrap(&clean(&c.summary), width));
                let _ = writeln!(out, "\n{}", bold("How it leads to twitching or cramps"));
                out.push_str(&wrap(&clean(&c.explanation), width));
                let _ = writeln!(out, "\n{}", bold("What helps"));
                for h in &c.helps {
                    out.push_str(&wrap_hanging(&clean(h), "  - ", "    ", width));
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
                    let _ = writeln!(out, "  - {}\n    {}", clean(&s.title), clean(&s.url));
                }
                let _ = writeln!(out, "\n{}", clean(engine::triage::DISCLAIMER));
            }
            EntryKind::Finding => {
                let f = &kb.findings[i];
                let _ = writeln!(
                    out,
                    "{} ({}) — finding, {}",
                    bold(&f.name),
                    clean(&f.id),
                    f.family
                );
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
                    let _ = writeln!(
                        out,
                        "  - {} ({}): {bin}",
                        clean(&kb.causes[c].name),
                        clean(&kb.causes[c].id)
                    );
                }
            }
            EntryKind::RedFlag => {
                let r = &kb.red_flags[i];
                let _ = writeln!(
                    out,
                    "{} ({}) — red flag, {}",
                    bold(&r.name),
                    clean(&r.id),
                    paint(r.urgency.as_str(), colour::urgency(r.urgency), style)
                );
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
