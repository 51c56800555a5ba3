//! Article-page reader: one HTML page -> one IncomingArticle (main text + metadata), and the shared
//! HTML-to-text converter that the feed reader uses too.
//!
//! Pure: bytes in, article out. Charset: the HTTP header's hint, else a BOM, else `<meta charset>` /
//! `http-equiv`, else UTF-8 when the bytes are valid UTF-8, else a guess (chardetng). Main text comes from
//! dom_smoothie, picked by measurement on the article-extraction benchmark (see `main_text` and
//! examples/eval_pages.rs).
//! Metadata comes from JSON-LD (NewsArticle and kin, also inside `@graph` and arrays), OpenGraph,
//! `<link rel=canonical>`, `<title>`, `<time datetime>`, `<html lang>` and `<meta name=author>`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use dom_query::{Document, NodeRef};
use encoding_rs::Encoding;

use crate::limits::Limits;
use crate::model::IncomingArticle;
use crate::source::depth::{self, Syntax};
use crate::{Error, Result};

/// How much of the start of a page is searched for `<meta charset>`: the HTML spec says 1024 bytes, but real
/// pages put long scripts and comments first.
const META_CHARSET_SCAN: usize = 8 * 1024;

/// True when the bytes look like an HTML document: a doctype or `<html`/`<head`/`<body` near the start.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let (head, _) = encoding_for_sniff(head).decode_without_bom_handling(strip_bom(head));
    let lower = head.trim_start().to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
        return true;
    }
    // Leading comments or whitespace-heavy prologs: look for the structural tags anywhere in the head.
    lower.starts_with('<') && (lower.contains("<html") || lower.contains("<head") || lower.contains("<body"))
}

/// Parses one article page. `charset_hint` is the HTTP `Content-Type` charset, `page_url` the address it was
/// fetched from (the fallback URL, and the base for a relative canonical link). A page without article text is
/// an `Err` naming `source_name`.
pub fn parse_page(
    bytes: &[u8],
    charset_hint: Option<&str>,
    page_url: Option<&str>,
    source_name: &str,
) -> Result<IncomingArticle> {
    parse_page_with(bytes, charset_hint, page_url, source_name, &Limits::default())
}

/// [`parse_page`] within `limits`: markup nested deeper than `max_html_depth` is flattened first, with a
/// warning, so the page costs time linear in its size.
pub fn parse_page_with(
    bytes: &[u8],
    charset_hint: Option<&str>,
    page_url: Option<&str>,
    source_name: &str,
    limits: &Limits,
) -> Result<IncomingArticle> {
    let (mut html, mut warnings) = decode(bytes, charset_hint, page_url);
    // Without a single tag there is no page to extract from; readability would return the bytes as "text".
    if !html.contains('<') {
        return Err(Error::input(source_name, "not an HTML page"));
    }
    if let Some(flat) = depth::flatten(&html, limits.max_html_depth, Syntax::Html) {
        warnings.push(too_deep_warning(limits.max_html_depth, flat.dropped));
        html = flat.text;
    }
    let body = main_text(&html, page_url, limits.max_html_depth).unwrap_or_default();
    if body.trim().is_empty() {
        return Err(Error::input(source_name, "no article text found in the page"));
    }
    let meta = catch_unwind(AssertUnwindSafe(|| page_metadata(&html))).unwrap_or_else(|_| {
        warnings.push("the page's metadata could not be read".to_string());
        PageMeta::default()
    });
    let url = meta
        .canonical
        .as_deref()
        .or(meta.og_url.as_deref())
        .or(meta.ld_url.as_deref())
        .and_then(|u| absolute(u, page_url))
        .or_else(|| page_url.map(str::to_string));
    Ok(IncomingArticle {
        source: source_name.to_string(),
        title: meta.ld_headline.or(meta.og_title).or(meta.title),
        body,
        url,
        outlet: meta.ld_publisher.or(meta.og_site_name),
        published: meta.ld_published.or(meta.og_published).or(meta.time_datetime),
        authors: if !meta.ld_authors.is_empty() {
            meta.ld_authors
        } else if !meta.meta_authors.is_empty() {
            meta.meta_authors
        } else {
            meta.og_authors
        },
        language: meta.ld_language.or(meta.html_lang),
        warnings,
        ..IncomingArticle::default()
    })
}

// ---------------------------------------------------------------------------------------------------------
// Charset

