//! Feed reader: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.x bytes -> IncomingArticles (via feed-rs).
//!
//! Pure: bytes in, articles out; fetching and storing happen elsewhere.
//!
//! Mapping of one item:
//! - `title`: the item title as text (HTML titles are converted to text);
//! - `body`: the full content (`content:encoded`, Atom `content`, JSON `content_html`/`content_text`) as clean
//!   text, else the summary/description converted the same way, else empty;
//! - `url`: the item's `rel=alternate` HTML link, else its first link, else a guid that is an http(s) URL;
//! - `external_id`: guid / Atom id / JSON id as written (never a made-up one);
//! - `published`: published, else updated, as RFC 3339 UTC (feed-rs parses the many date styles of feeds);
//! - `authors`: the item's author names (else e-mail), else the feed's authors, as Atom says they apply;
//! - `outlet`: the feed's title, set here because the reader is the one that knows it; a caller with a better
//!   name (a configured outlet) overwrites it;
//! - `language`: the item's language, else the feed's;
//! - `extra`: `{"categories": [...]}` when the item has categories, and `{"feed_summary_only": true}` when it
//!   carried no full content, so a later `--full-text` step knows to fetch the page;
//! - `source`: `NAME:N`, N the 1-based position of the item in the feed.
//!
//! Items with neither title nor text are skipped and counted.

use std::panic::{catch_unwind, AssertUnwindSafe};

use chrono::SecondsFormat;
use feed_rs::model::{Entry, Feed, Link, Text};

use crate::model::IncomingArticle;
use crate::source::html::html_to_text;
use crate::{Error, Result};

/// A parsed feed: its own title and link, its usable items, and how many items were skipped as empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub link: Option<String>,
    pub items: Vec<IncomingArticle>,
    pub skipped: usize,
}

/// How much of the input content sniffing looks at: prologs, doctypes and comments before the root are short.
const SNIFF_LIMIT: usize = 64 * 1024;

/// True when the bytes look like a feed: `<rss`, `<feed` or `<rdf:RDF` as the first element (after an optional
/// BOM, XML declaration, doctype, processing instructions and comments), or a JSON object whose `version` is a
/// jsonfeed.org URL.
pub fn looks_like_feed(bytes: &[u8]) -> bool {
    let head = decode_head(bytes);
    let rest = head.trim_start();
    if rest.starts_with('{') {
        return is_json_feed_head(rest);
    }
    match first_element_name(rest) {
        Some(name) => {
            let name = name.to_ascii_lowercase();
            name == "rss" || name == "feed" || name == "rdf:rdf" || name == "rdf" || name.ends_with(":feed")
        }
        None => false,
    }
}

/// Parses a whole feed. Garbage (or a document that is not a feed) is an `Err` naming `source_name`.
pub fn parse(bytes: &[u8], source_name: &str) -> Result<ParsedFeed> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::input(source_name, "not a feed: the input is empty"));
    }
    let parser = feed_rs::parser::Builder::new()
        // Made-up ids (hashes of link and title) would pose as the publisher's own identifiers.
        .id_generator(|_, _, _| String::new())
        // We convert HTML to text ourselves; sanitising would only cost time.
        .sanitize_content(false)
        .build();
    // feed-rs is third-party code parsing untrusted input: a panic inside it must become a bad-input error,
    // not take the whole ingest run down.
    let parsed = catch_unwind(AssertUnwindSafe(|| parser.parse(bytes)));
    let feed = match parsed {
        Ok(Ok(feed)) => feed,
        Ok(Err(e)) => return Err(Error::input(source_name, format!("not a feed: {e}"))),
        Err(_) => return Err(Error::input(source_name, "not a feed: the feed parser failed on this input")),
    };
    Ok(convert(feed, source_name))
}

fn convert(feed: Feed, source_name: &str) -> ParsedFeed {
    let title = feed.title.as_ref().and_then(text_line);
    let link = pick_link(&feed.links);
    let feed_authors = person_names(&feed.authors);
    let mut items = Vec::with_capacity(feed.entries.len());
    let mut skipped = 0;
    for (i, entry) in feed.entries.iter().enumerate() {
        match convert_entry(entry, &feed, &feed_authors, title.as_deref()) {
            Some(mut article) => {
                article.source = format!("{source_name}:{}", i + 1);
                items.push(article);
            }
            None => skipped += 1,
        }
    }
    ParsedFeed { title, link, items, skipped }
}

