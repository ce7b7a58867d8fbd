//! Facts that span sentences, and whose facts they are (issue 9): a medicine or
//! an operation holds for the whole message about the same person; a sentence
//! that goes on about the last joins it; someone else's history stays theirs.
//! The wordings are written for these tests, not taken from any vignette set.

use crate::check_json;

/// The urgency and the fired red flags' ids of a query.
pub fn triage(query: &str) -> (String, Vec<String>) {
    let json = check_json(query);
    let flags = json["red_flags"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|f| f["id"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    (json["urgency"].as_str().unwrap_or("").to_string(), flags)
}

/// The urgencies, least urgent first.
const LEVELS: [&str; 4] = ["routine", "soon", "urgent", "emergency"];

fn level(urgency: &str) -> usize {
    LEVELS
        .iter()
        .position(|l| *l == urgency)
        .unwrap_or_else(|| panic!("unknown urgency {urgency}"))
}

/// Every query is answered at `want` or above (a red flag said some new way).
pub fn at_least(want: &str, queries: &[&str]) {
    let failed: Vec<String> = queries
        .iter()
        .map(|q| (q, triage(q).0))
        .filter(|(_, got)| level(got) < level(want))
        .map(|(q, got)| format!("{got} < {want}: {q}"))
        .collect();
    assert!(failed.is_empty(), "under-triaged:\n{}", failed.join("\n"));
}

/// Every query is answered at `most` or below (a look-alike that must stay calm).
pub fn at_most(most: &str, queries: &[&str]) {
    let failed: Vec<String> = queries
        .iter()
        .map(|q| (q, triage(q).0))
        .filter(|(_, got)| level(got) > level(most))
        .map(|(q, got)| format!("{got} > {most}: {q}"))
        .collect();
    assert!(failed.is_empty(), "over-triaged:\n{}", failed.join("\n"));
}

pub fn first_cause(query: &str) -> String {
    check_json(query)["suggestions"][0]["id"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[test]
fn a_medicine_said_in_one_sentence_combines_with_signs_in_the_next() {
    for q in [
        "My husband is on Priadel for his bipolar. Since Tuesday he has been throwing up and he is wobbling about like he's had a skinful.",
        "I take lithium. Two days of the runs now, and I'm unsteady on my feet.",
        "Been on omeprazole for years. This week my hands keep going into spasm.",
    ] {
        let (urgency, _) = triage(q);
        assert!(urgency == "urgent" || urgency == "emergency", "{q}: {urgency}");
    }
}

#[test]
fn someone_elses_medicine_does_not_make_the_writers_symptoms_a_red_flag() {
    let (urgency, flags) =
        triage("My flatmate takes lithium. I have had the runs since the curry last night.");
    assert!(
        !flags.contains(&"lithium-toxicity".to_string()),
        "{flags:?}"
    );
    assert_ne!(urgency, "urgent");
}

#[test]
fn tetany_after_neck_surgery_is_an_emergency_but_tingling_alone_is_urgent() {
    for q in [
        "Had a thyroidectomy on Friday. Today my fingers have gone stiff and bent inwards like a claw.",
        "my parathyroid op was last week and now my hands won't uncurl",
        "Dad had half his thyroid taken out 5 days ago. His hands are cramped into a weird shape and won't relax.",
    ] {
        assert_eq!(triage(q).0, "emergency", "{q}");
    }
    for q in [
        "pins and needles round my lips three days after thyroid surgery",
        "my fingers curled into a claw when I was hyperventilating in a panic attack",
    ] {
        assert_eq!(triage(q).0, "urgent", "{q}");
    }
}

#[test]
fn weight_lost_without_trying_and_treated_conditions_coming_back_need_a_gp() {
    for q in [
        "I've dropped nearly a stone without trying and now get cramps in my calves most nights",
        "weight dropping off me even though I'm eating normally, and my legs cramp",
        "On levothyroxine for my underactive thyroid. The old cramps and tiredness have come back again.",
        "I have MS and the spasms in my legs have got much worse this month",
    ] {
        assert_eq!(triage(q).0, "soon", "{q}");
    }
    // On a diet, weight loss is meant; a cramp that comes back is no relapse of anything.
    for q in [
        "lost a stone on my diet, happy about it, but calf cramps at night",
        "had calf cramps as a teenager and they've come back now I'm 40",
    ] {
        assert_eq!(triage(q).0, "routine", "{q}");
    }
}

#[test]
fn a_relatives_history_leaves_the_writers_own_symptoms() {
    // The relative's DVT is theirs; the writer's cramp is still ranked.
    let q = "my sister had a DVT in the spring so I'm nervous, but my calf cramp at night comes and goes and my leg looks totally normal";
    let (urgency, _) = triage(q);
    assert_eq!(urgency, "routine");
    assert!(
        !first_cause(q).is_empty(),
        "the writer's cramp must be ranked"
    );
    // A DVT of one's own years ago is history, not a duration of the cramps.
    assert_eq!(
        triage("I had a DVT ten years ago after a long flight. Now just ordinary night cramps in my calves, no swelling.").0,
        "routine"
    );
}

#[test]
fn writing_only_about_someone_else_is_asking_for_them() {
    // "Mum had" is her own surgery when the whole message is about her.
    let (urgency, flags) =
        triage("Mum had her thyroid out on Monday, her lips are tingling and she keeps getting pins and needles");
    assert_eq!(urgency, "urgent", "{flags:?}");
    // With a sentence about the writer, the relative's history stays theirs.
    assert_eq!(
        triage("My dad had his thyroid out years ago. I get an eyelid twitch when I'm tired.").0,
        "routine"
    );
}

#[test]
fn unexplained_aches_on_a_statin_are_checked_today() {
    // NHS: unexplained muscle pain, tenderness or weakness on a statin needs a
    // doctor or 111 straight away; the statin may be named in another sentence.
    for q in [
        "I'm on simvastatin. For a week my thighs have ached for no reason.",
        "Mum takes a cholesterol pill, her shoulders and arms are sore and tender",
        "rosuvastatin since march, muscles achy all over and a bit of twitching",
    ] {
        let (urgency, flags) = triage(q);
        assert!(
            urgency == "urgent" || urgency == "emergency",
            "{q}: {urgency}"
        );
        assert!(
            flags.contains(&"statin-muscle-pain".to_string()),
            "{q}: {flags:?}"
        );
    }
    // A statin with the odd night cramp and no aches, or aches denied, is routine.
    for q in [
        "on atorvastatin for years, odd calf cramp at night",
        "on a statin, no aches or pains, just an eyelid twitch when tired",
    ] {
        assert_eq!(triage(q).0, "routine", "{q}");
    }
}
