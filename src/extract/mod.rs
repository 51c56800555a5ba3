//! Extraction: pure, deterministic text analysis from an article's title and body to people, statements and topics.

mod coref;
mod gender;
pub(crate) mod lexicon;
mod people;
mod quotes;
mod screen;
mod text;
mod topics;

#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::model::{ExtractedPerson, ExtractedStatement, Extraction};

pub use lexicon::cue_class;
pub use quotes::{rules as attribution_rules, RuleDoc};
pub use screen::{screen_verdicts, DropRule, DROP_RULES};

/// The attribution rules as a markdown table (id, what it matches, one example), for the README: generated from
/// the rule tables, so the documentation cannot drift from the code.
pub fn attribution_rules_markdown() -> String {
    let mut out = String::from("| # | table | rule | matches | example |\n|---|---|---|---|---|\n");
    for (i, rule) in attribution_rules().iter().enumerate() {
        let example = rule.examples.first().copied().unwrap_or("");
        out += &format!(
            "| {} | {} | `{}` | {} | {} |\n",
            i + 1,
            rule.table,
            rule.id,
            markdown_cell(rule.matches),
            markdown_cell(example)
        );
    }
    out
}

/// Text for one cell of a markdown table.
fn markdown_cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ¶ ")
}

/// The screen's drop rules as a markdown table (id, what it drops, one example), for the README, generated as
/// `attribution_rules_markdown` is.
pub fn drop_rules_markdown() -> String {
    let mut out = String::from("| rule | drops | example |\n|---|---|---|\n");
    for rule in DROP_RULES {
        let example = rule.examples.first().copied().unwrap_or("");
        out += &format!("| `{}` | {} | {} |\n", rule.id, markdown_cell(rule.catches), markdown_cell(example));
    }
    out
}

/// Bodies longer than this many bytes are read for people and statements in parts of about this size, cut at
/// paragraph ends. Some steps compare each mention or statement with those before it, which is quick for an
/// article but quadratic for a book-length input (4 MB took 3.9 s, 32 MB 91 s); parts keep it linear. Articles
/// are far shorter (news-2095's longest is 25 KB), and a pronoun looks back only a few paragraphs anyway.
const PART_BYTES: usize = 64 * 1024;

/// Statements may hold at most this many characters per character of body, in all. Real news stays near 1
/// (news-2095: at most 1.11, because statements rarely overlap); a text of endless nested "X said that ..."
/// would otherwise store each rest of its sentence again for every cue. Later statements past it are dropped.
const STATEMENT_CHARS_PER_BODY_CHAR: usize = 2;

/// Extracts everything from one article. Offsets in the result count characters into `body`.
pub fn run(title: &str, body: &str) -> Extraction {
    run_with(title, body, Stages { screen: true })
}

/// Extracts everything but drops no statement: with `screen_verdicts`, for the evaluation tools, which measure what
/// the screen costs and gains.
pub fn run_unscreened(title: &str, body: &str) -> Extraction {
    run_with(title, body, Stages { screen: false })
}

/// Which optional stages run: the attribution grammar's tests look at statements before screening.
#[derive(Clone, Copy)]
struct Stages {
    /// Drop the statements no analyst can use (`screen`).
    screen: bool,
}

fn run_with(title: &str, body: &str, stages: Stages) -> Extraction {
    let title_doc = text::Doc::new(title);
    if body.len() <= PART_BYTES {
        let doc = text::Doc::new(body);
        let mut extraction = people_and_statements(&title_doc, &doc, stages);
        bound_statements(&mut extraction.statements, body.len());
        // Topic keywords match ASCII case-insensitively: the already lower-cased texts let a case-sensitive
        // automaton do it, with half the table (457 KB, not 891 KB) and ~12% faster over news-2095 alone.
        extraction.topics = topics::score(title_doc.ascii_lower(), doc.ascii_lower());
        return extraction;
    }
    let mut whole = Extraction::default();
    let mut known = KnownPeople::default();
    let (mut byte_start, mut char_start) = (0, 0);
    while byte_start < body.len() {
        let end = byte_start + crate::normalise::boundary_before(&body[byte_start..], PART_BYTES);
        let part = &body[byte_start..end];
        merge_part(
            &mut whole,
            &mut known,
            people_and_statements(&title_doc, &text::Doc::new(part), stages),
            char_start,
        );
        char_start += part.chars().count();
        byte_start = end;
    }
    bound_statements(&mut whole.statements, body.len());
    whole.topics = topics::score(title_doc.ascii_lower(), &body.to_ascii_lowercase());
    whole
}

