//! RSS, Atom and JSON Feed reader (stub until the wt-feed branch lands).

use crate::model::IncomingArticle;
use crate::Result;

/// A parsed feed: its own title and link, and its items as articles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub link: Option<String>,
    pub items: Vec<IncomingArticle>,
    pub skipped: usize,
}

pub fn parse(_bytes: &[u8], _source_name: &str) -> Result<ParsedFeed> {
    todo!("feed helper")
}

pub fn looks_like_feed(_bytes: &[u8]) -> bool {
    todo!("feed helper")
}
