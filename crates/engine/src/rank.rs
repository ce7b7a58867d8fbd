//! Ranking causes from recognized findings with likelihood ratios.
//!
//! The model, as in LIRICAL and Bayesian symptom checkers: each link's frequency bin
//! gives P(finding | cause); the finding's background rate is its average over all
//! causes; a reported finding multiplies a cause's odds by P(f | cause) / background,
//! a negated one by (1 - P(f | cause)) / (1 - background). A finding not linked to a
//! cause has a small leak probability (larger for body areas), so no finding rules
//! a cause out. Scores add
//! log likelihood ratios to a log prior.
//!
//! People see a relative match (the best cause is 1.0, others exp(score - best)):
//! how well each cause fits compared with the best, never a probability of having it.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use crate::kb::{Bin, Family, Kind, KnowledgeBase};

/// P(finding | cause) for a symptom or context not linked to the cause.
pub const LEAK: f64 = 0.01;

/// P(finding | cause) for a body area not linked to the cause. Higher than [`LEAK`]:
/// a whole-body cause such as caffeine can twitch any muscle, so an unlisted area is
/// weak evidence against it, not near-proof.
pub const AREA_LEAK: f64 = 0.1;

/// The smallest effect that counts as raising a cause. Averaging many equal leak
/// probabilities can land a hair below the leak itself, and a finding linked to
/// nothing must not seem to raise every cause by that rounding error.
const RAISES: f64 = 1e-9;

/// Share of a child's link a vague parent finding earns ("leg" for a cause linked
/// only to "calf").
pub const PARENT_CREDIT: f64 = 0.5;

/// The natural log of the likelihood ratio a cause gets when the person names or
/// asks about it ("could it be low magnesium?"): enough to bring it into the answer
/// and explain it, about what one common finding gives, not enough to outrank what
/// the symptoms say.
pub const NAMED: f64 = 1.1;

/// The natural log of the likelihood ratio a cause gets when a red flag that
/// fired points to it (`causes` of a `[[red_flag]]`: pre-eclampsia signs point to
/// pregnancy, a missed dialysis session to kidney disease): the sign says more
/// about its cause than one finding does, so it comes first unless the other
/// findings clearly point elsewhere.
pub const POINTED: f64 = 2.3;

/// The boost of cause `c` that the person named (`named`) or a red flag that
/// fired points to (`pointed`): [`NAMED`] and [`POINTED`], added.
pub fn boost(named: &[usize], pointed: &[usize], c: usize) -> f64 {
    let of = |list: &[usize], weight: f64| if list.contains(&c) { weight } else { 0.0 };
    of(named, NAMED) + of(pointed, POINTED)
}

/// The natural log of the boost every cause of a kind gets when the person asks
/// about that kind ("what mineral stops cramps?", "anything she should take?":
/// nutrients): a question about a kind should be answered with that kind, so the
/// best-fitting cause of it comes first unless the symptoms point more than about
/// twelvefold elsewhere. Like [`NAMED`], an answer to the question, not evidence.
pub const ASKED_KIND: f64 = 2.5;

/// The share of a stated negation's weight that a finding answered "no" to a
/// follow-up question gets: an unticked box on a checklist is weaker evidence of
/// absence than "no numbness" in a person's own words.
pub const UNTICKED: f64 = 0.2;

/// How much one finding moved one cause: the natural log of its likelihood ratio.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub finding: usize,
    pub negated: bool,
    pub effect: f64,
}

/// One ranked cause.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub cause: usize,
    /// Relative match in (0, 1]: 1 for the best cause.
    pub score: f64,
    /// Log prior plus the sum of the evidence effects.
    pub log_score: f64,
    /// Every recognized finding's effect on this cause, largest first.
    pub evidence: Vec<Evidence>,
}

