//! Tokens: text normalization shared by the knowledge base's phrases and a user's
//! query, and the split into clauses.
//!
//! Both sides go through the same steps, so a phrase written `calf cramp` in the KB
//! matches `Calf-cramps`, `calf cramping` or `CALF CRAMPS` in a query.

use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

use super::lexicon::{classes, has, irregular_base, is, Class};

/// One word of normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word as written, lower-cased, NFKC-normalized, apostrophes and invisible
    /// characters dropped, look-alike and accented letters folded to plain ASCII.
    pub surface: String,
    /// The word's stem (English Snowball, after the irregular-plural map).
    pub stem: String,
    /// Index of the clause this word belongs to; clauses end at punctuation and at
    /// contrast words such as "but", so negation never reaches past them.
    pub clause: usize,
    /// True when this word starts a clause that a comma began: such a break may
    /// still continue a negated list ("no numbness, tingling or weakness").
    pub after_comma: bool,
    /// Index of the sentence: sentences end at `. ! ? ;`, brackets and line
    /// breaks, not at commas. Concept patterns and context scopes stay inside one.
    pub sentence: usize,
    /// True when this word's clause began at a bracket: it opens or follows a
    /// closed aside ("Years ago (2016) I had numbness"), which the context layer
    /// lets a history cue reach across.
    pub after_bracket: bool,
    /// A possessive or a form of "to be" stood right before this word and was
    /// dropped ("my lips are blue"): a sign that a new statement starts here
    /// rather than a list going on, which the context layer reads.
    pub cue: bool,
    /// "my" stood right before this word and was dropped ("my legs"): the writer
    /// names their own body part, person or thing, which [`super`] reads to tell
    /// whose a symptom is.
    pub mine: bool,
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The stem of one already lower-cased word.
pub fn stem(word: &str) -> String {
    stem_of(word, classes(word))
}

/// [`stem`], given the word's [`classes`].
fn stem_of(word: &str, classes: u32) -> String {
    if has(classes, Class::BodyVerb) {
        return word.to_string();
    }
    if let Some(base) = irregular_base(word) {
        return stemmer().stem(base).into_owned();
    }
    stemmer().stem(word).into_owned()
}

/// True for a word dropped before matching (articles and possessives).
pub fn is_dropped(word: &str) -> bool {
    is(Class::Dropped, word)
}

/// True for a word that ends a clause.
pub fn is_clause_break(word: &str) -> bool {
    is(Class::ClauseBreak, word)
}

/// Maps the typographic variants people paste (curly quotes, dashes) to plain ones.
fn straighten(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

/// What a non-ASCII character becomes in a word.
enum Folded {
    /// A default-ignorable code point (soft hyphen, zero-width space or joiner,
    /// BOM...): dropped without breaking the word.
    Drop,
    /// A combining mark: dropped inside a word (an accent on its letter).
    Mark,
    /// The plain ASCII letters it looks like: a Cyrillic "а", an "é", a "ﬁ".
    Ascii([char; 4], usize),
    /// Kept as it is.
    Keep,
}

/// Folds one non-ASCII character with Unicode's confusable skeleton (UTS #39, from
/// `unicode-security`): the skeleton drops default-ignorable code points, maps
/// look-alikes to their prototype and decomposes accented letters; the combining
/// marks left are dropped. Only a result of plain ASCII letters and digits is
/// taken, so scripts without an ASCII look-alike keep their letters.
fn fold(c: char) -> Folded {
    let mut buf = [0; 4];
    let (mut letters, mut n, mut any, mut ascii) = (['\0'; 4], 0, false, true);
    for s in unicode_security::skeleton(c.encode_utf8(&mut buf)) {
        any = true;
        if unicode_normalization::char::is_combining_mark(s) {
            continue;
        }
        if s.is_ascii_alphanumeric() && n < letters.len() {
            letters[n] = s;
            n += 1;
        } else {
            ascii = false;
        }
    }
    if !any {
        Folded::Drop
    } else if ascii && n > 0 {
        Folded::Ascii(letters, n)
    } else if unicode_normalization::char::is_combining_mark(c) {
        Folded::Mark
    } else {
        Folded::Keep
    }
}

/// What a word as written is to the tokenizer: a clause break, a dropped word
/// (and whether it cues a new statement), or a word with its stem.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Break,
    Dropped { cue: bool, mine: bool },
    Word { stem: String },
}

impl Kind {
    fn of(surface: &str) -> Kind {
        // One lookup for the word's classes, not one per list.
        let classes = classes(surface);
        if has(classes, Class::ClauseBreak) {
            Kind::Break
        } else if has(classes, Class::Dropped) {
            Kind::Dropped {
                cue: has(classes, Class::Cue),
                mine: surface == "my",
            }
        } else {
            Kind::Word {
                stem: stem_of(surface, classes),
            }
        }
    }
}

