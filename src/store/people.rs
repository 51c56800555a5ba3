//! Curating people: resolve a name as --person does, merge two people, manage aliases, rename, and one person's profile.
//!
//! Every function takes a `&Connection`, so a caller (the `people` command, or the ingest writer absorbing a
//! surname-only person) runs it inside its own transaction.

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension};

use crate::output::Table;
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
pub fn show(conn: &Connection, person: &Person, limit: u32) -> Result<Vec<(&'static str, Table)>> {
    let id = || vec![Value::Integer(person.id)];
    Ok(vec![
        ("person", query_table(conn, SUMMARY, id())?),
        ("aliases", aliases(conn, person)?),
        ("roles", query_table(conn, ROLES, id())?),
        ("statements", query_table(conn, LATEST_STATEMENTS, vec![Value::Integer(person.id), Value::from(limit)])?),
    ])
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