/// People and statements of one body (or part of one); no topics.
fn people_and_statements(title_doc: &text::Doc, doc: &text::Doc, stages: Stages) -> Extraction {
    let found = people::find(doc, title_doc);
    let mut statements = quotes::find(doc, &found);
    if stages.screen {
        screen::keep_usable(&mut statements);
    }
    // Mentions are sorted by position: one pass hands each person theirs in that order (no scan of
    // every mention per person), and the persons are moved out rather than cloned (found is done with).
    let mut mentions_of = vec![Vec::new(); found.persons.len()];
    for m in &found.mentions {
        // The mention is the name itself, without an honorific ("Mr Key" -> "Key").
        mentions_of[m.person].push(doc.span(doc.tokens[m.name_start].start, doc.tokens[m.end - 1].end));
    }
    let people = found
        .persons
        .into_iter()
        .zip(mentions_of)
        .map(|(person, mentions)| ExtractedPerson {
            name: text::visible(person.name),
            aliases: person.aliases.into_iter().map(text::visible).collect(),
            mentions,
            roles: person.roles.into_iter().map(text::visible).collect(),
        })
        .collect();
    Extraction { people, statements, topics: Vec::new() }
}

/// Adds the extraction of a part that starts `char_start` characters into the body: offsets shift, and a
/// person already found in an earlier part (same name, or a lone surname of exactly one earlier person) is
/// the same person.
fn merge_part(whole: &mut Extraction, known: &mut KnownPeople, part: Extraction, char_start: usize) {
    let shift = |span: &mut crate::model::Span| {
        span.start += char_start;
        span.end += char_start;
    };
    let mut index_of = Vec::with_capacity(part.people.len());
    for mut person in part.people {
        person.mentions.iter_mut().for_each(shift);
        let same = known.by_name.get(&person.name).copied().or_else(|| known.by_surname.get(&person.name).copied()?);
        let Some(i) = same else {
            let i = whole.people.len();
            known.add(&person.name, i);
            index_of.push(i);
            whole.people.push(person);
            continue;
        };
        let earlier = &mut whole.people[i];
        for alias in std::iter::once(person.name).chain(person.aliases) {
            if alias != earlier.name && !earlier.aliases.contains(&alias) {
                earlier.aliases.push(alias);
            }
        }
        for role in person.roles {
            if !earlier.roles.contains(&role) {
                earlier.roles.push(role);
            }
        }
        earlier.mentions.extend(person.mentions);
        index_of.push(i);
    }
    for mut statement in part.statements {
        shift(&mut statement.text);
        if let Some(span) = statement.speaker_span.as_mut() {
            shift(span);
        }
        statement.speaker = statement.speaker.map(|p| index_of[p]);
        whole.statements.push(statement);
    }
}

/// The people of the parts merged so far, by name and by surname (None when two people share it).
#[derive(Default)]
struct KnownPeople {
    by_name: HashMap<String, usize>,
    by_surname: HashMap<String, Option<usize>>,
}

impl KnownPeople {
    fn add(&mut self, name: &str, index: usize) {
        self.by_name.insert(name.to_string(), index);
        if let Some((_, surname)) = name.rsplit_once(' ') {
            self.by_surname.entry(surname.to_string()).and_modify(|i| *i = None).or_insert(Some(index));
        }
    }
}

/// Keeps the statements, in order, while their text totals at most `STATEMENT_CHARS_PER_BODY_CHAR` times the
/// body's length (bytes bound characters from above, and a small allowance covers tiny bodies).
fn bound_statements(statements: &mut Vec<ExtractedStatement>, body_bytes: usize) {
    let budget = body_bytes * STATEMENT_CHARS_PER_BODY_CHAR + 1000;
    let mut used = 0;
    let keep = statements
        .iter()
        .position(|s| {
            used += s.text.end - s.text.start;
            used > budget
        })
        .unwrap_or(statements.len());
    statements.truncate(keep);
}
