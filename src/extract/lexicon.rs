//! Word lists compiled into the binary from `lexicons/*.txt`, so a linguist can extend them without touching code.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::model::CueClass;

/// A small, fast multiplicative hasher for short lexicon keys (SipHash's DoS resistance buys
/// nothing for a fixed, compiled-in word list and costs a third of the look-up time).
#[derive(Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time, little-endian; a short last chunk zero-padded. Assembled with shifts
        // rather than copied into a buffer, which cost a memcpy call per chunk (same hash values).
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("chunks_exact gives 8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let word = rest.iter().rev().fold(0u64, |w, &b| (w << 8) | u64::from(b));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The hasher of the compiled-in word lists: `FxHasher`'s value rotated so that its best-mixed (high) bits become
/// the low bits, from which hashbrown takes the bucket index. A multiplicative hash's low bits depend only on the
/// first bytes of a short key, so in lists of thousands of words that share first letters (given names, places)
/// look-ups probed long chains of buckets; rustc-hash 2 finishes its FxHasher the same way for the same reason.
/// Only for the lexicons, which are looked up and never iterated into output: per-article maps keep `FxHasher`,
/// whose iteration order some output follows (see `hasher_keeps_its_values`).
#[derive(Default)]
pub struct LexiconHasher(FxHasher);

impl Hasher for LexiconHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }
    fn write_u8(&mut self, i: u8) {
        self.0.write_u8(i);
    }
    fn finish(&self) -> u64 {
        self.0.finish().rotate_left(26)
    }
}

pub type Set = HashSet<String, BuildHasherDefault<LexiconHasher>>;

/// Parses a lexicon file: one lower-case entry a line, `#` comments, `[section]` headers and blank lines ignored.
fn load(src: &str) -> Set {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('['))
        .map(super::text::lowercase)
        .collect()
}

/// Parses a lexicon file with several whitespace-separated entries a line (long name lists).
fn load_words(src: &str) -> Set {
    src.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(super::text::lowercase)
        .collect()
}

/// Parses one `[section]` of a lexicon file with one entry a line.
fn load_section(src: &str, section: &str) -> Set {
    let mut inside = false;
    let mut set = Set::default();
    for line in src.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = name == section;
        } else if inside && !line.is_empty() && !line.starts_with('#') {
            set.insert(super::text::lowercase(line));
        }
    }
    assert!(!set.is_empty(), "lexicon section [{section}] is missing or empty");
    set
}

/// A section of attribution_words.txt.
macro_rules! attribution_words {
    ($name:ident, $section:literal) => {
        pub static $name: LazyLock<Set> =
            LazyLock::new(|| load_section(include_str!("lexicons/attribution_words.txt"), $section));
    };
}

attribution_words!(NAMING_WORDS, "naming words");
attribution_words!(ADVERBIAL_OPENERS, "adverbial openers");
attribution_words!(TAG_ADVERBS, "tag adverbs");
attribution_words!(SENTENCE_ADVERBS, "sentence adverbs");
attribution_words!(BETWEEN_SUBJECT_AND_VERB, "between subject and verb");
attribution_words!(PHOTO_CREDITS, "photo credits");
attribution_words!(MESSAGE_NOUNS, "message nouns");
attribution_words!(NON_SPEECH_OBJECTS, "non-speech objects");
attribution_words!(CLAUSE_JOINERS, "clause joiners");
attribution_words!(REJECTED_CLAIMS, "rejected claims");
attribution_words!(REJECTING_VERBS, "rejecting verbs");
attribution_words!(NOUN_LIKE_CUES, "noun-like cues");

macro_rules! lexicon {
    ($name:ident, $file:literal) => {
        pub static $name: LazyLock<Set> = LazyLock::new(|| load(include_str!(concat!("lexicons/", $file))));
    };
}

lexicon!(REPORTING_VERBS, "reporting_verbs.txt");
lexicon!(TITLES, "titles.txt");
lexicon!(ROLE_NOUNS, "role_nouns.txt");
lexicon!(PARTICLES, "particles.txt");
lexicon!(ORG_WORDS, "org_words.txt");
lexicon!(NON_PERSON, "non_person.txt");
lexicon!(NON_PERSON_PHRASES, "non_person_phrases.txt");
lexicon!(COMMON_WORDS, "common_words.txt");
lexicon!(SOURCES, "sources.txt");
lexicon!(INDIRECT_CUES, "indirect_cues.txt");
lexicon!(SOURCE_NOUNS, "source_nouns.txt");
lexicon!(INFINITIVE_CUES, "infinitive_cues.txt");
lexicon!(FINITE_VERBS, "finite_verbs.txt");