fn convert_entry(entry: &Entry, feed: &Feed, feed_authors: &[String], feed_title: Option<&str>) -> Option<IncomingArticle> {
    let title = entry.title.as_ref().and_then(text_line);
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref().map(|body| text_of(body, c.content_type.as_str())))
        .filter(|t| !t.is_empty());
    let summary = entry.summary.as_ref().map(text_body).filter(|t| !t.is_empty());
    let has_full_content = content.is_some();
    let body = content.or(summary).unwrap_or_default();
    if title.is_none() && body.is_empty() {
        return None;
    }

    let external_id = Some(entry.id.trim().to_string()).filter(|s| !s.is_empty());
    let url = pick_link(&entry.links).or_else(|| {
        // RSS guids are permalinks unless isPermaLink="false"; feed-rs drops that attribute, so trust only guids
        // that are web addresses.
        external_id.clone().filter(|id| id.starts_with("http://") || id.starts_with("https://"))
    });
    let published =
        entry.published.or(entry.updated).map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, true));
    let mut authors = person_names(&entry.authors);
    if authors.is_empty() {
        authors = feed_authors.to_vec();
    }

    let mut extra = serde_json::Map::new();
    let categories: Vec<serde_json::Value> = entry
        .categories
        .iter()
        .filter_map(|c| {
            let name = c.label.as_deref().filter(|l| !l.trim().is_empty()).unwrap_or(&c.term).trim();
            (!name.is_empty()).then(|| serde_json::Value::String(name.to_string()))
        })
        .collect();
    if !categories.is_empty() {
        extra.insert("categories".into(), serde_json::Value::Array(categories));
    }
    if !has_full_content {
        extra.insert("feed_summary_only".into(), serde_json::Value::Bool(true));
    }

    Some(IncomingArticle {
        title,
        body,
        url,
        outlet: feed_title.map(str::to_string),
        published,
        authors,
        language: entry.language.clone().or_else(|| feed.language.clone()).filter(|l| !l.trim().is_empty()),
        external_id,
        extra: (!extra.is_empty()).then_some(extra),
        ..IncomingArticle::default()
    })
}

/// Converts feed text of the given media type to clean text with paragraph breaks.
fn text_of(content: &str, media_type: &str) -> String {
    let media_type = media_type.to_ascii_lowercase();
    if media_type.contains("html") || media_type.contains("xml") {
        html_to_text(content)
    } else {
        plain_text(content)
    }
}

fn text_body(text: &Text) -> String {
    text_of(&text.content, text.content_type.as_str())
}

/// A title-like text on one line.
fn text_line(text: &Text) -> Option<String> {
    let t = text_body(text);
    let line = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (!line.is_empty()).then_some(line)
}

/// Plain text keeps its own line structure; only line endings and surrounding blank space are tidied.
fn plain_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// The best web link: an `alternate` (or unlabelled) HTML link, else the first link with an address.
fn pick_link(links: &[Link]) -> Option<String> {
    let usable = |l: &&Link| !l.href.trim().is_empty();
    let is_alternate = |l: &&Link| l.rel.as_deref().is_none_or(|r| r.eq_ignore_ascii_case("alternate"));
    let is_html = |l: &&Link| l.media_type.as_deref().is_none_or(|m| m.to_ascii_lowercase().contains("html"));
    links
        .iter()
        .filter(usable)
        .find(|l| is_alternate(l) && is_html(l))
        .or_else(|| links.iter().filter(usable).find(is_alternate))
        .or_else(|| links.iter().find(usable))
        .map(|l| l.href.trim().to_string())
}

