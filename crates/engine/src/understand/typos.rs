//! Typo correction: a query word not in the vocabulary is matched to the nearest
//! phrase word or stem within a limit that grows with its length.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::lexicon::{is, is_common_word, longest_common_word, Class};
use super::sorted_runs::{text, SortedRuns};
use super::tokens::Token;
use crate::codec::{Reader, Stored, Writer};

/// The correction candidates (every phrase word as written and every stem,
/// sorted) and the stem id a word corrected to each takes.
#[derive(Debug, Clone)]
pub struct Typos {
    forms: SortedRuns<u8>,
    form_stems: Stored<u32>,
    /// Built on the first word that needs correcting: most queries need none, so
    /// a single `check` usually never pays for it.
    index: OnceLock<TypoIndex>,
}

impl Typos {
    /// From (form, stem id) pairs sorted by form.
    pub fn new(forms: &[(&str, u32)]) -> Self {
        Typos {
            form_stems: forms
                .iter()
                .map(|&(_, stem)| stem)
                .collect::<Vec<u32>>()
                .into(),
            forms: SortedRuns::from_sorted(forms.iter().map(|(f, _)| f.as_bytes())),
            index: OnceLock::new(),
        }
    }

    /// Writes the table for the pre-built KB.
    pub fn write(&self, w: &mut Writer) {
        w.bytes(&self.forms.items);
        w.ids(&self.forms.ends);
        w.ids(&self.form_stems);
    }

    /// Reads what [`Typos::write`] wrote.
    pub fn read(r: &mut Reader<'static>) -> Self {
        Typos {
            forms: SortedRuns {
                items: r.byte_table(),
                ends: r.id_table(),
            },
            form_stems: r.id_table(),
            index: OnceLock::new(),
        }
    }

    /// The stem id a word not in the vocabulary corrects to, if any.
    pub fn correct(&self, token: &Token) -> Option<u32> {
        let word = token.surface.as_str();
        let len = word.chars().count();
        let limit = typo_limit(len);
        if limit == 0
            || is(Class::Stopword, word)
            || is_common_word(word)
            || is_compound(word)
            || word.chars().any(|c| c.is_ascii_digit())
        {
            return None;
        }
        let typos = self.index.get_or_init(|| TypoIndex::new(self));
        // The stem is compared too ("twichings" is near "twitch"), but under the
        // limit for its own length: a short stem is as easily mistaken for another
        // word as a short word is ("wakness" has the stem "wak", one edit from
        // "walk").
        let stem_limit = typo_limit(token.stem.chars().count()).min(limit);
        // Each candidate form's distance from the word as typed (exact) and from
        // the stem (when within the stem's limit).
        let mut candidates: BTreeMap<u32, (usize, Option<usize>)> = BTreeMap::new();
        let word_chars: Vec<char> = word.chars().collect();
        for (form, d) in typos.within(&word_chars, limit) {
            candidates.insert(form, (d, None));
        }
        if token.stem != token.surface {
            let stem_chars: Vec<char> = token.stem.chars().collect();
            for (form, d) in typos.within(&stem_chars, stem_limit) {
                let w = &typos.forms[form as usize];
                // Candidates are forms no longer than the word allows.
                if w.len <= len + limit {
                    candidates
                        .entry(form)
                        .or_insert_with(|| (strsim::osa_distance(word, &w.form), None))
                        .1 = Some(d);
                }
            }
        }
        // Prefer the smaller distance, then the one nearer the word as typed, then
        // one that two swapped letters explain (the commonest slip: "breaht" is
        // "breath" rather than "breast"), then the same first letter, then the
        // alphabetically first form: the same word always gets the same fix.
        let first = word.chars().next();
        candidates
            .into_iter()
            .map(|(form, (word_d, stem_d))| {
                let d = stem_d.map_or(word_d, |s| s.min(word_d));
                (d, word_d, &typos.forms[form as usize])
            })
            .min_by_key(|&(d, word_d, w)| {
                let swap = word_d < strsim::levenshtein(word, &w.form);
                (
                    d,
                    word_d,
                    !swap,
                    w.form.chars().next() != first,
                    w.form.as_str(),
                )
            })
            .map(|(.., w)| w.stem)
    }
}

