//! The knowledge base: findings, causes, the links between them, and red flags.
//!
//! `load` turns TOML text into a validated [`KnowledgeBase`] whose references are
//! indices, so later stages never look an id up by name or meet a dangling one.
//! The file format is documented in `data/README.md`.

mod concepts;
mod helps;
mod load;
mod problems;
mod questions;
mod read;

pub use concepts::MAX_WITHIN;
pub use problems::Problem;
pub use read::{
    load_file, load_path, load_sources, load_text, read_sources, LoadError, Source, MAX_KB_BYTES,
};

use serde::Serialize;

/// A text of the knowledge base. A KB loaded from TOML owns its texts; the
/// embedded one borrows them from the binary's pre-built bytes (see
/// `crate::prebuilt`), so starting up copies none of its ~20 000 strings.
pub type Text = std::borrow::Cow<'static, str>;

/// Embeds one file of the shipped KB, by its path from the repository root.
macro_rules! shipped {
    ($path:literal) => {
        (
            $path,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../", $path)),
        )
    };
}

/// The shipped knowledge base's files, the main file first, as (name, text). The
/// app embeds them pre-built by its build.rs (see `crate::prebuilt` and the app's
/// `src/knowledge.rs`); the texts themselves are for tests and tools. A file added
/// to `include` in data/knowledge.toml must be added here too (loading
/// [`embedded_sources`] fails until it is).
pub const EMBEDDED_FILES: &[(&str, &str)] = &[
    shipped!("data/knowledge.toml"),
    shipped!("data/medicines.toml"),
    shipped!("data/context.toml"),
    shipped!("data/concepts.toml"),
    shipped!("data/concepts-findings.toml"),
    shipped!("data/questions.toml"),
];

/// The shipped knowledge base's files as sources for [`load_sources`].
pub fn embedded_sources() -> Vec<Source> {
    EMBEDDED_FILES
        .iter()
        .map(|(name, text)| Source {
            name: name.to_string(),
            text: text.to_string(),
        })
        .collect()
}

/// The shipped knowledge base, loaded from its text (tests and tools; the app
/// uses its pre-built form).
pub fn load_embedded() -> Result<KnowledgeBase, Vec<Problem>> {
    load_sources(&embedded_sources())
}

/// The name error messages give the embedded knowledge base.
pub const EMBEDDED_NAME: &str = "data/knowledge.toml";

/// A validated knowledge base.
#[derive(Debug, Clone, PartialEq)]
pub struct KnowledgeBase {
    pub findings: Vec<Finding>,
    pub causes: Vec<Cause>,
    pub red_flags: Vec<RedFlag>,
    /// Word classes (`urine` = urine, pee, wee, ...) that patterns are written over.
    pub classes: Vec<Class>,
    /// Findings, red flags and named causes defined over classes.
    pub patterns: Vec<Pattern>,
    /// ConText trigger terms: negation, history, hypotheticals, other people.
    pub context: Vec<ContextRule>,
}

/// A word class: every term (a word or phrase) that stands for one concept.
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub id: Text,
    pub name: Text,
    /// The class's own terms with every `@class` it includes expanded, without
    /// duplicates, in file order.
    pub terms: Vec<Text>,
    /// A state the person is in, not an event (a medicine they take, an operation
    /// they had): it holds for the whole message about that person, so a
    /// pattern may take it from another sentence (see `understand::concepts`).
    pub state: bool,
}

/// What a pattern reports when all its elements are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PatternTarget {
    Finding(usize),
    RedFlag(usize),
    /// The person named or asked about a cause ("could it be low magnesium?").
    Cause(usize),
}

/// One element of a pattern: a class (`@urine`) or a plain word or phrase.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Element {
    Class(usize),
    Phrase(Text),
}

/// A finding, red flag or cause defined as classes found together.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub target: PatternTarget,
    /// Every element must be found, each at a different position, in any order.
    pub all: Vec<Element>,
    /// The elements span at most this many words.
    pub within: u32,
    pub scope: Scope,
}

/// The default for [`Pattern::within`].
pub const DEFAULT_WITHIN: u32 = 10;

