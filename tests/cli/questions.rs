//! Follow-up questions (issue 10): the stateless protocol of `check --json` with
//! `--yes`, `--no` and `--unsure`, on the embedded knowledge base.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::{stderr_of_failure, twitchcheck};

fn check(args: &[&str]) -> Value {
    let out = twitchcheck()
        .args(["check", "--json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn asked_ids(v: &Value) -> BTreeSet<String> {
    v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|q| q["ids"].as_array().unwrap().iter())
        .map(|i| i.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_vague_query_is_asked_about_emergencies_first() {
    let v = check(&["my eyelid keeps twitching"]);
    assert_eq!(v["should_stop"], false);
    let first = &v["questions"][0];
    assert_eq!(first["kind"], "red-flag");
    let ids = first["ids"].as_array().unwrap();
    assert!(ids.iter().any(|i| i == "breathing"), "{first}");
    assert!(ids.iter().any(|i| i == "dark-urine"), "{first}");
    assert!(first["why"].as_str().unwrap().contains("emergency"));
}

#[test]
fn a_yes_fires_its_red_flag_and_a_no_is_only_answered() {
    let v = check(&["--yes", "dark-urine", "calves cramping"]);
    assert_eq!(v["urgency"], "emergency");
    assert!(v["red_flags"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["id"] == "dark-urine"));
    let v = check(&["--no", "dark-urine", "calves cramping"]);
    assert_eq!(v["urgency"], "routine");
    // A finding answered yes that raises a red flag fires it too.
    let v = check(&["--yes", "perioral-tingling", "twitching around my mouth"]);
    assert_eq!(v["urgency"], "soon");
}

#[test]
fn a_yes_to_a_finding_moves_the_ranking() {
    let v = check(&["--yes", "coffee", "my eyelid keeps twitching"]);
    assert_eq!(v["suggestions"][0]["id"], "caffeine");
    let v = check(&["--yes", "pregnancy", "calf cramps at night"]);
    assert_eq!(v["suggestions"][0]["id"], "pregnancy");
}

#[test]
fn nothing_said_or_answered_is_asked_again() {
    let yes = "breathing,stroke-signs,dark-urine";
    let no = "coffee,weakness";
    let v = check(&[
        "--yes",
        yes,
        "--no",
        no,
        "--unsure",
        "stress",
        "eyelid twitching after poor sleep, no numbness",
    ]);
    let asked = asked_ids(&v);
    for id in [
        "breathing",
        "stroke-signs",
        "dark-urine",
        "coffee",
        "weakness",
        "stress",
    ] {
        assert!(!asked.contains(id), "{id} asked again");
    }
    for r in v["recognized"].as_array().unwrap() {
        assert!(!asked.contains(r["id"].as_str().unwrap()), "{r} asked");
    }
}

#[test]
fn flags_repeat_and_split_on_commas() {
    let a = check(&["--yes", "coffee", "--yes", "poor-sleep", "eyelid twitching"]);
    let b = check(&["--yes", "coffee,poor-sleep", "eyelid twitching"]);
    assert_eq!(a, b);
}

#[test]
fn an_unknown_id_exits_2_with_did_you_mean() {
    let err =
        stderr_of_failure(twitchcheck().args(["check", "--json", "--yes", "cofee", "twitch"]));
    assert!(
        err.contains("cofee") && err.contains("did you mean 'coffee'"),
        "{err}"
    );
    let err = stderr_of_failure(twitchcheck().args(["check", "--no", "not-an-id", "twitch"]));
    assert!(err.contains("not-an-id"), "{err}");
    // Answering one id two ways is a usage error too.
    let err = stderr_of_failure(twitchcheck().args([
        "check", "--json", "--yes", "coffee", "--no", "coffee", "twitch",
    ]));
    assert!(err.contains("coffee"), "{err}");
}

#[test]
fn answers_work_without_the_check_subcommand() {
    let out = twitchcheck()
        .args(["--json", "--yes", "coffee", "eyelid", "twitching"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["suggestions"][0]["id"], "caffeine");
}

#[test]
fn an_interview_ends_within_ten_questions() {
    // A person who answers "no" to everything.
    let mut no: Vec<String> = Vec::new();
    for round in 0..=10 {
        let mut args = vec!["check".to_string(), "--json".to_string()];
        if !no.is_empty() {
            args.push("--no".into());
            args.push(no.join(","));
        }
        args.push("my legs cramp".into());
        let out = twitchcheck().args(&args).output().unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        if v["should_stop"] == true || v["questions"].as_array().unwrap().is_empty() {
            return;
        }
        assert!(round < 10, "still asking after 10 questions");
        let first = &v["questions"][0]["ids"];
        no.extend(
            first
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_str().unwrap().to_string()),
        );
    }
}

/// The ids of the first red-flag question with this `why` word, after "no" to
/// the emergency group.
fn urgent_ids(query: &str) -> Vec<String> {
    let emergencies: Vec<String> = check(&[query])["questions"][0]["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap().to_string())
        .collect();
    let v = check(&["--no", &emergencies.join(","), query]);
    let q = &v["questions"][0];
    assert_eq!(q["kind"], "red-flag", "{v}");
    assert!(q["why"].as_str().unwrap().contains("today"), "{q}");
    q["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_urgent_group_asks_what_fits_what_was_said() {
    let calf = urgent_ids("my calf keeps cramping");
    assert!(calf.contains(&"leg-swelling".to_string()), "{calf:?}");
    let eyelid = urgent_ids("my eyelid keeps twitching");
    assert!(!eyelid.contains(&"leg-swelling".to_string()), "{eyelid:?}");
    assert!(!eyelid.contains(&"pre-eclampsia".to_string()), "{eyelid:?}");
    // Weakness and wasting are asked for any twitching.
    for ids in [&calf, &eyelid] {
        assert!(ids.contains(&"weakness".to_string()), "{ids:?}");
        assert!(ids.contains(&"muscle-wasting".to_string()), "{ids:?}");
    }
}

#[test]
fn questions_use_the_plain_words_of_the_kb() {
    let v = check(&["my eyelid keeps twitching"]);
    let text = v["questions"][0]["text"].as_str().unwrap();
    assert!(
        text.contains("Dark brown, red or cola-coloured urine")
            || text.contains("dark brown, red or cola-coloured urine"),
        "{text}"
    );
    // A single finding question is the KB's second-person line.
    let all: Vec<String> = v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["ids"].as_array().unwrap().len() == 1)
        .map(|q| q["text"].as_str().unwrap().to_string())
        .collect();
    for t in &all {
        assert!(
            t.starts_with("Do")
                || t.starts_with("Are")
                || t.starts_with("Have")
                || t.starts_with("Is")
                || t.starts_with("Did")
                || t.starts_with("Does"),
            "{t}"
        );
    }
}

#[test]
fn a_red_flag_made_relevant_by_an_answer_heads_the_next_checklist() {
    // Every group asked and answered no; then a yes to pregnancy makes
    // pre-eclampsia worth asking although the urgent group is past.
    let first = check(&["calf cramps at night"]);
    let mut no: Vec<String> = Vec::new();
    let mut v = first;
    for _ in 0..3 {
        let q = &v["questions"][0];
        if q["kind"] != "red-flag" {
            break;
        }
        no.extend(
            q["ids"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_str().unwrap().to_string()),
        );
        v = check(&["--no", &no.join(","), "calf cramps at night"]);
    }
    assert!(!no.contains(&"pre-eclampsia".to_string()), "{no:?}");
    let v = check(&[
        "--no",
        &no.join(","),
        "--yes",
        "pregnancy",
        "calf cramps at night",
    ]);
    let ids = asked_ids(&v);
    assert!(ids.contains("pre-eclampsia"), "{v}");
    assert_eq!(v["questions"][0]["ids"][0], "pre-eclampsia", "{v}");
}

/// Every id asked in an interview where every answer is "no", in order.
fn all_no_interview(query: &str) -> Vec<String> {
    let mut no: Vec<String> = Vec::new();
    for _ in 0..10 {
        let v = if no.is_empty() {
            check(&[query])
        } else {
            check(&["--no", &no.join(","), query])
        };
        if v["should_stop"] == true {
            break;
        }
        let ids = v["questions"][0]["ids"].as_array().unwrap();
        no.extend(ids.iter().map(|i| i.as_str().unwrap().to_string()));
    }
    no
}

#[test]
fn later_checklists_reach_beyond_the_likeliest_causes() {
    // Low B12 and the thyroid are unlikely for "my legs twitch", but their risk
    // factors are still asked before the interview ends.
    let asked = all_no_interview("my legs twitch");
    for id in ["vegan-vegetarian", "thyroid-condition", "coffee"] {
        assert!(
            asked.contains(&id.to_string()),
            "{id} never asked: {asked:?}"
        );
    }
    // Nothing asked twice, and what a "no" red flag covers is not asked again in
    // other words (saddle numbness after cauda equina).
    let unique: BTreeSet<&String> = asked.iter().collect();
    assert_eq!(unique.len(), asked.len(), "{asked:?}");
    assert!(!asked.contains(&"saddle-bladder".to_string()), "{asked:?}");
}
