//! Follow-up questions: which finding or red flag to ask about next, and when to stop.
//!
//! Answers enter as evidence like text does ([`Answers`]): a `yes` reports a
//! finding (and fires its red flag) or fires a red flag, a `no` records a finding
//! as absent (lowering the causes it supports) or a red flag as answered, a
//! `not sure` records only that it was asked.
//!
//! The order, as NHS 111 asks: red flags first, grouped by urgency so that the
//! interview stays quick (one "any of these right now?" question for the
//! emergencies, one for the urgent signs, one for the `soon` ones), and only the
//! groups above the urgency already reached. Then the finding whose answer is
//! expected to tell the most about the cause: the expected reduction in entropy of
//! the distribution over causes, computed from the ranker's own likelihoods
//! (P(finding | cause) and the causes' priors). Nothing said in the query (whatever
//! its assertion) or already answered is asked again.
//!
//! `should_stop` is true when no red-flag group is left and no single answer
//! could change the top cause, when nothing left is worth asking, or after
//! [`MAX_QUESTIONS`] questions.

use crate::kb::{Asked, Family, KnowledgeBase, Urgency};
use crate::rank::{counted_evidence, Ranker, UNTICKED};
use crate::report::Question;

mod answers;

pub use answers::{Answer, AnswerError, Answers, Reply};

/// The most questions an interview asks in all.
pub const MAX_QUESTIONS: usize = 10;

/// How many findings one checklist question asks about.
pub const CHECKLIST: usize = 12;

/// At most this many checklists are asked.
pub const MAX_CHECKLISTS: usize = 3;

/// The interview stops asking about findings once the top cause has this share
/// of the ranker's distribution.
pub const CONFIDENT: f64 = 0.9;

/// How many finding questions the list offers after the red-flag groups.
const FINDING_QUESTIONS: usize = 3;

/// How well a finding must single out a cause to be asked for it.
const MIN_SCORE: f64 = 0.05;

/// Expected information gain (nats) below which a finding is not worth asking.
const MIN_GAIN: f64 = 0.01;

/// What is known when choosing the next question.
pub struct State<'a> {
    /// Findings reported present (by text or answer) and absent.
    pub present: &'a [usize],
    pub negated: &'a [usize],
    /// Findings answered "no" (weaker than a stated negation; see [`crate::rank::UNTICKED`]).
    pub unticked: &'a [usize],
    /// Causes the person named, and those fired red flags point to.
    pub named: &'a [usize],
    pub pointed: &'a [usize],
    /// Red flags fired (by text or answer), and the urgency they reach.
    pub fired: &'a [usize],
    pub urgency: Urgency,
    /// Ids never to ask: every id the query mentions, whatever its assertion, and
    /// every answered id.
    pub closed: &'a Closed,
    /// Red flags answered, whatever the answer.
    pub answered_flags: &'a [usize],
    /// Questions asked so far, and how many of them were about findings.
    pub asked: usize,
    pub findings_asked: usize,
}

/// A set of finding and red-flag ids, kept as one flag per finding and one per
/// red flag: an id is in it when the finding or red flag with that id is (an id
/// both tables share marks both). What a set of id strings would answer for
/// every KB id, without comparing strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Closed {
    findings: Vec<bool>,
    flags: Vec<bool>,
}

impl Closed {
    /// The empty set for `kb`.
    pub fn new(kb: &KnowledgeBase) -> Self {
        Closed {
            findings: vec![false; kb.findings.len()],
            flags: vec![false; kb.red_flags.len()],
        }
    }

    /// Adds one id, given the finding and the red flag that have it (as
    /// `kb.finding(id)` and `kb.red_flag(id)` give them).
    pub fn insert(&mut self, finding: Option<usize>, flag: Option<usize>) {
        if let Some(f) = finding {
            self.findings[f] = true;
        }
        if let Some(r) = flag {
            self.flags[r] = true;
        }
    }

    /// Adds an id by its text; an id of neither table changes nothing.
    pub fn insert_id(&mut self, kb: &KnowledgeBase, id: &str) {
        self.insert(kb.finding(id), kb.red_flag(id));
    }

