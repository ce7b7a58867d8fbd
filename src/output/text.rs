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

/// How many of the top causes get the detailed "what helps" section in `--full`.
const DETAILED: usize = 3;

/// The longest part of the query echoed back under "You said", in characters.
const ECHO_CHARS: usize = 300;

/// The most unrecognized words listed.
const UNRECOGNIZED_WORDS: usize = 20;

/// The line said when the query is about a child.
pub const CHILD_NOTE: &str = "This sounds like it is about a child. twitchcheck is for adults: \
a child's twitching, cramps or spasms need a doctor, or NHS 111 (or your local \
children's health service) for advice.";

/// Which parts of a check to show.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckView {
    /// Every finding's effect on every cause, in the table.
    pub explain: bool,
    /// The long form: summary, what helps, tests and a source for the top causes.
    pub full: bool,
}

/// Appends `text` wrapped to the width with `first`/`rest` indents.
fn prose(out: &mut String, text: &str, first: &str, rest: &str, width: usize) {
    out.push_str(&wrap_hanging(text, first, rest, width));
}

/// The query as echoed back: at most [`ECHO_CHARS`] characters.
fn echo(query: &str) -> String {
    let n = query.chars().count();
    if n <= ECHO_CHARS {
        return clean(query);
    }
    let head: String = query.chars().take(ECHO_CHARS).collect();
    format!("{}… ({} more characters)", clean(&head), n - ECHO_CHARS)
}

/// "Recognized": each finding once, with its assertion, its words and, when the
/// query said it more than once, how many times.
fn recognized(report: &Report) -> Vec<String> {
    let mut items: Vec<(String, Vec<String>, usize)> = Vec::new();
    for r in &report.recognized {
        let mut s = r.name.to_string();
        match r.assertion {
            "negated" => s = format!("not: {s}"),
            "historical" => s = format!("in the past: {s}"),
            "hypothetical" => s = format!("if: {s}"),
            "other-person" => s = format!("someone else's: {s}"),
            "possible" => s = format!("maybe: {s}"),
            _ => {}
        }
        let mut text = format!("\"{}\"", r.text);
        if r.corrected {
            text.push_str(" (typo corrected)");
        }
        match items.iter_mut().find(|(k, _, _)| *k == s) {
            Some((_, texts, count)) => {
                *count += 1;
                if !texts.contains(&text) && texts.len() < 3 {
                    texts.push(text);
                }
            }
            None => items.push((s, vec![text], 1)),
        }
    }
    items
        .into_iter()
        .map(|(name, texts, count)| {
            let times = if count > 1 {
                format!(" ({count} times)")
            } else {
                String::new()
            };
            clean(&format!("{name} {}{times}", texts.join(", ")))
        })
        .collect()
}

