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

    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),

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

    /// True when output went to a closed pipe (`newsdb report people | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}