/// Likelihood tables computed once per knowledge base.
///
/// Only the cells that differ from the leak are stored, so memory and start-up
/// grow with the number of links rather than findings × causes.
#[derive(Debug, Clone)]
pub struct Ranker {
    causes: usize,
    /// P(finding | cause) where it is above the finding's leak, parent and child
    /// credit included: one row per finding, sorted by cause.
    p: Vec<Vec<(usize, f64)>>,
    /// P(finding | cause) for a cause not linked to the finding: [`LEAK`] or [`AREA_LEAK`].
    leak: Vec<f64>,
    /// Average of each finding's row over all causes: how often it is reported
    /// whatever the cause. Summing a row takes one step per cause, so each is
    /// computed the first time a query uses the finding.
    background: Vec<OnceLock<f64>>,
    log_prior: Vec<f64>,
    /// Per finding, P(finding | cause), ln P(finding | cause) and
    /// ln(1 - P(finding | cause)) for every cause, computed the first time a
    /// choice of questions needs them, so the entropies of the answers take one
    /// logarithm a finding, not one a cause.
    log_likelihoods: Vec<OnceLock<Box<[f64]>>>,
    /// Per finding, [`Ranker::effect`] for every cause reported, then for every
    /// cause negated: computed the first time a query counts the finding, so a
    /// ranking and a choice of questions look effects up rather than take a
    /// logarithm each.
    effects: Vec<OnceLock<Box<[f64]>>>,
    /// Per finding, the red flag with the same id, if any (looked up by id once).
    same_id_flag: OnceLock<Vec<Option<usize>>>,
    /// Per red flag, the finding with the same id, if any.
    same_id_finding: OnceLock<Vec<Option<usize>>>,
    /// What choosing follow-up questions reads of the KB on every query.
    ask_tables: OnceLock<crate::ask::Tables>,
}

/// The evidence a ranking counts: each reported finding not implied by a more
/// specific one reported (`calf` implies `leg`), as `(finding, false)`, then each
/// negated finding not also reported, as `(finding, true)`; and the findings
/// answered "no" that were neither reported nor negated. Shared by the ranking
/// and the question choice, so both weigh exactly the same evidence.
pub(crate) fn counted_evidence(
    kb: &KnowledgeBase,
    present: &[usize],
    negated: &[usize],
    unticked: &[usize],
) -> (Vec<(usize, bool)>, Vec<usize>) {
    let present: BTreeSet<usize> = present.iter().copied().collect();
    let implied: BTreeSet<usize> = present
        .iter()
        .flat_map(|&f| kb.ancestors(f).skip(1))
        .collect();
    let counted = present
        .iter()
        .filter(|f| !implied.contains(f))
        .map(|&f| (f, false))
        .chain(
            negated
                .iter()
                .copied()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .filter(|f| !present.contains(f))
                .map(|f| (f, true)),
        )
        .collect();
    let unticked = unticked
        .iter()
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|f| !present.contains(f) && !negated.contains(f))
        .collect();
    (counted, unticked)
}

