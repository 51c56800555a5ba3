//! Normalisation: IncomingArticle -> Article (clean text, canonical URL, UTC date, language, content hash).

use crate::model::{Article, IncomingArticle};
use crate::Result;

/// Normalises one article; `default_outlet` applies when the input names none.
/// Fails only when there is no article to keep (no text at all).
pub fn normalise(_incoming: IncomingArticle, _default_outlet: Option<&str>) -> Result<Article> {
    todo!("source helper")
}
