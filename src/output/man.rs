//! `twitchcheck man`: the manual page in roff, built from the same clap definition
//! as `--help` so the two never disagree, plus the sections a man page reader
//! expects (exit status, environment, files, examples).

use std::io::{self, Write};

use clap::CommandFactory;
use clap_mangen::roff::{bold, italic, roman, Inline, Roff};
use clap_mangen::Man;

use crate::cli::Cli;

/// Writes the whole page.
pub fn render(out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let version = cmd.get_version().unwrap_or_default().to_string();
    let man = Man::new(cmd.clone());
    // Written by hand: the roff crate drops an empty argument, which would shift
    // the source into the date's place. No date, so the page is reproducible.
    writeln!(
        out,
        ".TH TWITCHCHECK 1 \"\" \"twitchcheck {version}\" \"User Commands\""
    )?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;

    let mut roff = Roff::new();
    commands(&mut roff, &cmd);
    exit_status(&mut roff);
    environment(&mut roff);
    files(&mut roff);
    examples(&mut roff);
    notes(&mut roff);
    roff.to_writer(out)?;
    man.render_version_section(out)
}

/// One section per subcommand would point at man pages that do not exist
/// (clap_mangen's default names `twitchcheck-check(1)`), so each subcommand is
/// described here in full, with its own options.
fn commands(roff: &mut Roff, cmd: &clap::Command) {
    roff.control("SH", ["COMMANDS"]);
    roff.text([roman(
        "Words given without a command run check, unless the first word is a command's name.",
    )]);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        let usage = sub.clone().render_usage().to_string();
        let usage = usage.trim_start_matches("Usage:").trim();
        roff.control("TP", []);
        roff.text([bold(usage)]);
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            roff.text([roman(format!("{about}."))]);
        }
        let args: Vec<&clap::Arg> = sub
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_global_set() && a.get_id() != "help")
            .collect();
        if args.is_empty() {
            continue;
        }
        roff.control("RS", []);
        for arg in args {
            roff.control("TP", []);
            roff.text(arg_heading(arg));
            // clap drops a help line's final period; put it back for prose.
            let mut help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            help.push('.');
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if !values.is_empty() {
                help.push_str(&format!(" One of: {}.", values.join(", ")));
            }
            let flag = !arg.get_num_args().is_some_and(|n| n.takes_values());
            if let (false, [default]) = (flag, arg.get_default_values()) {
                help.push_str(&format!(" Default: {}.", default.to_string_lossy()));
            }
            roff.text([roman(help)]);
        }
        roff.control("RE", []);
    }
}

/// `-q, --quiet`, `--top N` or `TEXT...`, in the usual bold/italic.
fn arg_heading(arg: &clap::Arg) -> Vec<Inline> {
    let value = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map(|v| v.to_string())
        .unwrap_or_else(|| arg.get_id().to_string().to_uppercase());
    if arg.is_positional() {
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        return vec![italic(value), roman(if many { "..." } else { "" })];
    }
    let mut parts = Vec::new();
    if let Some(s) = arg.get_short() {
        parts.push(bold(format!("-{s}")));
        parts.push(roman(", "));
    }
    if let Some(l) = arg.get_long() {
        parts.push(bold(format!("--{l}")));
    }
    if arg.get_num_args().is_some_and(|n| n.takes_values()) {
        parts.push(roman(" "));
        parts.push(italic(value));
    }
    parts
}

/// A `.TP` list: each item a bold term and a plain description.
fn items(roff: &mut Roff, items: &[(&str, &str)]) {
    for (term, text) in items {
        roff.control("TP", []);
        roff.text([bold(*term)]);
        roff.text([roman(*text)]);
    }
}

fn exit_status(roff: &mut Roff) {
    roff.control("SH", ["EXIT STATUS"]);
    items(
        roff,
        &[
            ("0", "Something was recognized (for batch: in some line), or the command succeeded. A closed output pipe (as in twitchcheck list findings | head -1) also exits 0, quietly."),
            ("1", "Nothing was recognized. The advice and disclaimer are still printed, or the JSON with empty lists."),
            ("2", "Usage error, knowledge-base error, or I/O error. The message is on standard error, prefixed \"twitchcheck:\". ask also exits 2 when standard input or output is not a terminal."),
            ("130", "ask was left with Esc or Ctrl-C."),
        ],
    );
}

fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    items(
        roff,
        &[
            ("TWITCHCHECK_KB", "A knowledge-base file to use instead of the embedded one; --kb overrides it. Set but empty counts as unset."),
            ("NO_COLOR", "When set and not empty, --color auto prints no colour (https://no-color.org)."),
            ("TERM", "When dumb, --color auto prints no colour."),
            ("COLUMNS", "The width of tables and wrapped text, overriding the terminal's width. Output that is not a terminal is 100 columns wide unless COLUMNS says otherwise."),
            ("TWITCHCHECK_COMPLETE", "Set by the completion scripts when the shell asks twitchcheck for completions; not for use by hand."),
        ],
    );
}

fn files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    roff.text([roman(
        "twitchcheck reads no configuration file. The knowledge base is embedded in the binary; \
         its source is data/knowledge.toml in the source repository, and data/README.md there \
         documents the format for files given with --kb or TWITCHCHECK_KB. batch reads the FILE \
         it is given, and validate the FILE it checks.",
    )]);
}

fn examples(roff: &mut Roff) {
    roff.control("SH", ["EXAMPLES"]);
    let examples: &[(&str, &str)] = &[
        ("twitchcheck eyelid twitching after coffee", "Rank the likely causes of what you describe, on one screen."),
        ("twitchcheck check --full calf cramps at night", "The long form: what helps, tests to ask about and a source for each top cause."),
        ("twitchcheck check --json \"calf cramps at night, no numbness\" | jq -r '.suggestions[0].id'", "The id of the most likely cause, for a script."),
        ("if twitchcheck check -q \"$text\"; then echo recognized; fi", "Use only the exit status."),
        ("twitchcheck batch queries.txt > results.jsonl", "One JSON object per input line."),
        ("twitchcheck list red-flags", "Browse the knowledge base."),
        ("twitchcheck show magnesium", "One cause in full, with its sources."),
        ("source <(twitchcheck completions bash)", "Enable completion in bash (put it in ~/.bashrc)."),
        ("man -l <(twitchcheck man)", "Read this page."),
    ];
    for (command, what) in examples {
        roff.control("TP", []);
        roff.text([bold(*command)]);
        roff.text([roman(*what)]);
    }
}

fn notes(roff: &mut Roff) {
    roff.control("SH", ["NOTES"]);
    roff.text([roman(engine::triage::DISCLAIMER)]);
}