/// One ConText rule: a trigger term, what it does and which way its scope runs.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextRule {
    pub literal: Text,
    pub category: ContextCategory,
    pub direction: Direction,
}

/// Something a person can report: a body area, a symptom or a context.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub id: Text,
    pub name: Text,
    pub family: Family,
    pub phrases: Vec<Text>,
    /// Index of the broader finding, if any.
    pub parent: Option<usize>,
    /// Index of a red flag that fires whenever this finding is reported.
    pub red_flag: Option<usize>,
    /// Word sets that report the finding when all their words appear in one clause
    /// ("I hardly get any sun"); see [`RedFlag::together`].
    pub together: Vec<Vec<Text>>,
    /// (cause index, frequency bin), sorted by cause index.
    pub links: Vec<(usize, Bin)>,
    /// A question the person asks about a kind of cause ("what mineral stops
    /// cramps?", "anything she should take?"): the causes of that kind are raised
    /// by `rank::ASKED_KIND`. Such a finding is no evidence about the person and is
    /// never asked.
    pub asks: Option<Kind>,
    /// How a follow-up question puts it (`[[question]]`); None for a body area,
    /// or in a knowledge base without questions.
    pub question: Option<Asked>,
}

/// A follow-up question's words for one finding or red flag (`[[question]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    /// One plain line in the second person, asked on its own.
    pub text: Text,
    /// A few words for a checklist of several (the entry's name when not given).
    pub short: Text,
    /// Findings (indices) that make a red flag worth asking: it is asked only when
    /// one of them, or a finding under one, was reported. Empty: always.
    pub when: Vec<usize>,
}

/// A nutrient, lifestyle or medical cause.
#[derive(Debug, Clone, PartialEq)]
pub struct Cause {
    pub id: Text,
    pub name: Text,
    pub kind: Kind,
    pub prior: Prior,
    pub summary: Text,
    pub explanation: Text,
    /// What helps, every item in file order (see [`Cause::helps_for`]).
    pub helps: Vec<Text>,
    /// When each `helps` item is shown: one per item, in the same order.
    pub help_conditions: Vec<HelpCondition>,
    pub tests: Vec<Text>,
    pub evidence: Text,
    pub sources: Vec<Citation>,
}

/// When a `helps` item is shown, by the findings a query reports (indices). The
/// usual advice can harm some people (more fluid or potassium with kidney
/// disease), so an item can be hidden for them and a caveat shown instead.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HelpCondition {
    /// Shown only when one of these is reported, and then first; empty: always.
    pub when: Vec<usize>,
    /// Hidden when one of these is reported.
    pub unless: Vec<usize>,
}

impl Cause {
    /// What helps for a query that reports the findings `present`: the items shown
    /// only with one of them first, then the items no reported finding hides.
    pub fn helps_for(&self, present: &[usize]) -> Vec<&str> {
        let reported = |ids: &[usize]| ids.iter().any(|f| present.contains(f));
        let items = || self.helps.iter().zip(&self.help_conditions);
        let caveats = items().filter(|(_, c)| !c.when.is_empty() && reported(&c.when));
        let usual = items().filter(|(_, c)| c.when.is_empty() && !reported(&c.unless));
        caveats.chain(usual).map(|(h, _)| h.as_ref()).collect()
    }

    /// True when some item's showing depends on the query.
    pub fn helps_depend_on_query(&self) -> bool {
        self.help_conditions
            .iter()
            .any(|c| !c.when.is_empty() || !c.unless.is_empty())
    }
}

/// An authoritative page a cause is drawn from.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub title: Text,
    pub url: Text,
}