/// Decodes the page, returning the text and any warning worth showing (a guessed legacy encoding).
fn decode(bytes: &[u8], charset_hint: Option<&str>, page_url: Option<&str>) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    let encoding = charset_hint
        .and_then(|label| Encoding::for_label(label.trim().trim_matches('"').as_bytes()))
        .or_else(|| Encoding::for_bom(bytes).map(|(e, _)| e))
        .or_else(|| meta_charset(bytes))
        .unwrap_or_else(|| {
            if std::str::from_utf8(bytes).is_ok() {
                return encoding_rs::UTF_8;
            }
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let tld = page_url
                .and_then(|u| url::Url::parse(u).ok())
                .and_then(|u| u.host_str().and_then(|h| h.rsplit('.').next().map(|t| t.to_ascii_lowercase())));
            let guessed = detector.guess(tld.as_deref().map(str::as_bytes), true);
            warnings.push(format!("no charset declared; decoded as {} (guessed)", guessed.name()));
            guessed
        });
    // `decode` honours a BOM over the chosen encoding, as browsers do.
    let (text, used, had_errors) = encoding.decode(bytes);
    if had_errors {
        warnings.push(format!("invalid {} bytes were replaced", used.name()));
    }
    (text.into_owned(), warnings)
}

/// The charset a `<meta charset=...>` or `<meta http-equiv=Content-Type content="...; charset=...">` declares.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_CHARSET_SCAN)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = trim_ascii_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_ascii_start(rest);
                let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    // A page that reached us as bytes and says UTF-16 in ASCII is not UTF-16 (HTML spec).
                    return Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        encoding_rs::UTF_8
                    } else {
                        enc
                    });
                }
            }
        }
        from = end.max(start + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn strip_bom(b: &[u8]) -> &[u8] {
    Encoding::for_bom(b).map_or(b, |(_, len)| &b[len..])
}

fn encoding_for_sniff(b: &[u8]) -> &'static Encoding {
    Encoding::for_bom(b).map_or(encoding_rs::UTF_8, |(e, _)| e)
}

// ---------------------------------------------------------------------------------------------------------
// Main text

/// The article's main text with paragraphs separated by "\n\n", or None when the extractor found none.
///
/// dom_smoothie (a Readability.js port) won the measurement on the article-extraction benchmark (181 pages):
/// F1 0.952 at ~4.5 ms/page median, against rs-trafilatura's 0.956 at ~15 ms (its text output; 0.949 from its
/// HTML output) and 0.968 at ~21 ms for running both and keeping the shorter text when trafilatura's is more
/// than 1.2 times longer. dom_smoothie alone meets the target at a third of the time and shares its html5ever
/// with our own metadata reading, so it is the one kept. Its cleaned HTML is turned into text by
/// [`html_to_text`], which keeps the paragraph structure its plain-text output flattens.
fn main_text(html: &str, page_url: Option<&str>, max_depth: usize) -> Option<String> {
    // The extractor is third-party code run on untrusted pages: a panic in it is a page we cannot read, not
    // the end of the run.
    catch_unwind(AssertUnwindSafe(|| {
        // dom_smoothie rejects a document URL that is not absolute; it only uses it to resolve links.
        let url = page_url.filter(|u| url::Url::parse(u).is_ok());
        let mut readability = dom_smoothie::Readability::new(html, url, None).ok()?;
        let article = readability.parse().ok()?;
        Some(html_to_text_within(&article.content, max_depth).0)
    }))
    .ok()
    .flatten()
    .filter(|t| !t.trim().is_empty())
}

/// Plain text from an extractor: lines trimmed, blank-line runs become one paragraph break.
fn tidy_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for para in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&para.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    out
}

// ---------------------------------------------------------------------------------------------------------
// HTML to text

/// Elements whose content is never text for a reader.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "math", "canvas",
    "select", "button", "input", "textarea", "audio", "video", "picture", "source", "map",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "form",
    "fieldset",
    "caption",
    "body",
    "html",
];

/// Converts HTML (a fragment or a document) to clean text: "\n\n" between block elements, "\n" for `<br>`,
/// entities decoded, runs of white space (no-break spaces too) collapsed to one space (kept inside `<pre>`),
/// table rows on lines of their own, scripts and styles dropped.
/// Markup nested deeper than the default `--max-html-depth` is flattened first (see [`html_to_text_within`]).
pub fn html_to_text(html: &str) -> String {
    html_to_text_within(html, Limits::default().max_html_depth).0
}