/// Slots in the tokenizer's memo of recent words (a power of two).
const MEMO_SLOTS: usize = 4096;

/// Bytes of text from which the tokenizer keeps a memo: a shorter one (every
/// KB phrase, nearly every message) has too few repeats to pay for the table.
const MEMO_FROM: usize = 4096;

/// The last words seen, each with its [`Kind`], in a fixed table indexed by a
/// hash of the word: a long text repeats its words, and stemming one and
/// scanning the word lists for it cost a third of a long line's time. A word
/// whose slot another took is simply worked out again, so the table never grows
/// and a line of distinct words costs little more than before.
struct Memo(Vec<Option<(String, Kind)>>);

thread_local! {
    /// Whether this thread keeps its [`Memo`] from one text to the next (see
    /// [`keep_memo`]); a plain flag, so a thread that never asks pays nothing.
    static KEEP: Cell<bool> = const { Cell::new(false) };
    /// The memo kept between texts while [`KEEP`] is set.
    static KEPT: RefCell<Option<Memo>> = const { RefCell::new(None) };
}

/// Makes this thread keep the tokenizer's memo of words from one text to the
/// next: a batch's queries share most of their words, and stemming them again
/// each time cost about a tenth of a batch's time. The table is fixed in size,
/// so it never grows; only a batch's worker threads ask for this.
pub fn keep_memo() {
    KEEP.set(true);
}

impl Memo {
    fn for_text(text: &str) -> Self {
        if KEEP.get() {
            return KEPT.take().unwrap_or_else(|| Memo(vec![None; MEMO_SLOTS]));
        }
        Memo(if text.len() >= MEMO_FROM {
            vec![None; MEMO_SLOTS]
        } else {
            Vec::new()
        })
    }

    /// Hands the memo back for the next text, when this thread keeps it.
    fn done(self) {
        if KEEP.get() {
            KEPT.set(Some(self));
        }
    }

    fn slot(word: &str) -> usize {
        let mut h: u64 = 0;
        for &b in word.as_bytes() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        (h >> (64 - MEMO_SLOTS.trailing_zeros())) as usize
    }

    /// The kind of `surface`: what [`Kind::of`] says, from the table when it
    /// holds the word.
    fn kind(&mut self, surface: &str) -> Kind {
        if self.0.is_empty() {
            return Kind::of(surface);
        }
        let slot = &mut self.0[Self::slot(surface)];
        match slot {
            Some((word, kind)) if word == surface => kind.clone(),
            _ => {
                let kind = Kind::of(surface);
                *slot = Some((surface.to_string(), kind.clone()));
                kind
            }
        }
    }
}

