//! Article pages: main text and metadata from HTML (stub until the wt-feed branch lands).

use crate::model::IncomingArticle;
use crate::Result;

pub fn parse_page(
    _bytes: &[u8],
    _charset_hint: Option<&str>,
    _page_url: Option<&str>,
    _source_name: &str,
) -> Result<IncomingArticle> {
    todo!("feed helper")
}