/// A sign that needs a doctor soon, today, or emergency services now.
#[derive(Debug, Clone, PartialEq)]
pub struct RedFlag {
    pub id: Text,
    pub name: Text,
    pub urgency: Urgency,
    pub phrases: Vec<Text>,
    /// Word sets that fire the flag when all their words appear in one clause, in
    /// any order and with any words between ("my urine looks like cola").
    pub together: Vec<Vec<Text>>,
    /// Fires when the query states a duration of at least this many days
    /// ("for 3 weeks", "two months").
    pub min_duration_days: Option<u32>,
    /// The symptoms (finding indices) whose stated duration counts; empty means
    /// any. "Cramps for years" is not "twitching for years": long-standing
    /// ordinary cramps are not a reason to see a doctor soon, a twitch is.
    pub duration_of: Vec<usize>,
    /// Fires when one of these findings (indices) is reported in two or more
    /// separate body areas (neither inside the other, not "all over"): "my calf
    /// twitches and my eyelid twitches too" (NHS: a twitch in more than one place).
    pub places_of: Vec<usize>,
    /// Findings (indices) that explain the sign away: it does not fire when one of
    /// them is reported (a twitch in two places with stress or caffeine). Only for
    /// `soon` red flags (`validate` checks).
    pub unless: Vec<usize>,
    /// Sets of findings (indices) that fire it when every finding of one set is
    /// reported, in words or as a "yes" answer: a diuretic with cramps.
    pub findings_all: Vec<Vec<usize>>,
    /// Red flags (indices) this one escalates: it fires when one of them fires
    /// together with one of the findings `with_findings` (a weakness, numbness or
    /// speech problem that came on suddenly is a possible stroke).
    pub escalates: Vec<usize>,
    pub with_findings: Vec<usize>,
    /// The causes (indices) the sign points to: when it fires, they are ranked
    /// as if the person had named them (pre-eclampsia signs point to pregnancy,
    /// a missed dialysis session to kidney disease).
    pub causes: Vec<usize>,
    pub advice: Text,
    /// Authoritative pages the sign and its urgency are drawn from.
    pub sources: Vec<Citation>,
    /// How a follow-up question puts it (`[[question]]`).
    pub question: Option<Asked>,
}

/// Declares a closed vocabulary of kebab-case words (`family`, `kind`, ...), with
/// its parsing from the KB and its JSON form kept in one place.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum $name {
            $(#[serde(rename = $word)] $variant),+
        }

        impl $name {
            /// Every word of the vocabulary, in order.
            pub const WORDS: &'static [&'static str] = &[$($word),+];
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            pub fn parse(word: &str) -> Option<Self> {
                match word { $($word => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// Which family a finding belongs to.
    Family { BodyArea = "body-area", Symptom = "symptom", Context = "context" }
}

vocabulary! {
    /// What sort of cause it is.
    Kind { Nutrient = "nutrient", Lifestyle = "lifestyle", Medical = "medical" }
}

vocabulary! {
    /// How often a cause lies behind everyday twitching or cramps.
    Prior { Common = "common", Occasional = "occasional", Rare = "rare" }
}

vocabulary! {
    /// How often people with a cause report a finding. `excludes`: the finding is
    /// itself a known cause, and the cause is one that is named only when no cause
    /// is found (ordinary cramps with no clear cause; see data/README.md).
    Bin { VeryCommon = "very-common", Common = "common", Occasional = "occasional", Rare = "rare", Excludes = "excludes" }
}

vocabulary! {
    /// How soon to see a doctor. Ordered: a later variant is more urgent.
    Urgency { Routine = "routine", Soon = "soon", Urgent = "urgent", Emergency = "emergency" }
}

vocabulary! {
    /// How far a pattern's elements may be apart: one sentence (ends at . ! ? ; and
    /// line breaks) or one clause (also ends at commas and contrast words).
    Scope { Sentence = "sentence", Clause = "clause" }
}

vocabulary! {
    /// What a context rule does to the mentions in its scope. `terminate` ends
    /// other triggers' scope; `pseudo` looks like a trigger ("no idea why") and
    /// does nothing.
    ContextCategory {
        Negated = "negated",
        Possible = "possible",
        Hypothetical = "hypothetical",
        Historical = "historical",
        OtherPerson = "other-person",
        Terminate = "terminate",
        Pseudo = "pseudo",
    }
}

vocabulary! {
    /// Which way a context rule's scope runs from its trigger.
    Direction { Forward = "forward", Backward = "backward", Both = "both", None = "none" }
}

impl Bin {
    /// Rough share of people with the cause who report the finding (see data/README.md).
    pub fn frequency(self) -> f64 {
        match self {
            Bin::VeryCommon => 0.8,
            Bin::Common => 0.5,
            Bin::Occasional => 0.2,
            Bin::Rare => 0.05,
            Bin::Excludes => 0.001,
        }
    }
}

impl Prior {
    /// Relative weight of the cause before any finding is seen.
    pub fn weight(self) -> f64 {
        match self {
            Prior::Common => 1.0,
            Prior::Occasional => 0.4,
            Prior::Rare => 0.1,
        }
    }
}

/// Which table an entry lives in; ids are unique within a table, and `show` looks in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Finding,
    Cause,
    RedFlag,
}

impl EntryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Finding => "finding",
            EntryKind::Cause => "cause",
            EntryKind::RedFlag => "red flag",
        }
    }
}

