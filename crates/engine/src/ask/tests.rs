//! Tests of the question choice and of `should_stop`.
use super::*;
use crate::Checker;

fn checker() -> Checker {
    Checker::new(crate::kb::load_embedded().unwrap())
}

fn answers(c: &Checker, yes: &str, no: &str) -> Answers {
    let split = |s: &str| -> Vec<String> {
        s.split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    Answers::parse(&c.kb, &split(yes), &split(no), &[]).unwrap()
}

#[test]
fn red_flags_come_first_most_urgent_first() {
    let c = checker();
    let r = c.check("my legs cramp", 5);
    let kinds: Vec<&str> = r.questions.iter().map(|q| q.kind).collect();
    assert_eq!(&kinds[..3], ["red-flag"; 3]);
    let urgency = |q: &Question| c.kb.red_flags[c.kb.red_flag(q.ids[0]).unwrap()].urgency;
    assert_eq!(urgency(&r.questions[0]), Urgency::Emergency);
    assert_eq!(urgency(&r.questions[1]), Urgency::Urgent);
    assert_eq!(urgency(&r.questions[2]), Urgency::Soon);
    assert!(!r.should_stop);
}

#[test]
fn groups_at_or_below_the_urgency_reached_are_not_asked() {
    let c = checker();
    let r = c.check_answered("my legs cramp", 5, &answers(&c, "weakness", ""));
    assert_eq!(r.urgency, Urgency::Urgent);
    assert_eq!(r.questions[0].kind, "red-flag");
    let first = c.kb.red_flag(r.questions[0].ids[0]).unwrap();
    assert_eq!(c.kb.red_flags[first].urgency, Urgency::Emergency);
    assert_eq!(
        r.questions.iter().filter(|q| q.kind == "red-flag").count(),
        1
    );
}

#[test]
fn after_the_red_flags_the_findings_that_separate_the_causes() {
    let c = checker();
    let no_flags: Vec<&str> =
        c.kb.red_flags
            .iter()
            .filter(|r| r.urgency > Urgency::Routine)
            .map(|r| r.id.as_ref())
            .collect();
    let r = c.check_answered("eyelid twitching", 5, &answers(&c, "", &no_flags.join(",")));
    let q = &r.questions[0];
    assert_eq!(q.kind, "finding");
    assert!(q.ids.contains(&"coffee"), "{q:?}");
    assert!(!q.why.is_empty());
}

#[test]
fn never_asks_what_was_said_or_answered() {
    let c = checker();
    let r = c.check_answered(
        "eyelid twitching after coffee, no numbness",
        5,
        &answers(&c, "breathing", "stress"),
    );
    let asked: Vec<&str> = r.questions.iter().flat_map(|q| q.ids.clone()).collect();
    for id in [
        "coffee",
        "numbness",
        "breathing",
        "stress",
        "eyelid",
        "twitching",
    ] {
        assert!(!asked.contains(&id), "{id} asked again");
    }
}

#[test]
fn a_no_lowers_the_causes_the_finding_supports() {
    let c = checker();
    let score = |r: &crate::Report, id: &str| {
        r.suggestions
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.score)
            .unwrap()
    };
    let before = c.check("eyelid twitching, poor sleep", 30);
    let after = c.check_answered(
        "eyelid twitching, poor sleep",
        30,
        &answers(&c, "", "coffee"),
    );
    assert!(score(&after, "caffeine") < score(&before, "caffeine"));
}

#[test]
fn stops_when_confident_or_after_ten_questions() {
    let c = checker();
    // Every red flag answered no, and three checklists' worth of findings.
    let flags: Vec<&str> = c.kb.red_flags.iter().map(|r| r.id.as_ref()).collect();
    let three: Vec<&str> =
        c.kb.findings
            .iter()
            .filter(|f| c.kb.red_flag(&f.id).is_none())
            .map(|f| f.id.as_ref())
            .take(MAX_CHECKLISTS * CHECKLIST)
            .collect();
    let mut no = flags.clone();
    no.extend(&three);
    let r = c.check_answered("calf cramps at night", 5, &answers(&c, "", &no.join(",")));
    assert!(r.should_stop, "{:?}", r.questions);
    let r = c.check_answered(
        "calf cramps at night",
        5,
        &answers(&c, "", &flags.join(",")),
    );
    assert!(!r.should_stop);
    // Ten questions asked: nothing more is. (Checklists of 12 run out of
    // findings before ten questions, so the state is built directly.)
    let closed = Closed::new(&c.kb);
    let state = State {
        present: &[],
        negated: &[],
        unticked: &[],
        named: &[],
        pointed: &[],
        fired: &[],
        urgency: Urgency::Routine,
        closed: &closed,
        answered_flags: &[],
        asked: MAX_QUESTIONS,
        findings_asked: 0,
    };
    let (questions, stop) = next(&c.kb, &Ranker::new(&c.kb), &state);
    assert!(stop && questions.is_empty());
    // Every red flag and every finding answered: nothing is left to ask.
    let everything: Vec<&str> = flags
        .iter()
        .copied()
        .chain(c.kb.findings.iter().map(|f| f.id.as_ref()))
        .collect();
    let all = answers(&c, "", &everything.join(","));
    let r = c.check_answered("twitching", 5, &all);
    assert!(r.should_stop && r.questions.is_empty(), "{:?}", r.questions);
}

#[test]
fn unknown_ids_get_a_suggestion_and_conflicts_are_refused() {
    let c = checker();
    let err = Answers::parse(&c.kb, &["cofee".into()], &[], &[]).unwrap_err();
    assert!(err.to_string().contains("did you mean 'coffee'"), "{err}");
    let err = Answers::parse(&c.kb, &["coffee".into()], &["coffee".into()], &[]).unwrap_err();
    assert_eq!(
        err,
        AnswerError::Conflict {
            id: "coffee".into()
        }
    );
}

#[test]
fn entropy_is_largest_for_a_uniform_distribution() {
    assert!(entropy(&[0.25; 4]) > entropy(&[0.7, 0.1, 0.1, 0.1]));
    assert_eq!(entropy(&[1.0, 0.0]), 0.0);
}