fn person_names(people: &[feed_rs::model::Person]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for p in people {
        let name = p.name.as_deref().map(str::trim).filter(|n| !n.is_empty()).or(p.email.as_deref().map(str::trim));
        if let Some(name) = name.filter(|n| !n.is_empty()) {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// The start of the input as text, for sniffing: BOM and UTF-16 handled, invalid bytes replaced.
fn decode_head(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(SNIFF_LIMIT)];
    let (encoding, bom_len) = match encoding_rs::Encoding::for_bom(head) {
        Some((enc, len)) => (enc, len),
        // UTF-16 without a BOM still starts with `<` next to a zero byte.
        None if head.starts_with(&[0, b'<']) => (encoding_rs::UTF_16BE, 0),
        None if head.starts_with(&[b'<', 0]) => (encoding_rs::UTF_16LE, 0),
        None => (encoding_rs::UTF_8, 0),
    };
    let (text, _) = encoding.decode_without_bom_handling(&head[bom_len..]);
    text.into_owned()
}

/// The name of the first element, skipping the XML declaration, processing instructions, doctype and comments.
fn first_element_name(mut rest: &str) -> Option<&str> {
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if let Some(r) = rest.strip_prefix("<!") {
            rest = skip_doctype(r)?;
        } else if let Some(r) = rest.strip_prefix('<') {
            let end = r.find(|c: char| c.is_whitespace() || c == '>' || c == '/').unwrap_or(r.len());
            return Some(&r[..end]);
        } else {
            return None;
        }
    }
}

/// Skips a doctype, which may hold an internal subset in brackets with `>` inside.
fn skip_doctype(r: &str) -> Option<&str> {
    let mut depth = 0usize;
    for (i, c) in r.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '>' if depth == 0 => return Some(&r[i + 1..]),
            _ => {}
        }
    }
    None
}

