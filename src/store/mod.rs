//! The SQLite database: open and migrate (db), write ingested articles (write), report queries (read),
//! curate people (people).

pub mod db;
pub mod feeds;
pub mod people;
pub mod read;
pub mod write;

/// The current time as stored: UTC, RFC 3339, whole seconds.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
