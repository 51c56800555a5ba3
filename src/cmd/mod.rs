//! One module per subcommand; each has `pub fn run(...) -> Result<()>`.

pub mod backup;
pub mod export;
pub mod extract;
pub mod feed;
pub mod fetch;
pub mod ingest;
pub mod people;
pub mod report;
pub mod search;
pub mod sql;
