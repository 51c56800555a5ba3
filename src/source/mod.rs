//! Readers: turn inputs (files, directories, globs, stdin) into IncomingArticles, one reader per format.

pub mod feed;
pub mod html;
pub mod http;

use std::path::PathBuf;

use crate::cli::InputFormat;
use crate::model::IncomingArticle;
use crate::Result;

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(PathBuf),
}

impl Input {
    /// The name used in messages and in `articles.source`.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::Path(p) => p.display().to_string(),
        }
    }
}

/// Expands the command-line inputs, in order: directories recursively (sorted), globs (sorted).
/// An argument that names nothing is an `Err` in its place.
pub fn expand(_args: &[String]) -> Vec<Result<Input>> {
    todo!("source helper")
}

/// Reads every article of one input, lazily and in order. A failure of the whole input is one `Err`;
/// a bad record of a multi-record input (a JSONL line) is an `Err` in its place and the rest still read.
pub fn read(_input: &Input, _format: InputFormat) -> Box<dyn Iterator<Item = Result<IncomingArticle>> + Send> {
    todo!("source helper")
}