/// The largest edit distance allowed when correcting a word of `len` characters.
/// Words under five letters are never corrected ("ache" is not "acne"); above that,
/// about one edit per four letters. This is stricter than rustc's len/3, because a
/// wrong correction here can raise a false alarm.
pub fn typo_limit(len: usize) -> usize {
    if len < 5 {
        0
    } else {
        (len / 4).min(3)
    }
}

/// True when `word` is two common words run together ("breaststroke",
/// "sunbathing"): a real word the frequency list lacks, not a slip of the keys.
/// Without this, "breaststroke" is three edits from "heatstroke". Each part has
/// at least four letters, so a typo with a stray short word in it is still fixed.
fn is_compound(word: &str) -> bool {
    let len = word.len();
    // Each half is a common word, so a word over twice the longest is not two of
    // them: without this bound one 4 MiB "word" took a second of splitting.
    len >= 8
        && len <= 2 * longest_common_word()
        && word.is_ascii()
        && (4..=len - 4).any(|i| is_common_word(&word[..i]) && is_common_word(&word[i..]))
}

/// A correction candidate: a phrase word as written, or a stem.
#[derive(Debug, Clone)]
struct TypoForm {
    form: String,
    /// Length in characters.
    len: usize,
    /// The stem id a word corrected to this form takes.
    stem: u32,
}

/// The correction candidates in a trie of their characters. A search carries one
/// row of the edit-distance table per trie node and leaves a branch as soon as
/// every cell of its row exceeds the limit, so a word is compared only with forms
/// that share a close prefix rather than with the whole vocabulary, and the cost
/// of a correction barely grows with the knowledge base.
#[derive(Debug, Clone)]
struct TypoIndex {
    forms: Vec<TypoForm>,
    nodes: Vec<TrieNode>,
    /// The longest form, in characters: the deepest the trie goes.
    longest: usize,
}

#[derive(Debug, Clone, Default)]
struct TrieNode {
    children: Vec<(char, u32)>,
    /// The form that ends here, if any.
    form: Option<u32>,
}

impl TypoIndex {
    fn new(typos: &Typos) -> Self {
        let forms = typos.forms.len();
        let mut index = TypoIndex {
            forms: Vec::with_capacity(forms),
            nodes: vec![TrieNode::default()],
            longest: 0,
        };
        let forms = typos.forms.iter().map(text);
        for (form, &stem) in forms.zip(typos.form_stems.iter()) {
            let mut node = 0;
            for c in form.chars() {
                let found = index.nodes[node]
                    .children
                    .iter()
                    .find(|&&(k, _)| k == c)
                    .map(|&(_, child)| child as usize);
                node = match found {
                    Some(child) => child,
                    None => {
                        index.nodes.push(TrieNode::default());
                        let child = index.nodes.len() - 1;
                        index.nodes[node].children.push((c, child as u32));
                        child
                    }
                };
            }
            index.nodes[node].form = Some(index.forms.len() as u32);
            index.longest = index.longest.max(form.chars().count());
            index.forms.push(TypoForm {
                form: form.to_string(),
                len: form.chars().count(),
                stem,
            });
        }
        index
    }

    /// Every form within `limit` of `word` by optimal string alignment distance
    /// (strsim's `osa_distance`: an adjacent swap costs one edit), with its distance.
    fn within(&self, word: &[char], limit: usize) -> Vec<(u32, usize)> {
        // The distance is at least the difference in length: a word longer than
        // every form by more than the limit has no candidate, and searching would
        // cost a row as long as the word per trie node (a 1 MiB "word").
        if word.len() > self.longest + limit {
            return Vec::new();
        }
        let width = word.len() + 1;
        // One row per trie depth, plus two starting rows (0, 1, 2, ...), reused
        // by every branch of the search.
        let mut rows = vec![0; (self.longest + 2) * width];
        for (j, cell) in rows[..2 * width].iter_mut().enumerate() {
            *cell = j % width;
        }
        let mut found = Vec::new();
        self.search(0, 0, None, word, limit, &mut rows, &mut found);
        found
    }

