//! The byte codec of the pre-built knowledge base: little-endian u32 numbers,
//! strings as a length then UTF-8 bytes. The format is private to one build.

#[derive(Default)]
pub struct Writer(Vec<u8>);

impl Writer {
    pub fn new() -> Self {
        Writer(Vec::new())
    }

    /// The bytes written.
    pub fn finish(self) -> Vec<u8> {
        self.0
    }

    pub fn num(&mut self, n: usize) {
        let n = u32::try_from(n).expect("knowledge base fits u32 counts");
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    /// None as 0, Some(i) as i + 1.
    pub fn opt(&mut self, n: Option<usize>) {
        self.num(n.map_or(0, |i| i + 1));
    }

    pub fn str(&mut self, s: &str) {
        self.num(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    pub fn strs(&mut self, items: &[String]) {
        self.num(items.len());
        for s in items {
            self.str(s);
        }
    }

    pub fn sets(&mut self, sets: &[Vec<String>]) {
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

    pub fn bytes(&mut self, bytes: &[u8]) {
        self.num(bytes.len());
        self.0.extend_from_slice(bytes);
    }
}

pub struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader(bytes)
    }

    /// True when every byte was read.
    pub fn is_done(&self) -> bool {
        self.0.is_empty()
    }

    pub fn num(&mut self) -> usize {
        let (head, rest) = self.0.split_at(4);
        self.0 = rest;
        u32::from_le_bytes(head.try_into().expect("4 bytes")) as usize
    }

    pub fn opt(&mut self) -> Option<usize> {
        self.num().checked_sub(1)
    }

    pub fn str(&mut self) -> String {
        let len = self.num();
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        std::str::from_utf8(head)
            .expect("build.rs wrote UTF-8")
            .to_string()
    }

    pub fn strs(&mut self) -> Vec<String> {
        (0..self.num()).map(|_| self.str()).collect()
    }

    pub fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Vec<T> {
        (0..self.num()).map(|_| item(self)).collect()
    }

    pub fn ids(&mut self) -> Vec<u32> {
        let len = self.num() * 4;
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        head.chunks_exact(4)
            .map(|n| u32::from_le_bytes(n.try_into().expect("4 bytes")))
            .collect()
    }

    pub fn bytes(&mut self) -> Vec<u8> {
        let len = self.num();
        let (head, rest) = self.0.split_at(len);
        self.0 = rest;
        head.to_vec()
    }
}
