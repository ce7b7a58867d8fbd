//! Every kind of bad knowledge-base file, each with the exact message it gets.
//! Each case starts from the small valid fixture and breaks one thing.

use std::fs;

use crate::{fixture, stderr_of_failure, twitchcheck};

fn mini() -> String {
    fs::read_to_string(fixture("mini.toml")).unwrap()
}

/// Replaces exactly one occurrence of `from`, so a typo in a test fails loudly.
fn break_one(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "fixture must hold {from:?} exactly once"
    );
    text.replacen(from, to, 1)
}

/// Runs `validate` on `text` written to a temporary file and returns stderr with
/// the file's path replaced by `KB`. Asserts exit 2 and an empty stdout.
fn validate_err(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.toml");
    fs::write(&path, text).unwrap();
    stderr_of_failure(twitchcheck().arg("validate").arg(&path))
        .replace(&path.display().to_string(), "KB")
}

/// The problem lines of an error, without the closing count line.
fn problems(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| !l.contains("problem")).collect()
}

#[test]
fn the_fixture_is_valid() {
    twitchcheck()
        .arg("validate")
        .arg(fixture("mini.toml"))
        .assert()
        .success()
        .stdout(predicates::str::ends_with(
            "valid: 8 findings, 22 phrases, 3 causes, 7 links, 5 red flags, 0 classes (0 terms), 0 patterns (0 finding, 0 red flag, 0 cause), 0 context rules (0 negated, 0 possible, 0 hypothetical, 0 historical, 0 other-person, 0 terminate, 0 pseudo)\n",
        ));
}

#[test]
fn toml_syntax_error() {
    let err = validate_err(&break_one(&mini(), "id = \"leg\"", "id = \"leg"));
    assert_eq!(
        problems(&err),
        ["twitchcheck: KB:12:10: invalid basic string"]
    );
}

#[test]
fn missing_field() {
    let err = validate_err(&break_one(
        &mini(),
        "name = \"Leg cramps or twitches\"\n",
        "",
    ));
    assert_eq!(
        problems(&err),
        ["twitchcheck: KB:11:1: missing field `name`"]
    );
}

#[test]
fn unknown_field() {
    let err = validate_err(&break_one(
        &mini(),
        "name = \"Leg cramps or twitches\"",
        "nmae = \"Leg\"",
    ));
    assert_eq!(
        problems(&err),
        ["twitchcheck: KB:13:1: unknown field `nmae`, expected one of `id`, `name`, `family`, `phrases`, `parent`, `red_flag`, `together`, `links`, `asks`"]
    );
}

#[test]
fn duplicate_id() {
    let err = validate_err(&break_one(&mini(), "id = \"leg\"", "id = \"calf\""));
    assert_eq!(
        problems(&err),
        [
            "twitchcheck: KB:19:6: duplicate finding id \"calf\"; ids must be unique within [[finding]]",
            "twitchcheck: KB:22:10: finding \"calf\" names parent \"leg\", which does not exist",
        ]
    );
}

#[test]
fn dangling_link_with_suggestion() {
    let err = validate_err(&break_one(
        &mini(),
        "links = { magnesium = \"very-common\" }",
        "links = { magnesum = \"very-common\" }",
    ));
    assert_eq!(
        problems(&err),
        ["twitchcheck: KB:24:11: link from finding \"calf\" names cause \"magnesum\", which does not exist; did you mean \"magnesium\"?"]
    );
}

#[test]
fn missing_parent_and_red_flag() {
    let text = break_one(&mini(), "parent = \"leg\"", "parent = \"legs\"");
    let text = break_one(&text, "red_flag = \"weakness\"", "red_flag = \"weak\"");
    let err = validate_err(&text);
    assert_eq!(
        problems(&err),
        [
            "twitchcheck: KB:22:10: finding \"calf\" names parent \"legs\", which does not exist; did you mean \"leg\"?",
            "twitchcheck: KB:53:12: finding \"weakness\" names red flag \"weak\", which does not exist",
        ]
    );
}

