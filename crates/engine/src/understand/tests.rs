//! Unit tests of understanding as a whole (the test KB in tests/fixtures/mini.toml).

use super::*;
use typos::typo_limit;

fn understander() -> (KnowledgeBase, Understander) {
    let kb = crate::kb::load_text(include_str!("../../../../tests/fixtures/mini.toml")).unwrap();
    let u = Understander::new(&kb);
    (kb, u)
}

/// (finding or red-flag id, negated, corrected) for each mention; a duration
/// is named by the red flag triage gives it.
fn hits(query: &str) -> Vec<(String, bool, bool)> {
    let (kb, u) = understander();
    u.understand(query)
        .mentions
        .into_iter()
        .map(|h| {
            let target = match h.about {
                About::Entry(t) => t,
                About::Duration(days, of) => Target {
                    finding: None,
                    red_flag: crate::triage::duration_flag(&kb, days, of),
                },
                About::Cause(_) => Target::default(),
            };
            let id = match (target.finding, target.red_flag) {
                (Some(f), _) => kb.findings[f].id.to_string(),
                (None, Some(r)) => kb.red_flags[r].id.to_string(),
                // A duration too short to fire anything.
                _ => "duration".to_string(),
            };
            (id, h.assertion.is_negated(), h.corrected)
        })
        .collect()
}

fn ids(query: &str) -> Vec<String> {
    hits(query).into_iter().map(|h| h.0).collect()
}

#[test]
fn exact_words_and_word_forms() {
    assert_eq!(ids("Calf twitches"), ["calf", "twitching"]);
    assert_eq!(ids("twitching calves"), ["twitching", "calf"]);
    assert_eq!(ids("twitchy"), ["twitching"]);
}

#[test]
fn longest_phrase_wins() {
    // "drinking lots of water" is one finding, not "water" plus noise.
    assert_eq!(ids("I keep drinking lots of water"), ["water-intake"]);
    // "drink" alone is nothing.
    assert!(ids("I drink").is_empty());
    assert_eq!(
        ids("muscle weakness"),
        ["breathing"; 0]
            .iter()
            .map(|s: &&str| s.to_string())
            .chain(["weakness".to_string()])
            .collect::<Vec<_>>()
    );
}

#[test]
fn phrases_do_not_cross_clauses() {
    assert_eq!(ids("energy, drink"), Vec::<String>::new());
    assert_eq!(ids("energy drink"), ["coffee"]);
}

#[test]
fn typos_are_corrected_by_length() {
    assert_eq!(hits("twiching"), [("twitching".to_string(), false, true)]);
    assert_eq!(hits("numbnes"), [("numbness".to_string(), false, true)]);
    assert_eq!(hits("tingeling"), [("numbness".to_string(), false, true)]);
    // Short words are never corrected, and real words never are.
    assert!(ids("cafe").is_empty());
    assert!(
        ids("switch").is_empty(),
        "switch is a real word, not a typo of twitch"
    );
    assert_eq!(typo_limit(4), 0);
    assert_eq!(typo_limit(5), 1);
    assert_eq!(typo_limit(8), 2);
}

/// Issue 13: typo work per query is bounded. Past MAX_TYPO_SEARCHES distinct
/// unknown words, no more are searched; repeated words and known words cost
/// nothing, and a typo among the first words is still corrected.
#[test]
fn typo_work_per_query_is_bounded() {
    // Distinct made-up words of six letters that correct to nothing.
    let nonsense: Vec<String> = (0..super::MAX_TYPO_SEARCHES)
        .map(|i| {
            let mut n = i;
            (0..6)
                .map(|_| {
                    let c = (b'q' + (n % 8) as u8) as char;
                    n /= 8;
                    c
                })
                .collect()
        })
        .collect();
    let query = format!("twiching {} twiching numbnes", nonsense.join(" "));
    let found = hits(&query);
    assert!(found.contains(&("twitching".to_string(), false, true)));
    assert!(
        !found.iter().any(|h| h.0 == "numbness"),
        "the budget is spent before the last word: {found:?}"
    );
    // The same words repeated take one search each, so a typo after them is fixed.
    let repeated = format!(
        "{} numbnes",
        format!("{} ", nonsense[..10].join(" ")).repeat(500)
    );
    assert!(hits(&repeated).contains(&("numbness".to_string(), false, true)));
}

