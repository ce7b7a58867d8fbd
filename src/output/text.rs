//! Text rendering of a check for people: the banner, the causes table and the advice.
//!
//! Everything shown here may come from a query or a user's KB file, so every string
//! passes through [`clean`] first: control characters and escape sequences never
//! reach the terminal raw. JSON output does not come through here.

use std::fmt::Write as _;

use comfy_table::{presets, Cell, CellAlignment, ContentArrangement, Table};
use engine::kb::Urgency;
use engine::sanitize::clean;
use engine::Report;

use super::colour::{self, cell, paint, BOLD};
use super::terminal::Style;
use super::wrap::wrap_hanging;

/// The banner's headline for an urgency.
fn headline(u: Urgency) -> &'static str {
    match u {
        Urgency::Routine => "ROUTINE",
        Urgency::Soon => "SEE A DOCTOR SOON: book a visit in the next few days",
        Urgency::Urgent => "URGENT: see a doctor today",
        Urgency::Emergency => "EMERGENCY: call emergency services now",
    }
}

pub(super) fn new_table(style: Style) -> Table {
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

pub(super) fn header(table: &mut Table, names: &[&str], style: Style) {
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
pub struct CheckView<'a> {
    /// Every finding's effect on every cause, in the table.
    pub explain: bool,
    /// The long form: summary, what helps, tests and a source for the top causes.
    pub full: bool,
    /// The answers to `ask`'s questions, one line each, shown under "You said".
    pub answers: &'a [String],
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
    for line in view.answers {
        prose(&mut out, &clean(line), "  ", "    ", width);
    }
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
