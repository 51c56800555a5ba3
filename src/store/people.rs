//! Curating people: resolve a name as --person does, merge two people, manage aliases, rename, and one person's profile.
//!
//! Every function takes a `&Connection`, so a caller (the `people` command, or the ingest writer absorbing a
//! surname-only person) runs it inside its own transaction.

use std::collections::{HashMap, HashSet};

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};

use crate::extract::lexicon;
use crate::output::{Cell, Table};
use crate::store::read::query_table;
use crate::{Error, Result};

/// A stored person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub name: String,
}

/// How many rows of the merged person now belong to the person it was merged into.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MergeCounts {
    pub mentions: usize,
    pub statements: usize,
    pub roles: usize,
    /// Names the merged person was known by (its canonical name included) that are new to the kept person.
    pub aliases: usize,
}

/// Candidates for a name, best match first: canonical name (0), then alias (1). Also the lookup of --person.
const PERSON_BY_NAME: &str = "SELECT id, name, 0 AS rank FROM people WHERE name = ?1 COLLATE NOCASE
    UNION SELECT p.id, p.name, 1 FROM person_aliases pa JOIN people p ON p.id = pa.person_id WHERE pa.alias = ?1
    ORDER BY rank, name, id";

/// A person by canonical name, else by an alias only one person has; case-insensitive, an exact-case canonical
/// name wins. Unknown or ambiguous names are usage errors that list the candidates.
pub fn resolve(conn: &Connection, name: &str) -> Result<Person> {
    let mut stmt = conn.prepare_cached(PERSON_BY_NAME)?;
    let rows = stmt.query_map([name], |r| Ok((Person { id: r.get(0)?, name: r.get(1)? }, r.get::<_, i64>(2)?)))?;
    let candidates: Vec<(Person, i64)> = rows.collect::<rusqlite::Result<_>>()?;
    let Some(best) = candidates.first().map(|(_, rank)| *rank) else {
        return Err(Error::Usage(format!("no person matches {name:?} (see `newsdb report people`)")));
    };
    let mut best: Vec<Person> = candidates.into_iter().filter(|(_, rank)| *rank == best).map(|(p, _)| p).collect();
    best.dedup_by_key(|p| p.id);
    if best.len() > 1 {
        if let Some(exact) = best.iter().position(|p| p.name == name) {
            return Ok(best.swap_remove(exact));
        }
        let names: Vec<&str> = best.iter().map(|p| p.name.as_str()).collect();
        return Err(Error::Usage(format!("{name:?} is ambiguous, it matches {}; use the full name", names.join("; "))));
    }
    Ok(best.remove(0))
}

const ADD_OWN_NAME_AS_ALIAS: &str =
    "INSERT OR IGNORE INTO person_aliases (alias, person_id) SELECT name, id FROM people WHERE id = ?1";
const COUNT_ROLES: &str = "SELECT count(*) FROM person_roles WHERE person_id = ?1";
const MOVE_MENTIONS: &str = "UPDATE mentions SET person_id = ?1 WHERE person_id = ?2";
const MOVE_STATEMENTS: &str = "UPDATE statements SET speaker_id = ?1 WHERE speaker_id = ?2";
/// A role both people have for the same article stays once: the duplicate is left behind and deleted.
const MOVE_ROLES: &str = "UPDATE OR IGNORE person_roles SET person_id = ?1 WHERE person_id = ?2";
const DELETE_ROLES: &str = "DELETE FROM person_roles WHERE person_id = ?1";
const COPY_ALIASES: &str = "INSERT OR IGNORE INTO person_aliases (alias, person_id)
    SELECT alias, ?1 FROM person_aliases WHERE person_id = ?2";
const DELETE_ALIASES: &str = "DELETE FROM person_aliases WHERE person_id = ?1";
const DELETE_PERSON: &str = "DELETE FROM people WHERE id = ?1";

/// Merges person `from` into `into`: mentions, roles, statements and aliases move, `from`'s canonical name becomes
/// an alias of `into`, and the `from` row is deleted. Run it inside a transaction.
pub fn merge(conn: &Connection, into: i64, from: i64) -> Result<MergeCounts> {
    if into == from {
        return Err(Error::Usage("cannot merge a person into itself".to_string()));
    }
    conn.prepare_cached(ADD_OWN_NAME_AS_ALIAS)?.execute([from])?;
    let roles: i64 = conn.prepare_cached(COUNT_ROLES)?.query_row([from], |r| r.get(0))?;
    let mentions = conn.prepare_cached(MOVE_MENTIONS)?.execute([into, from])?;
    let statements = conn.prepare_cached(MOVE_STATEMENTS)?.execute([into, from])?;
    conn.prepare_cached(MOVE_ROLES)?.execute([into, from])?;
    conn.prepare_cached(DELETE_ROLES)?.execute([from])?;
    let aliases = conn.prepare_cached(COPY_ALIASES)?.execute([into, from])?;
    // Explicit deletes rather than relying on ON DELETE CASCADE, so the result does not depend on the
    // connection having foreign keys switched on.
    conn.prepare_cached(DELETE_ALIASES)?.execute([from])?;
    conn.prepare_cached(DELETE_PERSON)?.execute([from])?;
    Ok(MergeCounts { mentions, statements, roles: roles as usize, aliases })
}

const OWNER_OF_NAME: &str = "SELECT id, name FROM people WHERE name = ?1 COLLATE NOCASE AND id <> ?2 LIMIT 1";
const INSERT_ALIAS: &str = "INSERT OR IGNORE INTO person_aliases (alias, person_id) VALUES (?1, ?2)";
const OTHERS_WITH_ALIAS: &str = "SELECT p.name FROM person_aliases pa JOIN people p ON p.id = pa.person_id
    WHERE pa.alias = ?1 AND pa.person_id <> ?2 ORDER BY p.name";

/// Gives `person` the alias; false when it already had it. An alias that is another person's canonical name is
/// refused, because a canonical name wins over aliases at ingest: `people merge` is what joins two people.
pub fn add_alias(conn: &Connection, person: &Person, alias: &str) -> Result<bool> {
    let alias = alias.trim();
    if alias.is_empty() {
        return Err(Error::Usage("an alias cannot be empty".to_string()));
    }
    let owner: Option<String> =
        conn.prepare_cached(OWNER_OF_NAME)?.query_row(params![alias, person.id], |r| r.get(1)).optional()?;
    if let Some(owner) = owner {
        return Err(Error::Usage(format!(
            "{alias:?} is the name of another person ({owner}); use `newsdb people merge {:?} {owner:?}`",
            person.name
        )));
    }
    Ok(conn.prepare_cached(INSERT_ALIAS)?.execute(params![alias, person.id])? > 0)
}