/// [`html_to_text`] with markup nested deeper than `max_depth` flattened first (tags dropped, text kept),
/// because building the tree of deeper markup takes time quadratic in its depth. The second value is the
/// warning to report when that happened.
pub fn html_to_text_within(html: &str, max_depth: usize) -> (String, Option<String>) {
    if !html.contains('<') && !html.contains('&') {
        return (tidy_inline(html), None);
    }
    let flat = depth::flatten(html, max_depth, Syntax::Html);
    let warning = flat.as_ref().map(|f| too_deep_warning(max_depth, f.dropped));
    let html = flat.as_ref().map_or(html, |f| f.text.as_str());
    // html5ever and our walk are iterative, but stay defensive: a panic here is treated as "no text".
    let text = catch_unwind(AssertUnwindSafe(|| {
        let doc = Document::fragment(html);
        let mut out = TextBuilder::default();
        walk(&doc.root(), &mut out);
        out.finish()
    }))
    .unwrap_or_default();
    (text, warning)
}

/// The warning for markup flattened by `depth::flatten`.
pub(crate) fn too_deep_warning(max_depth: usize, dropped: usize) -> String {
    format!(
        "markup nested deeper than {max_depth} elements: {dropped} deeper tags ignored, their text kept \
         (--max-html-depth)"
    )
}

/// Plain text without markup: white space collapsed, lines kept as paragraphs.
fn tidy_inline(text: &str) -> String {
    tidy_text(text)
}

/// Walks the tree without recursion, so absurdly deep markup cannot overflow the stack.
fn walk(root: &NodeRef, out: &mut TextBuilder) {
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Leave(String),
    }
    let mut stack = Vec::new();
    let mut child = root.first_child();
    let mut first = Vec::new();
    while let Some(c) = child {
        child = c.next_sibling();
        first.push(Step::Enter(c));
    }
    stack.extend(first.into_iter().rev());
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => {
                if node.is_text() {
                    out.text(&node.text());
                    continue;
                }
                if !node.is_element() {
                    continue;
                }
                let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
                if SKIPPED.contains(&name.as_str()) {
                    continue;
                }
                match name.as_str() {
                    "br" => {
                        out.line_break();
                        continue;
                    }
                    "img" => continue,
                    "td" | "th" => out.space(),
                    _ => {}
                }
                let is_block = BLOCKS.contains(&name.as_str());
                if is_block {
                    out.paragraph_break();
                }
                if name == "pre" {
                    out.pre_depth += 1;
                }
                stack.push(Step::Leave(name));
                let mut children = Vec::new();
                let mut c = node.first_child();
                while let Some(n) = c {
                    c = n.next_sibling();
                    children.push(Step::Enter(n));
                }
                stack.extend(children.into_iter().rev());
            }
            Step::Leave(name) => {
                if name == "pre" {
                    out.pre_depth = out.pre_depth.saturating_sub(1);
                }
                if name == "tr" {
                    out.line_break();
                } else if BLOCKS.contains(&name.as_str()) {
                    out.paragraph_break();
                }
            }
        }
    }
}

#[derive(Default, PartialEq, PartialOrd, Clone, Copy)]
enum Pending {
    #[default]
    None,
    Space,
    Line,
    Paragraph,
}

/// Accumulates text, turning the breaks the walk asks for into at most one separator between runs of text.
#[derive(Default)]
struct TextBuilder {
    out: String,
    pending: Pending,
    pre_depth: usize,
}

impl TextBuilder {
    fn request(&mut self, p: Pending) {
        if p > self.pending {
            self.pending = p;
        }
    }
    fn space(&mut self) {
        self.request(Pending::Space);
    }
    fn line_break(&mut self) {
        self.request(Pending::Line);
    }
    fn paragraph_break(&mut self) {
        self.request(Pending::Paragraph);
    }

    fn text(&mut self, t: &str) {
        if self.pre_depth > 0 {
            let t = t.replace("\r\n", "\n");
            if t.trim().is_empty() && !t.contains('\n') {
                self.request(Pending::Space);
                return;
            }
            self.flush_pending();
            // Blank lines inside <pre> would read as paragraph breaks; keep single line breaks only.
            let mut first = true;
            for line in t.split('\n') {
                if !first {
                    self.push_break("\n");
                }
                first = false;
                self.out.push_str(line.trim_end());
            }
            return;
        }
        let mut words = t.split_whitespace().peekable();
        if t.starts_with(char::is_whitespace) {
            self.request(Pending::Space);
        }
        if words.peek().is_none() {
            return;
        }
        self.flush_pending();
        let mut first = true;
        for w in words {
            if !first {
                self.out.push(' ');
            }
            first = false;
            self.out.push_str(w);
        }
        if t.ends_with(char::is_whitespace) {
            self.request(Pending::Space);
        }
    }

