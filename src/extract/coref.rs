//! Coreference for speakers: pronouns ("he") and descriptions ("the political scientist") to a person of the article.

use super::gender::{compatible, Gender};
use super::lexicon::is_role_noun;
use super::people::People;
use super::text::Doc;

/// The person a "he"/"she" at token `at` most likely refers to: the speaker the article is following if they
/// were mentioned in the last few paragraphs, else the latest person mentioned outside quotation marks (people
/// named inside a quote are what the speaker talks about). Only a person whose sex fits the pronoun's (or is
/// unknown) is a candidate (issue 11): "she" after "Mary Smith ... Dennis Brooks" is Mary Smith; when nobody
/// fits, nobody.
pub fn pronoun(doc: &Doc, people: &People, quoted: &[bool], at: usize, following: Option<usize>) -> Option<usize> {
    let para = doc.tokens.get(at).map(|t| t.para).unwrap_or(0);
    let wanted = doc.tokens.get(at).and_then(|_| Gender::of_pronoun(doc.low(at)));
    let fits = |p: usize| compatible(people.persons[p].gender, wanted);
    // Mentions are sorted by start token and paragraphs grow with tokens, so the recent ones are one range: found
    // by binary search, not a scan of every mention per pronoun (quadratic in a long text full of pronouns).
    let mentions = &people.mentions;
    let from = mentions.partition_point(|m| doc.tokens[m.start].para + 3 <= para);
    let to = mentions.partition_point(|m| m.start < at);
    let before = || mentions[from..to.max(from)].iter().filter(|m| !quoted[m.start] && fits(m.person));
    if let Some(f) = following.filter(|&f| fits(f)) {
        if before().any(|m| m.person == f) {
            return Some(f);
        }
    }
    before()
        .last()
        .map(|m| m.person)
        .or(following.filter(|&f| fits(f)))
        .or(people.headline_subject.filter(|&h| fits(h)))
}

/// The person a description with head noun `head` ("scientist", "spokeswoman") before token `at` refers to: one
/// whose roles use that noun and whose sex fits the noun's, the one mentioned last before `at`; the only one if
/// just one fits. When several fit and none was mentioned before, or none fits, nobody: a wrong guess is worse
/// than a label (issue 11).
pub fn nominal(people: &People, head: &str, at: usize) -> Option<usize> {
    if !is_role_noun(head) {
        return None;
    }
    let singular = head.strip_suffix('s').filter(|s| is_role_noun(s)).unwrap_or(head);
    let wanted = Gender::of_noun(singular);
    let fits = |p: usize| {
        compatible(people.persons[p].gender, wanted)
            && people.persons[p]
                .roles
                .iter()
                .any(|r| r.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w.eq_ignore_ascii_case(singular)))
    };
    let candidates: Vec<usize> = (0..people.persons.len()).filter(|&p| fits(p)).collect();
    match candidates.len() {
        0 => None,
        1 => Some(candidates[0]),
        _ => people.mentions.iter().rev().find(|m| m.start < at && candidates.contains(&m.person)).map(|m| m.person),
    }
}
