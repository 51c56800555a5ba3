//! newsdb: a media-monitoring database. Ingest news into SQLite, extract who said what, report and export.

pub mod cli; // command-line types
pub mod cmd; // one module per subcommand
pub mod error; // the one error type
pub mod extract; // pure text analysis: people, statements, topics
pub mod limits; // bounds on input size, depth and time
pub mod model; // the values that flow between stages
pub mod normalise; // IncomingArticle -> Article
pub mod output; // every output format
pub mod pipeline; // read -> normalise -> extract, parallel, in input order
pub mod signal; // Ctrl-C and SIGTERM: stop at the next safe point
pub mod source; // readers: one per input format
pub mod store; // the SQLite database: open, migrate, write, read

pub use error::{Error, Result};