    fn push_break(&mut self, s: &str) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            if s == "\n\n" && self.out.ends_with('\n') {
                self.out.push('\n');
            } else {
                self.out.push_str(s);
            }
        }
    }

    fn flush_pending(&mut self) {
        match std::mem::take(&mut self.pending) {
            Pending::None => {}
            Pending::Space => {
                if !self.out.is_empty() && !self.out.ends_with(char::is_whitespace) {
                    self.out.push(' ');
                }
            }
            Pending::Line => self.push_break("\n"),
            Pending::Paragraph => self.push_break("\n\n"),
        }
    }

    fn finish(self) -> String {
        self.out.trim().to_string()
    }
}

// ---------------------------------------------------------------------------------------------------------
// Metadata

/// Everything the page says about itself, by source, so `parse_page` can apply the precedence in one place.
#[derive(Debug, Default)]
struct PageMeta {
    ld_headline: Option<String>,
    ld_published: Option<String>,
    ld_authors: Vec<String>,
    ld_publisher: Option<String>,
    ld_url: Option<String>,
    ld_language: Option<String>,
    og_title: Option<String>,
    og_url: Option<String>,
    og_site_name: Option<String>,
    og_published: Option<String>,
    og_authors: Vec<String>,
    canonical: Option<String>,
    title: Option<String>,
    time_datetime: Option<String>,
    html_lang: Option<String>,
    meta_authors: Vec<String>,
}

fn page_metadata(html: &str) -> PageMeta {
    let doc = Document::from(html);
    let mut meta = PageMeta::default();

    for script in doc.select(r#"script[type="application/ld+json" i]"#).iter() {
        let text = script.text();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(text.trim()) else { continue };
        if meta.ld_headline.is_some() {
            break;
        }
        read_json_ld(&value, &mut meta);
    }

    for m in doc.select("meta").iter() {
        let key = m.attr("property").or_else(|| m.attr("name")).map(|k| k.trim().to_ascii_lowercase());
        let Some(key) = key else { continue };
        let Some(content) = m.attr("content").map(|c| clean_line(&c)).filter(|c| !c.is_empty()) else { continue };
        match key.as_str() {
            "og:title" => set_once(&mut meta.og_title, content),
            "og:url" => set_once(&mut meta.og_url, content),
            "og:site_name" => set_once(&mut meta.og_site_name, content),
            "article:published_time" => set_once(&mut meta.og_published, content),
            // article:author is often a profile URL, which is no name.
            "article:author" if !content.contains("://") => push_unique(&mut meta.og_authors, content),
            "author" if !content.contains("://") => push_unique(&mut meta.meta_authors, content),
            _ => {}
        }
    }

    for link in doc.select("link[rel][href]").iter() {
        let is_canonical =
            link.attr("rel").is_some_and(|r| r.split_whitespace().any(|t| t.eq_ignore_ascii_case("canonical")));
        if is_canonical {
            if let Some(href) = link.attr("href").map(|h| h.trim().to_string()).filter(|h| !h.is_empty()) {
                set_once(&mut meta.canonical, href);
            }
        }
    }

    meta.title = doc.select("title").iter().next().map(|t| clean_line(&t.text())).filter(|t| !t.is_empty());
    meta.time_datetime = doc
        .select("time[datetime]")
        .iter()
        .find_map(|t| t.attr("datetime").map(|d| d.trim().to_string()).filter(|d| !d.is_empty()));
    meta.html_lang = doc
        .select("html[lang]")
        .iter()
        .next()
        .and_then(|h| h.attr("lang"))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty());
    meta
}

/// Types that describe an article, in schema.org's vocabulary.
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    matches!(t, "NewsArticle" | "Article" | "ReportageNews" | "BlogPosting" | "Report" | "LiveBlogPosting")
        || t.ends_with("NewsArticle")
        || t.ends_with("Article")
}

fn has_article_type(v: &serde_json::Value) -> bool {
    match v.get("@type") {
        Some(serde_json::Value::String(s)) => is_article_type(s),
        Some(serde_json::Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(is_article_type)),
        _ => false,
    }
}