#[test]
fn cycle_of_parents() {
    let text = break_one(
        &mini(),
        "family = \"body-area\"\nphrases = [\"leg\"]",
        "family = \"body-area\"\nparent = \"calf\"\nphrases = [\"leg\"]",
    );
    let err = validate_err(&text);
    assert_eq!(
        problems(&err),
        [
            "twitchcheck: KB:15:10: parents form a cycle: leg -> calf -> leg; remove one `parent`",
            "twitchcheck: KB:23:10: parents form a cycle: calf -> leg -> calf; remove one `parent`",
        ]
    );
}

#[test]
fn unknown_bin_kind_urgency_family_and_prior() {
    let text = break_one(
        &mini(),
        "links = { dehydration = \"common\" }",
        "links = { dehydration = \"comon\" }",
    );
    let text = break_one(
        &text,
        "kind = \"lifestyle\"\nprior = \"occasional\"",
        "kind = \"habit\"\nprior = \"sometimes\"",
    );
    let text = break_one(
        &text,
        "urgency = \"emergency\"\nphrases = [\"trouble",
        "urgency = \"asap\"\nphrases = [\"trouble",
    );
    let text = break_one(
        &text,
        "family = \"context\"\nphrases = [\"coffee\"",
        "family = \"contexts\"\nphrases = [\"coffee\"",
    );
    let err = validate_err(&text);
    assert_eq!(
        problems(&err),
        [
            "twitchcheck: KB:16:25: unknown frequency bin \"comon\"; did you mean \"common\"?",
            "twitchcheck: KB:29:10: unknown family \"contexts\"; did you mean \"context\"?",
            "twitchcheck: KB:82:8: unknown kind \"habit\"; use one of nutrient, lifestyle, medical",
            "twitchcheck: KB:83:9: unknown prior \"sometimes\"; use one of common, occasional, rare",
            "twitchcheck: KB:94:11: unknown urgency \"asap\"; use one of soon, urgent, emergency",
        ]
    );
}

#[test]
fn empty_phrase_list() {
    let err = validate_err(&break_one(&mini(), "phrases = [\"leg\"]", "phrases = []"));
    assert_eq!(
        problems(&err),
        ["twitchcheck: KB:15:11: finding \"leg\" has no phrases; list at least one"]
    );
}

#[test]
fn phrase_claimed_by_two_findings() {
    // "Calves" normalizes to the same phrase as "calf".
    let err = validate_err(&break_one(
        &mini(),
        "phrases = [\"leg\"]",
        "phrases = [\"leg\", \"Calves\"]",
    ));
    assert_eq!(
        problems(&err),
        ["twitchcheck: KB:23:12: phrase \"calf\" of finding \"calf\" is already claimed by finding \"leg\"; a phrase may belong to one finding only"]
    );
}

#[test]
fn phrase_claimed_by_two_red_flags() {
    let err = validate_err(&break_one(
        &mini(),
        "phrases = [\"lost feeling\"]",
        "phrases = [\"lost feeling\", \"short of breath\"]",
    ));
    assert_eq!(
        problems(&err),
        ["twitchcheck: KB:111:28: phrase \"short of breath\" of red flag \"numbness\" is already claimed by red flag \"breathing\"; a phrase may belong to one red flag only"]
    );
}

