//! Counts over token positions, so that "how many scopes reach this word" and
//! "does any mention lie in this scope" cost constant time each, rather than a
//! walk over every scope or every mention. A long query holds tens of thousands
//! of both (a 4 MiB line of "no", "calf" and made-up words took 24 s when each
//! mention walked every scope, and each negation every mention).

use super::context::Assertion;
use super::tokens::Token;

/// A trigger's scope: the trigger's index, its modifier, and the tokens
/// `start..end` it reaches.
pub(super) type Scope = (usize, Assertion, usize, usize);

/// The modifiers a trigger can set, strongest first.
const MODIFIERS: [Assertion; 5] = [
    Assertion::Negated,
    Assertion::Hypothetical,
    Assertion::Historical,
    Assertion::OtherPerson,
    Assertion::Possible,
];

/// Each mention's assertion: the strongest modifier whose scope reaches one of
/// its words, from a trigger that is not partly its own words (a word set's own
/// "not" in "hot, not sweating"). `spans` are the triggers' tokens, `scopes` in
/// trigger order.
pub(super) fn strongest(
    n: usize,
    spans: &[(usize, usize)],
    scopes: &[Scope],
    mentions: &[&[usize]],
) -> Vec<Assertion> {
    // The trigger (by index) whose words hold each token, if any.
    let mut trigger_of = vec![usize::MAX; n];
    for (ti, &(start, end)) in spans.iter().enumerate() {
        trigger_of[start..end].iter_mut().for_each(|x| *x = ti);
    }
    // Per modifier in use, strongest first, how many scopes reach each token.
    let counts: Vec<(Assertion, Vec<u32>)> = MODIFIERS
        .iter()
        .filter(|&&m| scopes.iter().any(|s| s.1 == m))
        .map(|&m| {
            let ranges = scopes.iter().filter(|s| s.1 == m).map(|s| (s.2, s.3));
            (m, coverage(n, ranges))
        })
        .collect();
    mentions
        .iter()
        .map(|positions| {
            // The scopes of triggers that hold some of the mention's words.
            let mut own: Vec<usize> = positions
                .iter()
                .map(|&p| trigger_of[p])
                .filter(|&ti| ti != usize::MAX)
                .collect();
            own.sort_unstable();
            own.dedup();
            let own_scopes: Vec<&Scope> = own
                .iter()
                .flat_map(|&ti| {
                    let from = scopes.partition_point(|s| s.0 < ti);
                    let to = scopes.partition_point(|s| s.0 <= ti);
                    &scopes[from..to]
                })
                .collect();
            counts
                .iter()
                .find(|(m, count)| {
                    positions.iter().any(|&p| {
                        let own = own_scopes
                            .iter()
                            .filter(|s| s.1 == *m && (s.2..s.3).contains(&p))
                            .count();
                        count[p] as usize > own
                    })
                })
                .map_or(Assertion::Present, |&(m, _)| m)
        })
        .collect()
}

/// How many of the ranges `start..end` cover each of `n` positions.
pub(super) fn coverage(n: usize, ranges: impl IntoIterator<Item = (usize, usize)>) -> Vec<u32> {
    // A difference array: +1 where a range starts, -1 where it ends, then a running sum.
    let mut delta = vec![0i64; n + 1];
    for (start, end) in ranges {
        if start < end {
            delta[start] += 1;
            delta[end.min(n)] -= 1;
        }
    }
    let mut running = 0i64;
    delta[..n]
        .iter()
        .map(|d| {
            running += d;
            running as u32
        })
        .collect()
}

/// Prefix counts of the positions that pass a test, to count those in a range at once.
pub(super) struct Prefix(Vec<u32>);

impl Prefix {
    pub fn new(n: usize, test: impl Fn(usize) -> bool) -> Self {
        let mut counts = Vec::with_capacity(n + 1);
        counts.push(0);
        for i in 0..n {
            counts.push(counts[i] + u32::from(test(i)));
        }
        Prefix(counts)
    }

