//! `newsdb sql "SELECT ..."`: one read-only query with named parameters.
//!
//! The connection is opened read-only, so SQLite itself refuses every change; the checks
//! here exist to say so clearly before anything runs, and to refuse what a read-only
//! connection would still allow: ATTACH, DETACH, transaction control and the like. The rule
//! is simple: a query must not write and must return columns.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, Statement};

use crate::cli::SqlArgs;
use crate::output::{self, Cell, Table};
use crate::store::{db, read};
use crate::{Error, Result};

const READ_ONLY: &str = "sql: the database is opened read-only; newsdb sql runs queries, not changes";

/// The prefixes SQLite accepts for a parameter name; `?` covers `-p 1 VALUE` for `?1`.
const PARAMETER_PREFIXES: [char; 4] = [':', '@', '$', '?'];

pub fn run(args: &SqlArgs, db: &Path) -> Result<()> {
    let conn = db::open_read_only(db)?;
    let limits = args.limits.limits();
    db::limit_queries(&conn, &limits)?;
    let table = query(&conn, &args.query, &args.params, &limits).map_err(|e| db::explain_stop(e, &limits))?;
    output::print(&table, &args.output)
}

/// Runs `sql` with `params` (name, value, name, value, ...) and returns its rows, stopping with a clear
/// message when the result passes `limits.max_rows` or holds more than `limits.max_memory` bytes.
pub fn query(conn: &Connection, sql: &str, params: &[String], limits: &db::QueryLimits) -> Result<Table> {
    let mut stmt = conn.prepare(sql).map_err(|e| match e {
        rusqlite::Error::MultipleStatement => Error::Usage("sql: one statement at a time".into()),
        e => sql_error(e),
    })?;
    if stmt.expanded_sql().is_none() {
        return Err(Error::Usage("sql: no statement given".into()));
    }
    if !stmt.readonly() || stmt.column_count() == 0 {
        return Err(Error::Usage(READ_ONLY.into()));
    }
    bind(&mut stmt, params)?;
    let mut table = Table { columns: read::column_names(&stmt), rows: Vec::new() };
    let mut held: u64 = 0;
    let collected = read::for_each_row(stmt.raw_query(), table.columns.len(), |cells| {
        if table.rows.len() >= limits.max_rows {
            return Err(Error::QueryStopped(format!(
                "query stopped: more than {} rows (--max-rows); add a LIMIT or raise --max-rows",
                limits.max_rows
            )));
        }
        held += cells.iter().map(cell_bytes).sum::<u64>();
        if held > limits.max_memory {
            return Err(Error::QueryStopped(format!(
                "query stopped: its result needs more than {} of memory (--max-memory)",
                db::megabytes(limits.max_memory)
            )));
        }
        table.rows.push(cells);
        Ok(())
    });
    collected.map_err(|e| match e {
        Error::Sql(e) => sql_error(e),
        other => other,
    })?;
    Ok(table)
}

/// Roughly what a cell costs held in memory: its text and the cell itself.
fn cell_bytes(cell: &Cell) -> u64 {
    let text = match cell {
        Cell::Text(text) => text.len(),
        _ => 0,
    };
    (text + std::mem::size_of::<Cell>()) as u64
}

/// Binds each -p NAME VALUE to every form of NAME the statement uses (:name, @name, $name),
/// as text: SQLite converts text for numeric columns, while guessing a type here would
/// turn "007" into 7. Every parameter of the statement must get a value.
fn bind(stmt: &mut Statement<'_>, params: &[String]) -> Result<()> {
    let mut bound = vec![false; stmt.parameter_count() + 1];
    for pair in params.chunks(2) {
        let [name, value] = pair else {
            return Err(Error::Usage(format!("sql: -p {} needs a NAME and a VALUE", pair[0])));
        };
        let bare = name.trim_start_matches(PARAMETER_PREFIXES);
        let mut found = false;
        for prefix in PARAMETER_PREFIXES {
            if let Some(index) = stmt.parameter_index(&format!("{prefix}{bare}"))? {
                stmt.raw_bind_parameter(index, value)?;
                bound[index] = true;
                found = true;
            }
        }
        if !found {
            return Err(Error::Usage(format!(
                "sql: the statement has no parameter {name:?} (its parameters: {})",
                parameter_names(stmt)
            )));
        }
    }
    if let Some(index) = (1..bound.len()).find(|&i| !bound[i]) {
        return Err(Error::Usage(match stmt.parameter_name(index) {
            Some(name) => format!("sql: no value for {name}; pass -p {} VALUE", &name[1..]),
            None => {
                format!("sql: parameter {index} has no name; write :name and pass -p name VALUE")
            }
        }));
    }
    Ok(())
}

