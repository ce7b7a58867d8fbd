//! Red-flag triage: a rule layer apart from the ranking, and always above it.
//!
//! A red flag fires when one of its phrases, or a finding tied to it, is recognized
//! and not negated. The overall urgency is the highest among fired red flags, else
//! routine. The see-a-doctor advice is always given, in every output mode.

use crate::kb::{KnowledgeBase, Urgency};
use crate::matcher::Hit;

/// Always shown, in every mode.
pub const DISCLAIMER: &str = "twitchcheck is educational only. It does not diagnose \
and is not a substitute for a doctor, nurse or pharmacist.";

/// The red flags the hits fire, most urgent first, then in knowledge-base order.
pub fn fired(kb: &KnowledgeBase, hits: &[Hit]) -> Vec<usize> {
    let mut flags: Vec<usize> = hits
        .iter()
        .filter(|h| !h.negated)
        .flat_map(|h| {
            let via_finding = h.target.finding.and_then(|f| kb.findings[f].red_flag);
            [h.target.red_flag, via_finding]
        })
        .flatten()
        .collect();
    flags.sort_by_key(|&r| (std::cmp::Reverse(kb.red_flags[r].urgency), r));
    flags.dedup();
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