    /// Whether finding `f`'s id is in the set.
    pub fn finding(&self, f: usize) -> bool {
        self.findings.get(f).copied().unwrap_or(false)
    }

    /// Whether red flag `r`'s id is in the set.
    pub fn flag(&self, r: usize) -> bool {
        self.flags.get(r).copied().unwrap_or(false)
    }
}

/// What choosing questions reads of the knowledge base on every query, worked
/// out once per knowledge base (see [`Ranker::ask_tables`]).
#[derive(Debug, Clone)]
pub struct Tables {
    /// Per finding, whether a red flag has its id.
    is_flag: Vec<bool>,
    /// Per finding and per red flag, [`short`] of its id with [`lower_first`]:
    /// the words a checklist shows.
    finding_short: Vec<String>,
    flag_short: Vec<String>,
    /// Per finding and per cause, the name with [`lower_first`].
    finding_name: Vec<String>,
    cause_name: Vec<String>,
}

impl Tables {
    pub(crate) fn new(kb: &KnowledgeBase, ranker: &Ranker) -> Self {
        Tables {
            is_flag: (0..kb.findings.len())
                .map(|f| ranker.same_id_flag(kb, f).is_some())
                .collect(),
            finding_short: (0..kb.findings.len())
                .map(|f| lower_first(finding_short(kb, ranker, f)))
                .collect(),
            flag_short: (0..kb.red_flags.len())
                .map(|r| lower_first(flag_short(kb, ranker, r)))
                .collect(),
            finding_name: kb.findings.iter().map(|f| lower_first(&f.name)).collect(),
            cause_name: kb.causes.iter().map(|c| lower_first(&c.name)).collect(),
        }
    }
}

/// A set of findings, one flag a finding.
struct FindingSet {
    has: Vec<bool>,
    empty: bool,
}

impl FindingSet {
    /// The findings `present` reports, with their ancestors.
    fn said(kb: &KnowledgeBase, present: &[usize]) -> Self {
        let mut has = vec![false; kb.findings.len()];
        for &f in present {
            for a in kb.ancestors(f) {
                has[a] = true;
            }
        }
        FindingSet {
            has,
            empty: present.is_empty(),
        }
    }

    fn contains(&self, f: usize) -> bool {
        self.has[f]
    }
}

/// The texts of `lead`, then `parts` joined with `sep`, then `tail`: what
/// `format!` of `join` gives, in one allocation.
fn joined<'s>(
    lead: &[&str],
    parts: impl Iterator<Item = &'s str> + Clone,
    sep: &str,
    tail: &str,
) -> String {
    let len = parts.clone().map(|p| p.len() + sep.len()).sum::<usize>()
        + lead.iter().map(|l| l.len()).sum::<usize>()
        + tail.len();
    let mut out = String::with_capacity(len);
    for l in lead {
        out.push_str(l);
    }
    for (i, p) in parts.enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    out.push_str(tail);
    out
}

/// P(finding | cause) for some findings and every cause, as the ranker's
/// tables hold them: the choice reads each many times (the entropy of both
/// answers, then how well it singles out each leading cause), and a lookup by
/// cause is a binary search.
struct Likelihoods<'r> {
    findings: Vec<usize>,
    causes: usize,
    /// Row `i` is `findings[i]`'s likelihood under each cause, in cause order.
    rows: Vec<&'r [f64]>,
}

impl<'r> Likelihoods<'r> {
    fn new(ranker: &'r Ranker, findings: Vec<usize>, causes: usize) -> Self {
        let rows: Vec<&[f64]> = findings
            .iter()
            .map(|&f| ranker.likelihood_table(f).0)
            .collect();
        debug_assert!(rows.iter().all(|r| r.len() == causes), "a row a finding");
        Likelihoods {
            findings,
            causes,
            rows,
        }
    }