/// Splits text into tokens. Punctuation that ends a clause (`, ; . ! ? :` and
/// brackets, line breaks) and clause-break words start a new clause.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let (mut clause, mut sentence) = (0, 0);
    let mut word = String::new();
    // The break seen since the last word, if any: Some(true) for a lone comma.
    let mut pending: Option<bool> = None;
    // A sentence break seen since the last word.
    let mut new_sentence = false;
    // A possessive or "to be" dropped since the last word, and whether the last
    // dropped word was "my".
    let mut cue = (false, false);
    // A bracket seen since the last word, and whether a closed aside is open.
    let mut bracket = false;
    let mut aside = false;
    let mut closes = closing_brackets(text).into_iter();
    let mut memo = Memo::for_text(text);

    let mut flush = |word: &mut String,
                     clause: &mut usize,
                     pending: &mut Option<bool>,
                     new_sentence: &mut bool,
                     cue: &mut (bool, bool),
                     bracket: &mut bool| {
        if word.is_empty() {
            return;
        }
        let surface = std::mem::take(word);
        let stem = match memo.kind(&surface) {
            Kind::Break => {
                *pending = Some(false);
                return;
            }
            Kind::Dropped { cue: cues, mine } => {
                cue.0 |= cues;
                cue.1 = mine;
                return;
            }
            Kind::Word { stem } => stem,
        };
        let after_bracket = std::mem::take(bracket);
        let (after_comma, after_bracket) = match pending.take() {
            Some(comma) if !tokens.is_empty() => {
                *clause += 1;
                (comma, after_bracket)
            }
            _ => (false, false),
        };
        if std::mem::take(new_sentence) && !tokens.is_empty() {
            sentence += 1;
        }
        tokens.push(Token {
            surface,
            stem,
            clause: *clause,
            after_comma,
            sentence,
            after_bracket,
            cue: std::mem::take(&mut cue.0),
            mine: std::mem::take(&mut cue.1),
        });
    };

    // ASCII text is its own NFKC form: normalizing it would cost a quarter of
    // the time of a long query for nothing.
    let chars: Box<dyn Iterator<Item = char>> = if text.is_ascii() {
        Box::new(text.chars())
    } else {
        Box::new(text.nfkc())
    };
    let mut chars = chars.map(straighten).peekable();
    while let Some(c) = chars.next() {
        // A decimal point or comma inside a number ("38.9", "39,5") splits the
        // number's words but breaks neither the clause nor the sentence, so a
        // temperature does not cut "temp 38.9 and a stiff neck" in two.
        if matches!(c, '.' | ',')
            && word.starts_with(|d: char| d.is_ascii_digit())
            && word.ends_with(|d: char| d.is_ascii_digit())
            && chars.peek().is_some_and(|d| d.is_ascii_digit())
        {
            flush(
                &mut word,
                &mut clause,
                &mut pending,
                &mut new_sentence,
                &mut cue,
                &mut bracket,
            );
            continue;
        }
        // Outside ASCII: invisible characters are dropped, look-alike letters and
        // accented Latin letters fold to the plain ASCII letter (see `fold`).
        let c = if c.is_ascii() {
            c
        } else {
            match fold(c) {
                Folded::Drop => continue,
                Folded::Mark if !word.is_empty() => continue,
                Folded::Ascii(letters, n) => {
                    word.extend(letters[..n].iter().map(|l| l.to_ascii_lowercase()));
                    continue;
                }
                Folded::Mark | Folded::Keep => c,
            }
        };
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == '\'' {
            // Dropped inside a word ("don't" -> "dont"); a quote mark otherwise.
            if word.is_empty() {
                continue;
            }
        } else {
            flush(
                &mut word,
                &mut clause,
                &mut pending,
                &mut new_sentence,
                &mut cue,
                &mut bracket,
            );
            if matches!(c, '(' | '[') {
                aside = closes.next().unwrap_or(false);
            } else if matches!(c, ')' | ']' | '\n') {
                aside = false;
            }
            bracket |= matches!(c, '(' | ')' | '[' | ']');
            if c == ',' && pending.is_none() {
                pending = Some(true);
            } else if matches!(
                c,
                ',' | ';' | '.' | '!' | '?' | ':' | '(' | ')' | '[' | ']' | '\n' | '\r'
            ) {
                pending = Some(false);
                // Brackets hold an aside inside the sentence ("my baby (9 months)
                // has jerks"): they end a clause, not the sentence.
                // A question or full stop inside a closed aside ("when I was 12
                // (high temperature thing?) and nothing since") ends the aside's
                // clause, not the sentence around it.
                let inside_aside = aside && matches!(c, '.' | '!' | '?');
                new_sentence |= !(matches!(c, ',' | ':' | '(' | ')' | '[' | ']') || inside_aside);
            }
        }
    }
    flush(
        &mut word,
        &mut clause,
        &mut pending,
        &mut new_sentence,
        &mut cue,
        &mut bracket,
    );
    memo.done();
    tokens
}

/// For each opening bracket of `text` in turn, whether it is closed on its own
/// line before another opening bracket: only such a one starts an aside whose
/// full stops and question marks stay inside the sentence (a smiley's "(" never
/// closes). The same characters as `tokenize` reads (NFKC, straightened).
fn closing_brackets(text: &str) -> Vec<bool> {
    if !text.contains(['(', '[', '\u{ff08}', '\u{ff3b}']) {
        return Vec::new();
    }
    let chars: Box<dyn Iterator<Item = char>> = if text.is_ascii() {
        Box::new(text.chars())
    } else {
        Box::new(text.nfkc())
    };
    let mut closed = Vec::new();
    let mut open: Option<usize> = None;
    for c in chars.map(straighten) {
        match c {
            '(' | '[' => {
                open = Some(closed.len());
                closed.push(false);
            }
            ')' | ']' | '\n' => {
                if let Some(k) = open.take() {
                    closed[k] = c != '\n';
                }
            }
            _ => {}
        }
    }
    closed
}