/// Finds the first article object in a JSON-LD value (an object, an array, or an object with `@graph`) and
/// copies its fields. `@id` references (common for the publisher in `@graph`) are resolved within the value.
fn read_json_ld(value: &serde_json::Value, meta: &mut PageMeta) {
    let mut nodes = Vec::new();
    collect_nodes(value, &mut nodes, 0);
    let Some(article) = nodes.iter().find(|n| has_article_type(n)) else { return };
    let resolve = |v: &serde_json::Value| -> Option<String> { name_of(v, &nodes) };

    meta.ld_headline = article
        .get("headline")
        .or_else(|| article.get("name"))
        .and_then(|h| h.as_str())
        .map(clean_line)
        .filter(|s| !s.is_empty());
    meta.ld_published =
        article.get("datePublished").and_then(|d| d.as_str()).map(|d| d.trim().to_string()).filter(|s| !s.is_empty());
    meta.ld_url = article.get("url").and_then(|u| u.as_str()).map(|u| u.trim().to_string()).filter(|s| !s.is_empty());
    meta.ld_language = article
        .get("inLanguage")
        .and_then(|l| l.as_str().map(str::to_string).or_else(|| resolve(l)))
        .map(|l| l.trim().to_string())
        .filter(|s| !s.is_empty());
    meta.ld_publisher = article.get("publisher").and_then(|p| match p {
        serde_json::Value::Array(a) => a.iter().find_map(resolve),
        other => resolve(other),
    });
    match article.get("author") {
        Some(serde_json::Value::Array(list)) => {
            for a in list {
                if let Some(n) = resolve(a) {
                    push_unique(&mut meta.ld_authors, n);
                }
            }
        }
        Some(a) => {
            if let Some(n) = resolve(a) {
                push_unique(&mut meta.ld_authors, n);
            }
        }
        None => {}
    }
}