    fn row(&self, i: usize) -> &'r [f64] {
        self.rows[i]
    }

    /// P(yes) to finding `i` under the distribution `prior`.
    fn predictive(&self, i: usize, prior: &[f64]) -> f64 {
        let row = self.row(i);
        (0..prior.len()).map(|c| prior[c] * row[c]).sum()
    }

    /// [`Likelihoods::predictive`] of every finding, in order. Four findings
    /// are summed side by side, each still cause by cause from the first, so
    /// each sum is the same to the last bit while the four additions overlap
    /// (one running sum waits for each addition before the next).
    fn predictives(&self, prior: &[f64]) -> Vec<f64> {
        let n = self.findings.len();
        let mut out = Vec::with_capacity(n);
        let mut quads = self.rows.chunks_exact(4);
        for quad in &mut quads {
            let rows = [
                &quad[0][..prior.len()],
                &quad[1][..prior.len()],
                &quad[2][..prior.len()],
                &quad[3][..prior.len()],
            ];
            // -0.0, as `Sum` for f64 starts (the terms are never below zero,
            // so the first addition gives the first term either way).
            let mut sum = [-0.0f64; 4];
            for (c, &p) in prior.iter().enumerate() {
                for j in 0..4 {
                    sum[j] += p * rows[j][c];
                }
            }
            out.extend_from_slice(&sum);
        }
        let done = out.len();
        out.extend((done..n).map(|i| self.predictive(i, prior)));
        out
    }
}

