//! Coreference for speakers: pronouns ("he") and descriptions ("the political scientist") to a person of the article.

use super::gender::{compatible, Gender};
use super::lexicon::{is_cue, is_role_noun, ADVERBIAL_OPENERS};
use super::people::{Mention, People};
use super::text::Doc;

/// The person a "he"/"she" at token `at` most likely refers to: the speaker the article is following if they
/// were mentioned in the last few paragraphs and no later sentence opens with someone else, else the subject of
/// the nearest sentence naming someone outside quotation marks (people named inside a quote are what the speaker
/// talks about). Only a person whose sex fits the pronoun's (or is
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
        if let Some(last_f) = before().rfind(|m| m.person == f) {
            // Unless a later sentence opens with someone else who fits, its subject: after "“…,” said Thomas.
            // Henson relished the responsibility. “…,” he said" the speaker is Henson. Only a name opening the
            // sentence: in "He pointed out that Franz Ferdinand ..." the subject is still the one followed.
            let since = doc.sent_start(last_f.start);
            // Not the pronoun's own sentence: in "Mr Blair has failed, he claimed" the name is the content's.
            let own = doc.sent_start(at);
            let opens = |m: &&Mention| {
                let sentence = doc.sent_start(m.start);
                sentence > since && sentence < own && sentence == m.start && !owned(doc, m)
            };
            let later = before().rfind(opens).map(|m| m.person);
            return Some(later.unwrap_or(f));
        }
    }
    nearest_subject(doc, before).or(following.filter(|&f| fits(f))).or(people.headline_subject.filter(|&h| fits(h)))
}