impl KnowledgeBase {
    pub fn finding(&self, id: &str) -> Option<usize> {
        self.findings.iter().position(|f| f.id == id)
    }

    pub fn cause(&self, id: &str) -> Option<usize> {
        self.causes.iter().position(|c| c.id == id)
    }

    pub fn red_flag(&self, id: &str) -> Option<usize> {
        self.red_flags.iter().position(|r| r.id == id)
    }

    /// The finding and its ancestors, nearest first.
    pub fn ancestors(&self, finding: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(Some(finding), move |&f| self.findings[f].parent)
    }

    /// Every id in the KB with the table it lives in, for "did you mean" and completion.
    pub fn ids(&self) -> impl Iterator<Item = (EntryKind, &str)> {
        let f = self
            .findings
            .iter()
            .map(|f| (EntryKind::Finding, f.id.as_ref()));
        let c = self
            .causes
            .iter()
            .map(|c| (EntryKind::Cause, c.id.as_ref()));
        let r = self
            .red_flags
            .iter()
            .map(|r| (EntryKind::RedFlag, r.id.as_ref()));
        f.chain(c).chain(r)
    }

    /// Counts for the one-line summary of `validate`.
    pub fn summary(&self) -> String {
        let phrases: usize = self.findings.iter().map(|f| f.phrases.len()).sum::<usize>()
            + self
                .red_flags
                .iter()
                .map(|r| r.phrases.len())
                .sum::<usize>();
        let links: usize = self.findings.iter().map(|f| f.links.len()).sum();
        let terms: usize = self.classes.iter().map(|c| c.terms.len()).sum();
        let count = |n: usize, what: &str| format!("{n} {what}");
        let kind = |t: &PatternTarget| match t {
            PatternTarget::Finding(_) => "finding",
            PatternTarget::RedFlag(_) => "red flag",
            PatternTarget::Cause(_) => "cause",
        };
        let targets = ["finding", "red flag", "cause"].map(|what| {
            count(
                self.patterns
                    .iter()
                    .filter(|p| kind(&p.target) == what)
                    .count(),
                what,
            )
        });
        let categories: Vec<String> = ContextCategory::ALL
            .iter()
            .map(|&c| {
                count(
                    self.context.iter().filter(|r| r.category == c).count(),
                    c.as_str(),
                )
            })
            .collect();
        format!(
            "{} findings, {} phrases, {} causes, {} links, {} red flags, {} classes ({} terms), \
             {} patterns ({}), {} context rules ({})",
            self.findings.len(),
            phrases,
            self.causes.len(),
            links,
            self.red_flags.len(),
            self.classes.len(),
            terms,
            self.patterns.len(),
            targets.join(", "),
            self.context.len(),
            categories.join(", ")
        )
    }
}

/// The nearest of `candidates` to `word` within a small edit distance scaled by
/// length (rustc's rule: OSA distance at most max(len, 3) / 3), for "did you mean".
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let len = word.chars().count();
    let limit = len.max(3) / 3;
    // The distance is at least the difference in length: skip those too far
    // apart before comparing (a megabyte-long word against every id took seconds).
    candidates
        .into_iter()
        .filter(|c| c.chars().count().abs_diff(len) <= limit)
        .map(|c| (strsim::osa_distance(word, c), c))
        .filter(|&(d, _)| d <= limit)
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests;