fn parameter_names(stmt: &Statement<'_>) -> String {
    let names: Vec<String> = (1..=stmt.parameter_count())
        .map(|i| stmt.parameter_name(i).map_or_else(|| format!("?{i}"), String::from))
        .collect();
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

/// A failed user query is a usage problem, named as such; a write that slipped past the
/// checks still gets the read-only message.
fn sql_error(err: rusqlite::Error) -> Error {
    match &err {
        rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::ReadOnly => Error::Usage(READ_ONLY.into()),
        // Plain SQLITE_ERROR is the query's fault (syntax, unknown column); busy, I/O or corruption is not.
        rusqlite::Error::SqliteFailure(e, Some(message)) if e.code == ErrorCode::Unknown => {
            Error::Usage(format!("sql: {message}"))
        }
        rusqlite::Error::SqlInputError { msg: message, .. } => Error::Usage(format!("sql: {message}")),
        _ => Error::Sql(err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::read::fixture;

    const LIMITS: db::QueryLimits =
        db::QueryLimits { timeout: std::time::Duration::from_secs(10), max_rows: 1000, max_memory: 1 << 20 };

    fn query(conn: &Connection, sql: &str, params: &[String]) -> Result<Table> {
        super::query(conn, sql, params, &LIMITS)
    }

    fn usage(result: Result<Table>) -> String {
        match result {
            Err(Error::Usage(message)) => message,
            other => panic!("expected a usage error, got {other:?}"),
        }
    }

    fn params(pairs: &[&str]) -> Vec<String> {
        pairs.iter().map(|s| s.to_string()).collect()
    }

    /// The limits a test constructs with `QueryLimitArgs::default()` are the command line's defaults.
    #[test]
    fn default_limits_match_the_command_line() {
        use clap::Parser;
        let cli = crate::cli::Cli::try_parse_from(["newsdb", "sql", "SELECT 1"]).unwrap();
        let crate::cli::Command::Sql(args) = cli.command else { panic!("not sql") };
        assert_eq!(args.limits.limits(), crate::cli::QueryLimitArgs::default().limits());
    }

    #[test]
    fn runs_a_query_with_typed_cells() {
        let (_dir, conn) = fixture::connection();
        let table = query(
            &conn,
            "SELECT id, title, published_at, 0.5 AS x, x'00ff' AS b FROM articles ORDER BY id LIMIT 1;",
            &[],
        )
        .unwrap();
        assert_eq!(table.columns, ["id", "title", "published_at", "x", "b"]);
        assert_eq!(
            table.rows,
            [vec![
                Cell::Int(1),
                Cell::from("Talks resume in Geneva"),
                Cell::from("2026-11-23T09:00:00Z"),
                Cell::Real(0.5),
                Cell::from("00ff")
            ]]
        );
    }

    #[test]
    fn writes_are_refused_and_change_nothing() {
        let (dir, conn) = fixture::connection();
        for sql in [
            "drop table articles",
            "DELETE FROM articles",
            "UPDATE people SET name = 'x'",
            "INSERT INTO outlets (name) VALUES ('x')",
            "CREATE TABLE t (x)",
            "PRAGMA user_version = 7",
            "PRAGMA journal_mode = DELETE",
            "VACUUM",
            "BEGIN",
            "ATTACH DATABASE ':memory:' AS other",
        ] {
            assert_eq!(usage(query(&conn, sql, &[])), READ_ONLY, "{sql}");
        }
        let escaped = dir.path().join("copy.sqlite");
        let sql = format!("VACUUM INTO '{}'", escaped.display());
        assert_eq!(usage(query(&conn, &sql, &[])), READ_ONLY);
        assert!(!escaped.exists());
        let n: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 4, "the table still exists with its rows");
    }

    #[test]
    fn one_statement_at_a_time() {
        let (_dir, conn) = fixture::connection();
        assert_eq!(usage(query(&conn, "SELECT 1; DROP TABLE articles", &[])), "sql: one statement at a time");
        assert_eq!(usage(query(&conn, "  -- nothing", &[])), "sql: no statement given");
        let msg = usage(query(&conn, "SELEC 1", &[]));
        assert!(msg.starts_with("sql: ") && msg.contains("syntax error"), "{msg}");
    }

    #[test]
    fn parameters_bind_by_name_in_any_form() {
        let (_dir, conn) = fixture::connection();
        let sql = "SELECT name FROM people WHERE name = :name OR name = @other OR id = $id ORDER BY name";
        let table = query(&conn, sql, &params(&["name", "Anna Berg", "@other", "Carl Lind", "id", "2"])).unwrap();
        let names: Vec<String> = table.rows.iter().map(|r| r[0].to_string()).collect();
        assert_eq!(names, ["Anna Berg", "Carl Lind", "Piotr Nowak"]);
        let table = query(&conn, "SELECT ?1 + 1", &params(&["1", "41"])).unwrap();
        assert_eq!(table.rows, [vec![Cell::Int(42)]]);
    }

    #[test]
    fn missing_and_unknown_parameters_are_usage_errors() {
        let (_dir, conn) = fixture::connection();
        let sql = "SELECT * FROM people WHERE name = :name";
        assert_eq!(usage(query(&conn, sql, &[])), "sql: no value for :name; pass -p name VALUE");
        let msg = usage(query(&conn, sql, &params(&["name", "x", "nmae", "y"])));
        assert_eq!(msg, "sql: the statement has no parameter \"nmae\" (its parameters: :name)");
        let msg = usage(query(&conn, "SELECT ?", &[]));
        assert!(msg.contains("has no name"), "{msg}");
    }
}