impl Ranker {
    pub fn new(kb: &KnowledgeBase) -> Self {
        let mut cells: Vec<Vec<(usize, f64)>> = vec![Vec::new(); kb.findings.len()];
        for (f, finding) in kb.findings.iter().enumerate() {
            // A finding implies its ancestors: "calf" is also a "leg" finding.
            for a in kb.ancestors(f) {
                let links = &kb.findings[a].links;
                cells[f].extend(links.iter().map(|&(c, bin)| (c, bin.frequency())));
            }
            // A vague ancestor earns part of this finding's links (not its
            // exclusions: a vague area rules nothing out).
            for a in kb.ancestors(f).skip(1) {
                let credit = finding
                    .links
                    .iter()
                    .filter(|&&(_, bin)| bin != Bin::Excludes)
                    .map(|&(c, bin)| (c, PARENT_CREDIT * bin.frequency()));
                cells[a].extend(credit);
            }
        }
        let leak: Vec<f64> = kb
            .findings
            .iter()
            .map(|f| match f.family {
                Family::BodyArea => AREA_LEAK,
                Family::Symptom | Family::Context => LEAK,
            })
            .collect();
        // Each cell is the largest of what reached it, and never below the leak
        // but for an `excludes` link.
        let p = cells
            .into_iter()
            .zip(&leak)
            .map(|(mut row, &leak)| {
                row.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
                row.dedup_by_key(|cell| cell.0);
                row.retain(|&(_, p)| p > leak || p == Bin::Excludes.frequency());
                row
            })
            .collect();
        let log_prior = kb.causes.iter().map(|c| c.prior.weight().ln()).collect();
        Ranker {
            causes: kb.causes.len(),
            p,
            leak,
            background: vec![OnceLock::new(); kb.findings.len()],
            log_prior,
            log_likelihoods: vec![OnceLock::new(); kb.findings.len()],
            effects: vec![OnceLock::new(); kb.findings.len()],
            same_id_flag: OnceLock::new(),
            same_id_finding: OnceLock::new(),
            ask_tables: OnceLock::new(),
        }
    }

    /// P(finding | cause).
    fn p(&self, finding: usize, cause: usize) -> f64 {
        let row = &self.p[finding];
        row.binary_search_by_key(&cause, |cell| cell.0)
            .map_or(self.leak[finding], |i| row[i].1)
    }

    fn background(&self, finding: usize) -> f64 {
        *self.background[finding].get_or_init(|| {
            // Summed cause by cause, in order, so the result is the same to the
            // last bit whatever the storage.
            let mut cells = self.p[finding].iter().peekable();
            let sum: f64 = (0..self.causes)
                .map(|c| match cells.next_if(|cell| cell.0 == c) {
                    Some(&(_, p)) => p,
                    None => self.leak[finding],
                })
                .sum();
            sum / self.causes.max(1) as f64
        })
    }

    /// P(finding | cause): the share of people with the cause who report the finding.
    pub fn likelihood(&self, finding: usize, cause: usize) -> f64 {
        self.p(finding, cause)
    }