/// A check for a person. The brief form (the default) fits an 80×24 terminal:
/// banner, what was understood, the causes table, one line of what helps, and the
/// advice; `full` adds the long form of the top causes. The banner, any red flag
/// mentioned, the advice and the disclaimer are in every form.
pub fn check(report: &Report, view: CheckView, style: Style) -> String {
    let width = usize::from(style.width);
    let mut out = String::new();
    if report.urgency > Urgency::Routine {
        let line = format!("!! {} !!", headline(report.urgency));
        let line = wrap_hanging(&line, "", "   ", width);
        let _ = writeln!(
            out,
            "{}",
            paint(line.trim_end(), colour::urgency(report.urgency), style)
        );
        for flag in &report.red_flags {
            let name = clean(flag.name);
            let text = format!("{name} [{}]: {}", flag.urgency, clean(flag.advice));
            let wrapped = wrap_hanging(&text, "  * ", "    ", width);
            out.push_str(&wrapped.replacen(&name, &paint(&name, BOLD, style), 1));
        }
        if report.causes_secondary {
            // Urgent or emergency: what to do comes straight after the banner, before
            // anything else a worried person might read first.
            out.push_str(&advice_line(report, width, style));
        }
        out.push('\n');
    }

    prose(
        &mut out,
        &format!("You said: {}", echo(&report.query)),
        "",
        "  ",
        width,
    );
    if !report.recognized.is_empty() {
        let text = format!("Recognized: {}", recognized(report).join("; "));
        prose(&mut out, &text, "", "  ", width);
    }
    let mut seen_flags = Vec::new();
    for flag in &report.mentioned_red_flags {
        if seen_flags.contains(&(flag.id, flag.assertion)) {
            continue;
        }
        seen_flags.push((flag.id, flag.assertion));
        let how = match flag.assertion {
            "historical" => "in the past",
            "hypothetical" => "as something that might happen",
            _ => "about someone else",
        };
        let text = format!(
            "You mentioned {} {how}; it does not count as happening now. If it does \
             happen now: {}",
            clean(flag.name).to_lowercase(),
            clean(flag.advice)
        );
        prose(&mut out, &text, "", "  ", width);
    }
    if !report.unrecognized.is_empty() {
        let mut seen = std::collections::HashSet::new();
        let words: Vec<&str> = report
            .unrecognized
            .iter()
            .map(String::as_str)
            .filter(|w| seen.insert(*w))
            .collect();
        let more = words.len().saturating_sub(UNRECOGNIZED_WORDS);
        let mut text = format!(
            "Not recognized: {}",
            clean(&words[..words.len().min(UNRECOGNIZED_WORDS)].join(", "))
        );
        if more > 0 {
            let _ = write!(text, " and {more} more");
        }
        prose(&mut out, &text, "", "  ", width);
    }
    let said_for_adults = report
        .red_flags
        .iter()
        .map(|f| f.advice)
        .chain(report.mentioned_red_flags.iter().map(|f| f.advice))
        .any(|a| a.contains("is for adults"));
    if !said_for_adults && engine::child::mentions_child(&report.query) {
        prose(&mut out, CHILD_NOTE, "", "  ", width);
    }
    out.push('\n');

    if !report.query.chars().any(char::is_alphanumeric) {
        prose(
            &mut out,
            "Nothing to check: the text has no words. Describe where the twitching is, what it \
             feels like, and what you were doing (for example \"calf cramps at night after \
             running\").",
            "",
            "",
            width,
        );
    } else if report.suggestions.is_empty() {
        prose(
            &mut out,
            "No likely cause found: nothing recognized points to a cause. Try describing where \
             the twitching is, what it feels like, and what you were doing (for example \
             \"calf cramps at night after running\").",
            "",
            "",
            width,
        );
    } else if report.causes_secondary && !view.full && !view.explain {
        // Urgent or emergency: an everyday cause at the top could reassure someone
        // who needs help now (review item I15), so the brief screen holds the
        // causes back and says how to see them.
        let n = report.suggestions.len();
        let causes = if n == 1 { "cause" } else { "causes" };
        let text = format!(
            "{n} possible {causes} not shown: with this warning sign they may not apply, and \
             none of them is a reason to wait. To see them anyway: --full"
        );
        prose(&mut out, &text, "", "  ", width);
        out.push('\n');
    } else {
        if report.causes_secondary {
            let text = "The causes below may not apply: get help for the warning sign first.";
            let line = wrap_hanging(text, "", "", width);
            let _ = writeln!(out, "{}", paint(line.trim_end(), BOLD, style));
        }
        // With a red flag, its banner and advice come first; the brief screen then
        // lists fewer causes so the whole answer still fits one screen.
        let rows = if view.full || view.explain || report.red_flags.is_empty() {
            usize::MAX
        } else {
            BRIEF_ROWS_UNDER_A_BANNER
        };
        out.push_str(&causes_table(report, view.explain, rows, style));
        let note = if view.explain {
            "Match is relative to the best cause (1.00), not a probability. Each number is \
             the natural log of a likelihood ratio: above 0 raised the cause, below 0 lowered it."
        } else {
            "Match is relative to the top cause, not a probability. More: --full, --explain"
        };
        prose(&mut out, note, "", "", width);
        if view.full {
            out.push('\n');
            for (i, s) in report.suggestions.iter().take(DETAILED).enumerate() {
                let name = clean(s.name);
                let head = wrap_hanging(&format!("{}. {name}", i + 1), "", "   ", width);
                out.push_str(&head.replacen(&name, &paint(&name, BOLD, style), 1));
                prose(&mut out, &clean(s.summary), "   ", "   ", width);
                let _ = writeln!(out, "   What helps:");
                for h in &s.helps {
                    prose(&mut out, &clean(h), "   - ", "     ", width);
                }
                let _ = writeln!(out, "   Tests to ask a doctor about:");
                for t in s.tests {
                    prose(&mut out, &clean(t), "   - ", "     ", width);
                }
                if let Some(src) = s.sources.first() {
                    let line = format!("Source: {} <{}>", clean(&src.title), clean(&src.url));
                    prose(&mut out, &line, "   ", "     ", width);
                }
                out.push('\n');
            }
        } else {
            // Not under an urgent flag: a self-care line there could reassure.
            let first = &report.suggestions[0];
            match first.helps.first() {
                Some(help) if !report.causes_secondary => {
                    let text = format!("What helps ({}): {}", clean(first.name), clean(help));
                    prose(&mut out, &text, "", "  ", width);
                }
                _ => {}
            }
            out.push('\n');
        }
    }

    if !report.causes_secondary {
        out.push_str(&advice_line(report, width, style));
    }
    prose(&mut out, &clean(report.disclaimer), "", "", width);
    out
}