/// The questions worth asking next, most useful first, and whether to stop.
pub fn next<'kb>(
    kb: &'kb KnowledgeBase,
    ranker: &Ranker,
    state: &State,
) -> (Vec<Question<'kb>>, bool) {
    if state.asked >= MAX_QUESTIONS {
        return (Vec::new(), true);
    }
    let tables = ranker.ask_tables(kb);
    let said = FindingSet::said(kb, state.present);
    let (mut questions, late) = red_flag_groups(kb, tables, state, &said);
    let flags_left = !questions.is_empty() || !late.is_empty();

    let prior = posterior(kb, ranker, state);
    let top = argmax(&prior);
    let h = entropy(&prior);
    let top_p = top.map_or(0.0, |c| prior[c]);
    let open = Likelihoods::new(
        ranker,
        candidates(kb, ranker, tables, state, &said).collect(),
        prior.len(),
    );
    let log_prior: Vec<f64> = prior.iter().map(|p| p.ln()).collect();
    let predictives = open.predictives(&prior);
    // Whether an answer could change the top cause is read only when no
    // checklist is left (see `more_findings`), so it is worked out only then.
    let mut scored: Vec<(f64, usize, usize)> = Vec::with_capacity(open.findings.len());
    for (i, &f) in open.findings.iter().enumerate() {
        let row = open.row(i);
        let p_yes = predictives[i];
        let (_, log_yes, log_no) = ranker.likelihood_table(f);
        let (h_yes, h_no) = entropies_of_answers(&prior, row, &log_prior, log_yes, log_no);
        let gain = h - p_yes * h_yes - (1.0 - p_yes) * h_no;
        if gain > MIN_GAIN {
            scored.push((gain, f, i));
        }
    }
    // Only the first few are asked (`any_flip` reads them all, in any order):
    // they are picked out, then sorted. The order is total (no two have the
    // same finding), so they are those a full sort puts first.
    let by_gain =
        |a: &(f64, usize, usize), b: &(f64, usize, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if scored.len() > FINDING_QUESTIONS {
        scored.select_nth_unstable_by(FINDING_QUESTIONS - 1, by_gain);
    }
    let best = scored.len().min(FINDING_QUESTIONS);
    scored[..best].sort_by(by_gain);
    let list = checklist(kb, ranker, &open, &predictives, state, &prior, CHECKLIST);
    let any_flip = || {
        scored.iter().any(|&(_, _, i)| {
            let row = open.row(i);
            argmax_of_product(&prior, row, |p| p) != top
                || argmax_of_product(&prior, row, |p| 1.0 - p) != top
        })
    };
    let more_findings = (list.is_some() || any_flip())
        && top_p < CONFIDENT
        && state.findings_asked < MAX_CHECKLISTS * CHECKLIST;
    // Late red flags ride on top of a full checklist, so that the number of
    // checklists asked can still be counted from the findings answered; when no
    // more findings are worth asking they are asked alone.
    let list = list.filter(|_| more_findings || late.is_empty());
    questions.extend(with_late_flags(kb, tables, list, &late));
    questions.extend(
        scored
            .iter()
            .take(FINDING_QUESTIONS)
            .map(|&(_, f, _)| finding_question(kb, ranker, tables, &prior, f)),
    );
    let should_stop = questions.is_empty() || (!flags_left && !more_findings);
    (questions, should_stop)
}

/// How well finding `f` singles out cause `c`, given its likelihoods and
/// P(yes): P(f | c) times the log of how much likelier f is under c than
/// under the current distribution.
/// Not p (ln p - ln predictive) with ln p cached: that differs in the last
/// bits and broke a near-tie between two findings differently (measured).
fn single_out(p: f64, predictive: f64) -> f64 {
    p * (p / predictive.max(1e-12)).ln()
}

/// [`single_out`] for every finding of `table` (rows) and every cause, under
/// the distribution `prior`. A row is the finding's leak but for the causes it
/// is linked to, so the leak's score is worked out once a row and copied, and
/// each distinct linked likelihood's once: the
/// values are those [`single_out`] gives cell by cell, to the last bit.
/// `predictives` are [`Likelihoods::predictives`] of `table` under the distribution.
fn single_out_table(ranker: &Ranker, table: &Likelihoods, predictives: &[f64]) -> Vec<f64> {
    let mut scores = Vec::with_capacity(table.findings.len() * table.causes);
    for (i, &f) in table.findings.iter().enumerate() {
        let predictive = predictives[i];
        let (linked, leak) = ranker.sparse_likelihoods(f);
        let start = scores.len();
        scores.resize(start + table.causes, single_out(leak, predictive));
        // Linked cells share a few frequencies: each distinct one costs one
        // logarithm.
        let mut seen: [(u64, f64); 8] = [(0, 0.0); 8];
        let mut n = 0;
        for &(c, p) in linked {
            let bits = p.to_bits();
            scores[start + c] = match seen[..n].iter().find(|e| e.0 == bits) {
                Some(&(_, v)) => v,
                None => {
                    let v = single_out(p, predictive);
                    if n < seen.len() {
                        seen[n] = (bits, v);
                        n += 1;
                    }
                    v
                }
            };
        }
    }
    scores
}

/// A checklist of the findings that best single out each of the leading causes,
/// one per cause, most likely cause first.
fn checklist<'kb>(
    kb: &'kb KnowledgeBase,
    ranker: &Ranker,
    table: &Likelihoods,
    predictives: &[f64],
    state: &State,
    prior: &[f64],
    k: usize,
) -> Option<Question<'kb>> {
    let tables = ranker.ask_tables(kb);
    let open = &table.findings;
    // Causes by the posterior, each divided by one plus the number of findings
    // (not red flags) already said or answered that single it out: a cause that
    // earlier checklists probed gives way to one not yet asked about, so that the
    // checklists reach beyond the few likeliest causes (a vegan diet for low B12).
    let probed: Vec<usize> = (0..kb.findings.len())
        .filter(|&f| state.closed.finding(f))
        .filter(|&f| kb.findings[f].family != Family::BodyArea)
        .filter(|&f| !tables.is_flag[f])
        .collect();
    let probed = Likelihoods::new(ranker, probed, prior.len());
    let probed_scores = single_out_table(ranker, &probed, &probed.predictives(prior));
    let weight: Vec<f64> = (0..prior.len())
        .map(|c| {
            let times = (0..probed.findings.len())
                .filter(|&i| probed_scores[i * probed.causes + c] > MIN_SCORE);
            prior[c] / (1.0 + times.count() as f64)
        })
        .collect();
    let mut causes: Vec<usize> = (0..prior.len()).collect();
    causes.sort_by(|&a, &b| weight[b].total_cmp(&weight[a]).then(a.cmp(&b)));
    let mut chosen: Vec<usize> = Vec::new();
    let mut for_causes: Vec<usize> = Vec::new();
    // Only findings that are not also red flags count towards `k`: those are the
    // ones `Answers::findings_asked` counts (see the note below).
    let is_flag = &tables.is_flag;
    // Which of `open` are chosen, and how many chosen are not red flags.
    let mut taken = vec![false; open.len()];
    let mut pure = 0;
    // How well finding `open[i]` singles out cause `c`, for every pair at once:
    // the loops below read each pair several times.
    let scores = single_out_table(ranker, table, predictives);
    let score = |i: usize, c: usize| scores[i * table.causes + c];
    // The findings that single out each cause by more than MIN_SCORE, by
    // cause (`good[starts[c]..starts[c + 1]]`): the only ones the loop below
    // may choose for it. The best of them does not depend on their order (no
    // two have the same finding), so it is the one a pass over all would find.
    // Row by row, in cell order: a row's cells for causes its finding is not
    // linked to all hold its leak's score, so they are read only when that
    // clears MIN_SCORE; else only the linked cells (sorted by cause) can.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, &f) in open.iter().enumerate() {
        let row = &scores[i * table.causes..(i + 1) * table.causes];
        let (linked, _) = ranker.sparse_likelihoods(f);
        let linked_only = (0..table.causes)
            .find(|&c| linked.binary_search_by_key(&c, |cell| cell.0).is_err())
            .is_none_or(|c| row[c] <= MIN_SCORE || row[c].is_nan());
        if linked_only {
            let good = linked.iter().filter(|&&(c, _)| row[c] > MIN_SCORE);
            pairs.extend(good.map(|&(c, _)| (c, i)));
        } else {
            let good = (0..table.causes).filter(|&c| row[c] > MIN_SCORE);
            pairs.extend(good.map(|c| (c, i)));
        }
    }
    let mut starts = vec![0; table.causes + 1];
    for &(c, _) in &pairs {
        starts[c + 1] += 1;
    }
    for c in 0..table.causes {
        starts[c + 1] += starts[c];
    }
    let mut good = vec![0; pairs.len()];
    let mut next_slot = starts.clone();
    for &(c, i) in &pairs {
        good[next_slot[c]] = i;
        next_slot[c] += 1;
    }
    // One finding per cause, most likely cause first; again while room is left.
    loop {
        let before = chosen.len();
        for &c in &causes {
            if pure >= k {
                break;
            }
            let best = good[starts[c]..starts[c + 1]]
                .iter()
                .copied()
                .filter(|&i| !taken[i])
                .map(|i| (score(i, c), open[i], i))
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
            if let Some((_, f, i)) = best {
                chosen.push(f);
                taken[i] = true;
                pure += usize::from(!is_flag[f]);
                for_causes.push(c);
            }
        }
        if pure >= k || chosen.len() == before {
            break;
        }
    }
    // A checklist always has `k` findings that are not red flags while any are
    // left, so the number of checklists asked can be counted from the answers alone.
    let mut rest: Vec<(f64, usize)> = (0..open.len())
        .filter(|_| pure < k)
        .filter(|&i| !taken[i])
        .map(|i| {
            let best = causes
                .iter()
                .map(|&c| score(i, c))
                .fold(f64::NEG_INFINITY, f64::max);
            (best, open[i])
        })
        .collect();
    rest.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, f) in rest {
        if pure >= k {
            break;
        }
        if !is_flag[f] {
            chosen.push(f);
            pure += 1;
        }
    }
    if chosen.is_empty() {
        return None;
    }
    let names = chosen.iter().map(|&f| tables.finding_short[f].as_str());
    let causes = for_causes
        .iter()
        .take(3)
        .map(|&c| tables.cause_name[c].as_str());
    Some(Question {
        ids: chosen.iter().map(|&f| kb.findings[f].id.as_ref()).collect(),
        text: joined(&["Do any of these apply to you: "], names, "; ", "?"),
        kind: "finding",
        why: joined(&["separates the likeliest causes: "], causes, ", ", ""),
    })
}