    /// P(finding | cause) for every cause, in cause order: what
    /// [`Ranker::likelihood`] gives each, in one pass over the finding's row
    /// rather than a binary search a cause.
    pub fn likelihoods(&self, finding: usize) -> impl Iterator<Item = f64> + '_ {
        let mut cells = self.p[finding].iter().peekable();
        (0..self.causes).map(move |c| match cells.next_if(|cell| cell.0 == c) {
            Some(&(_, p)) => p,
            None => self.leak[finding],
        })
    }

    /// The likelihoods of `finding` that differ from its leak, as (cause,
    /// P(finding | cause)) sorted by cause, and the leak: every other cause's
    /// likelihood, what [`Ranker::likelihoods`] gives for it.
    pub fn sparse_likelihoods(&self, finding: usize) -> (&[(usize, f64)], f64) {
        (&self.p[finding], self.leak[finding])
    }

    /// What [`Ranker::likelihoods`] gives, as a slice, then the natural logs of
    /// each and of one minus each, in cause order.
    pub fn likelihood_table(&self, finding: usize) -> (&[f64], &[f64], &[f64]) {
        let all = self.log_likelihoods[finding].get_or_init(|| {
            let p: Vec<f64> = self.likelihoods(finding).collect();
            let yes = p.iter().map(|p| p.ln());
            let no = p.iter().map(|p| (1.0 - p).ln());
            p.iter().copied().chain(yes).chain(no).collect()
        });
        let (p, logs) = all.split_at(self.causes);
        let (yes, no) = logs.split_at(self.causes);
        (p, yes, no)
    }

    /// The red flag whose id is finding `finding`'s id, if any: what
    /// `kb.red_flag(&kb.findings[finding].id)` gives, for the KB this ranker was
    /// built from, looked up once for all findings.
    pub fn same_id_flag(&self, kb: &KnowledgeBase, finding: usize) -> Option<usize> {
        self.same_id_flag.get_or_init(|| {
            same_ids(
                kb.findings.iter().map(|f| f.id.as_ref()),
                kb.red_flags.iter().map(|r| r.id.as_ref()),
            )
        })[finding]
    }

    /// The finding whose id is red flag `flag`'s id, if any: what
    /// `kb.finding(&kb.red_flags[flag].id)` gives, looked up once for all flags.
    pub fn same_id_finding(&self, kb: &KnowledgeBase, flag: usize) -> Option<usize> {
        self.same_id_finding.get_or_init(|| {
            same_ids(
                kb.red_flags.iter().map(|r| r.id.as_ref()),
                kb.findings.iter().map(|f| f.id.as_ref()),
            )
        })[flag]
    }

    /// The tables [`crate::ask::next`] reads for the KB this ranker was built
    /// from, worked out the first time.
    pub(crate) fn ask_tables(&self, kb: &KnowledgeBase) -> &crate::ask::Tables {
        self.ask_tables
            .get_or_init(|| crate::ask::Tables::new(kb, self))
    }

    /// The natural log of a cause's prior weight.
    pub fn log_prior(&self, cause: usize) -> f64 {
        self.log_prior[cause]
    }

    /// The natural-log likelihood ratio of one finding, reported or negated, for one cause.
    pub fn effect(&self, finding: usize, cause: usize, negated: bool) -> f64 {
        let row = self.effects[finding].get_or_init(|| {
            let background = self.background(finding);
            let p: Vec<f64> = self.likelihoods(finding).collect();
            let reported = p.iter().map(|&p| likelihood_ratio(p, background, false));
            let negated = p.iter().map(|&p| likelihood_ratio(p, background, true));
            reported.chain(negated).collect()
        });
        row[usize::from(negated) * self.causes + cause]
    }

    /// The causes that a reported finding may raise: those it links to, or all of
    /// them when even the leak rises above the finding's background (floating-point
    /// rounding can put an unlinked finding's average a hair below the leak).
    fn candidates(&self, reported: &[usize]) -> Vec<usize> {
        let leak_raises = reported
            .iter()
            .any(|&f| likelihood_ratio(self.leak[f], self.background(f), false) > 0.0);
        if leak_raises {
            return (0..self.causes).collect();
        }
        let mut causes: Vec<usize> = reported
            .iter()
            .flat_map(|&f| self.p[f].iter().map(|cell| cell.0))
            .collect();
        causes.sort_unstable();
        causes.dedup();
        causes
    }

    /// Ranks the causes that at least one reported (not negated) finding raises. `present` and
    /// `negated` are finding indices; a finding implied by a more specific present
    /// one (its ancestor) is not counted twice.
    ///
    /// Order: higher score first; ties go to the higher prior, then to the cause
    /// listed first in the knowledge base.
    pub fn rank(&self, kb: &KnowledgeBase, present: &[usize], negated: &[usize]) -> Vec<Ranked> {
        self.rank_named(kb, present, negated, &[])
    }

    /// [`Ranker::rank`], with the causes the person named (`named`, cause indices)
    /// raised by [`NAMED`] and always ranked.
    pub fn rank_named(
        &self,
        kb: &KnowledgeBase,
        present: &[usize],
        negated: &[usize],
        named: &[usize],
    ) -> Vec<Ranked> {
        self.rank_answered(kb, present, negated, &[], named, &[])
    }

    /// [`Ranker::rank_named`], with findings answered "no" to a follow-up
    /// question (`unticked`) counted at [`UNTICKED`] of a stated negation's weight,
    /// and the causes fired red flags point to (`pointed`) raised by [`POINTED`]
    /// and always ranked.
    pub fn rank_answered(
        &self,
        kb: &KnowledgeBase,
        present: &[usize],
        negated: &[usize],
        unticked: &[usize],
        named: &[usize],
        pointed: &[usize],
    ) -> Vec<Ranked> {
        // A question the person asks about a kind of cause ("what mineral?") is no
        // evidence about them: it raises that kind by [`ASKED_KIND`].
        let asked: Vec<Kind> = present
            .iter()
            .filter_map(|&f| kb.findings[f].asks)
            .collect();
        let present: Vec<usize> = present
            .iter()
            .copied()
            .filter(|&f| kb.findings[f].asks.is_none())
            .collect();
        let (counted, unticked_counted) = counted_evidence(kb, &present, negated, unticked);
        let reported: Vec<usize> = counted
            .iter()
            .filter(|&&(_, negated)| !negated)
            .map(|&(f, _)| f)
            .collect();
        // Only a named or pointed-to cause, or one a reported finding raises, is ranked: asked
        // first, so that the others' evidence is never built. Unticked findings
        // count as negated, so they never raise one.
        let raised = |c: usize| {
            named.contains(&c)
                || pointed.contains(&c)
                || counted
                    .iter()
                    .any(|&(f, negated)| !negated && self.effect(f, c, negated) > RAISES)
        };
        // The causes the person named or a fired red flag points to are ranked even
        // when no reported finding links to them (a shuffling walk with smaller
        // handwriting points to a neurological condition).
        let mut candidates = self.candidates(&reported);
        for &c in named.iter().chain(pointed) {
            if !candidates.contains(&c) {
                candidates.push(c);
            }
        }
        let mut ranked: Vec<Ranked> = candidates
            .into_iter()
            .filter(|&c| raised(c))
            .map(|c| {
                let mut evidence: Vec<Evidence> = counted
                    .iter()
                    .map(|&(finding, negated)| Evidence {
                        finding,
                        negated,
                        effect: self.effect(finding, c, negated),
                    })
                    .chain(unticked_counted.iter().map(|&finding| Evidence {
                        finding,
                        negated: true,
                        effect: UNTICKED * self.effect(finding, c, true),
                    }))
                    .collect();
                evidence.sort_by(|a, b| {
                    b.effect
                        .total_cmp(&a.effect)
                        .then(a.finding.cmp(&b.finding))
                });
                let boost = boost(named, pointed, c)
                    + if asked.contains(&kb.causes[c].kind) {
                        ASKED_KIND
                    } else {
                        0.0
                    };
                let log_score =
                    self.log_prior[c] + boost + evidence.iter().map(|e| e.effect).sum::<f64>();
                Ranked {
                    cause: c,
                    score: 0.0,
                    log_score,
                    evidence,
                }
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.log_score
                .total_cmp(&a.log_score)
                .then(self.log_prior[b.cause].total_cmp(&self.log_prior[a.cause]))
                .then(a.cause.cmp(&b.cause))
        });
        if let Some(best) = ranked.first().map(|s| s.log_score) {
            for s in &mut ranked {
                s.score = (s.log_score - best).exp();
            }
        }
        ranked
    }
}

