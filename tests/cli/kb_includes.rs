//! Knowledge bases in several files (`include`), word classes, patterns and
//! context rules: each kind of problem with the exact message it gets, naming
//! the file it is in.

use std::fs;

use crate::{fixture, stderr_of_failure, twitchcheck};

/// The small valid fixture with `include = [..]` under its `version`.
fn main_including(includes: &[&str]) -> String {
    let list: Vec<String> = includes.iter().map(|i| format!("{i:?}")).collect();
    fs::read_to_string(fixture("mini.toml")).unwrap().replacen(
        "version = 1\n",
        &format!("version = 1\ninclude = [{}]\n", list.join(", ")),
        1,
    )
}

/// Writes `files` (name, text) into a temporary directory, the first being the
/// main file, and runs `validate` on it. Returns stderr with the directory
/// replaced by `DIR`, after asserting exit 2 and an empty stdout.
fn validate_err(files: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        fs::write(dir.path().join(name), text).unwrap();
    }
    let main = dir.path().join(files[0].0);
    stderr_of_failure(twitchcheck().arg("validate").arg(&main))
        .replace(&dir.path().display().to_string(), "DIR")
}

fn lines(stderr: &str) -> Vec<&str> {
    stderr.lines().collect()
}

const CLASSES: &str = r#"
[[class]]
id = "urine"
terms = ["urine", "pee", "wee"]

[[class]]
id = "dark-colour"
name = "Dark colours"
terms = ["dark", "brown", "cola"]
"#;