    /// The positions some mention holds.
    pub fn of_mentions(n: usize, mentions: &[&[usize]]) -> Self {
        let mut held = vec![false; n];
        mentions
            .iter()
            .flat_map(|m| m.iter())
            .for_each(|&p| held[p] = true);
        Self::new(n, |k| held[k])
    }

    /// True when some position in `start..end` passed.
    pub fn any(&self, start: usize, end: usize) -> bool {
        let end = end.min(self.0.len() - 1);
        start < end && self.0[end] > self.0[start]
    }
}

/// Where each of some phrases starts, to ask whether a range of tokens holds one
/// without walking it.
pub(super) struct PhraseStarts(Vec<(usize, Prefix)>);

impl PhraseStarts {
    pub fn new(tokens: &[Token], phrases: &[&[&str]]) -> Self {
        let starts = |words: &[&str]| {
            Prefix::new(tokens.len(), |k| {
                tokens.len() - k >= words.len()
                    && words
                        .iter()
                        .enumerate()
                        .all(|(j, w)| tokens[k + j].surface == *w)
            })
        };
        PhraseStarts(phrases.iter().map(|w| (w.len(), starts(w))).collect())
    }

    /// True when the tokens `start..end` hold one of the phrases whole.
    pub fn within(&self, start: usize, end: usize) -> bool {
        self.0
            .iter()
            .any(|(len, starts)| starts.any(start, end.saturating_sub(len - 1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_counts_overlaps() {
        assert_eq!(
            coverage(6, [(0, 2), (1, 4), (3, 3), (5, 9)]),
            [1, 2, 1, 1, 0, 1]
        );
    }

    /// What `strongest` computes, by walking every scope for every mention (as
    /// context.rs did before: quadratic in a long query).
    fn strongest_by_walking(
        spans: &[(usize, usize)],
        scopes: &[Scope],
        mentions: &[&[usize]],
    ) -> Vec<Assertion> {
        mentions
            .iter()
            .map(|positions| {
                scopes
                    .iter()
                    .filter(|s| {
                        let (ts, te) = spans[s.0];
                        !positions.iter().any(|&p| (ts..te).contains(&p))
                    })
                    .filter(|s| positions.iter().any(|&p| (s.2..s.3).contains(&p)))
                    .map(|s| s.1)
                    .max()
                    .unwrap_or(Assertion::Present)
            })
            .collect()
    }

    #[test]
    fn strongest_agrees_with_walking_every_scope() {
        let mut seed: u64 = 7;
        let mut next = |below: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % below
        };
        for _ in 0..500 {
            let n = 1 + next(30);
            // Triggers never overlap; each has up to two scopes, in trigger order.
            let (mut spans, mut scopes) = (Vec::new(), Vec::new());
            let mut at = next(4);
            while at < n {
                let end = (at + 1 + next(2)).min(n);
                let ti = spans.len();
                spans.push((at, end));
                for _ in 0..1 + next(2) {
                    let m = MODIFIERS[next(MODIFIERS.len())];
                    let (a, b) = (next(n + 1), next(n + 1));
                    scopes.push((ti, m, a.min(b), a.max(b)));
                }
                at = end + next(5);
            }
            let mentions: Vec<Vec<usize>> = (0..next(6))
                .map(|_| (0..1 + next(3)).map(|_| next(n)).collect())
                .collect();
            let mentions: Vec<&[usize]> = mentions.iter().map(Vec::as_slice).collect();
            assert_eq!(
                strongest(n, &spans, &scopes, &mentions),
                strongest_by_walking(&spans, &scopes, &mentions),
                "{spans:?} {scopes:?} {mentions:?}"
            );
        }
    }

    #[test]
    fn prefix_finds_positions_in_a_range() {
        let even = Prefix::new(6, |i| i == 2 || i == 5);
        assert!(even.any(0, 3));
        assert!(!even.any(3, 5));
        assert!(even.any(5, 6));
        assert!(!even.any(4, 4));
    }
}