/// ln(P / background) for a reported finding, ln((1 - P) / (1 - background)) for a
/// negated one.
fn likelihood_ratio(p: f64, background: f64, negated: bool) -> f64 {
    if negated {
        ((1.0 - p) / (1.0 - background)).ln()
    } else {
        (p / background).ln()
    }
}

/// For each id of `from`, where the same id is in `to` (ids are unique in each):
/// one hash map of `to`'s ids rather than a scan of `to` for every id, which
/// was a few percent of one `check`.
fn same_ids<'a>(
    from: impl Iterator<Item = &'a str>,
    to: impl Iterator<Item = &'a str>,
) -> Vec<Option<usize>> {
    let index: std::collections::HashMap<&str, usize> =
        to.enumerate().map(|(i, id)| (id, i)).collect();
    from.map(|id| index.get(id).copied()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        crate::kb::load_text(include_str!("../../../tests/fixtures/mini.toml")).unwrap()
    }

    fn f(kb: &KnowledgeBase, id: &str) -> usize {
        kb.finding(id).unwrap()
    }

    fn ids(kb: &KnowledgeBase, ranked: &[Ranked]) -> Vec<String> {
        ranked
            .iter()
            .map(|s| kb.causes[s.cause].id.to_string())
            .collect()
    }

    #[test]
    fn a_child_finding_counts_for_its_parents_links() {
        let kb = kb();
        let r = Ranker::new(&kb);
        // "calf" is linked to magnesium only, but implies "leg", linked to dehydration.
        let (calf, dehydration) = (f(&kb, "calf"), kb.cause("dehydration").unwrap());
        assert!(r.effect(calf, dehydration, false) > 0.0);
        assert!(ids(&kb, &r.rank(&kb, &[calf], &[])).contains(&"dehydration".to_string()));
    }

    #[test]
    fn a_vague_parent_earns_part_of_a_childs_link() {
        let kb = kb();
        let r = Ranker::new(&kb);
        let (leg, calf, magnesium) = (
            f(&kb, "leg"),
            f(&kb, "calf"),
            kb.cause("magnesium").unwrap(),
        );
        let vague = r.effect(leg, magnesium, false);
        let exact = r.effect(calf, magnesium, false);
        assert!(vague > 0.0 && vague < exact, "vague {vague} exact {exact}");
    }

    #[test]
    fn a_parent_implied_by_a_present_child_is_not_counted_twice() {
        let kb = kb();
        let r = Ranker::new(&kb);
        let (leg, calf) = (f(&kb, "leg"), f(&kb, "calf"));
        assert_eq!(r.rank(&kb, &[leg, calf], &[]), r.rank(&kb, &[calf], &[]));
    }

    #[test]
    fn specific_evidence_wins_and_scores_are_relative() {
        let kb = kb();
        let r = Ranker::new(&kb);
        let ranked = r.rank(&kb, &[f(&kb, "coffee"), f(&kb, "twitching")], &[]);
        assert_eq!(ids(&kb, &ranked)[0], "caffeine");
        assert_eq!(ranked[0].score, 1.0);
        assert!(ranked
            .windows(2)
            .all(|w| w[0].score >= w[1].score && w[1].score > 0.0));
    }

    #[test]
    fn a_negated_finding_lowers_the_causes_it_supports() {
        let kb = kb();
        let r = Ranker::new(&kb);
        let (calf, numbness) = (f(&kb, "calf"), f(&kb, "numbness"));
        let magnesium = kb.cause("magnesium").unwrap();
        assert!(r.effect(numbness, magnesium, true) < 0.0);
        let score = |negated: &[usize]| {
            let ranked = r.rank(&kb, &[calf], negated);
            ranked
                .iter()
                .find(|s| s.cause == magnesium)
                .unwrap()
                .log_score
        };
        assert!(score(&[numbness]) < score(&[]));
    }

    #[test]
    fn only_causes_a_reported_finding_raises_are_suggested() {
        let kb = kb();
        let r = Ranker::new(&kb);
        assert!(r.rank(&kb, &[], &[f(&kb, "numbness")]).is_empty());
        let ranked = r.rank(&kb, &[f(&kb, "coffee")], &[]);
        assert_eq!(ids(&kb, &ranked), ["caffeine"]);
    }

    #[test]
    fn ties_go_to_the_higher_prior_then_to_kb_order() {
        let kb = kb();
        let r = Ranker::new(&kb);
        // For "twitching", magnesium and caffeine (both common priors, both "common"
        // links) tie exactly, and magnesium comes first in the KB.
        let ranked = r.rank(&kb, &[f(&kb, "twitching")], &[]);
        assert_eq!(ids(&kb, &ranked), ["magnesium", "caffeine"]);
        assert_eq!(ranked[0].log_score, ranked[1].log_score);
        // The same query always gives the same order.
        assert_eq!(ranked, r.rank(&kb, &[f(&kb, "twitching")], &[]));
    }
}