#[test]
fn a_kb_in_two_files_validates_and_counts_everything() {
    let more = format!(
        "{CLASSES}
[[class]]
id = \"body-fluid\"
terms = [\"@urine\", \"sweat\", \"pee\"]

[[pattern]]
red_flag = \"dark-urine\"
all = [\"@urine\", \"@dark-colour\"]
within = 8

[[pattern]]
finding = \"calf\"
all = [\"lower leg\"]
scope = \"clause\"

[[context]]
literal = \"no\"
category = \"negated\"
direction = \"forward\"
source = \"medspacy\"

[[context]]
literal = \"but\"
category = \"terminate\"
direction = \"none\"
of = \"negated\"
"
    );
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("kb.toml"), main_including(&["more.toml"])).unwrap();
    fs::write(dir.path().join("more.toml"), more).unwrap();
    twitchcheck()
        .arg("validate")
        .arg(dir.path().join("kb.toml"))
        .assert()
        .success()
        .stdout(predicates::str::ends_with(
            "valid: 8 findings, 22 phrases, 3 causes, 7 links, 5 red flags, 3 classes (10 terms), \
             2 patterns (1 finding, 1 red flag, 0 cause), 2 context rules (1 negated, 0 possible, \
             0 hypothetical, 0 historical, 0 other-person, 1 terminate, 0 pseudo)\n",
        ));
    // A check with it works too.
    twitchcheck()
        .arg("--kb")
        .arg(dir.path().join("kb.toml"))
        .args(["check", "calf cramps"])
        .assert()
        .success();
}

#[test]
fn a_missing_include_names_the_file() {
    let err = validate_err(&[("kb.toml", &main_including(&["nope.toml"]))]);
    assert_eq!(
        lines(&err),
        [
            "twitchcheck: DIR/kb.toml:3:12: include \"nope.toml\": DIR/nope.toml: no such file; check the name in `include`",
            "twitchcheck: DIR/kb.toml: 1 problem found; fix them or run `twitchcheck validate DIR/kb.toml`",
        ]
    );
}

#[test]
fn an_included_file_may_not_include_or_have_a_version() {
    let err = validate_err(&[
        ("kb.toml", &main_including(&["more.toml"])),
        (
            "more.toml",
            &format!("version = 1\ninclude = [\"x.toml\"]\n{CLASSES}"),
        ),
    ]);
    assert_eq!(
        lines(&err)[..2],
        [
            "twitchcheck: DIR/more.toml:1:11: `version` belongs in the main knowledge-base file only",
            "twitchcheck: DIR/more.toml:2:11: `include` is allowed only in the main knowledge-base file; list every file there",
        ]
    );
}

#[test]
fn problems_in_an_included_file_name_it_and_ids_are_unique_across_files() {
    let more = "[[finding]]\nid = \"calf\"\nname = \"Calf again\"\nfamily = \"body-area\"\nphrases = [\"lower leg\"]\n";
    let err = validate_err(&[
        ("kb.toml", &main_including(&["more.toml"])),
        ("more.toml", more),
    ]);
    assert_eq!(
        lines(&err),
        [
            "twitchcheck: DIR/more.toml:2:6: duplicate finding id \"calf\"; ids must be unique within [[finding]]",
            "twitchcheck: DIR/kb.toml: 1 problem found; fix them or run `twitchcheck validate DIR/kb.toml`",
        ]
    );
}

#[test]
fn class_references_must_exist_and_not_form_a_cycle() {
    let more = "[[class]]\nid = \"urine\"\nterms = [\"urine\", \"@colur\"]\n\n\
                [[class]]\nid = \"colour\"\nterms = [\"dark\", \"@shade\"]\n\n\
                [[class]]\nid = \"shade\"\nterms = [\"@colour\", \"the\"]\n";
    let err = validate_err(&[
        ("kb.toml", &main_including(&["more.toml"])),
        ("more.toml", more),
    ]);
    assert_eq!(
        lines(&err),
        [
            "twitchcheck: DIR/more.toml:3:19: class \"urine\" includes class \"colur\", which does not exist; did you mean \"colour\"?",
            "twitchcheck: DIR/more.toml:11:10: classes include each other in a cycle: colour -> shade -> colour; remove one `@` term",
            "twitchcheck: DIR/more.toml:11:21: class \"shade\": term \"the\" has no words to match (articles, possessives and forms of \"to be\" are dropped)",
            "twitchcheck: DIR/kb.toml: 3 problems found; fix them or run `twitchcheck validate DIR/kb.toml`",
        ]
    );
}

#[test]
fn patterns_name_existing_targets_and_classes() {
    let more = format!(
        "{CLASSES}
[[pattern]]
red_flag = \"dark-urin\"
all = [\"@urine\", \"@dark-color\"]

[[pattern]]
finding = \"calf\"
cause = \"magnesium\"
all = []

[[pattern]]
cause = \"magnesium\"
all = [\"@urine\", \"@dark-colour\", \"cola\"]
within = 2
scope = \"paragraph\"

[[pattern]]
finding = \"calves\"
all = [\"leg\"]
widthin = 4
"
    );
    let err = validate_err(&[
        ("kb.toml", &main_including(&["more.toml"])),
        ("more.toml", &more),
    ]);
    assert_eq!(
        lines(&err),
        [
            "twitchcheck: DIR/more.toml:29:1: unknown field `widthin`, expected one of `finding`, `red_flag`, `cause`, `all`, `within`, `scope`",
            "twitchcheck: DIR/kb.toml: 1 problem found; fix them or run `twitchcheck validate DIR/kb.toml`",
        ]
    );
    let more = more.replace("widthin = 4\n", "");
    let err = validate_err(&[
        ("kb.toml", &main_including(&["more.toml"])),
        ("more.toml", &more),
    ]);
    assert_eq!(
        lines(&err),
        [
            "twitchcheck: DIR/more.toml:12:12: pattern names red flag \"dark-urin\", which does not exist; did you mean \"dark-urine\"?",
            "twitchcheck: DIR/more.toml:13:18: pattern for \"dark-urin\" names class \"dark-color\", which does not exist; did you mean \"dark-colour\"?",
            "twitchcheck: DIR/more.toml:15:1: a pattern needs exactly one of `finding`, `red_flag` and `cause`: what it reports",
            "twitchcheck: DIR/more.toml:18:7: pattern: `all` is empty; list at least one class or phrase",
            "twitchcheck: DIR/more.toml:23:10: pattern for \"magnesium\": `within` is 2; use a number of words from 3 (the number of elements) to 50",
            "twitchcheck: DIR/more.toml:24:9: unknown scope \"paragraph\"; use one of sentence, clause",
            "twitchcheck: DIR/more.toml:27:11: pattern names finding \"calves\", which does not exist",
            "twitchcheck: DIR/kb.toml: 7 problems found; fix them or run `twitchcheck validate DIR/kb.toml`",
        ]
    );
}

#[test]
fn context_rules_pair_category_and_direction_and_are_not_repeated() {
    let more = "[[context]]\nliteral = \"no\"\ncategory = \"negated\"\ndirection = \"none\"\n\n\
                [[context]]\nliteral = \"but\"\ncategory = \"terminate\"\ndirection = \"forward\"\n\n\
                [[context]]\nliteral = \"No\"\ncategory = \"negated\"\ndirection = \"forward\"\n\n\
                [[context]]\nliteral = \"the\"\ncategory = \"possibel\"\ndirection = \"both\"\n";
    let err = validate_err(&[
        ("kb.toml", &main_including(&["more.toml"])),
        ("more.toml", more),
    ]);
    assert_eq!(
        lines(&err),
        [
            "twitchcheck: DIR/more.toml:4:13: context rule \"no\": a negated rule's direction must be \"forward\", \"backward\" or \"both\", not \"none\"",
            "twitchcheck: DIR/more.toml:9:13: context rule \"but\": a terminate rule's direction must be \"none\", not \"forward\"",
            "twitchcheck: DIR/more.toml:12:11: context literal \"No\" is already a rule at DIR/more.toml:2 (\"no\"); keep one",
            "twitchcheck: DIR/more.toml:17:11: context literal \"the\" has no words to match (articles, possessives and forms of \"to be\" are dropped)",
            "twitchcheck: DIR/more.toml:18:12: unknown context category \"possibel\"; did you mean \"possible\"?",
            "twitchcheck: DIR/kb.toml: 5 problems found; fix them or run `twitchcheck validate DIR/kb.toml`",
        ]
    );
}

#[test]
fn every_red_flag_cites_an_https_source() {
    let text = fs::read_to_string(fixture("mini.toml")).unwrap();
    let first = "sources = [{ title = \"Twitching eyes and muscles (NHS)\", url = \"https://www.nhs.uk/conditions/twitching-eyes-and-muscles/\" }]\n";
    let pos = text.find("[[red_flag]]").unwrap();
    let at = pos + text[pos..].find(first).unwrap();
    let mut broken = text.clone();
    broken.replace_range(at..at + first.len(), "");
    let broken = broken.replacen(
        "url = \"https://www.nhs.uk/conditions/twitching-eyes-and-muscles/\"",
        "url = \"http://www.nhs.uk/\"",
        1,
    );
    let err = validate_err(&[("kb.toml", &broken)]);
    assert_eq!(
        lines(&err),
        [
            "twitchcheck: DIR/kb.toml:91:1: red flag \"breathing\" has no sources; cite at least one authoritative page",
            "twitchcheck: DIR/kb.toml:104:12: red flag \"weakness\": source \"Twitching eyes and muscles (NHS)\" has URL \"http://www.nhs.uk/\"; use an https:// URL",
            "twitchcheck: DIR/kb.toml: 2 problems found; fix them or run `twitchcheck validate DIR/kb.toml`",
        ]
    );
}