/// A name owned by what follows it ("Blair's record"): no subject.
fn owned(doc: &Doc, m: &Mention) -> bool {
    m.end < doc.tokens.len() && matches!(doc.low(m.end), "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

/// The nearest sentence naming someone of `before` (mentions in text order), and in it the subject rather than
/// the last name: in "Liam Fox criticised Tony Blair's record. “…,” he said" the speaker is Fox. A name owned
/// ("Blair's") or after a preposition ("with Blair") is no subject.
fn nearest_subject<'a, I>(doc: &Doc, before: impl Fn() -> I) -> Option<usize>
where
    I: DoubleEndedIterator<Item = &'a Mention>,
{
    let last = before().next_back()?;
    let sentence = doc.sent_start(last.start);
    let governed = |m: &Mention| m.start > sentence && ADVERBIAL_OPENERS.contains(doc.low(m.start - 1));
    let subject = before().find(|m| m.start >= sentence && !owned(doc, m) && !governed(m));
    Some(subject.unwrap_or(last).person)
}

/// The person a description with head noun `head` ("scientist", "spokeswoman") before token `at` refers to: one
/// whose roles use that noun and whose sex fits the noun's, the one mentioned last before `at`; the only one if
/// just one fits. When several fit and none was mentioned before, or none fits, nobody: a wrong guess is worse
/// than a label (issue 11).
pub fn nominal(people: &People, head: &str, at: usize) -> Option<usize> {
    if !is_role_noun(head) {
        return None;
    }
    let singular = singular(head);
    let wanted = Gender::of_noun(singular);
    let candidates: Vec<usize> = (0..people.persons.len())
        .filter(|&p| compatible(people.persons[p].gender, wanted) && has_role_word(people, p, singular))
        .collect();
    nearest(people, &candidates, at)
}

/// The person the description written at tokens `[s, e)` refers to ("the political scientist", "the rookie
/// defenceman", "the 45-year-old", "the 74-year-old comedian"), as `nominal` does for its head noun, and besides
/// (issue 11): the person's roles must also use the description's other words ("political", "rookie"; not words
/// an article adds freely, "the new president") and no rank word the description lacks ("the prime minister" is
/// not the deputy prime minister, "the chancellor" not the shadow chancellor); an age ("45-year-old") must not
/// clash with one the article gives the person ("Smith, 45,", "45-year-old Smith"), chooses among several, and
/// alone ("the 45-year-old") resolves to the one person of that age.
pub fn description(doc: &Doc, people: &People, s: usize, e: usize) -> Option<usize> {
    if e <= s || e > doc.tokens.len() {
        return None;
    }
    let head = doc.low(e - 1);
    let age = (s..e).find_map(|k| age_word(doc.low(k)));
    let role_head = is_role_noun(head);
    let words: Vec<&str> = (s..e).filter(|&k| doc.is_word(k)).map(|k| doc.low(k)).collect();
    // "A Labour spokesman", "one analyst" bring in someone new (even when someone of that role is named next: "a
    // spokesman said ... Lib Dem spokesman Mark Oaten said" are two people); "ministers", "G7 finance ministers"
    // are several, no one person.
    let indefinite = words.first().is_some_and(|w| matches!(*w, "a" | "an" | "one" | "another" | "some"));
    let plural = role_head && singular(head) != head;
    if !role_head && age.is_none() || plural || indefinite {
        return None;
    }
    let ages = if age.is_some() { ages(doc, people) } else { Vec::new() };
    let age_fits = |p: usize| age.is_some() && ages[p] == age;
    let age_clash = |p: usize| age.is_some() && ages[p].is_some() && ages[p] != age;
    let wanted = Gender::of_noun(head);
    let fits_sex = |p: usize| compatible(people.persons[p].gender, wanted);
    // The word that qualifies the head ("the foreign secretary"), to clash with another ("Home Secretary").
    // Only a lower-case one, an office's portfolio ("foreign", "health", "attorney"): a capitalised one is mostly a
    // place, team or nation that the role names otherwise ("the Welsh striker", "the Ealing North MP").
    let qualifier = (e - s >= 2 && doc.is_word(e - 2) && !doc.is_cap(e - 2))
        .then(|| doc.low(e - 2))
        .filter(|w| !FREE_WORDS.contains(w) && age_word(w).is_none());
    let all = 0..people.persons.len();
    let before_s = |p: usize| people.mentions.iter().any(|m| m.start < s && m.person == p);
    let mut candidates: Vec<usize> = if role_head {
        all.clone().filter(|&p| fits_sex(p) && holds_office(people, p, head, &words, qualifier)).collect()
    } else {
        all.filter(|&p| fits_sex(p) && age_fits(p)).collect()
    };
    candidates.retain(|&p| !age_clash(p));
    // "The 55-year-old Frenchman said" when the article gives nobody an age: a definite description names someone
    // already there, the subject of the nearest sentence naming someone who fits (as "he" would), of no other age.
    if candidates.is_empty() && !role_head {
        let fits = |m: &&Mention| m.start < s && fits_sex(m.person) && !age_clash(m.person);
        return nearest_subject(doc, || people.mentions.iter().filter(fits));
    }
    if candidates.len() < 2 {
        return candidates.first().copied();
    }
    // Several: those mentioned before, narrowed by the other words and by the age when some have them; the
    // nearest of those. Narrowing never resolves on its own a description that comes before everyone it may
    // mean.
    let possessive = |k: usize| k + 1 < e && matches!(doc.str(k + 1), "'s" | "’s");
    let modifiers: Vec<&str> = (s..e - 1)
        .filter(|&k| doc.is_word(k) && !possessive(k))
        .map(|k| doc.low(k))
        .filter(|w| age_word(w).is_none() && !FREE_WORDS.contains(w) && !matches!(*w, "'s" | "’s"))
        .collect();
    let mut chosen: Vec<usize> = candidates.iter().copied().filter(|&p| before_s(p)).collect();
    let narrower: Vec<usize> =
        chosen.iter().copied().filter(|&p| modifiers.iter().all(|m| has_role_word(people, p, m))).collect();
    if !narrower.is_empty() {
        chosen = narrower;
    }
    if chosen.iter().any(|&p| age_fits(p)) {
        chosen.retain(|&p| age_fits(p));
    }
    nearest(people, &chosen, s)
}

/// Words a description adds that are no part of the office or kind: "the new president", "the veteran striker".
const FREE_WORDS: &[&str] = &[
    "the",
    "this",
    "that",
    "new",
    "veteran",
    "young",
    "old",
    "outgoing",
    "incoming",
    "embattled",
    "beleaguered",
    "current",
    "then",
    "now",
    "same",
    "other",
    "latter",
    "his",
    "her",
    "its",
    "their",
    "our",
];

/// "scientists" -> "scientist" when that is a role noun.
fn singular(head: &str) -> &str {
    head.strip_suffix('s').filter(|s| is_role_noun(s)).unwrap_or(head)
}

/// Does one of person `p`'s roles use `word`?
fn has_role_word(people: &People, p: usize, word: &str) -> bool {
    people.persons[p]
        .roles
        .iter()
        .any(|r| r.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w.eq_ignore_ascii_case(word)))
}

/// Words that make a role another office than the bare noun: "the prime minister" is not the deputy prime
/// minister, "the minister" not the shadow minister nor a former one.
const RANKS: &[&str] = &["deputy", "vice", "shadow", "former", "ex", "assistant", "acting", "junior", "interim"];

/// Does one of person `p`'s roles use `noun` without a rank word the description `words` lacks and, when both
/// qualify the noun, with the same word ("the foreign secretary" is not the Home Secretary)?
fn holds_office(people: &People, p: usize, noun: &str, words: &[&str], qualifier: Option<&str>) -> bool {
    people.persons[p].roles.iter().any(|r| {
        let role: Vec<String> = r
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .map(str::to_lowercase)
            .filter(|w| !w.is_empty())
            .collect();
        let Some(at) = role.iter().position(|w| w == noun) else {
            return false;
        };
        let own = at.checked_sub(1).map(|k| role[k].as_str()).filter(|w| !FREE_WORDS.contains(w));
        let clash = matches!((own, qualifier), (Some(a), Some(b)) if a != b && !RANKS.contains(&a));
        !clash && role.iter().all(|w| !RANKS.contains(&w.as_str()) || words.contains(&w.as_str()))
    })
}

/// The only candidate, or the one mentioned last before token `at`; none when several and none before.
fn nearest(people: &People, candidates: &[usize], at: usize) -> Option<usize> {
    match candidates {
        [] => None,
        [one] => Some(*one),
        _ => people.mentions.iter().rev().find(|m| m.start < at && candidates.contains(&m.person)).map(|m| m.person),
    }
}

/// The age in a word such as "45-year-old".
pub fn age_word(w: &str) -> Option<u32> {
    w.strip_suffix("-year-old").and_then(|n| n.parse().ok()).filter(|&a| a > 0 && a < 130)
}

/// The age the article gives each person, if it does: "Smith, 45,", "Smith, aged 45", "45-year-old Smith", "the
/// 20-year-old politics student Nick Vaughan", or a role "a 17-year-old soul singer". The first one given.
fn ages(doc: &Doc, people: &People) -> Vec<Option<u32>> {
    let mut out: Vec<Option<u32>> =
        people.persons.iter().map(|p| p.roles.iter().flat_map(|r| r.split_whitespace()).find_map(age_word)).collect();
    let n = doc.tokens.len();
    let number = |k: usize| -> Option<u32> {
        (k < n && doc.is_word(k)).then(|| doc.str(k).parse().ok()).flatten().filter(|&a: &u32| a > 0 && a < 130)
    };
    for m in &people.mentions {
        if out[m.person].is_some() {
            continue;
        }
        // "Smith, 45," / "Smith, aged 45,"
        let after = if m.end + 1 < n && doc.str(m.end) == "," {
            if doc.low(m.end + 1) == "aged" {
                number(m.end + 2)
            } else {
                number(m.end + 1).filter(|_| m.end + 2 >= n || matches!(doc.str(m.end + 2), "," | ")" | "."))
            }
        } else {
            None
        };
        // "45-year-old Smith", "the 20-year-old politics student Nick Vaughan": the age right before the name or
        // before a role noun right before it (not "the 21-year-old told Cadena Cope").
        let sentence_start = doc.sent_start(m.start);
        let k = m.start;
        let before = if k > sentence_start && doc.is_word(k - 1) && age_word(doc.low(k - 1)).is_some() {
            age_word(doc.low(k - 1))
        } else if k > sentence_start && doc.is_word(k - 1) && is_role_noun(doc.low(k - 1)) {
            (sentence_start.max(k.saturating_sub(4))..k - 1)
                .rev()
                .take_while(|&x| doc.is_word(x) && !doc.is_cap(x) && !is_cue(doc.low(x)))
                .find_map(|x| age_word(doc.low(x)))
        } else {
            None
        };
        out[m.person] = after.or(before);
    }
    out
}