#[test]
fn a_finding_and_a_red_flag_may_share_a_phrase() {
    let text = break_one(
        &mini(),
        "phrases = [\"lost feeling\"]",
        "phrases = [\"lost feeling\", \"numbness\"]",
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.toml");
    fs::write(&path, text).unwrap();
    twitchcheck().arg("validate").arg(&path).assert().success();
}

#[test]
fn cause_without_source() {
    let text = break_one(
        &mini(),
        "sources = [{ title = \"Muscle twitching (MedlinePlus)\", url = \"https://medlineplus.gov/ency/article/003297.htm\" }]",
        "sources = []",
    );
    let err = validate_err(&text);
    assert_eq!(
        problems(&err),
        ["twitchcheck: KB:77:11: cause \"caffeine\" has no sources; cite at least one authoritative page"]
    );
}

#[test]
fn source_must_be_https() {
    let text = break_one(
        &mini(),
        "url = \"https://medlineplus.gov/ency/article/003297.htm\"",
        "url = \"http://example.com\"",
    );
    let err = validate_err(&text);
    assert_eq!(
        problems(&err),
        ["twitchcheck: KB:77:12: cause \"caffeine\": source \"Muscle twitching (MedlinePlus)\" has URL \"http://example.com\"; use an https:// URL"]
    );
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let text = break_one(
        &mini(),
        "links = { dehydration = \"common\" }",
        "links = { dehydratoin = \"rare\" }",
    );
    let text = break_one(&text, "phrases = [\"lost feeling\"]", "phrases = []");
    let err = validate_err(&text);
    assert_eq!(problems(&err).len(), 2, "{err}");
    assert!(
        err.ends_with(
            "twitchcheck: KB: 2 problems found; fix them or run `twitchcheck validate KB`\n"
        ),
        "{err}"
    );
}

#[test]
fn file_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.toml");
    let err = stderr_of_failure(twitchcheck().arg("--kb").arg(&path).args(["check", "calf"]));
    assert_eq!(
        err,
        format!(
            "twitchcheck: {}: no such file; check the path given to --kb or TWITCHCHECK_KB\n",
            path.display()
        )
    );
}

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let err = stderr_of_failure(
        twitchcheck()
            .env("TWITCHCHECK_KB", dir.path())
            .args(["list", "causes"]),
    );
    assert_eq!(
        err,
        format!(
            "twitchcheck: {}: is a directory, not a knowledge-base file; give the path of a .toml file\n",
            dir.path().display()
        )
    );
}

/// Issue 13: `/dev/zero` read until memory ran out, and a FIFO with no writer
/// blocked forever; both are refused at once as not regular files.
#[test]
fn a_device_or_fifo_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("kb.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let mut paths = vec![std::path::PathBuf::from("/dev/zero")];
    if made.is_ok_and(|s| s.success()) {
        paths.push(fifo);
    }
    for path in paths {
        let err = stderr_of_failure(
            twitchcheck()
                .timeout(std::time::Duration::from_secs(10))
                .arg("validate")
                .arg(&path),
        );
        assert_eq!(
            err,
            format!(
                "twitchcheck: {}: not a regular file (a device, FIFO or socket); give the path of a .toml file\n",
                path.display()
            )
        );
    }
}

#[test]
fn not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.toml");
    fs::write(&path, b"version = 1\n# caf\xe9\n").unwrap();
    let err = stderr_of_failure(twitchcheck().arg("validate").arg(&path));
    assert_eq!(
        err,
        format!(
            "twitchcheck: {}:2:6: not valid UTF-8; save the file as UTF-8\n",
            path.display()
        )
    );
}

#[test]
fn over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let file = fs::File::create(&path).unwrap();
    file.set_len(engine::kb::MAX_KB_BYTES + 1).unwrap();
    let err = stderr_of_failure(twitchcheck().arg("validate").arg(&path));
    assert_eq!(
        err,
        format!(
            "twitchcheck: {}: file is 33554433 bytes, over the 32 MiB limit for a knowledge base\n",
            path.display()
        )
    );
}

#[test]
fn a_word_set_needs_two_real_words() {
    let text = break_one(
        &mini(),
        "together = [[\"urine\", \"cola\"], [\"pee\", \"brown\"]]",
        "together = [[\"the\", \"my\"], [\"pee\"], [\"dark urine\", \"x\"]]",
    );
    let err = validate_err(&text);
    assert_eq!(
        problems(&err),
        [
            "twitchcheck: KB:120:13: red flag \"dark-urine\": each `together` set needs two or more single words",
            "twitchcheck: KB:120:28: red flag \"dark-urine\": each `together` set needs two or more single words",
            "twitchcheck: KB:120:37: red flag \"dark-urine\": each `together` set needs two or more single words",
        ]
    );
}
