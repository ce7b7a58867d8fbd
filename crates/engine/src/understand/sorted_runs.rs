//! The one table shape the compiled patterns and typo forms use.

/// Distinct sequences (strings as bytes, phrases as stem ids) in sorted order,
/// stored end to end in one vector and found by binary search. The pre-built KB
/// stores the tables in this form, so reading one costs two allocations rather
/// than one per item, and no hashing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SortedRuns<T> {
    pub items: Vec<T>,
    /// Where each sequence ends in `items`; it starts where the one before ends.
    pub ends: Vec<u32>,
}

impl<T: Ord + Clone> SortedRuns<T> {
    /// From distinct sequences already in sorted order.
    pub fn from_sorted<'a>(runs: impl IntoIterator<Item = &'a [T]>) -> Self
    where
        T: 'a,
    {
        let mut table = SortedRuns {
            items: Vec::new(),
            ends: Vec::new(),
        };
        for run in runs {
            table.items.extend_from_slice(run);
            table.ends.push(table.items.len() as u32);
        }
        table
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn get(&self, i: usize) -> &[T] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.items[start..self.ends[i] as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = &[T]> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The index of `run`, if it is in the table, and whether any run in the
    /// table starts with `run` (itself included): when none does, no longer run
    /// that starts with it is in the table either, so a scan may stop growing it.
    pub fn find_prefix(&self, run: &[T]) -> (Option<usize>, bool) {
        // The first run not below `run`: `run` itself, else the first longer one
        // starting with it, if any is in the table.
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.get(mid) < run {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if low == self.len() {
            return (None, false);
        }
        let next = self.get(low);
        ((next == run).then_some(low), next.starts_with(run))
    }

    /// The index of `run`, if it is in the table.
    pub fn find(&self, run: &[T]) -> Option<usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            match self.get(mid).cmp(run) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }
}

/// A string of a table of strings: the build wrote UTF-8.
pub fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("the tables' strings are UTF-8")
}

/// Values grouped by key: what a hash map of lists would hold, stored as one
/// sorted list of (key, value) pairs and found by binary search. The tables are
/// built once (by build.rs, for the embedded KB) and stored ready to use, so
/// starting up hashes and sorts nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Grouped<K> {
    /// One key a value, sorted; a key's values keep the order they were given in.
    pub keys: Vec<K>,
    pub values: Vec<u32>,
}

impl<K: Ord> Grouped<K> {
    /// From (key, value) pairs; each key's values stay in the pairs' order.
    pub fn new(mut pairs: Vec<(K, u32)>) -> Self {
        // A stable sort: equal keys keep their order.
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        let (keys, values) = pairs.into_iter().unzip();
        Grouped { keys, values }
    }

    /// Where the values of `key` are in `values`; empty when it has none.
    pub fn range<Q: Ord + ?Sized>(&self, key: &Q) -> std::ops::Range<usize>
    where
        K: std::borrow::Borrow<Q>,
    {
        let start = self.keys.partition_point(|k| k.borrow() < key);
        let len = self.keys[start..]
            .iter()
            .take_while(|k| (*k).borrow() == key)
            .count();
        start..start + len
    }

    /// The values of `key`, in order; empty when it has none.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> impl Iterator<Item = usize> + '_
    where
        K: std::borrow::Borrow<Q>,
    {
        self.values[self.range(key)].iter().map(|&v| v as usize)
    }
}

/// `find_prefix` answers for runs of one and two ids, kept for one query: a long
/// query repeats its words, and each answer is otherwise a binary search over the
/// table (a 4 MiB line of a few words repeated made them a sixth of the work).
#[derive(Default)]
pub struct PrefixMemo(super::WordMap<(u32, u64), (Option<usize>, bool)>);

impl SortedRuns<u32> {
    /// `find_prefix`, remembered in `memo` for runs of one or two ids.
    pub fn find_prefix_memo(&self, run: &[u32], memo: &mut PrefixMemo) -> (Option<usize>, bool) {
        let key = match *run {
            [a] => (a, 0),
            [a, b] => (a, u64::from(b) + 1),
            _ => return self.find_prefix(run),
        };
        *memo.0.entry(key).or_insert_with(|| self.find_prefix(run))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_memo_gives_find_prefix_answers() {
        let table = SortedRuns::from_sorted([&[1u32, 2][..], &[1, 2, 3], &[2], &[4, u32::MAX - 1]]);
        let mut memo = PrefixMemo::default();
        for run in [
            &[1][..],
            &[1, 2],
            &[2],
            &[2, 0],
            &[4],
            &[4, u32::MAX - 1],
            &[4, u32::MAX],
            &[1, 2, 3],
        ] {
            // Twice: the second answer comes from the memo.
            for _ in 0..2 {
                assert_eq!(
                    table.find_prefix_memo(run, &mut memo),
                    table.find_prefix(run),
                    "{run:?}"
                );
            }
        }
    }

    #[test]
    fn find_prefix_finds_runs_and_says_whether_longer_ones_start_so() {
        let table = SortedRuns::from_sorted([&[1u32, 2][..], &[1, 2, 3], &[2], &[4, 1, 1]]);
        assert_eq!(table.find_prefix(&[1]), (None, true));
        assert_eq!(table.find_prefix(&[1, 2]), (Some(0), true));
        assert_eq!(table.find_prefix(&[1, 2, 3]), (Some(1), true));
        assert_eq!(table.find_prefix(&[1, 2, 3, 4]), (None, false));
        assert_eq!(table.find_prefix(&[2]), (Some(2), true));
        assert_eq!(table.find_prefix(&[2, 0]), (None, false));
        assert_eq!(table.find_prefix(&[3]), (None, false));
        assert_eq!(table.find_prefix(&[4, 1]), (None, true));
        assert_eq!(table.find_prefix(&[5]), (None, false));
        // Agrees with `find` on every run and every run's prefixes.
        for run in table.iter() {
            for n in 1..=run.len() {
                assert_eq!(table.find_prefix(&run[..n]).0, table.find(&run[..n]));
                assert!(table.find_prefix(&run[..n]).1);
            }
        }
    }

    #[test]
    fn range_is_where_get_reads() {
        let grouped = Grouped::new(vec![("b", 7), ("a", 1), ("b", 3), ("c", 0)]);
        assert_eq!(grouped.range("a"), 0..1);
        assert_eq!(grouped.range("b"), 1..3);
        assert_eq!(grouped.range("bb"), 3..3);
        assert_eq!(grouped.range("z"), 4..4);
        for key in ["a", "b", "c", "0", "z"] {
            let read: Vec<usize> = grouped.values[grouped.range(key)]
                .iter()
                .map(|&v| v as usize)
                .collect();
            assert_eq!(read, grouped.get(key).collect::<Vec<_>>());
        }
    }
}
