//! `check` and `batch` through the real binary: exit statuses, JSON schema, stdin,
//! batch lines, and golden files of what a person reads. Golden output uses the
//! small fixture KB so that it changes only when the code does.

use serde_json::Value;

use crate::{assert_golden, batch_lines, fixture, json_lines, stderr_of_failure, twitchcheck};

fn json(args: &[&str]) -> (i32, Value) {
    let out = twitchcheck()
        .args(["check", "--json"])
        .args(args)
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    let value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (code, value)
}

/// Asserts the documented schema of one check's JSON object.
pub fn assert_schema(v: &Value) {
    assert_eq!(v["schema_version"], 4);
    assert!(v["causes_secondary"].is_boolean());
    assert!(v["should_stop"].is_boolean());
    for q in v["questions"].as_array().unwrap() {
        let ids = q["ids"].as_array().unwrap();
        assert!(!ids.is_empty() && ids.iter().all(Value::is_string));
        assert!(!q["text"].as_str().unwrap().is_empty());
        assert!(!q["why"].as_str().unwrap().is_empty());
        assert!(matches!(q["kind"].as_str(), Some("red-flag" | "finding")));
    }
    assert!(v["query"].is_string());
    for r in v["recognized"].as_array().unwrap() {
        assert!(r["id"].is_string() && r["name"].is_string() && r["text"].is_string());
        assert!(r["negated"].is_boolean() && r["corrected"].is_boolean());
        assert!(r["historical"].is_boolean() && r["hypothetical"].is_boolean());
        assert!(r["other_person"].is_boolean());
        let assertion = r["assertion"].as_str().unwrap();
        assert!(matches!(
            assertion,
            "present" | "possible" | "negated" | "historical" | "hypothetical" | "other-person"
        ));
        assert_eq!(r["negated"], assertion == "negated");
        assert!(matches!(
            r["type"].as_str(),
            Some("finding" | "red-flag" | "cause")
        ));
    }
    for m in v["mentioned_red_flags"].as_array().unwrap() {
        assert!(m["id"].is_string() && m["advice"].is_string());
        assert!(matches!(
            m["assertion"].as_str(),
            Some("historical" | "hypothetical" | "other-person")
        ));
    }
    assert!(v["duration_days"].is_null() || v["duration_days"].is_u64());
    assert!(v["unrecognized"]
        .as_array()
        .unwrap()
        .iter()
        .all(Value::is_string));
    let mut last = f64::INFINITY;
    for s in v["suggestions"].as_array().unwrap() {
        assert!(s["id"].is_string() && s["name"].is_string() && s["summary"].is_string());
        assert!(matches!(
            s["kind"].as_str(),
            Some("nutrient" | "lifestyle" | "medical")
        ));
        let score = s["score"].as_f64().unwrap();
        assert!(
            (0.0..=1.0).contains(&score) && score <= last,
            "scores sorted in [0, 1]"
        );
        last = score;
        for e in s["evidence"].as_array().unwrap() {
            assert!(
                e["finding"].is_string() && e["effect"].is_number() && e["negated"].is_boolean()
            );
        }
        assert!(s["helps"].as_array().unwrap().iter().all(Value::is_string));
        assert!(s["tests"].as_array().unwrap().iter().all(Value::is_string));
        let sources = s["sources"].as_array().unwrap();
        assert!(!sources.is_empty());
        assert!(sources
            .iter()
            .all(|c| c["url"].as_str().unwrap().starts_with("https://")));
    }
    for f in v["red_flags"].as_array().unwrap() {
        assert!(f["id"].is_string() && f["name"].is_string() && f["advice"].is_string());
        assert!(matches!(
            f["urgency"].as_str(),
            Some("soon" | "urgent" | "emergency")
        ));
    }
    assert!(matches!(
        v["urgency"].as_str(),
        Some("routine" | "soon" | "urgent" | "emergency")
    ));
    assert!(
        !v["advice"].as_str().unwrap().is_empty(),
        "the see-a-doctor advice is never omitted"
    );
    assert!(!v["disclaimer"].as_str().unwrap().is_empty());
}

#[test]
fn json_follows_the_schema_and_exit_is_zero() {
    let (code, v) = json(&["calf cramps after coffee, no numbness"]);
    assert_eq!(code, 0);
    assert_schema(&v);
    assert_eq!(v["urgency"], "routine");
    let negated: Vec<&str> = v["recognized"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["negated"] == true)
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(negated, ["numbness"]);
}