/// One question per urgency above the one reached, most urgent first, over the
/// relevant red flags not yet fired, said or answered; and the "late" ones: red
/// flags that became relevant through an answer after their group was asked
/// (pre-eclampsia once a person says they are pregnant), which ride at the head
/// of the next checklist instead of costing a question of their own.
fn red_flag_groups<'kb>(
    kb: &'kb KnowledgeBase,
    tables: &Tables,
    state: &State,
    said: &FindingSet,
) -> (Vec<Question<'kb>>, Vec<usize>) {
    let asked = |u: Urgency| {
        state
            .answered_flags
            .iter()
            .any(|&r| kb.red_flags[r].urgency == u)
    };
    let mut late = Vec::new();
    let mut groups = Vec::new();
    for u in [Urgency::Emergency, Urgency::Urgent, Urgency::Soon] {
        if u <= state.urgency {
            continue;
        }
        let flags: Vec<usize> = (0..kb.red_flags.len())
            .filter(|&r| kb.red_flags[r].urgency == u)
            .filter(|r| !state.fired.contains(r))
            .filter(|&r| !state.closed.flag(r))
            .filter(|&r| relevant(said, kb.red_flags[r].question.as_ref()))
            .collect();
        if flags.is_empty() {
            continue;
        }
        if asked(u) {
            late.extend(flags);
            continue;
        }
        let (lead, why) = group_words(u);
        let names = flags.iter().map(|&r| tables.flag_short[r].as_str());
        groups.push(Question {
            ids: flags.iter().map(|&r| kb.red_flags[r].id.as_ref()).collect(),
            text: joined(&[lead, ": "], names, "; ", "?"),
            kind: "red-flag",
            why: why.to_string(),
        });
    }
    (groups, late)
}

