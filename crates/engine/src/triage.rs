//! Red-flag triage: a rule layer apart from the ranking, and always above it.
//!
//! Every red-flag decision is made here. A red flag fires when a mention asserted
//! present is one of its phrases or word sets, a finding tied to it, or a stated
//! duration at least as long as its `min_duration_days`. The overall urgency is
//! the highest among fired red flags, else routine. The see-a-doctor advice is
//! always given, in every output mode.

use crate::kb::{Family, KnowledgeBase, Urgency};
use crate::understand::{About, Assertion, Mention};

/// Always shown, in every mode.
pub const DISCLAIMER: &str =
    "twitchcheck is educational only and for adults. It does not diagnose \
and is not a substitute for a doctor, nurse or pharmacist.";

/// The red flag a stated duration of `days` of the symptom `of` fires: of the
/// flags it is long enough for and whose `duration_of` admits the symptom, the one
/// needing the longest duration (the first in KB order on a tie). A duration whose
/// symptom is unknown counts for every flag: the safe side.
pub fn duration_flag(kb: &KnowledgeBase, days: u32, of: Option<usize>) -> Option<usize> {
    kb.red_flags
        .iter()
        .enumerate()
        .filter(|(_, r)| match of {
            Some(f) => r.duration_of.is_empty() || r.duration_of.contains(&f),
            None => true,
        })
        .filter_map(|(i, r)| r.min_duration_days.map(|min| (i, min)))
        .filter(|&(_, min)| days >= min)
        .min_by_key(|&(i, min)| (std::cmp::Reverse(min), i))
        .map(|(i, _)| i)
}

/// The red flag a mention is about directly (its phrase or word set, or its
/// duration), whatever its assertion.
pub fn mentioned_flag(kb: &KnowledgeBase, mention: &Mention) -> Option<usize> {
    match mention.about {
        About::Entry(target) => target.red_flag,
        About::Duration(days, of) => duration_flag(kb, days, of),
        About::Cause(_) => None,
    }
}

/// The red flags the mentions fire, most urgent first, then in knowledge-base order.
pub fn fired(kb: &KnowledgeBase, mentions: &[Mention]) -> Vec<usize> {
    fired_answered(kb, mentions, &[], &[])
}

/// [`fired`], with the red flags that answers fired (`answered`, red-flag indices)
/// and the findings answered "yes" (`answered_findings`), which count for a red
/// flag's `unless`.
pub fn fired_answered(
    kb: &KnowledgeBase,
    mentions: &[Mention],
    answered: &[usize],
    answered_findings: &[usize],
) -> Vec<usize> {
    let reported: Vec<usize> = mentions
        .iter()
        .filter(|m| m.assertion.is_present())
        .filter_map(Mention::finding)
        .chain(answered_findings.iter().copied())
        .flat_map(|f| kb.ancestors(f))
        .collect();
    let mut flags: Vec<usize> = mentions
        .iter()
        .filter(|m| m.assertion.is_present())
        .flat_map(|m| {
            let via_finding = m.finding().and_then(|f| kb.findings[f].red_flag);
            [mentioned_flag(kb, m), via_finding]
        })
        .flatten()
        .chain(answered.iter().copied())
        .chain(places_flags(kb, mentions))
        .chain((0..kb.red_flags.len()).filter(|&r| {
            kb.red_flags[r]
                .findings_all
                .iter()
                .any(|set| set.iter().all(|f| reported.contains(f)))
        }))
        .filter(|&r| !kb.red_flags[r].unless.iter().any(|f| reported.contains(f)))
        .collect();
    // A sign that came on suddenly is worse than the same sign come on slowly:
    // weakness, numbness or a speech problem "since this morning" may be a stroke.
    let escalated: Vec<usize> = (0..kb.red_flags.len())
        .filter(|&e| {
            let r = &kb.red_flags[e];
            r.escalates.iter().any(|x| flags.contains(x))
                && r.with_findings.iter().any(|f| reported.contains(f))
        })
        .collect();
    flags.extend(escalated);
    flags.sort_by_key(|&r| (std::cmp::Reverse(kb.red_flags[r].urgency), r));
    flags.dedup();
    flags
}

