//! Coreference for speakers: pronouns ("he") and descriptions ("the political scientist") to a person of the article.

use super::lexicon::is_role_noun;
use super::people::People;
use super::text::Doc;

/// The person a "he"/"she" before token `at` most likely refers to: the speaker the article is
/// following if they were mentioned in the last few paragraphs, else the latest person mentioned
/// outside quotation marks (people named inside a quote are what the speaker talks about).
pub fn pronoun(doc: &Doc, people: &People, quoted: &[bool], at: usize, following: Option<usize>) -> Option<usize> {
    let para = doc.tokens.get(at).map(|t| t.para).unwrap_or(0);
    // Mentions are sorted by start token and paragraphs grow with tokens, so the recent ones are one range: found
    // by binary search, not a scan of every mention per pronoun (quadratic in a long text full of pronouns).
    let mentions = &people.mentions;
    let from = mentions.partition_point(|m| doc.tokens[m.start].para + 3 <= para);
    let to = mentions.partition_point(|m| m.start < at);
    let before: Vec<_> = mentions[from..to.max(from)].iter().filter(|m| !quoted[m.start]).collect();
    if let Some(f) = following {
        if before.iter().any(|m| m.person == f) {
            return Some(f);
        }
    }
    before.last().map(|m| m.person).or(following).or(people.headline_subject)
}

/// The person a description with head noun `head` ("scientist") refers to: one whose roles use that
/// noun, preferring the one mentioned last before `at`; else, for a lone headline subject whose
/// role is unknown, nobody (a wrong guess is worse than a label).
pub fn nominal(people: &People, head: &str, at: usize) -> Option<usize> {
    if !is_role_noun(head) {
        return None;
    }
    let singular = head.strip_suffix('s').filter(|s| is_role_noun(s)).unwrap_or(head);
    let fits = |p: usize| {
        people.persons[p]
            .roles
            .iter()
            .any(|r| r.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w.eq_ignore_ascii_case(singular)))
    };
    let candidates: Vec<usize> = (0..people.persons.len()).filter(|&p| fits(p)).collect();
    match candidates.len() {
        0 => None,
        1 => Some(candidates[0]),
        _ => {
            let last = people.mentions.iter().rev().find(|m| m.start < at && candidates.contains(&m.person));
            last.map(|m| m.person).or(Some(candidates[0]))
        }
    }
}