/// Other people who have `alias`: while there are any, the alias resolves to nobody.
pub fn others_with_alias(conn: &Connection, person: &Person, alias: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(OTHERS_WITH_ALIAS)?;
    let names = stmt.query_map(params![alias.trim(), person.id], |r| r.get(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

const DELETE_ALIAS: &str = "DELETE FROM person_aliases WHERE alias = ?1 AND person_id = ?2";

/// Takes an alias away from `person`; its canonical name is not an alias to remove (rename instead).
pub fn remove_alias(conn: &Connection, person: &Person, alias: &str) -> Result<()> {
    let alias = alias.trim();
    if alias.to_lowercase() == person.name.to_lowercase() {
        return Err(Error::Usage(format!(
            "{alias:?} is the canonical name of this person; use `newsdb people rename`"
        )));
    }
    if conn.prepare_cached(DELETE_ALIAS)?.execute(params![alias, person.id])? == 0 {
        return Err(Error::Usage(format!("{alias:?} is not an alias of {}", person.name)));
    }
    Ok(())
}

/// A person's aliases without the canonical name (always stored as an alias too).
const ALIASES: &str = "SELECT pa.alias AS alias FROM person_aliases pa JOIN people p ON p.id = pa.person_id
    WHERE pa.person_id = ?1 AND pa.alias <> p.name ORDER BY pa.alias";

pub fn aliases(conn: &Connection, person: &Person) -> Result<Table> {
    Ok(query_table(conn, ALIASES, vec![Value::Integer(person.id)])?)
}

const RENAME: &str = "UPDATE people SET name = ?2 WHERE id = ?1";

/// Gives `person` a new canonical name that no other person has. The old name stays an alias, so articles that
/// use it still find the person, and a name of several words gets its surname alias as at ingest. Returns the name
/// as stored (whitespace runs made single spaces).
pub fn rename(conn: &Connection, person: &Person, new_name: &str) -> Result<String> {
    let new_name = new_name.split_whitespace().collect::<Vec<_>>().join(" ");
    if new_name.is_empty() {
        return Err(Error::Usage("a name cannot be empty".to_string()));
    }
    let owner: Option<String> =
        conn.prepare_cached(OWNER_OF_NAME)?.query_row(params![new_name, person.id], |r| r.get(1)).optional()?;
    if let Some(owner) = owner {
        return Err(Error::Usage(format!(
            "{owner:?} is already a person; use `newsdb people merge {owner:?} {:?}` to join them",
            person.name
        )));
    }
    conn.prepare_cached(ADD_OWN_NAME_AS_ALIAS)?.execute([person.id])?;
    conn.prepare_cached(RENAME)?.execute(params![person.id, new_name])?;
    let mut add = conn.prepare_cached(INSERT_ALIAS)?;
    for alias in std::iter::once(new_name.as_str()).chain(crate::store::write::surname(&new_name)) {
        add.execute(params![alias, person.id])?;
    }
    Ok(new_name)
}

/// One row: the person with counts over every article that mentions them or quotes them.
const SUMMARY: &str = "WITH pa AS (SELECT article_id FROM mentions WHERE person_id = ?1
                                   UNION SELECT article_id FROM statements WHERE speaker_id = ?1),
         pa_articles AS (SELECT a.outlet_id, a.published_at FROM pa JOIN articles a ON a.id = pa.article_id)
    SELECT p.id AS id, p.name AS name,
           (SELECT count(*) FROM mentions WHERE person_id = ?1) AS mentions,
           (SELECT count(*) FROM pa) AS articles,
           (SELECT count(*) FROM statements WHERE speaker_id = ?1) AS statements,
           (SELECT count(DISTINCT outlet_id) FROM pa_articles) AS outlets,
           (SELECT min(published_at) FROM pa_articles) AS first_seen,
           (SELECT max(published_at) FROM pa_articles) AS last_seen
    FROM people p WHERE p.id = ?1";
const ROLES: &str = "SELECT role, count(DISTINCT article_id) AS articles FROM person_roles WHERE person_id = ?1
    GROUP BY role ORDER BY articles DESC, role";
/// Latest first; undated articles after dated ones.
const LATEST_STATEMENTS: &str = "SELECT s.text AS text, s.kind AS kind, a.title AS title, o.name AS outlet,
           a.published_at AS published_at
    FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
    WHERE s.speaker_id = ?1
    ORDER BY a.published_at IS NULL, a.published_at DESC, a.id DESC, s.start, s.id
    LIMIT ?2";

/// `people show`: the person with counts, aliases, roles with article counts, and the `limit` latest statements.
/// A surname-only person that several full names may be (issue 11) also gets a "may be" section listing them,
/// most mentioned first.
pub fn show(conn: &Connection, person: &Person, limit: u32) -> Result<Vec<(&'static str, Table)>> {
    let id = || vec![Value::Integer(person.id)];
    let mut sections = vec![("person", query_table(conn, SUMMARY, id())?)];
    if let Some(candidates) = candidates_table(conn, person)? {
        sections.push(("may be", candidates));
    }
    sections.extend([
        ("aliases", aliases(conn, person)?),
        ("roles", query_table(conn, ROLES, id())?),
        ("statements", query_table(conn, LATEST_STATEMENTS, vec![Value::Integer(person.id), Value::from(limit)])?),
    ]);
    Ok(sections)
}

// Issue 11: surname-only people across the corpus.
//
// An article that names someone only by surname ("Bush", "Mr Blair") is stored as a surname-only person unless
// the surname resolves. Which full name it joins is decided over the whole database, not per article, so that
// the answer does not depend on the order or batching of the ingest:
//
// - the *candidates* for surname S are the people whose canonical name ends in S (full names, "George W. Bush");
// - each candidate's *evidence* counts only the articles that name them in full, because articles naming them by
//   the surname alone are exactly what is being decided;
// - every surname-only mention of S (the surname-only person's, and those a candidate received earlier by the
//   surname alone while it was the only one) goes to the one candidate when there is only one (as before issue
//   11), else to the *dominant* candidate, else to the surname-only person S.
//
// The dominance rule. A candidate is *of note* when at least DOMINANCE_MIN_ARTICLES articles name them in full.
// The leading candidate (most full-name mentions) takes the bare surname when it is of note and has at least
// DOMINANCE_RATIO times the full-name mentions of all the other candidates of note together (so at least 5/6, 83%,
// of them). Candidates named in full in only one or two articles do not count against the leader: a surname used
// alone, without introducing the person, is the surname of someone well known in the corpus, and a minor namesake
// rarely is (in news-2095, Kate Bush in two music articles is no rival for George Bush in politics). So "Bush"
// joins "George W. Bush" with 412 mentions over "George H. W. Bush" with 35 and "Laura Bush" with 20 (412 >= 5 x
// 55); "Smith" stays apart when John Smith has 40 mentions and Jane Smith 12 in five articles. The ratio is against
// the sum, not the runner-up, because a surname shared by several people of note is no more likely to mean the
// leader than one shared with a single rival of the same total weight.

/// How many times the full-name mentions of all other candidates of note the leader needs to take a bare surname.
pub const DOMINANCE_RATIO: i64 = 5;
/// How many articles must name a candidate in full for them to be of note: one or two articles are not
/// corpus-scale evidence, neither for the leader nor against it.
pub const DOMINANCE_MIN_ARTICLES: i64 = 3;

/// Titles written before a given name, not a surname ("Prince Charles", "Sir Alex", "Queen Elizabeth"): a name so
/// written is never the surname of another person (Ray Charles), so it is stored with its title and no surname.
pub(crate) const GIVEN_NAME_TITLES: &[&str] =
    &["sir", "dame", "prince", "princess", "king", "queen", "pope", "emperor", "empress", "tsar", "sultan"];

/// Whether the name's first word is a title that precedes a given name ("Prince Charles").
pub(crate) fn has_given_name_title(name: &str) -> bool {
    let mut words = name.split_whitespace();
    matches!((words.next(), words.next()), (Some(first), Some(_))
        if GIVEN_NAME_TITLES.iter().any(|t| first.eq_ignore_ascii_case(t)))
}

/// A name of one word: a surname-only person (or a lone given name).
pub(crate) fn is_one_word(name: &str) -> bool {
    name.split_whitespace().nth(1).is_none()
}

/// Everyone with the alias ?1 (aliases compare ASCII case-insensitively).
const PEOPLE_WITH_ALIAS: &str = "SELECT p.id, p.name FROM person_aliases pa JOIN people p ON p.id = pa.person_id
    WHERE pa.alias = ?1 ORDER BY p.id";
/// A person's mentions per article, and whether any of them there is more than the bare surname ?2. Reads the
/// person's own rows through the mentions_person index.
const MENTIONS_BY_ARTICLE: &str = "SELECT article_id, count(*), max(surface <> ?2 COLLATE NOCASE)
    FROM mentions WHERE person_id = ?1 GROUP BY article_id ORDER BY article_id";
/// All mentions and articles of a person, as `report people` counts them.
const PERSON_TOTALS: &str = "SELECT count(*), count(DISTINCT article_id) FROM mentions WHERE person_id = ?1";

/// People of note whose *given* name is the word ?1 ("Charles Kennedy" for "Charles"), with their mentions and
/// articles: rivals for a bare word that is a surname of one person and the given name of others. A range on the
/// unique index of `people.name` (' ' < '!' in every collation byte order), not a scan.
const GIVEN_NAME_NAMESAKES: &str = "SELECT count(*), count(DISTINCT m.article_id) FROM people p
    JOIN mentions m ON m.person_id = p.id WHERE p.name >= ?1 || ' ' AND p.name < ?1 || '!' GROUP BY p.id";

/// Whether anyone's given name is the word ?1: one seek on the unique index of `people.name`.
const ANY_GIVEN_NAME_NAMESAKE: &str =
    "SELECT EXISTS (SELECT 1 FROM people WHERE name >= ?1 || ' ' AND name < ?1 || '!')";

/// A full-name person who may be meant by a bare surname.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub person: Person,
    /// Mentions in the articles that name this person in full: the evidence the dominance rule weighs.
    pub mentions: i64,
    /// Articles that name this person in full.
    pub articles: i64,
    /// Articles where this person is named by the surname alone, so far credited to them.
    pub surname_only_articles: Vec<i64>,
    /// Articles that name this person in full (ascending): a bare surname there that the article left apart is
    /// not another candidate's.
    pub full_articles: Vec<i64>,
}

/// Everyone a bare surname may be: the surname-only people (case variants, oldest first) and the candidates
/// (most full-name mentions first).
#[derive(Debug, Clone)]
pub struct SurnameGroup {
    pub surname: String,
    pub surname_only: Vec<Person>,
    pub candidates: Vec<Candidate>,
    /// Mentions of the people of note who have the surname as their given name ("Charles Kennedy", "Charles
    /// Clarke" for "Charles"): a bare "Charles" may be any of them, so they weigh against the leader like
    /// candidates of note (news-2095 gave Ray Charles every bare "Charles" of its politics articles).
    pub given_name_rivals: i64,
}

/// Whom a bare surname resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurnameResolution {
    /// No full name has the surname.
    NoCandidate,
    /// The only full name with the surname (index into `candidates`).
    Only(usize),
    /// The dominant one of several (index into `candidates`).
    Dominant(usize),
    /// Several are plausible: the surname stays its own person.
    Apart,
}

