//! Opening the database: pragmas, embedded migrations, read-only connections for queries.

use std::path::Path;
use std::sync::LazyLock;
use std::time::Duration;

use include_dir::{include_dir, Dir};
use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::Migrations;

use crate::{Error, Result};

static MIGRATIONS_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/migrations");

static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::from_directory(&MIGRATIONS_DIR).expect("migrations/ is embedded at compile time and valid")
});

/// How long a connection waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

fn db_error(path: &Path) -> impl FnOnce(rusqlite::Error) -> Error + '_ {
    move |source| Error::Database { path: path.display().to_string(), source }
}

/// Opens (creating if needed) the database for writing and brings its schema up to date.
pub fn open(path: &Path) -> Result<Connection> {
    let mut conn = Connection::open(path).map_err(db_error(path))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(db_error(path))?;
    conn.pragma_update(None, "journal_mode", "WAL").map_err(db_error(path))?;
    conn.pragma_update(None, "synchronous", "NORMAL").map_err(db_error(path))?;
    conn.pragma_update(None, "foreign_keys", true).map_err(db_error(path))?;
    MIGRATIONS.to_latest(&mut conn)?;
    Ok(conn)
}

/// Opens an existing database read-only: nothing run on it can change the file.
/// A database that does not exist yet is created and migrated first, so queries on a new
/// path answer with empty results instead of an error about missing tables.
pub fn open_read_only(path: &Path) -> Result<Connection> {
    if !path.exists() {
        open(path)?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(db_error(path))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(db_error(path))?;
    conn.pragma_update(None, "foreign_keys", true).map_err(db_error(path))?;
    // A read-only connection cannot migrate; an outdated file gets a clear message instead of odd SQL errors.
    let current: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(db_error(path))?;
    let latest = MIGRATIONS_DIR.dirs().count() as i64;
    if current < latest {
        drop(conn);
        open(path)?;
        return open_read_only(path);
    }
    Ok(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }

    #[test]
    fn read_only_connection_refuses_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.sqlite");
        open(&path).unwrap();
        let conn = open_read_only(&path).unwrap();
        assert!(conn.execute("DROP TABLE articles", []).is_err());
        let n: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
    }
}
