//! Issue 11: the first screen a person sees is short, wrapped and forgiving.

use crate::terminal::Tmux;
use crate::twitchcheck;

/// `args`' stdout at `COLUMNS=width`.
fn at_width(width: u16, args: &[&str]) -> String {
    let out = twitchcheck()
        .env("COLUMNS", width.to_string())
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

const QUERIES: &[&str] = &[
    "calf cramps at night, no numbness",
    "eyelid twitching after coffee for 3 weeks",
    "leg twitching and short of breath, no tingling, dark urine after a marathon",
    "my mum had a seizure last year; I get calf cramps when I run",
    "my 7 year old son has twitching in his arm",
    "qwzx blorp",
];

#[test]
fn every_line_but_a_url_fits_40_60_and_80_columns() {
    for width in [40u16, 60, 80] {
        let mut runs: Vec<Vec<&str>> = Vec::new();
        for q in QUERIES {
            runs.push(vec!["check", q]);
            runs.push(vec!["check", "--full", q]);
            runs.push(vec!["check", "--explain", q]);
        }
        for id in ["magnesium", "calf", "breathing"] {
            runs.push(vec!["show", id]);
        }
        for args in runs {
            let text = at_width(width, &args);
            assert!(!text.is_empty(), "{args:?}");
            for line in text.lines() {
                let url = line
                    .trim()
                    .trim_start_matches("Source: ")
                    .starts_with("http")
                    || line.contains("<http");
                assert!(
                    url || line.chars().count() <= usize::from(width),
                    "{args:?} at {width} columns: {line:?}"
                );
            }
        }
    }
}

#[test]
fn the_brief_screen_fits_80_by_24_and_keeps_the_warning() {
    // The first is routine; the second fires a red flag (twitching for three
    // weeks), whose banner and advice are never shortened: the causes table is.
    for (q, lines) in QUERIES[..2].iter().zip([24, 28]) {
        let text = at_width(80, &["check", q]);
        assert!(
            text.lines().count() <= lines,
            "{} lines:\n{text}",
            text.lines().count()
        );
        // The see-a-doctor advice: "When to see a doctor" when routine, "What to
        // do" under a red flag.
        assert!(
            text.contains("When to see a doctor:") || text.contains("What to do:"),
            "{text}"
        );
        assert!(text.contains("educational only and for adults"), "{text}");
        assert!(text.contains("What helps ("), "{text}");
        assert!(!text.contains("Tests to ask a doctor about"), "{text}");
        let full = at_width(80, &["check", "--full", q]);
        assert!(full.contains("Tests to ask a doctor about"), "{full}");
    }
    // The banner, the red flags and the advice are there in every form (with an
    // emergency the causes are muted: see the next test).
    let q = "calf cramps, dark urine and short of breath";
    for extra in [&[][..], &["--full"], &["--explain"]] {
        let text = at_width(80, &[&["check"], extra, &[q]].concat());
        assert!(text.starts_with("!! EMERGENCY"), "{text}");
        assert!(text.contains("What to do:"), "{text}");
        assert!(text.contains("for adults"), "{text}");
    }
    // A red flag said in the past, as a "what if" or about someone else stays
    // visible in the brief screen (whenever the engine reports one as mentioned).
    for q in [
        QUERIES[3],
        "I had dark urine years ago; now calf cramps",
        "what if I get trouble breathing? calf cramps",
    ] {
        let out = twitchcheck().args(["check", "--json", q]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        if !v["mentioned_red_flags"].as_array().unwrap().is_empty() {
            let text = at_width(80, &["check", q]);
            assert!(text.contains("You mentioned"), "{text}");
        }
    }
}

/// Issue 14, review item I15: under an urgent or emergency red flag, the person
/// first reads the banner and what to do; the causes are held back in the brief
/// screen (an everyday cause on top could reassure someone who needs help now)
/// and shown muted, under a line saying they may not apply, with `--full`.
#[test]
fn an_urgent_or_emergency_flag_leads_and_mutes_the_causes() {
    for (q, banner) in [
        ("cramp in my chest and down my left arm", "!! EMERGENCY"),
        (
            "dropping things and the muscles in my hand twitch",
            "!! URGENT",
        ),
    ] {
        let text = at_width(80, &["check", q]);
        assert!(text.starts_with(banner), "{text}");
        // What to do comes before what was understood, and before any cause.
        let todo = text.find("What to do:").expect("what to do");
        assert!(todo < text.find("You said:").unwrap(), "{text}");
        assert!(
            !text.contains('┌'),
            "no cause table in the brief screen:\n{text}"
        );
        assert!(!text.contains("What helps ("), "{text}");
        assert!(text.contains("not shown: with this warning sign they may not apply"));
        assert!(text.contains("--full"), "{text}");
        assert!(text.contains("for adults"), "{text}");

        let full = at_width(80, &["check", "--full", q]);
        let muted = full
            .find("The causes below may not apply")
            .expect("the muted heading");
        assert!(muted < full.find('┌').expect("the table"), "{full}");
        assert!(full.find("What to do:").unwrap() < muted, "{full}");

        // JSON keeps every field for scripts, and says the causes are secondary.
        let out = twitchcheck().args(["check", "--json", q]).output().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["causes_secondary"], true, "{q}");
        assert!(!v["suggestions"].as_array().unwrap().is_empty(), "{q}");
    }
    // "Soon" keeps the table (fewer rows) and its one line of what helps.
    let text = at_width(80, &["check", QUERIES[1]]);
    assert!(
        text.contains('┌') && text.contains("What helps ("),
        "{text}"
    );
    let out = twitchcheck()
        .args(["check", "--json", QUERIES[1]])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["causes_secondary"], false);
}

