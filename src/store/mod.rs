//! The SQLite database: open and migrate (db), write ingested articles (write), report queries (read).

pub mod db;
pub mod feeds;
pub mod read;
pub mod write;