/// Every attribution cue, speech or not, for the one-look-up test of the indirect-speech pass (issue 4).
pub static ANY_CUES: LazyLock<CueSet> =
    LazyLock::new(|| CueSet::new(REPORTING_VERBS.union(&INDIRECT_CUES).cloned().collect()));

/// The class of each cue listed under a `[class]` header of indirect_cues.txt; every other cue is speech.
static CUE_CLASSES: LazyLock<Map<CueClass>> = LazyLock::new(|| {
    let mut class = CueClass::Speech;
    let mut classes = HashMap::default();
    for line in include_str!("lexicons/indirect_cues.txt").lines().map(str::trim) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            class = CueClass::ALL.into_iter().find(|c| c.as_str() == name).expect("indirect_cues.txt: unknown class");
        } else if !line.is_empty() && !line.starts_with('#') {
            classes.insert(super::text::lowercase(line), class);
        }
    }
    classes
});

/// The class of statement a cue as written makes ("believes" -> belief); no cue (a colon introduction, a
/// continuation) and every verb of saying make speech.
pub fn cue_class(cue: Option<&str>) -> CueClass {
    let Some(cue) = cue else { return CueClass::Speech };
    CUE_CLASSES.get(super::text::lowercase(cue).as_str()).copied().unwrap_or(CueClass::Speech)
}

/// A word set asked about nearly every word of an article, of which few are members: a 2 KB bitmap
/// of (first byte, last byte, length) rejects ~80% of the words of news-2095 before the hash
/// look-up (issue 4). The bitmap only has false positives, so answers are the set's own.
pub struct CueSet {
    set: Set,
    maybe: [u64; CueSet::SLOTS / 64],
}

impl CueSet {
    /// 5 low bits of the first and the last byte (the letter, for ASCII) and 4 of the length.
    const SLOTS: usize = 1 << 14;

    fn slot(w: &[u8]) -> usize {
        let (first, last) = (w[0], w[w.len() - 1]);
        (usize::from(first & 31) << 9) | (usize::from(last & 31) << 4) | (w.len() & 15)
    }

    fn new(set: Set) -> CueSet {
        let mut maybe = [0u64; CueSet::SLOTS / 64];
        for w in set.iter().filter(|w| !w.is_empty()) {
            let s = CueSet::slot(w.as_bytes());
            maybe[s / 64] |= 1 << (s % 64);
        }
        CueSet { set, maybe }
    }

    pub fn contains(&self, w: &str) -> bool {
        if w.is_empty() {
            return self.set.contains(w);
        }
        let s = CueSet::slot(w.as_bytes());
        self.maybe[s / 64] & (1 << (s % 64)) != 0 && self.set.contains(w)
    }
}

/// Ordinary nouns and adjectives that make up titles of works and events, many a line.
pub static ORDINARY_WORDS: LazyLock<Set> = LazyLock::new(|| load_words(include_str!("lexicons/ordinary_words.txt")));

pub type Map<V> = HashMap<String, V, BuildHasherDefault<LexiconHasher>>;

/// Parses a lexicon file of sections: a `#= NAME` line starts section NAME, whose entries follow several a line
/// (as in `load_words`). Each entry maps to the section it is in last.
fn load_sections(src: &'static str) -> Map<&'static str> {
    let mut out = Map::default();
    let mut section = "";
    for line in src.lines() {
        if let Some(name) = line.strip_prefix("#=") {
            section = name.trim();
        } else if !line.trim_start().starts_with('#') {
            for w in line.split_whitespace() {
                out.insert(super::text::lowercase(w), section);
            }
        }
    }
    out
}

/// Given names with the sex they are borne by: section `female`, `male` or `either` (issue 11). The sections
/// `female, sex only` and `male, sex only` are ordinary words ("bill", "grace") or rarer names that give only a sex.
pub static GIVEN_NAME_SECTIONS: LazyLock<Map<&'static str>> =
    LazyLock::new(|| load_sections(include_str!("lexicons/given_names.txt")));

/// Common given names, the evidence of a person (not the sections of ordinary words), many a line.
pub static GIVEN_NAMES: LazyLock<Set> = LazyLock::new(|| {
    GIVEN_NAME_SECTIONS.iter().filter(|(_, s)| !s.ends_with("sex only")).map(|(w, _)| w.clone()).collect()
});

/// Honorifics, titles, roles and kinship nouns that say a person's sex: section `female` or `male` (issue 11).
pub static GENDERED_NOUNS: LazyLock<Map<&'static str>> =
    LazyLock::new(|| load_sections(include_str!("lexicons/gendered_nouns.txt")));

/// The verbs of saying behind `CueSet`'s bitmap: `is_cue` is asked of most words around names and quotations,
/// and the bitmap answers most of them without hashing.
static SPEECH_CUES: LazyLock<CueSet> = LazyLock::new(|| CueSet::new(REPORTING_VERBS.clone()));

pub fn is_cue(w: &str) -> bool {
    SPEECH_CUES.contains(w)
}

/// Every form `is_role_noun` accepts: each role noun, its plural in "-s" and, for "-man", in "-men".
/// Built once so the hot test is one look-up instead of up to three (and no allocation).
static ROLE_NOUN_FORMS: LazyLock<Set> = LazyLock::new(|| {
    let mut forms = ROLE_NOUNS.clone();
    for w in ROLE_NOUNS.iter() {
        forms.insert(format!("{w}s"));
        if let Some(stem) = w.strip_suffix("man") {
            forms.insert(format!("{stem}men"));
        }
    }
    forms
});

/// A role noun, singular or a regular plural ("collaborators", "spokesmen").
pub fn is_role_noun(w: &str) -> bool {
    ROLE_NOUN_FORMS.contains(w)
}

pub fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "i" | "we")
}