#[test]
fn a_new_user_sees_table_and_warning_in_an_80_by_24_terminal() {
    let command = "twitchcheck --color never calf cramps at night, no numbness; exec sleep 600";
    let Some(tmux) = Tmux::start(80, 24, command, &[]) else {
        return;
    };
    let screen = tmux.wait_for("the answer", |s| s.contains("pharmacist"));
    for part in ["You said:", "┌", "When to see a doctor:", "What helps ("] {
        assert!(screen.contains(part), "{part}:\n{screen}");
    }
}

#[test]
fn a_child_gets_a_plain_line_that_the_tool_is_for_adults() {
    for q in [
        "my son has calf cramps at night",
        "toddler eyelid twitching",
    ] {
        let text = at_width(100, &["check", q]);
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // The KB's own red flag for a child may say it; else the plain note does.
        assert!(joined.contains("twitchcheck is for adults"), "{text}");
    }
    // Where no red flag says it, the plain note does.
    let text = at_width(
        100,
        &["check", "my daughter gets leg cramps after football"],
    );
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        joined.contains(
            "twitchcheck is for adults: a child's twitching, cramps or spasms need a doctor"
        ),
        "{text}"
    );
    let text = at_width(100, &["check", "calf cramps at night"]);
    assert!(!text.contains("about a child"), "{text}");
    // JSON says it in the disclaimer, as do batch lines.
    let out = twitchcheck()
        .args(["check", "--json", "my son has calf cramps"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["disclaimer"].as_str().unwrap().contains("for adults"));
    let lines = crate::batch_lines("my son has calf cramps\n");
    assert!(lines[0]["disclaimer"]
        .as_str()
        .unwrap()
        .contains("for adults"));
    let help = at_width(100, &["--help"]);
    assert!(help.contains("for adults"), "{help}");
}

#[test]
fn check_reads_piped_stdin_without_a_dash_and_drops_the_newline() {
    for input in ["calf cramps at night\n", "calf cramps at night\r\n"] {
        for args in [&["check", "--json"][..], &["check", "--json", "-"]] {
            let out = twitchcheck()
                .args(args)
                .write_stdin(input)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(v["query"], "calf cramps at night", "{args:?} {input:?}");
        }
    }
}

#[test]
fn show_finds_an_entry_by_any_case_or_its_name() {
    for query in ["Magnesium", "MAGNESIUM", "low magnesium", "Low Magnesium"] {
        let out = twitchcheck().args(["show", query]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{query}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.starts_with("Low magnesium (magnesium)"),
            "{query}: {text}"
        );
    }
    let out = twitchcheck().args(["show", "vitamin d"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_mistyped_subcommand_says_which_was_meant() {
    for (args, meant) in [
        (&["lsit", "causes"][..], "`list`"),
        (&["valdate"], "`validate`"),
        (&["shwo", "magnesium"], "`show`"),
    ] {
        let err = crate::stderr_of_failure(twitchcheck().args(args));
        assert!(
            err.contains(&format!("did you mean {meant}?")),
            "{args:?}: {err}"
        );
    }
    // Unless the words are symptoms: then they are checked.
    let out = twitchcheck()
        .args(["chek", "calf", "cramps"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("Recognized:"));
}

#[test]
fn an_empty_twitchcheck_kb_is_unset() {
    let out = twitchcheck()
        .env("TWITCHCHECK_KB", "")
        .args(["check", "calf cramps"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn recognized_names_each_finding_once() {
    let text = at_width(
        200,
        &["check", "cramp, cramps, cramping, spasm and a cramp again"],
    );
    let line = text.lines().find(|l| l.starts_with("Recognized:")).unwrap();
    assert_eq!(line.matches("Cramp or spasm").count(), 1, "{line}");
}

#[test]
fn a_one_mib_query_gives_a_proportionate_answer() {
    let query = "my calf cramps at night and my eyelid twitches after coffee. ".repeat(18_000);
    assert!(query.len() > 1 << 20);
    let out = twitchcheck()
        .arg("check")
        .write_stdin(query)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.len() < 8 * 1024, "{} bytes", out.stdout.len());
}

#[test]
fn version_and_json_name_the_knowledge_base() {
    let version = at_width(100, &["--version"]);
    assert!(version.starts_with("twitchcheck "), "{version}");
    assert!(
        version.contains("knowledge base: embedded, fingerprint ")
            && version.contains(" findings, ")
            && version.contains(" red flags"),
        "{version}"
    );
    let out = twitchcheck()
        .args(["check", "--json", "calf cramps"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kb"]["name"], "embedded");
    assert!(v["kb"]["causes"].as_u64().unwrap() > 10);
    assert!(version.contains(v["kb"]["fingerprint"].as_str().unwrap()));
    // The same file given with --kb has the same fingerprint.
    let kb = concat!(env!("CARGO_MANIFEST_DIR"), "/data/knowledge.toml");
    let out = twitchcheck()
        .args(["--kb", kb, "check", "--json", "calf cramps"])
        .output()
        .unwrap();
    let w: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(w["kb"]["fingerprint"], v["kb"]["fingerprint"]);
    assert_eq!(w["kb"]["name"], "knowledge.toml");
}