/// How a red-flag group is asked, and why.
fn group_words(u: Urgency) -> (&'static str, &'static str) {
    match u {
        Urgency::Emergency => (
            "Do you have any of these right now",
            "rules out an emergency",
        ),
        Urgency::Urgent => (
            "Do you have any of these",
            "rules out signs a doctor should see today",
        ),
        _ => (
            "Does any of these apply to you",
            "checks for signs worth a doctor's visit in the next few days",
        ),
    }
}

/// The checklist with the late red flags first; the late flags alone as a
/// red-flag question when no checklist is left.
fn with_late_flags<'kb>(
    kb: &'kb KnowledgeBase,
    tables: &Tables,
    list: Option<Question<'kb>>,
    late: &[usize],
) -> Option<Question<'kb>> {
    if late.is_empty() {
        return list;
    }
    let ids: Vec<&'kb str> = late.iter().map(|&r| kb.red_flags[r].id.as_ref()).collect();
    let names: Vec<&str> = late
        .iter()
        .map(|&r| tables.flag_short[r].as_str())
        .collect();
    match list {
        Some(mut q) => {
            let rest = q.text.trim_start_matches("Do any of these apply to you: ");
            q.text = format!("Do any of these apply to you: {}; {rest}", names.join("; "));
            q.why = format!("{}; and rules out {}", q.why, names.join(", "));
            q.ids.splice(0..0, ids);
            Some(q)
        }
        None => {
            let urgency = late.iter().map(|&r| kb.red_flags[r].urgency).max()?;
            let (lead, why) = group_words(urgency);
            Some(Question {
                ids,
                text: format!("{lead}: {}?", names.join("; ")),
                kind: "red-flag",
                why: why.to_string(),
            })
        }
    }
}

/// Whether a red flag is worth asking given the findings reported (with their
/// ancestors): always without a `when` list, or when nothing was recognized;
/// else only when one of its `when` findings was reported (leg swelling for a
/// leg, not for an eyelid).
fn relevant(said: &FindingSet, asked: Option<&Asked>) -> bool {
    match asked {
        Some(q) if !q.when.is_empty() && !said.empty => q.when.iter().any(|&f| said.contains(f)),
        _ => true,
    }
}

/// The few words a checklist shows for a finding or red flag id: its
/// `[[question]]` short text, else its name.
pub fn short<'kb>(kb: &'kb KnowledgeBase, id: &'kb str) -> &'kb str {
    short_of(kb, kb.finding(id), kb.red_flag(id), id)
}

/// [`short`] of finding `f`'s id, without looking the id up in both tables.
fn finding_short<'kb>(kb: &'kb KnowledgeBase, ranker: &Ranker, f: usize) -> &'kb str {
    short_of(kb, Some(f), ranker.same_id_flag(kb, f), &kb.findings[f].id)
}

/// [`short`] of red flag `r`'s id, without looking the id up in both tables.
fn flag_short<'kb>(kb: &'kb KnowledgeBase, ranker: &Ranker, r: usize) -> &'kb str {
    short_of(
        kb,
        ranker.same_id_finding(kb, r),
        Some(r),
        &kb.red_flags[r].id,
    )
}

