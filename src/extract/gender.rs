//! A person's sex as the article shows it, for resolving "he", "she" and descriptions (issue 11).
//!
//! Evidence, each a number of votes for female or male; the side with more votes wins, a tie is unknown:
//! - an honorific or title written with a name ("Mrs Smith", "Prince Charles", "actress Emma Stone"): 3;
//! - a role of the person whose first sex-telling word is one ("a spokeswoman for ...", "his mother"): 2;
//! - the given name of a name of two words or more, when the public data is one-sided (lexicons/given_names.txt): 1;
//! - the person reported saying something about "he"/"she" ("Graham said he ...", "Jones told reporters that
//!   she ..."): 1 per sentence, at most 2. Such a pronoun mostly refers to the speaker, not always: it can tie
//!   with a given name (unknown) but never beats a title or role.
//!
//! Unknown is compatible with both sexes: a wrong sex makes a pronoun skip the right person, an unknown one only
//! loses a preference.

use super::lexicon::{is_cue, GENDERED_NOUNS, GIVEN_NAME_SECTIONS};
use super::people::People;
use super::text::Doc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    /// The sex a pronoun says: "he" male, "she" female, any other none.
    pub fn of_pronoun(w: &str) -> Option<Gender> {
        match w {
            "he" | "him" | "his" | "himself" => Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => Some(Gender::Female),
            _ => None,
        }
    }

    /// The sex a noun says ("spokeswoman", "Mrs", "king"), lower case.
    pub fn of_noun(w: &str) -> Option<Gender> {
        GENDERED_NOUNS.get(w).and_then(|s| Gender::of_section(s))
    }

    /// The sex a given name says when the data is one-sided ("dennis" male, "hilary" none), lower case.
    pub fn of_given_name(w: &str) -> Option<Gender> {
        GIVEN_NAME_SECTIONS.get(w).and_then(|s| Gender::of_section(s))
    }

    fn of_section(s: &str) -> Option<Gender> {
        if s.starts_with("female") {
            Some(Gender::Female)
        } else if s.starts_with("male") {
            Some(Gender::Male)
        } else {
            None
        }
    }
}

/// Can a person of sex `person` be what a pronoun or description of sex `wanted` refers to? Unknown fits all.
pub fn compatible(person: Option<Gender>, wanted: Option<Gender>) -> bool {
    person.is_none() || wanted.is_none() || person == wanted
}

const TITLE_VOTES: i32 = 3;
const ROLE_VOTES: i32 = 2;
const NAME_VOTES: i32 = 1;
const PRONOUN_VOTES_MAX: i32 = 2;

/// Fills in every person's `gender` from the evidence of the article `doc`.
pub fn assign(doc: &Doc, people: &mut People) {
    // Votes per person: positive female, negative male.
    let mut votes = vec![0i32; people.persons.len()];
    let mut pronoun_votes = vec![0i32; people.persons.len()];
    let signed = |g: Gender, n: i32| if g == Gender::Female { n } else { -n };
    let word_sex = |k: usize| doc.is_word(k).then(|| Gender::of_noun(doc.low(k))).flatten();
    let mut last_pronoun_sentence = vec![usize::MAX; people.persons.len()];
    for m in &people.mentions {
        // The honorific inside the mention ("Mr", "Mrs.") or the title or role noun right before it ("Queen",
        // "actress"), once per mention.
        let title = (m.start..m.name_start).find_map(word_sex).or_else(|| m.start.checked_sub(1).and_then(word_sex));
        if let Some(g) = title {
            votes[m.person] += signed(g, TITLE_VOTES);
        }
        if let Some(g) = reported_pronoun(doc, m.end) {
            let sentence = doc.sent_of[m.start];
            if last_pronoun_sentence[m.person] != sentence && pronoun_votes[m.person].abs() < PRONOUN_VOTES_MAX {
                last_pronoun_sentence[m.person] = sentence;
                pronoun_votes[m.person] += signed(g, 1);
            }
        }
    }
    for (p, person) in people.persons.iter_mut().enumerate() {
        for role in &person.roles {
            // Role words are mostly lower-case ASCII already: looked up as written, lower-cased (a new String) only
            // when they are not (an allocation per word of every role was a measurable cost).
            let first = role.split(|c: char| !c.is_alphanumeric()).find_map(|w| {
                if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                    Gender::of_noun(w)
                } else {
                    Gender::of_noun(&w.to_lowercase())
                }
            });
            if let Some(g) = first {
                votes[p] += signed(g, ROLE_VOTES);
            }
        }
        // The first of two words or more: a lone name is mostly a surname ("Ms Kelly", "Harris").
        let mut words = person.name.split_whitespace();
        let given = words.next().filter(|_| words.next().is_some()).map(|w| w.trim_end_matches('.').to_lowercase());
        if let Some(g) = given.filter(|w| w.chars().count() > 1).and_then(|w| Gender::of_given_name(&w)) {
            votes[p] += signed(g, NAME_VOTES);
        }
        let v = votes[p] + pronoun_votes[p];
        person.gender = match v.signum() {
            1 => Some(Gender::Female),
            -1 => Some(Gender::Male),
            _ => None,
        };
    }
}

/// The sex of "he"/"she" in a report right after a name ending at token `e`: "Graham said he", "Jones told
/// reporters that she", "Smith, 45, says she".
fn reported_pronoun(doc: &Doc, e: usize) -> Option<Gender> {
    let n = doc.tokens.len();
    let sentence_end = doc.sents[doc.sent_of[e.min(n - 1)]].1;
    let mut k = e;
    // The cue, within a few tokens ("Graham, a senator, said"): no other name between.
    while k < sentence_end && k < e + 8 && !(doc.is_word(k) && is_cue(doc.low(k))) {
        if doc.is_cap(k) || doc.str(k) == "." {
            return None;
        }
        k += 1;
    }
    if k >= sentence_end || k >= e + 8 {
        return None;
    }
    // The pronoun: right after the cue, after "that", or after "reporters that"/"the BBC".
    let mut x = k + 1;
    while x < sentence_end && x < k + 5 {
        let w = doc.low(x);
        if matches!(w, "he" | "she") {
            return Gender::of_pronoun(w);
        }
        // Not an object ("told her she ..."): that "she" is the one told.
        if !doc.is_word(x) || !matches!(w, "that" | "reporters" | "journalists") {
            return None;
        }
        x += 1;
    }
    None
}
