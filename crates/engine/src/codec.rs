//! The byte codec of the pre-built knowledge base: little-endian u32 numbers,
//! strings as a length in the stream and their UTF-8 bytes in a pool after it.
//! The format is private to one build.
//!
//! The pool holds every string end to end, in the order written, so reading
//! checks it is UTF-8 once, not once per string (~20 000 of them), and each
//! string read is a slice of it.

use std::borrow::Cow;

use crate::kb::Text;

/// A table of the pre-built KB: borrowed from the embedded bytes where they can
/// be used as they are (little-endian numbers, 4-byte aligned), else decoded.
/// Borrowed, a table costs nothing to read and its pages are loaded only when a
/// lookup touches them: copying every table at start-up was a third of one
/// `check`'s page faults.
pub type Stored<T> = Cow<'static, [T]>;

#[derive(Default)]
pub struct Writer {
    /// Numbers, lengths and raw bytes, in the order written.
    stream: Vec<u8>,
    /// Every string's bytes, in the order written.
    pool: String,
}

impl Writer {
    pub fn new() -> Self {
        Writer::default()
    }

    /// The stream and the pool apart: build.rs embeds the pool with
    /// `include_str!`, whose UTF-8 the compiler checks, so start-up need not.
    pub fn finish_parts(self) -> (Vec<u8>, String) {
        (self.stream, self.pool)
    }

    /// The bytes written: the stream's length, the stream, then the pool.
    pub fn finish(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + self.stream.len() + self.pool.len());
        let len = u32::try_from(self.stream.len()).expect("knowledge base fits u32 counts");
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&self.stream);
        out.extend_from_slice(self.pool.as_bytes());
        out
    }

    pub fn num(&mut self, n: usize) {
        let n = u32::try_from(n).expect("knowledge base fits u32 counts");
        self.stream.extend_from_slice(&n.to_le_bytes());
    }

    /// None as 0, Some(i) as i + 1.
    pub fn opt(&mut self, n: Option<usize>) {
        self.num(n.map_or(0, |i| i + 1));
    }

    pub fn str(&mut self, s: &str) {
        self.num(s.len());
        self.pool.push_str(s);
    }

    pub fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.num(items.len());
        for s in items {
            self.str(s.as_ref());
        }
    }

    pub fn sets<S: AsRef<str>>(&mut self, sets: &[Vec<S>]) {
        self.num(sets.len());
        for set in sets {
            self.strs(set);
        }
    }

    /// A list of numbers (stem ids, offsets).
    pub fn ids(&mut self, ids: &[u32]) {
        self.num(ids.len());
        for &id in ids {
            self.num(id as usize);
        }
    }

    /// Raw bytes, padded to a multiple of 4 so that the numbers after them stay
    /// 4-byte aligned (see [`Stored`]).
    pub fn bytes(&mut self, bytes: &[u8]) {
        self.num(bytes.len());
        self.stream.extend_from_slice(bytes);
        self.stream.resize(self.stream.len().next_multiple_of(4), 0);
    }
}

pub struct Reader<'a> {
    /// What is left of the stream.
    stream: &'a [u8],
    /// What is left of the pool: the strings not read yet.
    pool: &'a str,
}

/// Texts borrowed for the life of the program: the embedded pre-built KB.
impl Reader<'static> {
    pub fn text(&mut self) -> Text {
        Text::Borrowed(self.str())
    }

    pub fn texts(&mut self) -> Vec<Text> {
        (0..self.num()).map(|_| self.text()).collect()
    }

    /// What [`Writer::ids`] wrote, borrowed when it can be.
    pub fn id_table(&mut self) -> Stored<u32> {
        let len = self.num() * 4;
        let bytes = self.take(len);
        if cfg!(target_endian = "little") {
            if let Ok(ids) = bytemuck::try_cast_slice(bytes) {
                return Cow::Borrowed(ids);
            }
        }
        Cow::Owned(decode_ids(bytes))
    }

    /// What [`Writer::bytes`] wrote, borrowed.
    pub fn byte_table(&mut self) -> Stored<u8> {
        let len = self.num();
        let bytes = self.take(len);
        self.take(len.next_multiple_of(4) - len);
        Cow::Borrowed(bytes)
    }
}

fn decode_ids(bytes: &[u8]) -> Vec<u32> {
    bytes
        .chunks_exact(4)
        .map(|n| u32::from_le_bytes(n.try_into().expect("4 bytes")))
        .collect()
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        let (len, rest) = bytes.split_at(4);
        let len = u32::from_le_bytes(len.try_into().expect("4 bytes")) as usize;
        let (stream, pool) = rest.split_at(len);
        let pool = std::str::from_utf8(pool).expect("build.rs wrote UTF-8");
        Reader::from_parts(stream, pool)
    }

    /// Reads what [`Writer::finish_parts`] gave.
    pub fn from_parts(stream: &'a [u8], pool: &'a str) -> Self {
        Reader { stream, pool }
    }

    /// True when every byte was read.
    pub fn is_done(&self) -> bool {
        self.stream.is_empty() && self.pool.is_empty()
    }

    /// The next `len` bytes of the stream.
    fn take(&mut self, len: usize) -> &'a [u8] {
        let (head, rest) = self.stream.split_at(len);
        self.stream = rest;
        head
    }

    pub fn num(&mut self) -> usize {
        u32::from_le_bytes(self.take(4).try_into().expect("4 bytes")) as usize
    }

    pub fn opt(&mut self) -> Option<usize> {
        self.num().checked_sub(1)
    }

    /// A string borrowed from the bytes read, not copied.
    pub fn str(&mut self) -> &'a str {
        let len = self.num();
        // Each string was pushed whole, so `len` falls on a character boundary.
        let (head, rest) = self.pool.split_at(len);
        self.pool = rest;
        head
    }

    pub fn strs(&mut self) -> Vec<&'a str> {
        (0..self.num()).map(|_| self.str()).collect()
    }

    pub fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Vec<T> {
        (0..self.num()).map(|_| item(self)).collect()
    }

    pub fn ids(&mut self) -> Vec<u32> {
        let len = self.num() * 4;
        decode_ids(self.take(len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tables are read in place from aligned bytes and decoded from unaligned
    /// ones, with the same values; the padding after raw bytes keeps what
    /// follows aligned.
    #[test]
    fn tables_read_in_place_or_decoded_are_the_same() {
        let mut w = Writer::new();
        w.bytes(b"abcde");
        w.ids(&[1, 70_000, u32::MAX]);
        w.str("pool");
        let (stream, pool) = w.finish_parts();
        let pool: &'static str = pool.leak();
        // In 4-byte words, so aligned; and one byte after an allocation's start
        // (allocations are at least 4-aligned), so not.
        let mut words = vec![0u32; stream.len() / 4];
        bytemuck::cast_slice_mut(&mut words).copy_from_slice(&stream);
        let aligned: &'static [u8] = bytemuck::cast_slice(words.leak());
        let unaligned: &'static [u8] = &[&[0], &stream[..]].concat().leak()[1..];
        for (bytes, in_place) in [
            (aligned, cfg!(target_endian = "little")),
            (unaligned, false),
        ] {
            let mut r = Reader::from_parts(bytes, pool);
            assert_eq!(&*r.byte_table(), b"abcde");
            let ids = r.id_table();
            assert_eq!(&*ids, &[1, 70_000, u32::MAX]);
            assert_eq!(matches!(ids, Cow::Borrowed(_)), in_place);
            assert_eq!(r.str(), "pool");
            assert!(r.is_done());
        }
    }
}