/// [`short`], given the finding and red flag with the id.
fn short_of<'kb>(
    kb: &'kb KnowledgeBase,
    finding: Option<usize>,
    flag: Option<usize>,
    id: &'kb str,
) -> &'kb str {
    let finding = finding.map(|f| &kb.findings[f]);
    let flag = flag.map(|r| &kb.red_flags[r]);
    let asked = finding
        .and_then(|f| f.question.as_ref())
        .or(flag.and_then(|r| r.question.as_ref()));
    // Without a question, a red flag's name (an id both tables share is asked in
    // a red-flag group), else the finding's.
    match (asked, flag, finding) {
        (Some(q), ..) => &q.short,
        (None, Some(r), _) => &r.name,
        (None, None, Some(f)) => &f.name,
        (None, None, None) => id,
    }
}

/// Findings that may be asked: symptoms and contexts not said, answered, implied
/// by a present finding, narrower than a finding not yet known to be present
/// (the general question comes first: "an acid-reflux medicine?" before "for
/// months or years?"), or to be asked through a red-flag group (an id both
/// tables share, such as `new-medication`, is asked as a finding once its group
/// is no longer asked because a higher urgency was reached).
fn candidates<'s>(
    kb: &'s KnowledgeBase,
    ranker: &'s Ranker,
    tables: &'s Tables,
    state: &'s State,
    implied: &'s FindingSet,
) -> impl Iterator<Item = usize> + 's {
    (0..kb.findings.len()).filter(move |&f| {
        let finding = &kb.findings[f];
        finding.family != Family::BodyArea
            && finding.asks.is_none()
            && !implied.contains(f)
            && !state.closed.finding(f)
            && !state.negated.contains(&f)
            && !state.unticked.contains(&f)
            && finding.parent.is_none_or(|p| state.present.contains(&p))
            // A finding with a `when` list only once one of those was reported.
            && relevant(implied, finding.question.as_ref())
            && (!tables.is_flag[f]
                || ranker
                    .same_id_flag(kb, f)
                    .is_none_or(|r| kb.red_flags[r].urgency <= state.urgency))
            // Not a finding whose red flag was said or answered: after "no" to
            // cauda equina, saddle numbness is not asked again in other words.
            && finding.red_flag.is_none_or(|r| !state.closed.flag(r))
    })
}

/// The ranker's distribution over every cause, normalized: its priors, the
/// named-cause boost and every counted finding's likelihood ratio.
pub fn posterior(kb: &KnowledgeBase, ranker: &Ranker, state: &State) -> Vec<f64> {
    let (counted, unticked) = counted_evidence(kb, state.present, state.negated, state.unticked);
    let logs: Vec<f64> = (0..kb.causes.len())
        .map(|c| {
            let boost = crate::rank::boost(state.named, state.pointed, c);
            ranker.log_prior(c)
                + boost
                + counted
                    .iter()
                    .map(|&(f, negated)| ranker.effect(f, c, negated))
                    .sum::<f64>()
                + UNTICKED
                    * unticked
                        .iter()
                        .map(|&f| ranker.effect(f, c, true))
                        .sum::<f64>()
        })
        .collect();
    normalize_logs(&logs)
}

fn normalize_logs(logs: &[f64]) -> Vec<f64> {
    let best = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let w: Vec<f64> = logs.iter().map(|l| (l - best).exp()).collect();
    normalize(w)
}

fn normalize(w: Vec<f64>) -> Vec<f64> {
    let sum: f64 = w.iter().sum();
    if sum > 0.0 {
        w.into_iter().map(|x| x / sum).collect()
    } else {
        w
    }
}