/// Flattens arrays and `@graph` lists into the objects they hold; depth-limited against hostile nesting.
fn collect_nodes<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a serde_json::Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_nodes(x, out, depth + 1)),
        serde_json::Value::Object(o) => {
            out.push(v);
            if let Some(g) = o.get("@graph") {
                collect_nodes(g, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// The name of a person or organisation given as a string, an object with `name`, or an `@id` reference.
fn name_of(v: &serde_json::Value, nodes: &[&serde_json::Value]) -> Option<String> {
    let name = match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(o) => match o.get("name") {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            _ => o.get("@id").and_then(|id| id.as_str()).and_then(|id| {
                nodes
                    .iter()
                    .filter(|n| n.get("@id").and_then(|x| x.as_str()) == Some(id))
                    .find_map(|n| n.get("name").and_then(|x| x.as_str()).map(str::to_string))
            }),
        },
        _ => None,
    }?;
    let name = clean_line(&name);
    (!name.is_empty() && !name.contains("://")).then_some(name)
}

fn clean_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn set_once(slot: &mut Option<String>, value: String) {
    if slot.is_none() {
        *slot = Some(value);
    }
}

fn push_unique(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// Resolves a possibly relative URL against the page's address; None when it cannot be made absolute.
fn absolute(u: &str, base: Option<&str>) -> Option<String> {
    match url::Url::parse(u) {
        Ok(abs) => Some(abs.to_string()),
        Err(_) => base.and_then(|b| url::Url::parse(b).ok()).and_then(|b| b.join(u).ok()).map(|j| j.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAS: &str =
        "<p>The negotiations resumed on Tuesday in Geneva after a pause of three weeks, officials from \
        both delegations confirmed to reporters gathered outside the building.</p>\
        <p>\"We are cautiously optimistic,\" said the lead negotiator, adding that several questions remained open \
        and would take more meetings to settle before any agreement could be signed.</p>\
        <p>Analysts said the talks could last well into next month, given the number of issues on the table and the \
        positions both sides took in public during the last round of meetings.</p>";

    #[test]
    fn html_to_text_keeps_paragraphs() {
        let html = "<div><h1>Head&nbsp;line</h1><p>One &amp; <b>two</b>\n  three.</p><p>Line<br/>break</p>\
                    <script>var x = '<p>';</script><style>p{}</style><ul><li>a</li><li>b</li></ul>\
                    <table><tr><td>c1</td><td>c2</td></tr><tr><td>d</td></tr></table><pre>x  y\n  z</pre></div>";
        assert_eq!(
            html_to_text(html),
            "Head line\n\nOne & two three.\n\nLine\nbreak\n\na\n\nb\n\nc1 c2\nd\n\nx  y\n  z"
        );
        assert_eq!(html_to_text("plain   text"), "plain text");
        assert_eq!(html_to_text(""), "");
    }

    #[test]
    fn page_with_json_ld_news_article() {
        let html = format!(
            r##"<!DOCTYPE html><html lang="en"><head><title>Talks | Daily</title>
<link rel="canonical" href="/news/talks">
<meta property="og:title" content="OG title">
<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[
  {{"@type":"Organization","@id":"#org","name":"The Daily"}},
  {{"@type":["NewsArticle"],"headline":"Talks resume in Geneva","datePublished":"2022-10-05T10:00:00+03:00",
    "author":[{{"@type":"Person","name":"Jane Doe"}},{{"@type":"Person","name":"John Roe"}}],
    "publisher":{{"@id":"#org"}},"inLanguage":"en-GB"}}]}}</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks resume in Geneva</h1>{PARAS}</article>
<footer>Copyright The Daily</footer></body></html>"##
        );
        assert!(looks_like_html(html.as_bytes()));
        let a = parse_page(html.as_bytes(), None, Some("https://daily.example/x?utm=1"), "page.html").unwrap();
        assert_eq!(a.source, "page.html");
        assert_eq!(a.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(a.url.as_deref(), Some("https://daily.example/news/talks"));
        assert_eq!(a.outlet.as_deref(), Some("The Daily"));
        assert_eq!(a.published.as_deref(), Some("2022-10-05T10:00:00+03:00"));
        assert_eq!(a.authors, vec!["Jane Doe".to_string(), "John Roe".to_string()]);
        assert_eq!(a.language.as_deref(), Some("en-GB"));
        assert!(a.body.contains("The negotiations resumed on Tuesday"), "{}", a.body);
        assert!(a.body.contains("confirmed to reporters gathered outside the building.\n\n"), "{}", a.body);
        assert!(!a.body.contains("Copyright"), "{}", a.body);
    }

    #[test]
    fn page_with_only_open_graph() {
        let html = format!(
            r#"<html><head><meta property="og:title" content="Only OG">
<meta property="og:url" content="https://og.example/story">
<meta property="og:site_name" content="OG News">
<meta property="article:published_time" content="2021-03-04T05:06:07Z">
<meta property="article:author" content="https://og.example/staff/ann">
<meta name="author" content="Ann Example"></head><body><article>{PARAS}</article></body></html>"#
        );
        let a = parse_page(html.as_bytes(), None, None, "og.html").unwrap();
        assert_eq!(a.title.as_deref(), Some("Only OG"));
        assert_eq!(a.url.as_deref(), Some("https://og.example/story"));
        assert_eq!(a.outlet.as_deref(), Some("OG News"));
        assert_eq!(a.published.as_deref(), Some("2021-03-04T05:06:07Z"));
        assert_eq!(a.authors, vec!["Ann Example".to_string()]);
        assert_eq!(a.language, None);
    }

    #[test]
    fn windows_1252_page_with_meta_charset() {
        let mut bytes =
            b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9</title></head><body><article>".to_vec();
        bytes.extend_from_slice(PARAS.as_bytes());
        bytes.extend_from_slice(b"<p>\x93Quoted\x94 words in Gen\xe8ve \x96 with a dash.</p></article></body></html>");
        let a = parse_page(&bytes, None, None, "cp1252.html").unwrap();
        assert_eq!(a.title.as_deref(), Some("Caf\u{e9}"));
        assert!(a.body.contains("\u{201c}Quoted\u{201d} words in Gen\u{e8}ve \u{2013} with a dash."), "{}", a.body);
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
        // The HTTP header's charset wins over the meta tag.
        let (text, _) = decode("\u{e9}".as_bytes(), Some("utf-8"), None);
        assert_eq!(text, "\u{e9}");
    }

    #[test]
    fn undeclared_legacy_bytes_are_guessed_with_a_warning() {
        let (text, warnings) = decode(b"<p>Caf\xe9 cr\xe8me br\xfbl\xe9e</p>", None, None);
        assert!(text.contains("Café crème brûlée"), "{text}");
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn page_without_text_is_an_error() {
        for input in [&b""[..], b"<html><body><script>var a = 1;</script><img src=x></body></html>", b"\x00\xff"] {
            match parse_page(input, None, None, "empty.html") {
                Err(Error::Input { source_name, .. }) => assert_eq!(source_name, "empty.html"),
                other => panic!("expected an input error, got {other:?}"),
            }
        }
    }
}
