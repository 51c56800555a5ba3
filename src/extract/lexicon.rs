//! Word lists compiled into the binary from `lexicons/*.txt`, so a linguist can extend them without touching code.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A small, fast multiplicative hasher for short lexicon keys (SipHash's DoS resistance buys
/// nothing for a fixed, compiled-in word list and costs a third of the look-up time).
#[derive(Default)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type Set = HashSet<String, BuildHasherDefault<FxHasher>>;

/// Parses a lexicon file: one lower-case entry a line, `#` comments and blank lines ignored.
fn load(src: &str) -> Set {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(super::text::lowercase).collect()
}

/// Parses a lexicon file with several whitespace-separated entries a line (long name lists).
fn load_words(src: &str) -> Set {
    src.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(super::text::lowercase)
        .collect()
}

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
lexicon!(NONSPEECH_CUES, "nonspeech_cues.txt");

/// Every attribution cue, speech or not, for the one-look-up test of the indirect-speech pass (issue 4).
pub static ANY_CUES: LazyLock<Set> = LazyLock::new(|| REPORTING_VERBS.union(&NONSPEECH_CUES).cloned().collect());

/// Ordinary nouns and adjectives that make up titles of works and events, many a line.
pub static ORDINARY_WORDS: LazyLock<Set> = LazyLock::new(|| load_words(include_str!("lexicons/ordinary_words.txt")));

/// Common given names, many a line.
pub static GIVEN_NAMES: LazyLock<Set> = LazyLock::new(|| load_words(include_str!("lexicons/given_names.txt")));

pub fn is_cue(w: &str) -> bool {
    REPORTING_VERBS.contains(w)
}

/// A role noun, singular or a regular plural ("collaborators").
pub fn is_role_noun(w: &str) -> bool {
    ROLE_NOUNS.contains(w)
        || w.strip_suffix('s').is_some_and(|s| ROLE_NOUNS.contains(s))
        || w.strip_suffix("men").is_some_and(|s| ROLE_NOUNS.contains(&format!("{s}man")))
}

pub fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "i" | "we")
}