// Entity typing (issue 11): places, teams, legal forms, news agencies and English participles that are never names,
// each built from public data (see each file's header and scripts/build-lexicons.py).
lexicon!(PLACES, "places.txt");
lexicon!(TEAMS, "teams.txt");
lexicon!(ORG_SUFFIXES, "org_suffixes.txt");
lexicon!(AGENCIES, "agencies.txt");
lexicon!(THING_CONTEXT, "thing_context.txt");

/// English words in -ed written only in lower case, many a line (asked only about the first word of a run).
pub static PARTICIPLES: LazyLock<Set> = LazyLock::new(|| load_words(include_str!("lexicons/participles.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition `ROLE_NOUN_FORMS` replaces, kept to check it.
    fn is_role_noun_by_rule(w: &str) -> bool {
        ROLE_NOUNS.contains(w)
            || w.strip_suffix('s').is_some_and(|s| ROLE_NOUNS.contains(s))
            || w.strip_suffix("men").is_some_and(|s| ROLE_NOUNS.contains(&format!("{s}man")))
    }

    #[test]
    fn role_noun_forms_match_the_rule() {
        let mut words: Vec<String> = Vec::new();
        for w in ROLE_NOUNS.iter().chain(TITLES.iter()).chain(COMMON_WORDS.iter()) {
            words.extend([
                w.clone(),
                format!("{w}s"),
                format!("{w}es"),
                w.replace("man", "men"),
                w.chars().skip(1).collect(),
            ]);
        }
        words.extend(["men", "man", "s", "", "spokesmen", "chairmen", "women"].map(String::from));
        for w in &words {
            assert_eq!(is_role_noun(w), is_role_noun_by_rule(w), "{w:?}");
        }
    }

    #[test]
    fn cue_prefilter_keeps_every_cue() {
        let mut words: Vec<String> = ANY_CUES.set.iter().cloned().collect();
        for w in COMMON_WORDS.iter().chain(ORDINARY_WORDS.iter()).chain(ANY_CUES.set.iter()) {
            words.extend([format!("{w}s"), w.chars().skip(1).collect(), w.to_uppercase()]);
        }
        words.extend(["", "a", "é", "said", "сказал"].map(String::from));
        for w in &words {
            assert_eq!(ANY_CUES.contains(w), ANY_CUES.set.contains(w.as_str()), "{w:?}");
        }
    }

    #[test]
    fn cue_classes_come_from_the_lexicon_sections() {
        assert_eq!(cue_class(Some("believes")), CueClass::Belief);
        assert_eq!(cue_class(Some("Decided")), CueClass::Intention);
        assert_eq!(cue_class(Some("knew")), CueClass::Perception);
        assert_eq!(cue_class(Some("shows")), CueClass::Evidence);
        assert_eq!(cue_class(Some("talked")), CueClass::Speech);
        assert_eq!(cue_class(Some("said")), CueClass::Speech);
        assert_eq!(cue_class(Some("according to")), CueClass::Speech);
        assert_eq!(cue_class(None), CueClass::Speech);
        // Every section name parsed, and no header leaked into the cue set.
        assert!(CUE_CLASSES.values().any(|&c| c == CueClass::Evidence));
        assert!(!INDIRECT_CUES.iter().any(|w| w.starts_with('[')));
    }

    #[test]
    fn hasher_keeps_its_values() {
        // The earlier, buffer-copying implementation: hash values (and so map iteration order) must not change.
        fn old(bytes: &[u8]) -> u64 {
            let mut h = 0u64;
            for chunk in bytes.chunks(8) {
                let mut buf = [0u8; 8];
                buf[..chunk.len()].copy_from_slice(chunk);
                h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
            }
            h
        }
        for s in ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "spokeswoman", "président de la république"] {
            let mut h = FxHasher::default();
            h.write(s.as_bytes());
            assert_eq!(h.finish(), old(s.as_bytes()), "{s:?}");
        }
    }
}