/// The entropy of the distribution proportional to `prior[c] * g(row[c])`, in
/// nats, given the natural logs of `prior` and of `g(row[c])`: with
/// q_c = prior_c g_c and Z = sum q_c, -sum (q_c / Z) ln(q_c / Z) is
/// ln Z - (sum q_c (ln prior_c + ln g_c)) / Z, one logarithm instead of one a
/// cause. 0 when Z is 0, as [`entropy`] of [`normalize`]'s all-zero output.
///
/// This for the distributions after a yes (`g(p) = p`, logs `log_yes`) and
/// after a no (`g(p) = 1 - p`, logs `log_no`), in one pass.
fn entropies_of_answers(
    prior: &[f64],
    row: &[f64],
    log_prior: &[f64],
    log_yes: &[f64],
    log_no: &[f64],
) -> (f64, f64) {
    let n = prior.len();
    let (row, log_prior, log_yes, log_no) =
        (&row[..n], &log_prior[..n], &log_yes[..n], &log_no[..n]);
    let (mut z_yes, mut w_yes, mut z_no, mut w_no) = (0.0, 0.0, 0.0, 0.0);
    for c in 0..n {
        let q = prior[c] * row[c];
        if q > 0.0 {
            z_yes += q;
            w_yes += q * (log_prior[c] + log_yes[c]);
        }
        let q = prior[c] * (1.0 - row[c]);
        if q > 0.0 {
            z_no += q;
            w_no += q * (log_prior[c] + log_no[c]);
        }
    }
    let h = |z: f64, w: f64| if z > 0.0 { z.ln() - w / z } else { 0.0 };
    (h(z_yes, w_yes), h(z_no, w_no))
}

/// [`argmax`] of the distribution proportional to `prior[c] * g(row[c])`, as
/// [`normalize`] would make it (the same values, divided by the same sum), without
/// building it.
fn argmax_of_product(prior: &[f64], row: &[f64], g: impl Fn(f64) -> f64) -> Option<usize> {
    let w = |c: usize| prior[c] * g(row[c]);
    let sum: f64 = (0..prior.len()).map(w).sum();
    if sum > 0.0 {
        argmax_iter((0..prior.len()).map(|c| w(c) / sum))
    } else {
        argmax_iter((0..prior.len()).map(w))
    }
}

/// Shannon entropy in nats.
pub fn entropy(p: &[f64]) -> f64 {
    p.iter().filter(|&&x| x > 0.0).map(|&x| -x * x.ln()).sum()
}

/// The index of the largest value (the first on a tie).
fn argmax(p: &[f64]) -> Option<usize> {
    argmax_iter(p.iter().copied())
}

/// [`argmax`] of the values `p` yields.
fn argmax_iter(p: impl Iterator<Item = f64>) -> Option<usize> {
    p.enumerate()
        .fold(None, |best: Option<(usize, f64)>, (i, x)| match best {
            Some((_, b)) if b >= x => best,
            _ => Some((i, x)),
        })
        .map(|(i, _)| i)
}

/// A yes/no question about one finding, with the two causes it separates most.
fn finding_question<'kb>(
    kb: &'kb KnowledgeBase,
    ranker: &Ranker,
    tables: &Tables,
    prior: &[f64],
    f: usize,
) -> Question<'kb> {
    let finding = &kb.findings[f];
    let name = &tables.finding_name[f];
    let text = match (&finding.question, finding.family) {
        (Some(q), _) => q.text.to_string(),
        (None, Family::Context) => format!("Does this apply to you: {name}?"),
        (None, _) => format!("Do you also have {name}?"),
    };
    let p = ranker.likelihood_table(f).0;
    // The cause a yes would most likely come from, and the one a no would favour most.
    let by = |weight: &dyn Fn(usize) -> f64, skip: Option<usize>| {
        (0..prior.len())
            .filter(|&c| Some(c) != skip)
            .max_by(|&a, &b| weight(a).total_cmp(&weight(b)).then(b.cmp(&a)))
    };
    let up = by(&|c| prior[c] * p[c], None);
    let down = by(&|c| prior[c] * (1.0 - p[c]), up);
    let why = match (up, down) {
        (Some(a), Some(b)) => format!(
            "separates {} from {}",
            tables.cause_name[a], tables.cause_name[b]
        ),
        _ => "helps rank the causes".to_string(),
    };
    Question {
        ids: vec![finding.id.as_ref()],
        text,
        kind: "finding",
        why,
    }
}

/// "Trouble breathing" → "trouble breathing"; "PPI use" stays as it is.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            // Copied whole rather than char by char: every question names dozens.
            let mut out = String::with_capacity(s.len());
            out.extend(a.to_lowercase());
            out.push_str(&s[a.len_utf8()..]);
            out
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests;
