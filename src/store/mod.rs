//! The SQLite database: open and migrate (db), write ingested articles (write), report queries (read),
//! curate people (people).

pub mod db;
pub mod feeds;
pub mod people;
pub mod read;
pub mod write;