#[test]
fn negation_reaches_a_list_but_not_the_next_clause() {
    assert_eq!(
        hits("calf cramps but no numbness or weakness"),
        [
            ("calf".to_string(), false, false),
            ("numbness".to_string(), true, false),
            ("weakness".to_string(), true, false),
        ]
    );
    assert_eq!(
        hits("no fever but my leg feels weakness"),
        [
            ("leg".to_string(), false, false),
            ("weakness".to_string(), false, false)
        ]
    );
    assert_eq!(
        hits("without any sign of tingling"),
        [("numbness".to_string(), true, false)]
    );
    // "numbness" and "tingling" are one finding: one mention, one verdict.
    assert_eq!(
        hits("no numbness, tingling or weakness"),
        [
            ("numbness".to_string(), true, false),
            ("weakness".to_string(), true, false)
        ]
    );
    // A comma that does not continue a list ends the negation.
    assert_eq!(
        hits("no fever, leg weakness"),
        [
            ("leg".to_string(), false, false),
            ("weakness".to_string(), false, false)
        ]
    );
    // A list runs over its items whatever they are (ConText's scope, issue
    // 13: "no headache, fever or trouble breathing"), until a new statement.
    assert_eq!(
        hits("no fever and weakness")[0],
        ("weakness".to_string(), true, false)
    );
    assert_eq!(
        hits("no fever and my leg is weak, weakness")[0],
        ("leg".to_string(), false, false)
    );
}

#[test]
fn stated_durations_fire_duration_red_flags() {
    for q in [
        "twitching for 3 weeks",
        "calf twitch for two months",
        "twitch for over a month",
        "a couple of weeks of twitching",
    ] {
        assert!(ids(q).contains(&"persistent".to_string()), "{q}");
    }
    for q in [
        "twitching for 3 days",
        "twitch for a week",
        "calf twitch 10 days",
    ] {
        assert!(!ids(q).contains(&"persistent".to_string()), "{q}");
    }
    // A phrase that already covers the words wins; no double hit.
    assert_eq!(ids("twitch for weeks"), ["twitching", "persistent"]);
}

#[test]
fn together_sets_fire_across_gaps_within_a_clause() {
    assert_eq!(ids("my urine looks like cola"), ["dark-urine"]);
    assert_eq!(ids("pee came out brown"), ["dark-urine"]);
    assert!(
        ids("cola to drink. urine fine").is_empty(),
        "not across clauses"
    );
    assert_eq!(
        hits("no cola colored urine"),
        [("dark-urine".to_string(), true, false)]
    );
    // Already fired by a phrase: not reported twice.
    assert_eq!(ids("dark urine like cola"), ["dark-urine"]);
    // Findings have sets too; a set's own negation word is part of it.
    assert_eq!(
        hits("I hardly get any sun"),
        [("little-sun".to_string(), false, false)]
    );
    assert_eq!(
        hits("there is no sun here"),
        [("little-sun".to_string(), false, false)]
    );
    assert_eq!(
        hits("not that I hardly see the sun"),
        [("little-sun".to_string(), true, false)]
    );
}

/// A negated list's filler words are not unrecognized words.
#[test]
fn filler_words_of_a_negated_list_are_not_unrecognized() {
    let (_, u) = understander();
    let found = u.understand("calf twitching, no sign of weakness");
    assert!(found.unrecognized.is_empty(), "{:?}", found.unrecognized);
    // A negation that reaches no mention leaves its words as they were.
    let found = u.understand("no sign of wobbling");
    assert_eq!(found.unrecognized, ["sign", "wobbling"]);
}

#[test]
fn unrecognized_words_are_reported_without_function_words() {
    let (_, u) = understander();
    let found = u.understand("my calf is wobbling after the party");
    assert_eq!(found.unrecognized, ["wobbling", "party"]);
}

#[test]
fn the_word_map_keeps_distinct_words_apart() {
    let mut map: super::WordMap<String, usize> = super::WordMap::default();
    for i in 0..5_000 {
        map.insert(format!("w{i}"), i);
    }
    map.insert(String::new(), 9);
    assert_eq!(map.len(), 5_001);
    assert!((0..5_000).all(|i| map[&format!("w{i}")] == i));
    assert_eq!(map[""], 9);
}
