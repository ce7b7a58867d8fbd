//! A red flag that fires points to its cause (`causes` of a `[[red_flag]]`):
//! pre-eclampsia signs to pregnancy, a missed dialysis session to kidney
//! disease. The cause is raised as if the person had named it, so the answer
//! explains the sign it warns about. The wordings are written for these tests.

use crate::check_json;

/// The first `n` causes' ids of a query.
fn causes(query: &str, n: usize) -> Vec<String> {
    check_json(query)["suggestions"]
        .as_array()
        .expect("suggestions")
        .iter()
        .take(n)
        .map(|s| s["id"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn pre_eclampsia_signs_put_pregnancy_first() {
    for q in [
        "I'm 32 weeks pregnant with a pounding headache, blurry vision and my feet and face have swollen up, and my arms keep twitching",
        "29 weeks along, seeing sparkly lights and a bad headache, hands puffy, fingers twitching",
    ] {
        assert_eq!(causes(q, 1), ["pregnancy"], "{q}");
    }
}

#[test]
fn a_missed_dialysis_session_brings_kidney_disease_into_the_answer() {
    let q = "on dialysis, missed my session yesterday and my legs feel weak and twitchy";
    assert!(causes(q, 3).iter().any(|c| c == "kidney-disease"), "{q}");
}

#[test]
fn someone_elses_sign_points_nowhere_for_the_writer() {
    // The sister's pregnancy is hers; the writer's twitch is the coffee's.
    let q = "my sister is 34 weeks pregnant with a bad headache and a swollen face; I get eyelid twitches after my third coffee";
    assert_eq!(causes(q, 1), ["caffeine"], "{q}");
}
