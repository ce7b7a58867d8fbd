//! The loader's own tests: the shipped KB, and multi-file KBs in memory. (The
//! app's tests/cli/kb_includes.rs checks each problem's message through files.)

use super::*;
use crate::understand::Understander;

#[test]
fn the_shipped_kb_loads() {
    let kb = load_embedded().unwrap_or_else(|p| {
        panic!(
            "{}",
            p.iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(!kb.classes.is_empty() && !kb.context.is_empty());
    assert!(kb.red_flags.iter().all(|r| !r.sources.is_empty()));
}

const MINI: &str = include_str!("../../../../tests/fixtures/mini.toml");

fn with_include(includes: &str) -> String {
    MINI.replacen(
        "version = 1\n",
        &format!("version = 1\ninclude = [{includes}]\n"),
        1,
    )
}

fn source(name: &str, text: &str) -> Source {
    Source {
        name: name.to_string(),
        text: text.to_string(),
    }
}

const MORE: &str = r#"
[[class]]
id = "urine"
name = "Urine"
terms = ["urine", "pee", "wee", "peeing"]

[[class]]
id = "fluid"
terms = ["sweat", "@urine", "urine", "pees"]

[[pattern]]
red_flag = "dark-urine"
all = ["@urine", "cola coloured"]
within = 6
scope = "clause"

[[pattern]]
cause = "magnesium"
all = ["@fluid"]

[[context]]
literal = "never"
category = "negated"
direction = "forward"
"#;

fn two_files() -> KnowledgeBase {
    load_sources(&[
        source("kb/main.toml", &with_include("\"more.toml\"")),
        source("kb/more.toml", MORE),
    ])
    .unwrap()
}

#[test]
fn classes_expand_their_references_without_duplicates_in_file_order() {
    let kb = two_files();
    assert_eq!(kb.classes[0].name, "Urine");
    assert_eq!(kb.classes[0].terms, ["urine", "pee", "wee"]); // "peeing" is "pee"
    assert_eq!(kb.classes[1].name, "fluid");
    assert_eq!(kb.classes[1].terms, ["sweat", "urine", "pee", "wee"]);
    let flag = kb.red_flag("dark-urine").unwrap();
    assert_eq!(
        kb.patterns[0],
        Pattern {
            target: PatternTarget::RedFlag(flag),
            all: vec![Element::Class(0), Element::Phrase("cola coloured".into())],
            within: 6,
            scope: Scope::Clause,
        }
    );
    assert_eq!(
        kb.patterns[1].target,
        PatternTarget::Cause(kb.cause("magnesium").unwrap())
    );
    assert_eq!(
        (kb.patterns[1].within, kb.patterns[1].scope),
        (DEFAULT_WITHIN, Scope::Sentence)
    );
    assert_eq!(
        kb.context,
        [ContextRule {
            literal: "never".into(),
            category: ContextCategory::Negated,
            direction: Direction::Forward,
        }]
    );
}

#[test]
fn the_prebuilt_form_round_trips_every_table() {
    let kb = two_files();
    // Leaked: the decoded KB borrows its texts from the bytes for good, as the
    // binary's embedded KB does from its static bytes.
    let bytes = crate::prebuilt::encode(&kb, &Understander::new(&kb)).leak();
    assert_eq!(crate::prebuilt::decode(bytes).0, kb);
    let shipped = load_embedded().unwrap();
    let bytes = crate::prebuilt::encode(&shipped, &Understander::new(&shipped)).leak();
    assert_eq!(crate::prebuilt::decode(bytes).0, shipped);
}

#[test]
fn text_with_include_needs_a_file_path() {
    let problems = load_text(&with_include("\"more.toml\"")).unwrap_err();
    assert_eq!(
        problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        ["<text>:3:12: include \"more.toml\": `include` needs a file path; load this knowledge base from its file"]
    );
}

#[test]
fn sources_resolve_includes_by_name_and_report_strays() {
    let problems = load_sources(&[
        source(
            "kb/main.toml",
            &with_include("\"more.toml\", \"gone.toml\""),
        ),
        source("kb/more.toml", MORE),
        source("kb/stray.toml", MORE),
    ])
    .unwrap_err();
    assert_eq!(
        problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        [
            "kb/main.toml:3:25: include \"gone.toml\": no such file (kb/gone.toml)",
            "kb/stray.toml:1:1: this file is not in the `include` list of kb/main.toml; include it or leave it out",
        ]
    );
}

#[test]
fn problems_are_ordered_by_file_then_position() {
    let more = MORE.replace("\"@urine\", \"cola", "\"@urin\", \"cola");
    let main = with_include("\"more.toml\"").replace("id = \"calf\"", "id = \"Calf\"");
    let problems =
        load_sources(&[source("main.toml", &main), source("more.toml", &more)]).unwrap_err();
    let files: Vec<&str> = problems.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(files.first(), Some(&"main.toml"));
    assert_eq!(files.last(), Some(&"more.toml"));
    assert!(problems
        .last()
        .unwrap()
        .message
        .contains("names class \"urin\", which does not exist; did you mean \"urine\"?"));
}

/// The messages of `text`'s problems, loaded as one file after MINI.
fn problems_with(text: &str) -> Vec<String> {
    let sources = [source("kb.toml", &format!("{MINI}\n{text}"))];
    match load_sources(&sources) {
        Ok(_) => Vec::new(),
        Err(p) => p.iter().map(|p| p.to_string()).collect(),
    }
}

#[test]
fn every_askable_entry_of_the_shipped_kb_has_a_question() {
    let kb = load_embedded().unwrap();
    for f in kb.findings.iter().filter(|f| f.family != Family::BodyArea) {
        // A question the person asks ("what mineral?", `asks`) is never asked back.
        if f.asks.is_some() {
            assert!(f.question.is_none(), "{}", f.id);
            continue;
        }
        let q = f.question.as_ref().unwrap_or_else(|| panic!("{}", f.id));
        assert!(q.text.ends_with('?') && !q.short.is_empty(), "{}", f.id);
    }
    for r in &kb.red_flags {
        assert!(r.question.is_some(), "{}", r.id);
    }
    // `when` narrows the urgent group: a swollen leg is asked about for legs.
    let swelling = &kb.red_flags[kb.red_flag("leg-swelling").unwrap()];
    let leg = kb.finding("leg").unwrap();
    assert!(swelling.question.as_ref().unwrap().when.contains(&leg));
}

#[test]
fn a_kb_without_questions_asks_with_names() {
    let kb = load_sources(&[source("kb.toml", MINI)]).unwrap();
    assert!(kb.findings.iter().all(|f| f.question.is_none()));
}

#[test]
fn questions_need_known_askable_ids_and_then_cover_every_askable_entry() {
    let one = "[[question]]\nid = \"coffee\"\ntext = \"Do you drink coffee?\"\n";
    let problems = problems_with(one);
    // Once any question exists, the other askable entries need one too.
    assert!(
        problems
            .iter()
            .any(|p| p.contains("finding \"twitching\" may be asked but has no [[question]]")),
        "{problems:?}"
    );
    assert!(
        !problems.iter().any(|p| p.contains("\"coffee\"")),
        "{problems:?}"
    );
    let unknown = problems_with("[[question]]\nid = \"cofee\"\ntext = \"Coffee?\"\n");
    assert!(
        unknown.iter().any(|p| p
            .contains("question \"cofee\" names no finding or red flag; did you mean \"coffee\"?")),
        "{unknown:?}"
    );
    let area = problems_with("[[question]]\nid = \"calf\"\ntext = \"Calf?\"\n");
    assert!(
        area.iter().any(|p| p.contains("is a body area")),
        "{area:?}"
    );
    let when =
        problems_with("[[question]]\nid = \"numbness\"\ntext = \"Numb?\"\nwhen = [\"calff\"]\n");
    assert!(
        when.iter()
            .any(|p| p.contains("`when` names finding \"calff\"")),
        "{when:?}"
    );
}

/// A `helps` item can be shown only `when` a finding is reported (first), or be
/// hidden `unless`...: usual advice that can harm some people (more fluid with
/// kidney disease) is swapped for a caveat by the KB, not by code.
#[test]
fn helps_items_can_depend_on_reported_findings() {
    let text = MINI.replacen(
        r#"helps = ["Leafy greens, nuts and seeds"]"#,
        r#"helps = [
  { text = "Eat greens", unless = ["numbness"] },
  "Always shown",
  { text = "Numb? Ask first", when = ["numbness"] },
]"#,
        1,
    );
    let kb = load_text(&text).unwrap();
    let magnesium = &kb.causes[kb.cause("magnesium").unwrap()];
    assert!(magnesium.helps_depend_on_query());
    let numbness = kb.finding("numbness").unwrap();
    let calf = kb.finding("calf").unwrap();
    assert_eq!(magnesium.helps_for(&[calf]), ["Eat greens", "Always shown"]);
    assert_eq!(
        magnesium.helps_for(&[calf, numbness]),
        ["Numb? Ask first", "Always shown"]
    );
    // The shipped KB: with kidney disease, dehydration never says "drink more".
    let kb = load_embedded().unwrap();
    let dehydration = &kb.causes[kb.cause("dehydration").unwrap()];
    let kidney = kb.finding("kidney-disease").unwrap();
    let helps = dehydration.helps_for(&[kidney]);
    assert!(helps[0].contains("kidney team"), "{helps:?}");
    assert!(
        helps.iter().all(|h| !h.starts_with("Drinking")),
        "{helps:?}"
    );
    assert!(dehydration.helps_for(&[])[0].starts_with("Drinking"));
}

#[test]
fn a_conditional_helps_item_names_real_findings_and_one_condition() {
    for (item, message) in [
        (
            r#"{ text = "x", unless = ["numbnes"] }"#,
            "names finding \"numbnes\", which does not exist",
        ),
        (
            r#"{ text = "x", when = ["calf"], unless = ["numbness"] }"#,
            "needs exactly one of `when` or `unless`",
        ),
        (
            r#"{ text = "x" }"#,
            "needs exactly one of `when` or `unless`",
        ),
        (
            r#"{ text = " ", when = ["calf"] }"#,
            "a `helps` item is empty",
        ),
    ] {
        let text = MINI.replacen(
            r#"helps = ["Leafy greens, nuts and seeds"]"#,
            &format!("helps = [{item}]"),
            1,
        );
        let problems = load_text(&text).unwrap_err();
        let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(all.iter().any(|p| p.contains(message)), "{item}: {all:?}");
    }
}

#[test]
fn an_escalating_red_flag_names_real_flags_and_findings_and_not_itself() {
    let flag = |escalates: &str, with: &str| {
        MINI.replacen(
            "id = \"breathing\"\n",
            &format!("id = \"breathing\"\nescalates = {escalates}\nwith_findings = {with}\n"),
            1,
        )
    };
    for (text, message) in [
        (
            flag(r#"["weaknes"]"#, r#"["calf"]"#),
            "`escalates` names red flag \"weaknes\", which does not exist; did you mean \"weakness\"?",
        ),
        (
            flag(r#"["breathing"]"#, r#"["calf"]"#),
            "`escalates` names the red flag itself",
        ),
        (
            flag(r#"["weakness"]"#, "[]"),
            "`escalates` and `with_findings` go together",
        ),
    ] {
        let problems = load_text(&text).unwrap_err();
        let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(all.iter().any(|p| p.contains(message)), "{all:?}");
    }
    // Valid: breathing fires when weakness fires with a calf finding.
    let kb = load_text(&flag(r#"["weakness"]"#, r#"["calf"]"#)).unwrap();
    let breathing = &kb.red_flags[kb.red_flag("breathing").unwrap()];
    assert_eq!(breathing.escalates, [kb.red_flag("weakness").unwrap()]);
    assert_eq!(breathing.with_findings, [kb.finding("calf").unwrap()]);
}

#[test]
fn a_red_flag_points_to_causes_that_exist() {
    let flag = |causes: &str| {
        MINI.replacen(
            "id = \"breathing\"\n",
            &format!("id = \"breathing\"\ncauses = {causes}\n"),
            1,
        )
    };
    let problems = load_text(&flag(r#"["magnesum"]"#)).unwrap_err();
    let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert!(
        all.iter().any(|p| p.contains(
            "`causes` names cause \"magnesum\", which does not exist; did you mean \"magnesium\"?"
        )),
        "{all:?}"
    );
    let kb = load_text(&flag(r#"["magnesium"]"#)).unwrap();
    let breathing = &kb.red_flags[kb.red_flag("breathing").unwrap()];
    assert_eq!(breathing.causes, [kb.cause("magnesium").unwrap()]);
}