/// The normalized form of a phrase: its stems joined by single spaces. Two phrases
/// with the same key match the same words.
pub fn phrase_key(phrase: &str) -> String {
    tokenize(phrase)
        .iter()
        .map(|t| t.stem.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn word_forms_share_a_stem() {
        assert_eq!(stems("cramps cramping cramped"), ["cramp"; 3]);
        assert_eq!(stems("twitches twitching twitched"), ["twitch"; 3]);
        assert_eq!(stems("calves calf"), ["calf", "calf"]);
        assert_eq!(stems("feet"), ["foot"]);
    }

    #[test]
    fn verbs_made_from_body_parts_are_not_the_body_part() {
        assert_eq!(
            stems("necked headed handed"),
            ["necked", "headed", "handed"]
        );
        assert_eq!(stems("neck necks head"), ["neck", "neck", "head"]);
    }

    #[test]
    fn case_unicode_quotes_and_dashes() {
        assert_eq!(stems("DON\u{2019}T"), ["dont"]);
        assert_eq!(stems("cola\u{2013}colored"), stems("cola colored"));
        // NFKC folds the full-width letters people sometimes paste.
        assert_eq!(stems("\u{FF23}\u{FF32}\u{FF21}\u{FF2D}\u{FF30}"), ["cramp"]);
    }

    #[test]
    fn invisible_characters_look_alikes_and_accents_fold() {
        // Soft hyphen, zero-width space, joiner, word joiner, BOM inside a word.
        for invisible in ['\u{00AD}', '\u{200B}', '\u{200D}', '\u{2060}', '\u{FEFF}'] {
            assert_eq!(stems(&format!("brea{invisible}thing")), stems("breathing"));
        }
        // Cyrillic а and с in "calf", "сramp"; Greek ο in "numbness".
        assert_eq!(stems("\u{0441}\u{0430}lf"), ["calf"]);
        assert_eq!(stems("numbne\u{0455}\u{0455}"), stems("numbness"));
        // Accents composed and combining, on Latin letters.
        assert_eq!(stems("fi\u{00E8}vre"), stems("fievre"));
        assert_eq!(stems("cra\u{0301}mp"), ["cramp"]);
        assert_eq!(stems("CAF\u{00C9}"), stems("cafe"));
        // Letters with no ASCII look-alike stay as they are.
        assert_eq!(tokenize("\u{4E2D}\u{6587}")[0].surface, "\u{4E2D}\u{6587}");
    }

    #[test]
    fn determiners_are_dropped() {
        assert_eq!(phrase_key("closes my eye"), phrase_key("closes eye"));
        assert_eq!(phrase_key("a lot of water"), phrase_key("lot of water"));
    }

    #[test]
    fn clauses_split_at_punctuation_and_contrast_words() {
        let t = tokenize("no fever, arm weak but legs fine");
        let clauses: Vec<usize> = t.iter().map(|t| t.clause).collect();
        assert_eq!(clauses, [0, 0, 1, 1, 2, 2]);
    }

    #[test]
    fn sentences_end_at_full_stops_not_commas() {
        let t = tokenize("no fever, arm weak. legs fine; ok");
        let sentences: Vec<usize> = t.iter().map(|t| t.sentence).collect();
        assert_eq!(sentences, [0, 0, 0, 0, 1, 1, 2]);
    }

    #[test]
    fn a_dropped_possessive_or_be_cues_a_new_statement() {
        let t = tokenize("no pain and my lips are blue");
        let cues: Vec<bool> = t.iter().map(|t| t.cue).collect();
        assert_eq!(cues, [false, false, false, true, true]);
        // Articles are no such cue.
        assert!(!tokenize("a cramp")[0].cue);
    }

    #[test]
    fn the_memo_gives_what_working_each_word_out_gives() {
        let mut memo = Memo(vec![None; MEMO_SLOTS]);
        // Far more distinct words than slots, so many share one, each seen twice.
        let words: Vec<String> = (0..3 * MEMO_SLOTS)
            .map(|i| format!("cramp{}", i % (2 * MEMO_SLOTS)))
            .chain(["but", "the", "my", "is", "feet", "twitching"].map(String::from))
            .collect();
        for word in words.iter().chain(&words) {
            assert_eq!(memo.kind(word), Kind::of(word), "{word}");
        }
    }

    #[test]
    fn a_long_text_tokenizes_as_its_sentences_do() {
        let sentence = "No calf cramps, but my eyelid is twitching and the feet ache.";
        let one = tokenize(sentence);
        let text = [sentence; 200].join(" ");
        assert!(text.len() > MEMO_FROM);
        let long = tokenize(&text);
        assert_eq!(long.len(), one.len() * 200);
        for (k, t) in long.iter().enumerate() {
            let o = &one[k % one.len()];
            assert_eq!((&t.surface, &t.stem, t.cue), (&o.surface, &o.stem, o.cue));
            assert_eq!(t.after_comma, o.after_comma);
        }
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(tokenize("").is_empty());
        assert!(tokenize("  ?!,. \t").is_empty());
    }
}