/// A JSON object whose top-level `version` names jsonfeed.org. Only the head is seen, so this is a textual
/// check: `"version"` followed by a jsonfeed.org URL.
fn is_json_feed_head(head: &str) -> bool {
    let mut rest = head;
    while let Some(pos) = rest.find("\"version\"") {
        let after = rest[pos + 9..].trim_start();
        if let Some(value) = after.strip_prefix(':') {
            let value = value.trim_start();
            if value.starts_with("\"https://jsonfeed.org/") || value.starts_with("\"http://jsonfeed.org/") {
                return true;
            }
        }
        rest = &rest[pos + 9..];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extra_flag(a: &IncomingArticle, key: &str) -> Option<serde_json::Value> {
        a.extra.as_ref().and_then(|e| e.get(key).cloned())
    }

    #[test]
    fn rss2_with_content_encoded() {
        let xml = br#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Channel 24</title><link>https://example.com/</link>
<item>
  <title>Talks resume</title>
  <link>https://example.com/a/1</link>
  <guid isPermaLink="false">a-1</guid>
  <pubDate>Wed, 05 Oct 2022 10:00:00 +0300</pubDate>
  <dc:creator>Jane Doe</dc:creator>
  <category>Politics</category><category>Europe</category>
  <description>Short teaser</description>
  <content:encoded><![CDATA[<p>First &amp; foremost.</p><p>Second<br>line</p><script>x()</script>]]></content:encoded>
</item>
</channel></rss>"#;
        assert!(looks_like_feed(xml));
        let feed = parse(xml, "f.xml").unwrap();
        assert_eq!(feed.title.as_deref(), Some("Channel 24"));
        assert_eq!(feed.link.as_deref(), Some("https://example.com/"));
        assert_eq!(feed.skipped, 0);
        let a = &feed.items[0];
        assert_eq!(a.source, "f.xml:1");
        assert_eq!(a.title.as_deref(), Some("Talks resume"));
        assert_eq!(a.body, "First & foremost.\n\nSecond\nline");
        assert_eq!(a.url.as_deref(), Some("https://example.com/a/1"));
        assert_eq!(a.external_id.as_deref(), Some("a-1"));
        assert_eq!(a.published.as_deref(), Some("2022-10-05T07:00:00Z"));
        assert_eq!(a.authors, vec!["Jane Doe".to_string()]);
        assert_eq!(a.outlet.as_deref(), Some("Channel 24"));
        assert_eq!(extra_flag(a, "categories"), Some(serde_json::json!(["Politics", "Europe"])));
        assert_eq!(extra_flag(a, "feed_summary_only"), None);
    }

    #[test]
    fn atom_summary_only_is_flagged() {
        let xml = br#"<?xml version="1.0"?>
<!-- a comment before the root -->
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">News &amp;lt;b&amp;gt;Site&amp;lt;/b&amp;gt;</title>
  <author><name>Desk</name></author>
  <entry>
    <title>Entry one</title>
    <id>urn:uuid:1</id>
    <link rel="enclosure" href="https://example.com/a.mp3"/>
    <link rel="alternate" type="text/html" href="https://example.com/one"/>
    <updated>2024-01-02T03:04:05Z</updated>
    <summary type="html">&lt;p&gt;Just a teaser.&lt;/p&gt;</summary>
  </entry>
</feed>"#;
        assert!(looks_like_feed(xml));
        let feed = parse(xml, "atom").unwrap();
        assert_eq!(feed.title.as_deref(), Some("News Site"));
        let a = &feed.items[0];
        assert_eq!(a.body, "Just a teaser.");
        assert_eq!(a.url.as_deref(), Some("https://example.com/one"));
        assert_eq!(a.published.as_deref(), Some("2024-01-02T03:04:05Z"));
        assert_eq!(a.authors, vec!["Desk".to_string()], "feed author applies to entries without one");
        assert_eq!(extra_flag(a, "feed_summary_only"), Some(serde_json::Value::Bool(true)));
    }

    #[test]
    fn json_feed() {
        let json = br#"{"version": "https://jsonfeed.org/version/1.1", "title": "JF",
            "items": [{"id": "7", "url": "https://example.org/7", "title": "Seven",
                       "content_html": "<p>One</p><p>Two</p>", "date_published": "2020-05-06T07:08:09+02:00",
                       "authors": [{"name": "Ann"}], "tags": ["x"]}]}"#;
        assert!(looks_like_feed(json));
        let feed = parse(json, "j").unwrap();
        let a = &feed.items[0];
        assert_eq!(a.title.as_deref(), Some("Seven"));
        assert_eq!(a.body, "One\n\nTwo");
        assert_eq!(a.external_id.as_deref(), Some("7"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/7"));
        assert_eq!(a.published.as_deref(), Some("2020-05-06T05:08:09Z"));
        assert_eq!(a.authors, vec!["Ann".to_string()]);
        assert!(!looks_like_feed(br#"{"version": "1.0", "items": []}"#));
    }

    #[test]
    fn rss1_rdf() {
        let xml = br#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://example.net/"><title>RDF site</title><link>https://example.net/</link></channel>
  <item rdf:about="https://example.net/x"><title>X happened</title><link>https://example.net/x</link>
    <description>Details of X.</description></item>
</rdf:RDF>"#;
        assert!(looks_like_feed(xml));
        let feed = parse(xml, "r").unwrap();
        assert_eq!(feed.title.as_deref(), Some("RDF site"));
        assert_eq!(feed.items.len(), 1);
        assert_eq!(feed.items[0].title.as_deref(), Some("X happened"));
        assert_eq!(feed.items[0].url.as_deref(), Some("https://example.net/x"));
        assert_eq!(feed.items[0].body, "Details of X.");
    }

    #[test]
    fn empty_item_is_skipped_and_counted() {
        let xml = br#"<rss version="2.0"><channel><title>T</title>
<item><link>https://example.com/empty</link></item>
<item><title>Kept</title></item></channel></rss>"#;
        let feed = parse(xml, "s").unwrap();
        assert_eq!(feed.skipped, 1);
        assert_eq!(feed.items.len(), 1);
        assert_eq!(feed.items[0].source, "s:2");
        assert_eq!(feed.items[0].body, "");
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for input in [&b""[..], b"hello world", b"<html><body>hi</body></html>", b"{\"a\": 1}", b"<rss", b"\xff\xfe\x00"] {
            assert!(!looks_like_feed(input) || input == b"<rss");
            match parse(input, "junk.bin") {
                Err(Error::Input { source_name, message }) => {
                    assert_eq!(source_name, "junk.bin");
                    assert!(message.starts_with("not a feed"), "{message}");
                }
                other => panic!("expected an input error, got {other:?}"),
            }
        }
    }

    #[test]
    fn sniffing_skips_bom_declaration_doctype_and_comments() {
        assert!(looks_like_feed(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!DOCTYPE rss [<!ENTITY x \"y\">]>\n<!-- c --><rss version='0.91'>"));
        assert!(looks_like_feed(b"<rdf:RDF xmlns:rdf='x'>"));
        assert!(!looks_like_feed(b"<!DOCTYPE html><html>"));
    }
}