#[test]
fn nothing_recognized_exits_one_with_empty_lists_and_the_warning() {
    for query in ["qwzx blorf", "", "   ", "?!...,,"] {
        let (code, v) = json(&[query]);
        assert_eq!(code, 1, "{query:?}");
        assert_schema(&v);
        assert_eq!(v["recognized"], Value::Array(vec![]));
        assert_eq!(v["suggestions"], Value::Array(vec![]));
    }
    let out = twitchcheck().args(["check", "qwzx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("When to see a doctor") && text.contains("educational only"),
        "{text}"
    );
}

#[test]
fn free_words_run_a_check() {
    let out = twitchcheck()
        .args(["--json", "eyelid", "twitching"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["query"], "eyelid twitching");
}

#[test]
fn no_arguments_prints_short_help() {
    let out = twitchcheck().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage:"));
}

#[test]
fn query_from_stdin() {
    let out = twitchcheck()
        .args(["check", "--json", "-"])
        .write_stdin("eyelid twitching after coffee\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The input's final newline (or `\r\n`) is not part of the query.
    assert_eq!(v["query"], "eyelid twitching after coffee");
    assert_eq!(v["suggestions"][0]["id"], "caffeine");
}

#[test]
fn quiet_prints_nothing_and_sets_the_status() {
    twitchcheck()
        .args(["check", "-q", "calf cramps"])
        .assert()
        .code(0)
        .stdout("");
    twitchcheck()
        .args(["check", "-q", "qwzx"])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn red_flags_escalate_and_negation_holds_them_back() {
    let (_, v) = json(&["twitching and difficulty breathing"]);
    assert_eq!(v["urgency"], "emergency");
    assert_eq!(v["red_flags"][0]["id"], "breathing");
    let (_, v) = json(&["calf cramps but no numbness or weakness"]);
    assert_eq!(v["urgency"], "routine");
    let (_, v) = json(&["no fever but my arm feels weak"]);
    assert_eq!(v["urgency"], "urgent");
}

/// A negated list's filler words are understood, not unrecognized (issue 16).
#[test]
fn a_negated_lists_filler_words_are_not_unrecognized() {
    let (_, v) = json(&["calf cramps, no sign of weakness"]);
    assert_eq!(v["unrecognized"], serde_json::json!([]));
    let weakness = v["recognized"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "weakness")
        .unwrap();
    assert_eq!(weakness["negated"], true);
}

#[test]
fn typos_are_reported_as_corrected() {
    let (code, v) = json(&["eylid twiching"]);
    assert_eq!(code, 0);
    let recognized = v["recognized"].as_array().unwrap();
    assert_eq!(recognized.len(), 2);
    assert!(recognized.iter().all(|r| r["corrected"] == true));
}

#[test]
fn batch_writes_one_json_line_per_query_in_order() {
    let input = "eyelid twitching\n\ncalf cramps at night\nqwzx\ncramps and dark urine\n";
    let lines = batch_lines(input);
    assert_eq!(lines.len(), 4, "the blank line is skipped");
    let numbers: Vec<u64> = lines.iter().map(|l| l["line"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [1, 3, 4, 5]);
    for l in &lines {
        assert_schema(l);
    }
    assert_eq!(lines[3]["urgency"], "emergency");
}

#[test]
fn batch_reports_a_bad_line_and_goes_on() {
    let mut input = b"calf cramps\n".to_vec();
    input.extend_from_slice(b"caf\xe9 cramps\n");
    input.extend_from_slice(b"eyelid twitching\n");
    let lines = batch_lines(input);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["error"], "line 2 is not valid UTF-8; skipped");
    assert!(lines[1]["advice"].is_string());
    assert_eq!(lines[2]["query"], "eyelid twitching");
}

#[test]
fn batch_from_a_file_that_does_not_exist() {
    let err = stderr_of_failure(twitchcheck().args(["batch", "/nonexistent/queries.txt"]));
    assert!(
        err.starts_with("twitchcheck: /nonexistent/queries.txt: cannot open:"),
        "{err}"
    );
}

/// Runs `check ARGS` on the small fixture KB, expects exit 0, and compares stdout
/// with the golden file `name`.
fn assert_golden_check(name: &str, args: &[&str]) {
    let out = twitchcheck()
        .arg("--kb")
        .arg(fixture("mini.toml"))
        .arg("check")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_golden(name, &String::from_utf8(out.stdout).unwrap());
}

#[test]
fn golden_table() {
    assert_golden_check(
        "check-table.txt",
        &["calf twiching after coffee, no numbness"],
    );
}

/// `--full`: the long form, with what helps, tests and a source for the top causes.
#[test]
fn golden_table_full() {
    assert_golden_check(
        "check-full.txt",
        &["--full", "calf twiching after coffee, no numbness"],
    );
}

#[test]
fn golden_table_with_red_flag_and_explain() {
    assert_golden_check(
        "check-explain-emergency.txt",
        &[
            "--explain",
            "leg twitching and short of breath, no tingling",
        ],
    );
}

#[test]
fn golden_json() {
    assert_golden_check(
        "check.json",
        &[
            "--json",
            "--top",
            "2",
            "calf cramps after coffee, no numbness",
        ],
    );
}

/// `batch` writes its lines with pre-escaped texts (src/jsonl.rs); each must be the
/// very object `check --json` gives for that query, plus its line number.
#[test]
fn batch_lines_are_check_json_plus_the_line_number() {
    let queries = [
        "calf cramps at night, no numbness",
        "eyelid twitching after coffee",
        "cramps and dark cola-colored urine, short of breath",
        "vegetarian with pins and needles in my feet",
        "qwzx",
    ];
    let out = twitchcheck()
        .args(["batch", "--top", "3"])
        .write_stdin(queries.join("\n"))
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), queries.len());
    for (i, (query, mut line)) in queries.iter().zip(lines).enumerate() {
        assert_eq!(line["line"], i + 1);
        line.as_object_mut().unwrap().remove("line");
        let (_, single) = json(&["--top", "3", query]);
        assert_eq!(line, single, "{query}");
    }
}
