//! The one error type of newsdb.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A bad input: the file (or URL, or `-`) and what is wrong with it.
    #[error("{source_name}: {message}")]
    Input { source_name: String, message: String },

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("database {path}: {source}")]
    Database {
        path: String,
        #[source]
        source: rusqlite::Error,
    },

    /// A migration's SQL failed: one line, the migration and SQLite's message (never the schema's text).
    #[error("database {path}: migration {migration} failed: {message}")]
    Migration { path: String, migration: String, message: String },

    /// Read commands never create a database, so a mistyped --db is an error rather than an empty answer.
    #[error("no database at {path} (check --db or NEWSDB_DB; `newsdb ingest` or `newsdb feed add` creates one)")]
    NoDatabase { path: String },

    /// The file's schema is newer than this binary's migrations: nothing is read or written.
    #[error("database {path} was made by a newer newsdb (schema {found}, this one knows {known}); upgrade newsdb")]
    NewerSchema { path: String, found: i64, known: i64 },

    /// Another process kept the database's write lock for longer than newsdb waits.
    #[error("database {path}: another process kept it busy for {waited_secs} s; nothing more was written, try again")]
    Busy { path: String, waited_secs: u64 },

    /// A query ran into --timeout, --max-rows or --max-memory; the message names which.
    #[error("{0}")]
    QueryStopped(String),

    /// SIGINT or SIGTERM stopped an ingest or fetch after it stored what it had read.
    #[error("interrupted; everything read before the signal is stored (the same command again goes on from there)")]
    Interrupted,

    #[error("SQL: {0}")]
    Sql(#[from] rusqlite::Error),

    /// A bad argument value the parser could not catch (a date, a table name).
    #[error("{0}")]
    Usage(String),

    #[error("writing output: {0}")]
    Output(#[source] std::io::Error),

    /// Some inputs failed; they were reported as they happened and the good ones were kept.
    #[error("{failed} of {total} inputs failed (see above and the ingest_errors table)")]
    PartialFailure { failed: usize, total: usize },
}

impl Error {
    pub fn input(source_name: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Input { source_name: source_name.into(), message: message.into() }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    /// True when the error is SQLite's "database is locked" (or busy): another connection holds a lock.
    pub fn is_busy(&self) -> bool {
        let source = match self {
            Error::Database { source, .. } | Error::Sql(source) => source,
            _ => return false,
        };
        matches!(
            source.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
        )
    }

    /// True when output went to a closed pipe (`newsdb report people | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