/// The red flags fired by a finding of their `places_of` reported in two or more
/// separate places: body areas asserted present in different regions (an area's
/// broadest ancestor: calf and thigh are one leg, tongue and jaw one face) and not
/// said in overlapping words ("top of my shoulder" is read as neck and as arm: one
/// place); "all over" aside (it has its own pattern).
fn places_flags(kb: &KnowledgeBase, mentions: &[Mention]) -> Vec<usize> {
    let present: Vec<usize> = mentions
        .iter()
        .filter(|m| m.assertion.is_present())
        .filter_map(Mention::finding)
        .collect();
    let areas: Vec<(usize, Vec<&str>)> = mentions
        .iter()
        .filter(|m| m.assertion.is_present())
        .filter_map(|m| m.finding().map(|f| (f, m.text.split(' ').collect())))
        .filter(|&(f, _)| {
            kb.findings[f].family == Family::BodyArea && kb.findings[f].id != "whole-body"
        })
        .map(|(f, words)| (kb.ancestors(f).last().unwrap_or(f), words))
        .collect();
    let same_words = |a: &[&str], b: &[&str]| a.iter().any(|w| b.contains(w));
    let separate = areas
        .iter()
        .enumerate()
        .filter(|&(i, (_, words))| !areas[..i].iter().any(|(_, other)| same_words(words, other)))
        .map(|(_, (region, _))| *region)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    if separate < 2 {
        return Vec::new();
    }
    (0..kb.red_flags.len())
        .filter(|&r| {
            kb.red_flags[r]
                .places_of
                .iter()
                .any(|f| present.contains(f))
        })
        .collect()
}

/// The red flags mentioned only in the past, as a "what if" or as someone else's
/// (not negated, and not fired by another mention), with how they were mentioned,
/// most urgent first.
pub fn mentioned_only(
    kb: &KnowledgeBase,
    mentions: &[Mention],
    fired: &[usize],
) -> Vec<(usize, Assertion)> {
    let mut flags: Vec<(usize, Assertion)> = mentions
        .iter()
        .filter(|m| !m.assertion.is_present() && !m.assertion.is_negated())
        .flat_map(|m| {
            let via_finding = m.finding().and_then(|f| kb.findings[f].red_flag);
            [mentioned_flag(kb, m), via_finding]
                .into_iter()
                .flatten()
                .map(move |r| (r, m.assertion))
        })
        .filter(|(r, _)| !fired.contains(r))
        .collect();
    flags.sort_by_key(|&(r, _)| (std::cmp::Reverse(kb.red_flags[r].urgency), r));
    flags.dedup_by_key(|&mut (r, _)| r);
    flags
}

/// The highest urgency among the fired red flags.
pub fn urgency(kb: &KnowledgeBase, flags: &[usize]) -> Urgency {
    flags
        .iter()
        .map(|&r| kb.red_flags[r].urgency)
        .max()
        .unwrap_or(Urgency::Routine)
}
/// Whether the causes are secondary to a red flag: an urgent or emergency sign
/// needs help whatever its cause, and an everyday cause listed first could
/// wrongly reassure (review item I15).
pub fn causes_secondary(urgency: Urgency) -> bool {
    urgency >= Urgency::Urgent
}

/// What to do, for the overall urgency.
pub fn advice(urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Routine => {
            "Most twitches and cramps are harmless and settle on their own. See a doctor if \
             twitching lasts more than two weeks, spreads to other muscles, or comes with \
             weakness or numbness."
        }
        Urgency::Soon => {
            "Book a doctor's visit in the next few days to talk about the sign above. Seek help \
             sooner if weakness, trouble breathing or other new symptoms appear."
        }
        Urgency::Urgent => {
            "See a doctor today (your GP's same-day service, an urgent care centre or, out of \
             hours, a phone health service such as 111 in the UK). Do not wait for it to pass."
        }
        Urgency::Emergency => {
            "Call emergency services now (911 in the US, 999 in the UK, 112 in the EU), or go to \
             the nearest emergency department. Do not drive yourself."
        }
    }
}