    /// Extends the table by the characters below `node`. Rows `depth` and
    /// `depth + 1` hold the table for the trie path so far (`depth` characters, the
    /// last being `last`); a swap of two characters reaches back to the first.
    #[allow(clippy::too_many_arguments)]
    fn search(
        &self,
        node: usize,
        depth: usize,
        last: Option<char>,
        word: &[char],
        limit: usize,
        rows: &mut [usize],
        found: &mut Vec<(u32, usize)>,
    ) {
        let width = word.len() + 1;
        // Only cells within `limit` of the diagonal can be within the limit (a
        // cell is at least the difference of its row and column), so only they
        // are worked out; every cell is kept at most `cap`, which changes none
        // within the limit (each step adds at most one to a cell it reads) and
        // lets the two cells around the band stand for all those outside it.
        let cap = limit + 1;
        let i = depth + 1;
        let lo = i.saturating_sub(limit).max(1);
        let hi = (i + limit).min(width - 1);
        if lo > hi && i > limit {
            // Every cell of this row, and below, is over the limit (an empty
            // word's one cell is `i`).
            return;
        }
        for &(c, child) in &self.nodes[node].children {
            let (before, after) = rows.split_at_mut((depth + 2) * width);
            let prev2 = &before[depth * width..(depth + 1) * width];
            let prev = &before[(depth + 1) * width..];
            let row = &mut after[..width];
            row[0] = i.min(cap);
            if lo > 1 {
                row[lo - 1] = cap;
            }
            let mut within = row[0] <= limit;
            for j in lo..=hi {
                let w = word[j - 1];
                let cost = usize::from(c != w);
                let mut d = (row[j - 1] + 1).min(prev[j] + 1).min(prev[j - 1] + cost);
                if j > 1 && c != w && c == word[j - 2] && last == Some(w) {
                    d = d.min(prev2[j - 2] + 1);
                }
                row[j] = d.min(cap);
                within |= d <= limit;
            }
            if hi + 1 < width {
                row[hi + 1] = cap;
            }
            let child = child as usize;
            if let Some(form) = self.nodes[child].form {
                if hi == width - 1 && row[width - 1] <= limit {
                    found.push((form, row[width - 1]));
                }
            }
            // Cells never shrink further down (a swap reaches back one row,
            // whose cells bound this row's), so a row all over the limit ends the branch.
            if within {
                self.search(child, depth + 1, Some(c), word, limit, rows, found);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_grow_with_length() {
        assert_eq!(typo_limit(4), 0);
        assert_eq!(typo_limit(5), 1);
        assert_eq!(typo_limit(8), 2);
    }

    #[test]
    fn two_common_words_run_together_are_a_word() {
        assert!(is_compound("breaststroke"));
        assert!(!is_compound("twitchign"));
        assert!(!is_compound("tingleing"));
        // Longer than any two common words: not split at all (a 4 MiB word was).
        let longest = longest_common_word();
        assert!(!is_compound(&"breast".repeat(2 * longest)));
        assert!(!is_compound(&"a".repeat(4 << 20)));
    }

    /// The trie search finds exactly the forms a full scan with strsim finds, at the
    /// same distances, for words near and far from the vocabulary.
    #[test]
    fn typo_index_agrees_with_a_full_scan() {
        let kb = crate::kb::load_embedded().unwrap();
        let understander = crate::understand::Understander::new(&kb);
        let index = TypoIndex::new(understander.typos());
        let mut probes: Vec<String> = Vec::new();
        for (i, f) in index.forms.iter().enumerate().step_by(37) {
            let chars: Vec<char> = f.form.chars().collect();
            let k = i % chars.len();
            let mut swapped = chars.clone();
            swapped.swap(k, (k + 1) % chars.len());
            let mut edited = chars.clone();
            edited[k] = 'q';
            edited.remove((k + 2) % edited.len());
            probes.push(swapped.into_iter().collect());
            probes.push(edited.into_iter().collect());
            probes.push(format!("{}xy", f.form));
        }
        probes.extend(["twiching", "eylid", "abcdefgh", "crampng", "nite"].map(String::from));
        for word in &probes {
            let chars: Vec<char> = word.chars().collect();
            let distances: Vec<(u32, usize)> = index
                .forms
                .iter()
                .enumerate()
                .map(|(i, f)| (i as u32, strsim::osa_distance(word, &f.form)))
                .collect();
            for limit in 1..=3 {
                let mut fast = index.within(&chars, limit);
                fast.sort();
                let slow: Vec<(u32, usize)> = distances
                    .iter()
                    .copied()
                    .filter(|&(_, d)| d <= limit)
                    .collect();
                assert_eq!(fast, slow, "{word} within {limit}");
            }
        }
    }
}
