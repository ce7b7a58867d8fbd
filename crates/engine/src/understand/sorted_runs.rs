//! The one table shape the compiled patterns and typo forms use.

use crate::codec::Stored;

/// Distinct sequences (strings as bytes, phrases as stem ids) in sorted order,
/// stored end to end in one vector and found by binary search. The pre-built KB
/// stores the tables in this form, so reading one costs two allocations rather
/// than one per item, and no hashing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SortedRuns<T: Clone + 'static> {
    pub items: Stored<T>,
    /// Where each sequence ends in `items`; it starts where the one before ends.
    pub ends: Stored<u32>,
}

impl<T: Ord + Clone> SortedRuns<T> {
    /// From distinct sequences already in sorted order.
    pub fn from_sorted<'a>(runs: impl IntoIterator<Item = &'a [T]>) -> Self
    where
        T: 'a,
    {
        let (mut items, mut ends) = (Vec::new(), Vec::new());
        for run in runs {
            items.extend_from_slice(run);
            ends.push(items.len() as u32);
        }
        SortedRuns {
            items: items.into(),
            ends: ends.into(),
        }
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
        self.find_prefix_within(run, 0, self.len())
    }

    /// [`SortedRuns::find_prefix`] among the runs `low..high`, which hold every
    /// run of the table that could start with `run`.
    fn find_prefix_within(
        &self,
        run: &[T],
        mut low: usize,
        mut high: usize,
    ) -> (Option<usize>, bool) {
        // The first run not below `run`: `run` itself, else the first longer one
        // starting with it, if any is in the range.
        let end = high;
        while low < high {
            let mid = (low + high) / 2;
            if self.get(mid) < run {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if low == end {
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
pub struct Grouped<K: Clone + 'static> {
    /// One key a value, sorted; a key's values keep the order they were given in.
    pub keys: Stored<K>,
    pub values: Stored<u32>,
}

impl<K: Ord + Clone> Grouped<K> {
    /// From (key, value) pairs; each key's values stay in the pairs' order.
    pub fn new(mut pairs: Vec<(K, u32)>) -> Self {
        // A stable sort: equal keys keep their order.
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        let (keys, values): (Vec<K>, Vec<u32>) = pairs.into_iter().unzip();
        Grouped {
            keys: keys.into(),
            values: values.into(),
        }
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

/// Where the runs of a table of ids that start with each id lie: those starting
/// with id `a` are `starts[a]..starts[a + 1]` (the table is sorted, so they stand
/// together). Worked out from the table when it is read, so a lookup of a word
/// goes straight to the few runs starting with it, not through the whole table.
#[derive(Debug, Clone, Default)]
pub struct FirstRanges(Stored<u32>);

impl FirstRanges {
    /// The table as stored in the pre-built form ([`FirstRanges::stored`]):
    /// working it out again costs more than the rest of reading the KB.
    pub fn from_stored(starts: Stored<u32>) -> Self {
        FirstRanges(starts)
    }

    pub fn stored(&self) -> &[u32] {
        &self.0
    }

    pub fn of(table: &SortedRuns<u32>) -> Self {
        let n = table.len();
        let max = table.iter().filter_map(|r| r.first()).max();
        let Some(&max) = max else {
            return FirstRanges(Stored::default());
        };
        let mut starts = Vec::with_capacity(max as usize + 2);
        let mut i = 0;
        for a in 0..=max as u64 + 1 {
            while i < n && table.get(i).first().is_none_or(|&f| u64::from(f) < a) {
                i += 1;
            }
            starts.push(i as u32);
        }
        FirstRanges(starts.into())
    }
}

impl SortedRuns<u32> {
    /// [`SortedRuns::find_prefix`], searching only the runs that start with
    /// `run`'s first id (`firsts` is [`FirstRanges::of`] this table).
    pub fn find_prefix_from(&self, run: &[u32], firsts: &FirstRanges) -> (Option<usize>, bool) {
        let Some(&first) = run.first() else {
            return self.find_prefix(run);
        };
        let first = first as usize;
        if first + 1 >= firsts.0.len() {
            return (None, false);
        }
        self.find_prefix_within(run, firsts.0[first] as usize, firsts.0[first + 1] as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_prefix_from_gives_find_prefix_answers() {
        let table =
            SortedRuns::from_sorted([&[1u32, 2][..], &[1, 2, 3], &[2], &[4, 1, 1], &[4, 3], &[6]]);
        let firsts = FirstRanges::of(&table);
        for a in 0..9 {
            for b in 0..5 {
                for c in [0, 1, 3, u32::MAX] {
                    for run in [&[a][..], &[a, b], &[a, b, c], &[a, u32::MAX]] {
                        assert_eq!(
                            table.find_prefix_from(run, &firsts),
                            table.find_prefix(run),
                            "{run:?}"
                        );
                    }
                }
            }
        }
        let empty = SortedRuns::<u32>::default();
        assert_eq!(
            empty.find_prefix_from(&[3], &FirstRanges::of(&empty)),
            (None, false)
        );
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