/// The people known by `surname`, with the evidence the dominance rule weighs.
pub fn surname_group(conn: &Connection, surname: &str) -> Result<SurnameGroup> {
    let known: Vec<Person> = conn
        .prepare_cached(PEOPLE_WITH_ALIAS)?
        .query_map([surname], |r| Ok(Person { id: r.get(0)?, name: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    surname_group_of(conn, surname, known)
}

fn surname_group_of(conn: &Connection, surname: &str, known: Vec<Person>) -> Result<SurnameGroup> {
    let given_name_rivals = conn
        .prepare_cached(GIVEN_NAME_NAMESAKES)?
        .query_map([surname], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|&(_, articles)| articles >= DOMINANCE_MIN_ARTICLES)
        .map(|(mentions, _)| mentions)
        .sum();
    let mut group = SurnameGroup {
        surname: surname.to_string(),
        surname_only: Vec::new(),
        candidates: Vec::new(),
        given_name_rivals,
    };
    for person in known {
        if person.name.eq_ignore_ascii_case(surname) {
            group.surname_only.push(person);
            continue;
        }
        // Only full names ending in the surname: a first name or a hand-given alias is not a surname, and a
        // titled given name ("Prince Charles") never is.
        let ends_in_surname =
            crate::store::write::surname(&person.name).is_some_and(|s| s.eq_ignore_ascii_case(surname));
        if !ends_in_surname || has_given_name_title(&person.name) {
            continue;
        }
        let mut candidate = Candidate {
            person,
            mentions: 0,
            articles: 0,
            surname_only_articles: Vec::new(),
            full_articles: Vec::new(),
        };
        let mut stmt = conn.prepare_cached(MENTIONS_BY_ARTICLE)?;
        let mut rows = stmt.query(params![candidate.person.id, surname])?;
        while let Some(row) = rows.next()? {
            let (article, mentions, in_full): (i64, i64, bool) = (row.get(0)?, row.get(1)?, row.get(2)?);
            if in_full {
                candidate.mentions += mentions;
                candidate.articles += 1;
                candidate.full_articles.push(article);
            } else {
                candidate.surname_only_articles.push(article);
            }
        }
        group.candidates.push(candidate);
    }
    group.candidates.sort_by(|a, b| {
        (b.mentions, b.articles).cmp(&(a.mentions, a.articles)).then_with(|| a.person.name.cmp(&b.person.name))
    });
    Ok(group)
}

impl SurnameGroup {
    /// The dominance rule (see DOMINANCE_RATIO) applied to the candidates.
    pub fn resolution(&self) -> SurnameResolution {
        match self.candidates.as_slice() {
            [] => SurnameResolution::NoCandidate,
            [only] if only.mentions >= DOMINANCE_RATIO * self.given_name_rivals => SurnameResolution::Only(0),
            [_] => SurnameResolution::Apart,
            [leader, others @ ..] => {
                let of_note = |c: &&Candidate| c.articles >= DOMINANCE_MIN_ARTICLES;
                let rest: i64 = others.iter().filter(of_note).map(|c| c.mentions).sum::<i64>() + self.given_name_rivals;
                if of_note(&leader) && leader.mentions >= DOMINANCE_RATIO * rest {
                    SurnameResolution::Dominant(0)
                } else {
                    SurnameResolution::Apart
                }
            }
        }
    }

    /// The articles that name in full candidates other than `target` and not `target` itself, with those
    /// candidates. The article's own extraction joins a bare surname to the one full name of that surname it uses,
    /// so a bare surname left apart in such an article is not the corpus's dominant namesake's, whom the article
    /// never names: when the article names two namesakes ("Richey Edwards", "Sherry Edwards", then "Edwards") it
    /// found the surname ambiguous, and the surname stays apart; when it names one, the extraction missed a form
    /// ("Joseph R. Biden Jr", then "Biden", as its last word is "Jr"), and the surname is that one's. Where the
    /// article names `target` in full too ("Hillary Clinton" and "Bill Clinton", then "Clinton"), dominance still
    /// decides, as the corpus's evidence is all there is to choose between people the article names.
    pub fn named_apart(&self, target: i64) -> HashMap<i64, Vec<i64>> {
        let mut apart: HashMap<i64, Vec<i64>> = HashMap::new();
        let Some(named) = self.candidates.iter().find(|c| c.person.id == target) else { return apart };
        for other in self.candidates.iter().filter(|c| c.person.id != target) {
            for &article in other.full_articles.iter().filter(|a| named.full_articles.binary_search(a).is_err()) {
                apart.entry(article).or_default().push(other.person.id);
            }
        }
        apart
    }
}

/// Applies the resolution of `surname` to the database: surname-only mentions move to the candidate it names,
/// or to the surname-only person when several are plausible. Run inside the ingest's transaction after each batch
/// for every surname the batch touched; the result depends only on what the database holds, so it is the same
/// whatever the order and batching of the ingest. Cheap when the surname has one person or none (one index
/// look-up); otherwise it reads the candidates' own mentions through the mentions_person index.
pub fn resolve_surname(conn: &Connection, surname: &str) -> Result<()> {
    let known: Vec<Person> = conn
        .prepare_cached(PEOPLE_WITH_ALIAS)?
        .query_map([surname], |r| Ok(Person { id: r.get(0)?, name: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    // One person with the surname takes it, unless the word is also someone's given name (see given_name_rivals).
    if known.len() < 2
        && !conn.prepare_cached(ANY_GIVEN_NAME_NAMESAKE)?.query_row([surname], |r| r.get::<_, bool>(0))?
    {
        return Ok(());
    }
    let group = surname_group_of(conn, surname, known)?;
    let target = match group.resolution() {
        SurnameResolution::Only(i) | SurnameResolution::Dominant(i) => Some(group.candidates[i].person.id),
        SurnameResolution::NoCandidate | SurnameResolution::Apart => None,
    };
    let named_apart = target.map(|t| group.named_apart(t)).unwrap_or_default();
    // The surname-only person: where bare surnames go that no candidate takes. Created only when needed.
    let mut keeper = group.surname_only.first().map(|p| p.id);
    // Case variants of the surname ("Bush", "BUSH") are one surname-only person.
    if let Some(first) = group.surname_only.first() {
        for person in &group.surname_only[1..] {
            merge(conn, first.id, person.id)?;
        }
    }
    let Some(target) = target else {
        // Several plausible full names, or none: every bare surname is the surname-only person's.
        let stray = group.candidates.iter().any(|c| !c.surname_only_articles.is_empty());
        if group.surname_only.is_empty() && !stray {
            return Ok(());
        }
        let into = surname_person(conn, surname, &mut keeper)?;
        for candidate in &group.candidates {
            for &article in &candidate.surname_only_articles {
                move_article(conn, into, candidate.person.id, article)?;
            }
        }
        return Ok(());
    };
    // Where each article's bare surname goes: the target, unless the article names other namesakes instead.
    let destination = |keeper: &mut Option<i64>, article: i64| -> Result<i64> {
        match named_apart.get(&article).map(Vec::as_slice) {
            None => Ok(target),
            Some([only]) => Ok(*only),
            Some(_) => surname_person(conn, surname, keeper),
        }
    };
    if let Some(first) = group.surname_only.first() {
        let articles: Vec<i64> = if named_apart.is_empty() {
            Vec::new()
        } else {
            conn.prepare_cached(ARTICLES_OF_PERSON)?
                .query_map([first.id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        if articles.iter().all(|a| !named_apart.contains_key(a)) {
            merge(conn, target, first.id)?;
            keeper = None;
        } else {
            for &article in &articles {
                let into = destination(&mut keeper, article)?;
                if into != first.id {
                    move_article(conn, into, first.id, article)?;
                }
            }
            // Emptied (every article named one other namesake): the row goes, its aliases to the target.
            if !articles.iter().any(|a| named_apart.get(a).is_some_and(|c| c.len() > 1)) {
                merge(conn, target, first.id)?;
                keeper = None;
            }
        }
    }
    for candidate in &group.candidates {
        for &article in &candidate.surname_only_articles {
            let into = destination(&mut keeper, article)?;
            if into != candidate.person.id {
                move_article(conn, into, candidate.person.id, article)?;
            }
        }
    }
    Ok(())
}

/// The surname-only person `keeper`, created (with the surname as its alias) when there is none yet.
fn surname_person(conn: &Connection, surname: &str, keeper: &mut Option<i64>) -> Result<i64> {
    if let Some(id) = *keeper {
        return Ok(id);
    }
    conn.prepare_cached(INSERT_PERSON)?.execute([surname])?;
    let id = conn.last_insert_rowid();
    conn.prepare_cached(INSERT_ALIAS)?.execute(params![surname, id])?;
    *keeper = Some(id);
    Ok(id)
}

/// The articles that mention a person, through the mentions_person index.
const ARTICLES_OF_PERSON: &str = "SELECT DISTINCT article_id FROM mentions WHERE person_id = ?1 ORDER BY 1";
const INSERT_PERSON: &str = "INSERT INTO people (name) VALUES (?1)";
const MOVE_ARTICLE_MENTIONS: &str = "UPDATE mentions SET person_id = ?1 WHERE person_id = ?2 AND article_id = ?3";
const MOVE_ARTICLE_STATEMENTS: &str = "UPDATE statements SET speaker_id = ?1 WHERE speaker_id = ?2 AND article_id = ?3";
const MOVE_ARTICLE_ROLES: &str =
    "UPDATE OR IGNORE person_roles SET person_id = ?1 WHERE person_id = ?2 AND article_id = ?3";
const DELETE_ARTICLE_ROLES: &str = "DELETE FROM person_roles WHERE person_id = ?1 AND article_id = ?2";

/// Moves what one article says of person `from` (mentions, statements, roles) to person `into`.
fn move_article(conn: &Connection, into: i64, from: i64, article: i64) -> Result<()> {
    conn.prepare_cached(MOVE_ARTICLE_MENTIONS)?.execute([into, from, article])?;
    conn.prepare_cached(MOVE_ARTICLE_STATEMENTS)?.execute([into, from, article])?;
    conn.prepare_cached(MOVE_ARTICLE_ROLES)?.execute([into, from, article])?;
    conn.prepare_cached(DELETE_ARTICLE_ROLES)?.execute([from, article])?;
    Ok(())
}

/// `people show` for a surname-only person: the full names it may be, with all their mentions and articles.
fn candidates_table(conn: &Connection, person: &Person) -> Result<Option<Table>> {
    if !is_one_word(&person.name) {
        return Ok(None);
    }
    let group = surname_group(conn, &person.name)?;
    if group.candidates.is_empty() {
        return Ok(None);
    }
    let mut table = Table { columns: vec!["name".into(), "mentions".into(), "articles".into()], rows: Vec::new() };
    let mut totals = Vec::new();
    for candidate in &group.candidates {
        let (mentions, articles): (i64, i64) =
            conn.prepare_cached(PERSON_TOTALS)?.query_row([candidate.person.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        totals.push((mentions, articles, candidate.person.name.clone()));
    }
    totals.sort_by(|a, b| (b.0, b.1).cmp(&(a.0, a.1)).then_with(|| a.2.cmp(&b.2)));
    for (mentions, articles, name) in totals {
        table.rows.push(vec![Cell::Text(name), Cell::Int(mentions), Cell::Int(articles)]);
    }
    Ok(Some(table))
}

// Issue 11: middle initials across the corpus.
//
// "Donald J. Trump" and "Donald Trump", "Paul D. Ryan" and "Paul Ryan" are one person written two ways. Names
// with the same given name and surname whose middle words are all initials (none for the plain form) form a
// *variant group*; each article's form is read from how it writes the name (its mentions' surfaces):
//
// - when the group has at most one initialled form, every form is one person, stored under the form with the most
//   mentions (the others stay aliases), so a bare "Trump" then weighs the whole person in surname dominance;
// - when it has two or more ("George W. Bush", "George H. W. Bush"), those are two people, and the plain form
//   ("George Bush") could be either, so each form is its own person: articles merged earlier, while one initialled
//   form was known, move back to their own form's person.
//
// Like surnames, the rule is applied after each batch to every group the batch touched, over the whole database,
// so the result does not depend on the order and batching of the input. Articles that name the person by the
// surname alone carry no form: they follow a merge and stay put in a split (surname dominance decides them).

/// A name's variant group and form: folded given name and surname, and the middle initials ("" for none).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NameForm {
    pub given: String,
    pub surname: String,
    pub initials: String,
}

/// Lower case, no diacritics, letters and digits only: "O'Brien" -> "obrien", "José" -> "jose".
fn word_key(word: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    word.nfd().filter(|c| !is_combining_mark(*c) && c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The letters of a word of initials ("J.", "J", "H.W."), lower case; None for any other word.
fn initials_of(word: &str) -> Option<String> {
    let mut letters = String::new();
    for part in word.split('.').filter(|p| !p.is_empty()) {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => letters.extend(c.to_lowercase()),
            _ => return None,
        }
    }
    (!letters.is_empty()).then_some(letters)
}

/// The form of a name of words: a given name that is not an initial, middle words that are all initials, a
/// surname. None for other names ("George Walker Bush", "Donald Trump Jr.", "J. Smith", "Prince Charles").
pub fn name_form(name: &str) -> Option<NameForm> {
    let words: Vec<&str> = name.split_whitespace().collect();
    form_of_words(&words).filter(|_| !has_given_name_title(name))
}

fn form_of_words(words: &[&str]) -> Option<NameForm> {
    let [first, middle @ .., last] = words else { return None };
    if initials_of(first).is_some() || initials_of(last).is_some() {
        return None;
    }
    let initials: Option<String> = middle.iter().map(|w| initials_of(w)).collect();
    let (given, surname) = (word_key(first), word_key(last));
    if given.chars().count() < 2 || surname.chars().count() < 2 {
        return None;
    }
    Some(NameForm { given, surname, initials: initials? })
}

/// The form of the group (`given`, `surname`) a mention's surface writes, and how ("President Donald J. Trump" ->
/// "j", "Donald J. Trump"); None when it writes no form of the group ("Trump", "Mr Trump").
fn form_in_surface(surface: &str, group: &NameForm) -> Option<Written> {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let start = words.iter().position(|w| word_key(w) == group.given)?;
    let end = start + 1 + words[start + 1..].iter().position(|w| initials_of(w).is_none())?;
    let form = form_of_words(&words[start..=end])?;
    (form.given == group.given && form.surname == group.surname).then(|| (form.initials, words[start..=end].join(" ")))
}

/// A form as an article writes it: its initials and its spelling.
type Written = (String, String);

const ALIASES_OF_PERSON: &str = "SELECT alias FROM person_aliases WHERE person_id = ?1";
/// A person's mentions per article and written form, through the mentions_person index.
const SURFACES_OF_PERSON: &str =
    "SELECT article_id, surface, count(*) FROM mentions WHERE person_id = ?1 GROUP BY article_id, surface";
const COUNT_MENTIONS: &str = "SELECT count(*) FROM mentions WHERE person_id = ?1";

/// One form of a variant group as the corpus writes it.
#[derive(Default)]
struct FormEvidence {
    mentions: i64,
    /// How the form is written, with mentions: the most written spelling names a person created for the form.
    spellings: HashMap<String, i64>,
}

impl FormEvidence {
    fn spelling(&self) -> Option<&str> {
        self.spellings.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))).map(|(s, _)| s.as_str())
    }
}

/// Applies the middle-initials rule (above) to the variant group of `form`, whose people all have the alias
/// `surname` (the surname as written). Cheap when the group is one person who was never given another form (an
/// alias look-up and the person's aliases); otherwise it reads the group's mentions through the mentions_person
/// index.
pub fn resolve_initials(conn: &Connection, form: &NameForm, surname: &str) -> Result<()> {
    // The people whose canonical name is a form of the group, with that form.
    let mut people: Vec<(Person, NameForm)> = conn
        .prepare_cached(PEOPLE_WITH_ALIAS)?
        .query_map([surname], |r| Ok(Person { id: r.get(0)?, name: r.get(1)? }))?
        .filter_map(|p| match p {
            Ok(p) => {
                name_form(&p.name).filter(|f| f.given == form.given && f.surname == form.surname).map(|f| Ok((p, f)))
            }
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<_>>()?;
    match people.as_slice() {
        [] => return Ok(()),
        [(person, own)] => {
            // One person: there is something to decide only if it also holds another form (by an earlier merge,
            // or an article that wrote both), which may have become the most mentioned one.
            let aliases: Vec<String> = conn
                .prepare_cached(ALIASES_OF_PERSON)?
                .query_map([person.id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let other_form = aliases
                .iter()
                .filter_map(|a| name_form(a))
                .any(|f| f.given == own.given && f.surname == own.surname && f.initials != own.initials);
            if !other_form {
                return Ok(());
            }
        }
        _ => {}
    }
    people.sort_by_key(|(p, _)| p.id);

    // Each person's articles with the form they write (None: the surname alone), and the evidence per form.
    let mut forms: HashMap<String, FormEvidence> = HashMap::new();
    for (_, own) in &people {
        forms.entry(own.initials.clone()).or_default();
    }
    let mut articles: Vec<Vec<(i64, Option<String>)>> = Vec::with_capacity(people.len());
    let mut totals: Vec<i64> = Vec::with_capacity(people.len());
    for (person, _) in &people {
        let mut per_article: Vec<(i64, i64, Option<Written>)> = Vec::new();
        let mut stmt = conn.prepare_cached(SURFACES_OF_PERSON)?;
        let mut rows = stmt.query([person.id])?;
        while let Some(row) = rows.next()? {
            let (article, surface, n): (i64, String, i64) = (row.get(0)?, row.get(1)?, row.get(2)?);
            let found = form_in_surface(&surface, form);
            match per_article.last_mut() {
                Some((a, mentions, written)) if *a == article => {
                    *mentions += n;
                    // An initialled form wins over the plain one: it is the article's fullest name.
                    if let Some(f) = found {
                        if written.as_ref().is_none_or(|w| w.0.is_empty() && !f.0.is_empty()) {
                            *written = Some(f);
                        }
                    }
                }
                _ => per_article.push((article, n, found)),
            }
        }
        totals.push(per_article.iter().map(|a| a.1).sum());
        let mut mine = Vec::with_capacity(per_article.len());
        for (article, mentions, written) in per_article {
            if let Some((initials, spelling)) = &written {
                let evidence = forms.entry(initials.clone()).or_default();
                evidence.mentions += mentions;
                *evidence.spellings.entry(spelling.clone()).or_default() += mentions;
            }
            mine.push((article, written.map(|w| w.0)));
        }
        articles.push(mine);
    }

    let initialled = forms.keys().filter(|i| !i.is_empty()).count();
    if initialled <= 1 {
        // One person: the most mentioned form names it (ties: the fuller form, then the spelling).
        let (best, evidence) = forms
            .iter()
            .max_by(|a, b| a.1.mentions.cmp(&b.1.mentions).then_with(|| a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0)))
            .expect("every person has a form");
        let named = (0..people.len())
            .filter(|&i| people[i].1.initials == *best)
            .max_by_key(|&i| (totals[i], std::cmp::Reverse(i)));
        let keep =
            named.unwrap_or_else(|| (0..people.len()).max_by_key(|&i| (totals[i], std::cmp::Reverse(i))).unwrap());
        let into = people[keep].0.clone();
        for (i, (person, _)) in people.iter().enumerate() {
            if i != keep {
                merge(conn, into.id, person.id)?;
            }
        }
        if named.is_none() {
            if let Some(spelling) = evidence.spelling() {
                // A name taken by someone outside the group (it cannot be, as every full name has its surname
                // alias, but a hand-edited database may differ) leaves the canonical name as it is.
                match rename(conn, &into, spelling) {
                    Err(Error::Usage(_)) => {}
                    other => {
                        other?;
                    }
                }
            }
        }
        return Ok(());
    }

    // Several initialled forms: each form is its own person, created from its most written spelling if needed.
    let mut home: HashMap<String, i64> = HashMap::new();
    let mut by_weight: Vec<usize> = (0..people.len()).collect();
    by_weight.sort_by_key(|&i| (-totals[i], i));
    for &i in &by_weight {
        home.entry(people[i].1.initials.clone()).or_insert(people[i].0.id);
    }
    for (i, (person, own)) in people.iter().enumerate() {
        let mut received_by = None;
        for (article, written) in &articles[i] {
            let Some(initials) = written.as_ref().filter(|w| **w != own.initials) else { continue };
            let into = match home.get(initials) {
                Some(&id) => id,
                None => {
                    let spelling = forms[initials].spelling().expect("a form read from an article is written");
                    let id =
                        match conn.prepare_cached(FIND_PERSON_ID)?.query_row([spelling], |r| r.get(0)).optional()? {
                            Some(id) => id,
                            None => {
                                conn.prepare_cached(INSERT_PERSON)?.execute([spelling])?;
                                let id = conn.last_insert_rowid();
                                let mut add = conn.prepare_cached(INSERT_ALIAS)?;
                                for alias in std::iter::once(spelling).chain(crate::store::write::surname(spelling)) {
                                    add.execute(params![alias, id])?;
                                }
                                id
                            }
                        };
                    home.insert(initials.clone(), id);
                    id
                }
            };
            move_article(conn, into, person.id, *article)?;
            received_by.get_or_insert(into);
        }
        // A person left with no mention (its name came only with articles of other forms) is merged away.
        if let Some(into) = received_by {
            if conn.prepare_cached(COUNT_MENTIONS)?.query_row([person.id], |r| r.get::<_, i64>(0))? == 0 {
                merge(conn, into, person.id)?;
            }
        }
    }
    Ok(())
}

const FIND_PERSON_ID: &str = "SELECT id FROM people WHERE name = ?1";

// `people check`: what an analyst should confirm (issue 11).

/// Every person with the counts and the evidence `people check` weighs. A full scan: it is a report, run by hand.
const PEOPLE_EVIDENCE: &str = "SELECT p.id, p.name,
        (SELECT count(*) FROM mentions WHERE person_id = p.id),
        (SELECT count(DISTINCT article_id) FROM mentions WHERE person_id = p.id),
        EXISTS (SELECT 1 FROM person_roles WHERE person_id = p.id),
        EXISTS (SELECT 1 FROM statements WHERE speaker_id = p.id),
        (SELECT group_concat(alias, char(31)) FROM person_aliases WHERE person_id = p.id)
    FROM people p";

/// One person as `people check` sees them.
struct Evidence {
    person: Person,
    mentions: i64,
    articles: i64,
    has_role: bool,
    speaks: bool,
    aliases: Vec<String>,
}

fn people_evidence(conn: &Connection) -> Result<Vec<Evidence>> {
    let mut stmt = conn.prepare(PEOPLE_EVIDENCE)?;
    let rows = stmt.query_map([], |r| {
        let aliases: Option<String> = r.get(6)?;
        Ok(Evidence {
            person: Person { id: r.get(0)?, name: r.get(1)? },
            mentions: r.get(2)?,
            articles: r.get(3)?,
            has_role: r.get(4)?,
            speaks: r.get(5)?,
            aliases: aliases.map(|a| a.split('\u{1f}').map(String::from).collect()).unwrap_or_default(),
        })
    })?;
    let mut people: Vec<Evidence> = rows.collect::<rusqlite::Result<_>>()?;
    people.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.person.name.cmp(&b.person.name)));
    Ok(people)
}

/// A name quoted for a POSIX shell: double quotes when nothing inside needs escaping, else single quotes.
fn shell_quote(name: &str) -> String {
    if !name.contains(['"', '$', '`', '\\', '!']) {
        return format!("\"{name}\"");
    }
    format!("'{}'", name.replace('\'', "'\\''"))
}

fn merge_command(into: &str, from: &str) -> String {
    format!("newsdb people merge {} {}", shell_quote(into), shell_quote(from))
}

/// Lower case without diacritics, punctuation as spaces, one space between words: "José  Mourinho" and
/// "jose mourinho" are the same key.
fn folded(name: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    let plain: String = name.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect();
    plain.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The key of a name without its middle initials, and whether it had any: "Vladimir V. Putin" -> ("vladimir
/// putin", true). Middle words that are not initials stay, so "George Walker Bush" is not "George Bush".
fn without_middle_initials(key: &str) -> (String, bool) {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < 3 {
        return (key.to_string(), false);
    }
    let middle = &words[1..words.len() - 1];
    if !middle.iter().all(|w| w.chars().count() == 1) {
        return (key.to_string(), false);
    }
    (format!("{} {}", words[0], words[words.len() - 1]), true)
}

const DUPLICATE_COLUMNS: [&str; 8] =
    ["kind", "name", "mentions", "articles", "may_be", "may_be_mentions", "may_be_articles", "command"];

/// Likely duplicates, most-mentioned first: surname-only people with a dominant or plausible full name, names that
/// differ only in case, diacritics or punctuation, and names that differ only by middle initials when exactly one
/// such fuller name exists. Each row carries the `people merge` command that joins them (into the name with more
/// mentions), for the analyst to run once confirmed.
pub fn likely_duplicates(conn: &Connection, limit: usize) -> Result<Table> {
    let people = people_evidence(conn)?;
    let by_id: HashMap<i64, &Evidence> = people.iter().map(|e| (e.person.id, e)).collect();
    // (sort key: mentions of the person merged away, row)
    let mut rows: Vec<(i64, Vec<Cell>)> = Vec::new();
    let row = |kind: &str, from: &Evidence, into: &Evidence| -> Vec<Cell> {
        vec![
            Cell::from(kind),
            Cell::Text(from.person.name.clone()),
            Cell::Int(from.mentions),
            Cell::Int(from.articles),
            Cell::Text(into.person.name.clone()),
            Cell::Int(into.mentions),
            Cell::Int(into.articles),
            Cell::Text(merge_command(&into.person.name, &from.person.name)),
        ]
    };

    let mut seen_surnames = HashSet::new();
    for person in people.iter().filter(|e| is_one_word(&e.person.name)) {
        if !seen_surnames.insert(person.person.name.to_ascii_lowercase()) {
            continue;
        }
        let group = surname_group(conn, &person.person.name)?;
        let (kind, shown) = match group.resolution() {
            SurnameResolution::NoCandidate => continue,
            SurnameResolution::Only(i) => ("surname: only full name", &group.candidates[i..=i]),
            SurnameResolution::Dominant(i) => ("surname: dominant full name", &group.candidates[i..=i]),
            SurnameResolution::Apart => {
                ("surname: plausible full name", &group.candidates[..group.candidates.len().min(3)])
            }
        };
        for candidate in shown {
            if let Some(into) = by_id.get(&candidate.person.id) {
                rows.push((person.mentions, row(kind, person, into)));
            }
        }
    }

    // Names equal once folded, then names equal without middle initials.
    let mut by_key: HashMap<String, Vec<&Evidence>> = HashMap::new();
    for person in &people {
        by_key.entry(folded(&person.person.name)).or_default().push(person);
    }
    for group in by_key.values().filter(|g| g.len() > 1) {
        // people are in mention order, so the first is the one to keep.
        for from in &group[1..] {
            rows.push((from.mentions, row("spelling: case, diacritics or punctuation", from, group[0])));
        }
    }
    let mut with_initials: HashMap<String, Vec<&Evidence>> = HashMap::new();
    for person in &people {
        let (short, had) = without_middle_initials(&folded(&person.person.name));
        if had {
            with_initials.entry(short).or_default().push(person);
        }
    }
    for person in &people {
        let key = folded(&person.person.name);
        // "George Bush" with both "George W. Bush" and "George H. W. Bush" known could be either: not listed.
        if let Some([fuller]) = with_initials.get(&key).map(Vec::as_slice) {
            let (into, from) = if fuller.mentions >= person.mentions { (*fuller, person) } else { (person, *fuller) };
            rows.push((from.mentions, row("middle initials", from, into)));
        }
    }

    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1[1].to_string().cmp(&b.1[1].to_string())));
    rows.truncate(limit);
    Ok(Table {
        columns: DUPLICATE_COLUMNS.map(String::from).to_vec(),
        rows: rows.into_iter().map(|(_, r)| r).collect(),
    })
}

const NON_PERSON_COLUMNS: [&str; 6] = ["name", "mentions", "articles", "evidence", "reason", "command"];

/// Likely non-people, most-mentioned first: names without a given name or a title (in the name or any alias)
/// that either have no person evidence at all (never given a role, never a speaker) or contain a word that marks
/// an organisation, place or event in newsdb's lexicons ("Chelsea", "Deutsche Boerse"). Roles and statements do
/// not clear such a word: teams and companies are quoted and described too.
pub fn likely_non_people(conn: &Connection, limit: usize) -> Result<Table> {
    let mut rows = Vec::new();
    for person in people_evidence(conn)? {
        if rows.len() >= limit {
            break;
        }
        let name = &person.person.name;
        if has_given_name_or_title(name, &person.aliases) {
            continue;
        }
        let marker = non_person_word(name);
        if marker.is_none() && (person.has_role || person.speaks) {
            continue;
        }
        let evidence = match (person.has_role, person.speaks) {
            (true, true) => "role, speaker",
            (true, false) => "role",
            (false, true) => "speaker",
            (false, false) => "none",
        };
        let reason = match &marker {
            Some(word) => format!("organisation, place or event word {word:?}"),
            None => "no person evidence: no given name, title, role or statement".to_string(),
        };
        rows.push(vec![
            Cell::Text(name.clone()),
            Cell::Int(person.mentions),
            Cell::Int(person.articles),
            Cell::from(evidence),
            Cell::Text(reason),
            Cell::Text(format!("newsdb people show {}", shell_quote(name))),
        ]);
    }
    Ok(Table { columns: NON_PERSON_COLUMNS.map(String::from).to_vec(), rows })
}

/// Given names the given-name lexicon leaves out because they are also ordinary words (its header lists them):
/// as the first word of a name of several words they are given names ("Bill Thompson", "Mark Hughes").
const GIVEN_NAMES_ALSO_WORDS: &[&str] =
    &["will", "mark", "rose", "hope", "grace", "may", "june", "bill", "art", "guy", "max", "joy"];

/// Person evidence in the name itself: a known given name or an initial first ("Tony Blair", "C. Paterson"), or a
/// title before the name or one of its aliases ("Mr Blair", "President Bush").
fn has_given_name_or_title(name: &str, aliases: &[String]) -> bool {
    let first_word = |text: &str| -> Option<String> {
        let mut words = text.split_whitespace();
        let first = words.next()?.trim_end_matches('.').to_lowercase();
        words.next().map(|_| first)
    };
    let given = first_word(name).is_some_and(|w| {
        w.chars().count() == 1 || lexicon::GIVEN_NAMES.contains(&w) || GIVEN_NAMES_ALSO_WORDS.contains(&w.as_str())
    });
    given
        || std::iter::once(name)
            .chain(aliases.iter().map(String::as_str))
            .any(|text| first_word(text).is_some_and(|w| lexicon::TITLES.contains(&w)))
}

/// The first word of the name (or the whole name) that newsdb's lexicons list as an organisation, place, event or
/// other non-person word.
fn non_person_word(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    if lexicon::NON_PERSON_PHRASES.contains(&lower) || lexicon::NON_PERSON.contains(&lower) {
        return Some(lower);
    }
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_end_matches("'s"))
        .find(|w| !w.is_empty() && (lexicon::ORG_WORDS.contains(*w) || lexicon::NON_PERSON.contains(*w)))
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Cell;
    use crate::store::read::fixture;

    fn column(table: &Table, i: usize) -> Vec<String> {
        table.rows.iter().map(|r| r[i].to_string()).collect()
    }

    fn count(conn: &Connection, sql: &str, id: i64) -> i64 {
        conn.query_row(sql, [id], |r| r.get(0)).unwrap()
    }

    fn usage<T: std::fmt::Debug>(result: Result<T>) -> String {
        match result {
            Err(Error::Usage(message)) => message,
            other => panic!("expected a usage error, got {other:?}"),
        }
    }

    fn fixture_writable() -> (tempfile::TempDir, Connection) {
        let (dir, path) = fixture::database();
        let conn = crate::store::db::open(&path).unwrap();
        (dir, conn)
    }

    #[test]
    fn names_resolve_like_the_person_filter() {
        let (_dir, conn) = fixture_writable();
        assert_eq!(resolve(&conn, "anna berg").unwrap().name, "Anna Berg");
        assert_eq!(resolve(&conn, "Nowak").unwrap().id, 2);
        let msg = usage(resolve(&conn, "Smith"));
        assert!(msg.contains("ambiguous") && msg.contains("Carl Lind") && msg.contains("Dana Smith"), "{msg}");
        assert!(usage(resolve(&conn, "Nobody")).contains("no person matches"));
    }

    /// Issue 4: merge moves mentions, statements, roles (without duplicates) and aliases, and deletes the person.
    #[test]
    fn merge_moves_everything_and_keeps_the_name_as_alias() {
        let (_dir, mut conn) = fixture_writable();
        // Piotr Nowak shares a role with Anna Berg in article 2 ("negotiator" below), which must not collide.
        conn.execute("INSERT INTO person_roles (person_id, article_id, role) VALUES (2, 2, 'negotiator')", []).unwrap();
        let tx = conn.transaction().unwrap();
        let counts = merge(&tx, 1, 2).unwrap();
        tx.commit().unwrap();
        assert_eq!(counts, MergeCounts { mentions: 2, statements: 1, roles: 2, aliases: 2 });
        assert_eq!(count(&conn, "SELECT count(*) FROM people WHERE id = ?1", 2), 0);
        assert_eq!(count(&conn, "SELECT count(*) FROM mentions WHERE person_id = ?1", 1), 6);
        assert_eq!(count(&conn, "SELECT count(*) FROM statements WHERE speaker_id = ?1", 1), 2);
        assert_eq!(count(&conn, "SELECT count(*) FROM person_roles WHERE person_id = ?1", 1), 4);
        let alias_list = aliases(&conn, &resolve(&conn, "Anna Berg").unwrap()).unwrap();
        assert_eq!(column(&alias_list, 0), ["Berg", "Nowak", "Piotr Nowak"]);
        assert_eq!(resolve(&conn, "piotr nowak").unwrap().name, "Anna Berg");
        let violations: i64 =
            conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(violations, 0);
        assert!(usage(merge(&conn, 1, 1)).contains("itself"));
    }

    /// Issue 4: an added alias resolves; another person's canonical name is refused; remove undoes it.
    #[test]
    fn aliases_can_be_added_listed_and_removed() {
        let (_dir, conn) = fixture_writable();
        let carl = resolve(&conn, "Carl Lind").unwrap();
        assert!(add_alias(&conn, &carl, "Mr Lind").unwrap());
        assert!(!add_alias(&conn, &carl, "mr lind").unwrap());
        assert_eq!(resolve(&conn, "MR LIND").unwrap(), carl);
        assert!(usage(add_alias(&conn, &carl, "Anna Berg")).contains("people merge"));
        assert_eq!(others_with_alias(&conn, &carl, "Smith").unwrap(), ["Dana Smith"]);
        remove_alias(&conn, &carl, "Mr Lind").unwrap();
        assert!(usage(remove_alias(&conn, &carl, "Mr Lind")).contains("not an alias"));
        assert!(usage(remove_alias(&conn, &carl, "carl lind")).contains("rename"));
        assert!(usage(resolve(&conn, "Mr Lind")).contains("no person"));
    }

    #[test]
    fn rename_keeps_the_old_name_as_alias_and_refuses_a_taken_name() {
        let (_dir, conn) = fixture_writable();
        let carl = resolve(&conn, "Carl Lind").unwrap();
        assert_eq!(rename(&conn, &carl, "Carl  Gustaf Lind").unwrap(), "Carl Gustaf Lind");
        assert_eq!(resolve(&conn, "Carl Lind").unwrap().name, "Carl Gustaf Lind");
        assert!(usage(rename(&conn, &carl, "anna berg")).contains("already a person"));
        rename(&conn, &carl, "carl gustaf lind").unwrap();
    }

    #[test]
    fn show_has_counts_aliases_roles_and_latest_statements() {
        let (_dir, conn) = fixture_writable();
        let anna = resolve(&conn, "Anna Berg").unwrap();
        let sections = show(&conn, &anna, 10).unwrap();
        let names: Vec<&str> = sections.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["person", "aliases", "roles", "statements"]);
        let person = &sections[0].1;
        assert_eq!(person.columns.join(","), "id,name,mentions,articles,statements,outlets,first_seen,last_seen");
        assert_eq!(
            person.rows[0],
            [
                Cell::Int(1),
                Cell::from("Anna Berg"),
                Cell::Int(4),
                Cell::Int(3),
                Cell::Int(1),
                Cell::Int(2),
                Cell::from("2026-11-23T09:00:00Z"),
                Cell::from("2026-11-28T23:30:00Z"),
            ]
        );
        assert_eq!(column(&sections[1].1, 0), ["Berg"]);
        assert_eq!(column(&sections[2].1, 0), ["negotiator", "diplomat"]);
        assert_eq!(column(&sections[2].1, 1), ["2", "1"]);
        assert_eq!(column(&sections[3].1, 0), ["We want peace,"]);
        assert_eq!(column(&sections[3].1, 3), ["Daily News"]);
        let piotr = resolve(&conn, "Piotr Nowak").unwrap();
        assert!(show(&conn, &piotr, 0).unwrap()[3].1.rows.is_empty());
    }
}