/// The overall advice, "What to do" under a red flag, in the urgency's colour.
fn advice_line(report: &Report, width: usize, style: Style) -> String {
    let label = if report.urgency > Urgency::Routine {
        "What to do"
    } else {
        "When to see a doctor"
    };
    let advice = wrap_hanging(&format!("{label}: {}", clean(report.advice)), "", "", width);
    format!(
        "{}\n",
        paint(advice.trim_end(), colour::urgency(report.urgency), style)
    )
}

/// The causes table of a check.
/// Causes in the brief screen when a red flag's banner and advice are shown.
const BRIEF_ROWS_UNDER_A_BANNER: usize = 3;

fn causes_table(report: &Report, explain: bool, rows: usize, style: Style) -> String {
    // In a narrow terminal, columns go rather than words being cut: Kind below 70
    // columns, and Why (unless --explain asked for it) below 50.
    let width = style.width;
    let kind = width >= 70;
    let why_col = explain || width >= 50;
    let mut table = new_table(style);
    let mut names = vec!["#", "Cause"];
    if kind {
        names.push("Kind");
    }
    names.push("Match");
    if why_col {
        names.push("Why");
    }
    header(&mut table, &names, style);
    for (i, s) in report.suggestions.iter().take(rows).enumerate() {
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
        let mut row = vec![Cell::new(i + 1), Cell::new(clean(s.name))];
        if kind {
            row.push(Cell::new(s.kind));
        }
        row.push(Cell::new(format!("{:.2}", s.score)).set_alignment(CellAlignment::Right));
        if why_col {
            row.push(Cell::new(clean(&why.join(", "))));
        }
        table.add_row(row);
    }
    format!("{table}\n")
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
                            ids.iter().map(|&f| kb.findings[f].id.as_str()).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use engine::report::MentionedFlag;

    const STYLE: Style = Style {
        color: false,
        width: 80,
    };

    /// A red flag mentioned (not happening now) is safety information: the brief
    /// screen keeps it.
    #[test]
    fn the_brief_screen_keeps_a_mentioned_red_flag() {
        let checker = crate::knowledge::embedded_checker();
        let mut report = checker.check("calf cramps at night", 5);
        report.mentioned_red_flags.push(MentionedFlag {
            id: "breathing",
            name: "Trouble breathing",
            urgency: Urgency::Emergency,
            assertion: "hypothetical",
            advice: "Call emergency services now.",
        });
        let text = check(&report, CheckView::default(), STYLE);
        assert!(
            text.contains("You mentioned trouble breathing as something that might happen"),
            "{text}"
        );
        assert!(text.contains("If it does happen now: Call emergency services now."));
    }

    #[test]
    fn recognized_lists_a_finding_once_with_a_count() {
        let checker = crate::knowledge::embedded_checker();
        let mut report = checker.check("calf cramps", 5);
        let calf = report.recognized[0].clone();
        report.recognized.push(calf.clone());
        report.recognized.push(calf);
        let items = recognized(&report);
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(items[0].ends_with("(3 times)"), "{items:?}");
    }
}
