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
use encoding_rs::Encoding;
use feed_rs::model::{Entry, Feed, Link, Text};

use crate::limits::Limits;
use crate::model::IncomingArticle;
use crate::source::decode;
use crate::source::depth::{self, Syntax};
use crate::source::html::{html_to_text_within, too_deep_warning};
use crate::{Error, Result};

/// A parsed feed: its own title and link, its usable items, how many items were skipped as empty, and what
/// is worth telling the user about the feed as a whole (a guessed encoding, items recovered or skipped).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    pub link: Option<String>,
    pub items: Vec<IncomingArticle>,
    pub skipped: usize,
    pub warnings: Vec<String>,
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

/// Parses a whole feed with the default limits. Garbage (or a document that is not a feed) is an `Err` naming
/// `source_name`; see [`parse_with`].
pub fn parse(bytes: &[u8], source_name: &str) -> Result<ParsedFeed> {
    parse_with(bytes, source_name, None, &Limits::default())
}

/// Parses a whole feed. `charset_hint` is the HTTP `Content-Type` charset, when the feed came over HTTP.
///
/// The bytes are decoded here, not by feed-rs: a BOM, then the HTTP charset, then the XML declaration decide,
/// and bytes that are not UTF-8 and declare nothing are guessed (with a warning). An ill-formed feed is read
/// again leniently (stray `&` escaped), then item by item, so one bad item costs that item only; what was
/// skipped is in `ParsedFeed::warnings`. At most `limits.max_feed_items` items are read, and markup nested
/// deeper than `limits.max_html_depth` is flattened first.
pub fn parse_with(bytes: &[u8], source_name: &str, charset_hint: Option<&str>, limits: &Limits) -> Result<ParsedFeed> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::input(source_name, "not a feed: the input is empty"));
    }
    let (mut text, mut warnings) = decode_xml(bytes, charset_hint);
    if text.trim_start().starts_with('{') {
        // A JSON Feed: none of the XML repairs below apply (JSON nesting is bounded by serde_json).
        let feed = parse_with_feed_rs(text.as_bytes()).map_err(|message| Error::input(source_name, message))?;
        let mut parsed = convert(Parts::whole(feed), source_name, limits);
        warnings.append(&mut parsed.warnings);
        parsed.warnings = warnings;
        return Ok(parsed);
    }
    if let Some(flat) = depth::flatten(&text, limits.max_html_depth, Syntax::Xml) {
        warnings.push(too_deep_warning(limits.max_html_depth, flat.dropped));
        text = flat.text;
    }
    // feed-rs reads Atom 1.0 elements only; Atom 0.3 uses the same names in an older namespace, so reading it
    // as 1.0 recovers titles, links, ids, authors and content (0.3-only dates such as `issued` stay unread).
    if text.contains(ATOM_03_NS) {
        text = upgrade_atom_03(&text);
    }
    let parts = match parse_whole(&text) {
        Ok(feed) => Parts::whole(feed),
        Err(first) => recover(&text, first, limits.max_feed_items, &mut warnings)
            .map_err(|message| Error::input(source_name, message))?,
    };
    let mut parsed = convert(parts, source_name, limits);
    warnings.append(&mut parsed.warnings);
    parsed.warnings = warnings;
    Ok(parsed)
}

/// What to say about a feed that gave no item: empty, or only items with neither title nor text.
pub fn nothing_read(skipped: usize) -> String {
    match skipped {
        0 => "the feed has no items".to_string(),
        1 => "the feed's only item has neither a title nor text".to_string(),
        n => format!("none of the feed's {n} items has a title or text"),
    }
}

const ATOM_03_NS: &str = "http://purl.org/atom/ns#";
const ATOM_10_NS: &str = "http://www.w3.org/2005/Atom";

/// A header (the document before the first item) longer than this is not repeated for every item when a feed
/// is recovered item by item: only its open elements are, so recovery stays linear in the input.
const MAX_RECOVERY_HEADER: usize = 16 * 1024;

/// One parse of the whole document, with the RSS version fix-up when feed-rs refuses the root.
fn parse_whole(text: &str) -> std::result::Result<Feed, String> {
    match parse_with_feed_rs(text.as_bytes()) {
        Ok(feed) => Ok(feed),
        // feed-rs dispatches RSS on its version attribute and refuses `<rss>` without one, which RSS 0.9x-era
        // feeds and hand-made ones do write: read those as RSS 2.0, whose elements are a superset.
        Err(first) => match with_rss_version(text.as_bytes()) {
            Some(fixed) => parse_with_feed_rs(&fixed).map_err(|_| first),
            None => Err(first),
        },
    }
}

/// One feed-rs parse; the error is the message for the user, a `String` so a retry can report the first one.
fn parse_with_feed_rs(bytes: &[u8]) -> std::result::Result<Feed, String> {
    let parser = feed_rs::parser::Builder::new()
        // Made-up ids (hashes of link and title) would pose as the publisher's own identifiers.
        .id_generator(|_, _, _| String::new())
        // We convert HTML to text ourselves; sanitising would only cost time.
        .sanitize_content(false)
        .build();
    // feed-rs is third-party code parsing untrusted input: a panic inside it must become a bad-input error,
    // not take the whole ingest run down.
    let cleaned = without_declarations(bytes);
    let bytes = cleaned.as_deref().unwrap_or(bytes);
    match catch_unwind(AssertUnwindSafe(|| parser.parse(bytes))) {
        Ok(Ok(feed)) => Ok(feed),
        Ok(Err(e)) => Err(format!("not a feed: {e}")),
        Err(_) => Err("not a feed: the feed parser failed on this input".to_string()),
    }
}

/// The feed's own fields and its entries, each with its 1-based position in the document.
struct Parts {
    feed: Option<Feed>,
    entries: Vec<(usize, Entry)>,
}

impl Parts {
    fn whole(mut feed: Feed) -> Parts {
        let entries = std::mem::take(&mut feed.entries).into_iter().enumerate().map(|(i, e)| (i + 1, e)).collect();
        Parts { feed: Some(feed), entries }
    }
}

/// Reads an ill-formed feed as well as can be done: first the whole document with stray `&` and bad character
/// references escaped (the commonest fault by far), then each item on its own inside the document's header.
/// Every fix and skip becomes a warning; `Err` (the first parse's message) only when no item could be read.
fn recover(
    text: &str,
    first: String,
    max_items: usize,
    warnings: &mut Vec<String>,
) -> std::result::Result<Parts, String> {
    let escaped = escape_stray_ampersands(text);
    let text = match escaped.as_deref() {
        Some(fixed) => match parse_whole(fixed) {
            Ok(feed) => {
                warnings
                    .push(format!("the feed is not well-formed XML ({}); read with stray '&' escaped", reason(&first)));
                return Ok(Parts::whole(feed));
            }
            Err(_) => fixed,
        },
        None => text,
    };
    let items = item_spans(text);
    if items.is_empty() {
        return Err(first);
    }
    let header_text = &text[..items[0].start];
    let open = depth::open_elements(header_text);
    let closers: String = open.iter().rev().map(|(name, _)| format!("</{name}>")).collect();
    let minimal: String = open.iter().map(|(_, start_tag)| start_tag.as_str()).collect();
    // The header carries the feed's title (the outlet); when it is itself broken, or too long to repeat for
    // every item, only its open elements go around each item.
    let header_feed = (header_text.len() <= MAX_RECOVERY_HEADER)
        .then(|| parse_whole(&format!("{header_text}{closers}")).ok())
        .flatten();
    let header = if header_feed.is_some() { header_text } else { minimal.as_str() };

    let mut entries = Vec::new();
    let mut skipped = Vec::new();
    for (index, item) in items.iter().enumerate().take(max_items) {
        let position = index + 1;
        let chunk = &text[item.start..item.end];
        let close = if item.closed { String::new() } else { format!("</{}>", item.name) };
        match parse_whole(&format!("{header}{chunk}{close}{closers}")) {
            Ok(mut one) if !one.entries.is_empty() => {
                entries.push((position, one.entries.swap_remove(0)));
            }
            Ok(_) => skipped.push(format!("{position} (no item found)")),
            Err(e) => skipped.push(format!("{position} ({})", reason(&e))),
        }
    }
    if entries.is_empty() {
        return Err(format!("{first}; no item could be recovered"));
    }
    warnings.push(format!(
        "the feed is not well-formed XML ({}); read item by item: {} of {} items recovered",
        reason(&first),
        entries.len(),
        items.len().min(max_items)
    ));
    if !skipped.is_empty() {
        // Named one by one up to a point: a warning is read by a person.
        const NAMED: usize = 20;
        let more = match skipped.len().saturating_sub(NAMED) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        skipped.truncate(NAMED);
        warnings.push(format!("items skipped as not well-formed: {}{more}", skipped.join(", ")));
    }
    let feed = header_feed.or_else(|| parse_whole(&format!("{minimal}{closers}")).ok());
    Ok(Parts { feed, entries })
}

/// A parse error's message without the "not a feed: " the user does not need inside a warning.
fn reason(message: &str) -> &str {
    message.strip_prefix("not a feed: ").unwrap_or(message)
}

/// Where one `<item>` / `<entry>` sits in the document: from its start tag to after its end tag, or, when it
/// has none (a truncated feed), to the start of the next item or the end of the input.
#[derive(Debug, PartialEq)]
struct ItemSpan {
    start: usize,
    end: usize,
    closed: bool,
    name: String,
}

/// The items of a feed, found textually (outside comments and CDATA), so that one broken item does not hide
/// the others.
fn item_spans(text: &str) -> Vec<ItemSpan> {
    let bytes = text.as_bytes();
    let mut spans: Vec<ItemSpan> = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let at = i + offset;
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            i = find(&bytes[at..], b"-->").map_or(bytes.len(), |e| at + e + 3);
            continue;
        }
        if rest.starts_with(b"<![CDATA[") {
            i = find(&bytes[at..], b"]]>").map_or(bytes.len(), |e| at + e + 3);
            continue;
        }
        let closing = rest.starts_with(b"</");
        let name_start = at + if closing { 2 } else { 1 };
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
            .map_or(bytes.len(), |p| name_start + p);
        let name = &text[name_start..name_end];
        let local = name.rsplit(':').next().unwrap_or(name);
        i = at + 1;
        if !matches!(local, "item" | "entry") {
            continue;
        }
        let tag_end = find(&bytes[at..], b">").map_or(bytes.len(), |e| at + e + 1);
        if closing {
            if let Some(open) = spans.last_mut().filter(|s| !s.closed && s.name == name) {
                open.end = tag_end;
                open.closed = true;
            }
        } else if bytes[..tag_end].ends_with(b"/>") {
            spans.push(ItemSpan { start: at, end: tag_end, closed: true, name: name.to_string() });
        } else {
            if let Some(open) = spans.last_mut().filter(|s| !s.closed) {
                open.end = at;
            }
            spans.push(ItemSpan { start: at, end: bytes.len(), closed: false, name: name.to_string() });
        }
        i = tag_end.max(at + 1);
    }
    // An unclosed item runs to the next item or to the end; nothing after the last end tag belongs to it.
    spans
}

/// The text with every `&` that starts no entity or character reference written as `&amp;`, and malformed
/// character references (`&#X41;`, `&#xZZ;`, `&#0;`) made literal text too; CDATA and comments are left alone.
/// None when there was nothing to fix. Named entities are left for feed-rs, which keeps unknown ones as text
/// and never expands a DTD's entities (so billion laughs and external entities stay inert).
fn escape_stray_ampersands(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if bytes[i..].starts_with(b"<![CDATA[") => {
                i = find(&bytes[i..], b"]]>").map_or(bytes.len(), |e| i + e + 3);
            }
            b'<' if bytes[i..].starts_with(b"<!--") => {
                i = find(&bytes[i..], b"-->").map_or(bytes.len(), |e| i + e + 3);
            }
            b'&' => {
                if !is_reference(&bytes[i + 1..]) {
                    let out = out.get_or_insert_with(|| String::with_capacity(text.len() + 64));
                    out.push_str(&text[copied..i]);
                    out.push_str("&amp;");
                    copied = i + 1;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    let mut out = out?;
    out.push_str(&text[copied..]);
    Some(out)
}

/// True when the bytes after a `&` form a reference XML accepts: a name and `;`, or a valid character number.
fn is_reference(after: &[u8]) -> bool {
    let end = after.iter().take(40).position(|&b| b == b';');
    let Some(end) = end else { return false };
    let body = &after[..end];
    if let Some(number) = body.strip_prefix(b"#") {
        let value = match number.strip_prefix(b"x") {
            Some(hex) if !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit) => {
                u32::from_str_radix(std::str::from_utf8(hex).unwrap_or("z"), 16).ok()
            }
            None if !number.is_empty() && number.iter().all(u8::is_ascii_digit) => {
                std::str::from_utf8(number).ok().and_then(|n| n.parse::<u32>().ok())
            }
            _ => None,
        };
        return value.and_then(char::from_u32).is_some_and(|c| c != '\0');
    }
    let name_start = |b: &u8| b.is_ascii_alphabetic() || matches!(b, b'_' | b':') || *b >= 0x80;
    let name_char = |b: &u8| name_start(b) || b.is_ascii_digit() || matches!(b, b'-' | b'.');
    body.first().is_some_and(name_start) && body.iter().all(name_char)
}

/// The feed as UTF-8 text without its XML declaration (so that feed-rs does not decode it again), and a
/// warning when the encoding had to be guessed or bytes were invalid.
///
/// Valid UTF-8 with non-ASCII bytes is UTF-8 whatever a header or declaration says: legacy-encoded text is
/// practically never valid UTF-8, while servers that label UTF-8 feeds ISO-8859-1 are common. Otherwise a BOM,
/// the HTTP charset (RFC 7303 gives it precedence), then the declaration decide, and chardetng guesses when
/// none applies.
fn decode_xml(bytes: &[u8], charset_hint: Option<&str>) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    let text = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        decode_as(encoding, &bytes[bom_len..], &mut warnings)
    } else if let Some(text) = decode::utf32_text(bytes) {
        text
    } else if bytes.starts_with(&[0, b'<']) {
        decode_as(encoding_rs::UTF_16BE, bytes, &mut warnings)
    } else if bytes.starts_with(&[b'<', 0]) {
        decode_as(encoding_rs::UTF_16LE, bytes, &mut warnings)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        text.to_string()
    } else {
        let declared_label = declared_encoding(bytes);
        let declared = declared_label.as_deref().and_then(|l| Encoding::for_label(l.as_bytes()));
        let hinted = charset_hint.and_then(|l| Encoding::for_label(l.trim().trim_matches('"').as_bytes()));
        // UTF-8 and UTF-16 labels on bytes that are neither are mistakes; skip them.
        let usable = |e: &&'static Encoding| {
            *e != encoding_rs::UTF_8 && *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE
        };
        match hinted.filter(usable).or(declared.filter(usable)) {
            Some(encoding) => decode_as(encoding, bytes, &mut warnings),
            None => {
                let mut detector = chardetng::EncodingDetector::new();
                detector.feed(bytes, true);
                let guessed = detector.guess(None, false);
                let why = match declared_label {
                    Some(label) => format!("declared {label} but is not"),
                    None => "not UTF-8 and no encoding declared".to_string(),
                };
                warnings.push(format!("{why}; decoded as {} (guessed)", guessed.name()));
                decode_as(guessed, bytes, &mut warnings)
            }
        }
    };
    (strip_declaration(text), warnings)
}

fn decode_as(encoding: &'static Encoding, bytes: &[u8], warnings: &mut Vec<String>) -> String {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!("invalid {} bytes were replaced", encoding.name()));
    }
    text.into_owned()
}

/// The `encoding` of an XML declaration at the start of ASCII-compatible bytes.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(1024)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let decl = &head[..find(head, b"?>")?];
    let at = find(decl, b"encoding")?;
    let rest = decl[at + 8..].trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start();
    let quote = *rest.first().filter(|q| matches!(q, b'"' | b'\''))?;
    let value = &rest[1..];
    let value = &value[..value.iter().position(|&b| b == quote)?];
    std::str::from_utf8(value).ok().map(|v| v.trim().to_string())
}

/// The text without a BOM and without its XML declaration, which feed-rs would otherwise use to decode the text
/// again: it is UTF-8 now, whatever the declaration said. A declaration after comments (ill-formed, but it
/// occurs) goes too; the search stops at the first element.
fn strip_declaration(text: String) -> String {
    let body = text.trim_start_matches('\u{feff}');
    let mut rest = body;
    loop {
        let at = body.len() - rest.len() + (rest.len() - rest.trim_start().len());
        rest = rest.trim_start();
        if rest.starts_with("<!--") {
            let Some(end) = rest.find("-->") else { break };
            rest = &rest[end + 3..];
        } else if rest.starts_with("<?") {
            let Some(end) = rest.find("?>") else { break };
            let is_declaration =
                rest[2..].starts_with("xml") && rest[5..].starts_with(|c: char| c.is_whitespace() || c == '?');
            if is_declaration {
                return format!("{}{}", &body[..at], &rest[end + 2..]);
            }
            rest = &rest[end + 2..];
        } else {
            break;
        }
    }
    if body.len() == text.len() {
        text
    } else {
        body.to_string()
    }
}

/// The bytes without any XML declaration that quick-xml finds in them; None when there is none to remove.
///
/// feed-rs switches quick-xml's decoder at every declaration naming an encoding, and quick-xml panics when that
/// comes after its first buffer (a declaration after text, or inside the document): caught, but the feed, or in
/// recovery each item holding one, was lost. The text is UTF-8 by now whatever a declaration says, so none is
/// needed; the leading one is gone already (`strip_declaration`). The same tokenizer feed-rs uses finds them, so
/// a declaration quoted in CDATA, a comment or an attribute is text and stays.
fn without_declarations(bytes: &[u8]) -> Option<Vec<u8>> {
    // feed-rs reads XML when a `<` comes before any `{` (text before the root included), else JSON.
    if bytes.iter().find(|&&b| b == b'<' || b == b'{') != Some(&b'<') || find(bytes, b"<?xml").is_none() {
        return None;
    }
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut cuts = Vec::new();
    loop {
        let start = reader.buffer_position() as usize;
        match reader.read_event() {
            Ok(quick_xml::events::Event::Decl(_)) => cuts.push(start..reader.buffer_position() as usize),
            Ok(quick_xml::events::Event::Eof) => break,
            // feed-rs stops at the first error; reading on only removes more of an ill-formed document.
            Ok(_) | Err(_) if reader.buffer_position() as usize > start => {}
            Ok(_) | Err(_) => break,
        }
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut from = 0;
    for cut in cuts {
        out.extend_from_slice(&bytes[from..cut.start]);
        from = cut.end;
    }
    out.extend_from_slice(&bytes[from..]);
    Some(out)
}

/// The input with the root `<rss>` saying `version="2.0"`, when it has no version or one feed-rs does not
/// dispatch on (0.90, 0.93, 0.94, 1.0 ...); None when that does not apply.
fn with_rss_version(bytes: &[u8]) -> Option<Vec<u8>> {
    let head = &bytes[..bytes.len().min(SNIFF_LIMIT)];
    let pos = find(head, b"<rss")?;
    let after = pos + 4;
    let tag_end = after + find(&head[after..], b">")?;
    let tag = &head[after..tag_end];
    let is_rss_tag = matches!(head.get(after), Some(b'>' | b' ' | b'\t' | b'\r' | b'\n' | b'/'));
    if !is_rss_tag {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() + 16);
    match find(tag, b"version=") {
        None => {
            out.extend_from_slice(&bytes[..after]);
            out.extend_from_slice(b" version=\"2.0\"");
            out.extend_from_slice(&bytes[after..]);
        }
        Some(v) => {
            let quote_at = after + v + 8;
            let quote = *head.get(quote_at).filter(|q| matches!(q, b'"' | b'\''))?;
            let value_end = quote_at + 1 + find(&head[quote_at + 1..tag_end], &[quote])?;
            let value = &head[quote_at + 1..value_end];
            if matches!(value, b"2.0" | b"0.91" | b"0.92") {
                return None;
            }
            out.extend_from_slice(&bytes[..quote_at + 1]);
            out.extend_from_slice(b"2.0");
            out.extend_from_slice(&bytes[value_end..]);
        }
    }
    Some(out)
}

/// Atom 0.3 rewritten as Atom 1.0: the namespace, and the MIME types 0.3 allowed in `type` where 1.0 has
/// `text`, `html` and `xhtml` (feed-rs refuses the MIME forms on text constructs).
fn upgrade_atom_03(text: &str) -> String {
    let mut out = text.replace(ATOM_03_NS, ATOM_10_NS);
    for q in ["\"", "'"] {
        for (from, to) in [("application/xhtml+xml", "xhtml"), ("text/html", "html"), ("text/plain", "text")] {
            out = out.replace(&format!("type={q}{from}{q}"), &format!("type={q}{to}{q}"));
        }
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn convert(parts: Parts, source_name: &str, limits: &Limits) -> ParsedFeed {
    let mut texts = Texts { max_depth: limits.max_html_depth, flattened: None };
    let feed = parts.feed.as_ref();
    let title = feed.and_then(|f| f.title.as_ref()).and_then(|t| texts.line(t));
    let link = feed.and_then(|f| pick_link(&f.links));
    let feed_authors = feed.map(|f| person_names(&f.authors)).unwrap_or_default();
    let feed_language = feed.and_then(|f| f.language.clone());
    let mut items = Vec::with_capacity(parts.entries.len().min(limits.max_feed_items));
    let mut skipped = 0;
    let mut warnings = Vec::new();
    let total = parts.entries.len();
    for (position, entry) in parts.entries.iter().take(limits.max_feed_items) {
        match convert_entry(entry, feed_language.as_deref(), &feed_authors, title.as_deref(), &mut texts) {
            Some(mut article) => {
                article.source = format!("{source_name}:{position}");
                article.warnings.extend(texts.flattened.take());
                items.push(article);
            }
            None => skipped += 1,
        }
    }
    if total > limits.max_feed_items {
        warnings.push(format!(
            "the feed has {total} items; only the first {} were read, the other {} skipped (--max-feed-items)",
            limits.max_feed_items,
            total - limits.max_feed_items
        ));
    }
    ParsedFeed { title, link, items, skipped, warnings }
}

/// Feed text converted for storage, with the limit on HTML depth and the warning when it applied.
struct Texts {
    max_depth: usize,
    flattened: Option<String>,
}

impl Texts {
    /// Converts feed text of the given media type to clean text with paragraph breaks.
    fn of(&mut self, content: &str, media_type: &str) -> String {
        let media_type = media_type.to_ascii_lowercase();
        if media_type.contains("html") || media_type.contains("xml") {
            let (text, warning) = html_to_text_within(content, self.max_depth);
            if warning.is_some() {
                self.flattened = warning;
            }
            text
        } else {
            plain_text(content)
        }
    }

    fn body(&mut self, text: &Text) -> String {
        self.of(&text.content, text.content_type.as_str())
    }

    /// A title-like text on one line.
    fn line(&mut self, text: &Text) -> Option<String> {
        let t = self.body(text);
        let line = t.split_whitespace().collect::<Vec<_>>().join(" ");
        (!line.is_empty()).then_some(line)
    }
}

fn convert_entry(
    entry: &Entry,
    feed_language: Option<&str>,
    feed_authors: &[String],
    feed_title: Option<&str>,
    texts: &mut Texts,
) -> Option<IncomingArticle> {
    // Media RSS (YouTube, podcasts) puts the title and description of an item in media:title and
    // media:description, often as the only ones.
    let title = entry
        .title
        .as_ref()
        .and_then(|t| texts.line(t))
        .or_else(|| entry.media.iter().filter_map(|m| m.title.as_ref()).find_map(|t| texts.line(t)));
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref().map(|body| texts.of(body, c.content_type.as_str())))
        .filter(|t| !t.is_empty());
    let summary = entry.summary.as_ref().map(|s| texts.body(s)).filter(|t| !t.is_empty()).or_else(|| {
        entry.media.iter().filter_map(|m| m.description.as_ref()).map(|d| texts.body(d)).find(|t| !t.is_empty())
    });
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
    let published = entry.published.or(entry.updated).map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, true));
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
        language: entry.language.clone().or_else(|| feed_language.map(str::to_string)).filter(|l| !l.trim().is_empty()),
        external_id,
        extra: (!extra.is_empty()).then_some(extra),
        ..IncomingArticle::default()
    })
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
  <title type="html">News &lt;b&gt;Site&lt;/b&gt;</title>
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
        for input in
            [&b""[..], b"hello world", b"<html><body>hi</body></html>", b"{\"a\": 1}", b"<rss", b"\xff\xfe\x00"]
        {
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
    fn versionless_rss_atom_03_and_utf16_are_read() {
        let feed = parse(b"<rss><channel><title>T</title><item><title>No version</title></item></channel></rss>", "v")
            .unwrap();
        assert_eq!(feed.items[0].title.as_deref(), Some("No version"));
        let feed = parse(b"<rss version='0.94'><channel><item><title>Odd version</title></item></channel></rss>", "v")
            .unwrap();
        assert_eq!(feed.items[0].title.as_deref(), Some("Odd version"));
        let atom03 = br#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry>
            <title type="text/html" mode="escaped">Old &lt;b&gt;Atom&lt;/b&gt;</title></entry></feed>"#;
        assert_eq!(parse(atom03, "a").unwrap().items[0].title.as_deref(), Some("Old Atom"));
        let utf16: Vec<u8> = "\u{feff}<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><item><title>Caf\u{e9}</title></item></channel></rss>"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(looks_like_feed(&utf16));
        assert_eq!(parse(&utf16, "u").unwrap().items[0].title.as_deref(), Some("Caf\u{e9}"));
    }

    #[test]
    fn sniffing_skips_bom_declaration_doctype_and_comments() {
        assert!(looks_like_feed(
            b"\xef\xbb\xbf<?xml version='1.0'?>\n<!DOCTYPE rss [<!ENTITY x \"y\">]>\n<!-- c --><rss version='0.91'>"
        ));
        assert!(looks_like_feed(b"<rdf:RDF xmlns:rdf='x'>"));
        assert!(!looks_like_feed(b"<!DOCTYPE html><html>"));
    }

    // -----------------------------------------------------------------------------------------------------
    // Issue 10: feeds that real sites publish.

    const NEWS_RU: &str = "Президент заявил, что переговоры продолжатся на следующей неделе в Женеве.";

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{} cannot encode the sample", encoding.name());
        bytes.into_owned()
    }

    fn rss(declaration: &str, items: &[(&str, &str)]) -> String {
        let channel = items.first().map_or("", |(title, _)| title);
        let items: String = items
            .iter()
            .enumerate()
            .map(|(i, (title, text))| {
                format!("<item><title>{title}</title><link>https://e.example/{i}</link><description>{text}</description></item>\n")
            })
            .collect();
        format!("{declaration}<rss version=\"2.0\"><channel><title>{channel}</title>\n{items}</channel></rss>\n")
    }

    #[test]
    fn issue10_encodings_declared_in_the_prolog_are_decoded() {
        let cases = [
            ("windows-1251", "Новости дня", NEWS_RU),
            ("koi8-r", "Новости дня", NEWS_RU),
            ("iso-8859-5", "Новости дня", NEWS_RU),
            ("iso-8859-2", "Wiadomości", "Prezydent powiedział, że rozmowy będą kontynuowane."),
            ("shift_jis", "東京ニュース", "首相は交渉が来週再開すると述べた。"),
            ("euc-jp", "東京ニュース", "首相は交渉が来週再開すると述べた。"),
            ("gbk", "北京新闻", "外交部发言人表示，谈判将于下周恢复。"),
            ("gb2312", "北京新闻", "外交部发言人表示，谈判将于下周恢复。"),
            ("big5", "台北新聞", "外交部發言人表示，談判將於下週恢復。"),
            ("windows-1252", "Café", "“Quoted” naïve text — with a dash."),
        ];
        for (label, title, text) in cases {
            let encoding = Encoding::for_label(label.as_bytes()).unwrap();
            let xml = rss(&format!("<?xml version=\"1.0\" encoding=\"{label}\"?>\n"), &[(title, text); 10]);
            let bytes = encode(encoding, &xml);
            assert!(std::str::from_utf8(&bytes).is_err(), "{label}: the sample must not be valid UTF-8");
            let feed = parse(&bytes, label).unwrap();
            assert_eq!(feed.items.len(), 10, "{label}");
            assert_eq!(feed.title.as_deref(), Some(title), "{label}");
            assert_eq!(feed.items[9].title.as_deref(), Some(title), "{label}");
            assert_eq!(feed.items[9].body, text, "{label}");
            assert!(feed.warnings.is_empty(), "{label}: {:?}", feed.warnings);
        }
    }

    #[test]
    fn issue10_the_http_charset_wins_and_undeclared_bytes_are_guessed() {
        let koi8 = encoding_rs::KOI8_R;
        // No declaration: the HTTP header names the encoding.
        let bytes = encode(koi8, &rss("", &[("Новости дня", NEWS_RU)]));
        let feed = parse_with(&bytes, "h", Some("KOI8-R"), &Limits::default()).unwrap();
        assert_eq!(feed.items[0].body, NEWS_RU);
        assert!(feed.warnings.is_empty(), "{:?}", feed.warnings);
        // A wrong declaration loses to the header (RFC 7303).
        let bytes = encode(koi8, &rss("<?xml version=\"1.0\" encoding=\"windows-1251\"?>", &[("Новости", NEWS_RU)]));
        assert_eq!(parse_with(&bytes, "h", Some("koi8-r"), &Limits::default()).unwrap().items[0].body, NEWS_RU);
        // Nothing declared anywhere: guessed, and said so.
        let bytes = encode(encoding_rs::WINDOWS_1251, &rss("", &[("Новости дня", NEWS_RU)]));
        let feed = parse(&bytes, "g").unwrap();
        assert_eq!(feed.items[0].body, NEWS_RU);
        assert_eq!(feed.warnings, ["not UTF-8 and no encoding declared; decoded as windows-1251 (guessed)"]);
    }

    #[test]
    fn issue10_a_declaration_after_a_comment_does_not_decode_the_text_again() {
        let xml = rss("<!-- generated -->\n<?xml version=\"1.0\" encoding=\"big5\"?>\n", &[("Новости", NEWS_RU)]);
        let feed = parse(xml.as_bytes(), "c").unwrap();
        assert_eq!(feed.items[0].body, NEWS_RU);
        assert_eq!(strip_declaration("\u{feff} <?xml version='1.0'?><rss/>".into()), " <rss/>");
        assert_eq!(strip_declaration("<?xml-stylesheet href='a'?><rss/>".into()), "<?xml-stylesheet href='a'?><rss/>");
        assert_eq!(strip_declaration("<rss><?xml version='1.0'?></rss>".into()), "<rss><?xml version='1.0'?></rss>");
    }

    /// Issue 10, found by the `feed` fuzz target: an XML declaration naming an encoding after the document's
    /// start made quick-xml panic inside feed-rs (caught, so the feed was rejected, or in recovery each item
    /// holding one was skipped). Inputs found: junk bytes, then `><?xml vers=""encoding="windows-1251"?>`; a
    /// declaration after an attribute value holding `<!--`, which a scan for comments took as one; junk bytes
    /// before a declaration, which a check for a leading `<` let through.
    #[test]
    fn issue10_a_stray_xml_declaration_loses_no_item() {
        let stray = "<?xml version=\"1.0\" encoding=\"windows-1251\"?>";
        let xml = rss("", &[(&format!("Before{stray}after"), NEWS_RU), ("Second", "Text two.")]);
        let feed = parse(xml.as_bytes(), "s").unwrap();
        assert_eq!(feed.items.len(), 2, "{:?}", feed.warnings);
        assert_eq!(feed.items[1].body, "Text two.");
        let xml = format!("<feed xmlns=\"{ATOM_10_NS}\"><title mode=\"<!--\">T</title><entry><title>E</title><content>a{stray}b</content></entry></feed>");
        let feed = parse(xml.as_bytes(), "a").unwrap();
        assert_eq!(feed.items.len(), 1, "{:?}", feed.warnings);
        // The third input found, junk bytes before the declaration: feed-rs answers, it does not panic.
        let found: &[u8] = b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xdb\xff\xff\xff\xff\xff\xff\xff\xff<?xml version=\"1\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xdb\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff.0\" encoding=\"big5\"\x86\x00?>\x05<!>";
        let answer = parse(found, "f").map_or_else(|e| vec![e.to_string()], |feed| feed.warnings);
        assert!(!answer.iter().any(|m| m.contains("the feed parser failed")), "{answer:?}");
        // CDATA, comments and attribute values are text: a declaration quoted there stays.
        let kept = format!("<rss a=\"{}\"><![CDATA[{stray}]]><!--{stray}--></rss>", stray.replace('"', "'"));
        assert_eq!(without_declarations(kept.as_bytes()), None);
        assert_eq!(without_declarations(format!("<rss>x{stray}</rss>").as_bytes()).unwrap(), b"<rss>x</rss>");
        // The third fuzz input, in short: a line of text, then the declaration, then the feed. feed-rs is called
        // here without the catch that guards it in `parse`, so a panic would fail the test.
        let text_first = format!("nav-\nDescription: item pubDate\n{stray}\n<rss version=\"2.0\"><channel><item><title>A</title></item></channel></rss>");
        let cleaned = without_declarations(text_first.as_bytes()).unwrap();
        assert!(find(&cleaned, b"<?xml").is_none());
        let _ = feed_rs::parser::parse(cleaned.as_slice());
    }

    #[test]
    fn issue10_utf8_bytes_under_a_legacy_declaration_stay_utf8() {
        // What an HTTP client that transcodes text/* bodies to UTF-8 hands over: the declaration still names
        // the old encoding. Decoding by it again made mojibake ("РќРѕРІРѕСЃС‚Рё").
        let xml = rss("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n", &[("Новости дня", NEWS_RU)]);
        let feed = parse_with(xml.as_bytes(), "u", Some("windows-1251"), &Limits::default()).unwrap();
        assert_eq!(feed.items[0].title.as_deref(), Some("Новости дня"));
        assert_eq!(feed.title.as_deref(), Some("Новости дня"));
    }

    const AMP_FEED: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Tom & Jerry News</title>
<item><title>First story</title><link>https://e.example/1?a=1&b=2</link><description>The minister said talks would resume.</description></item>
<item><title>Second story about R&D</title><link>https://e.example/2</link><description>Fish & chips prices rose &#X41; &#xZZ; &copy; <![CDATA[a & b]]>.</description></item>
<item><title>Third story</title><link>https://e.example/3</link><description>The mayor said the bridge reopens.</description></item>
</channel></rss>"#;

    #[test]
    fn issue10_a_feed_with_unescaped_ampersands_keeps_every_item() {
        let feed = parse(AMP_FEED.as_bytes(), "amp.xml").unwrap();
        assert_eq!(feed.items.len(), 3);
        assert_eq!(feed.title.as_deref(), Some("Tom & Jerry News"));
        assert_eq!(feed.items[0].url.as_deref(), Some("https://e.example/1?a=1&b=2"));
        assert_eq!(feed.items[1].title.as_deref(), Some("Second story about R&D"));
        // The escaped references are HTML in a description, so the HTML reading decodes what it can.
        assert_eq!(feed.items[1].body, "Fish & chips prices rose A &#xZZ; \u{a9} a & b.");
        assert_eq!(feed.warnings.len(), 1, "{:?}", feed.warnings);
        assert!(feed.warnings[0].contains("read with stray '&' escaped"), "{:?}", feed.warnings);
    }

    #[test]
    fn issue10_a_broken_item_costs_that_item_only() {
        let xml = r#"<rss version="2.0"><channel><title>Mixed</title>
<item><title>One</title><link>https://e.example/1</link><description>First text.</description></item>
<item><title>Two</title><link>https://e.example/2</link><description>Broken <b>markup</description></b></item>
<item><title>Three</title><link>https://e.example/3</link><description>Third text.</description></item>
</channel></rss>"#;
        let feed = parse(xml.as_bytes(), "mixed.xml").unwrap();
        let got: Vec<_> = feed.items.iter().map(|a| (a.source.as_str(), a.title.as_deref())).collect();
        assert_eq!(got, [("mixed.xml:1", Some("One")), ("mixed.xml:3", Some("Three"))]);
        assert_eq!(feed.title.as_deref(), Some("Mixed"), "the header is read for the outlet");
        assert!(feed.warnings[0].contains("read item by item: 2 of 3 items recovered"), "{:?}", feed.warnings);
        assert!(feed.warnings[1].starts_with("items skipped as not well-formed: 2 ("), "{:?}", feed.warnings);
    }

    #[test]
    fn issue10_a_truncated_feed_keeps_its_complete_items() {
        let whole = rss("", &[("Один", "Первый."), ("Два", "Второй."), ("Три", "Третий.")]);
        let cut = &whole[..whole.find("<title>Три").unwrap() + 9];
        let feed = parse(cut.as_bytes(), "cut.xml").unwrap();
        assert_eq!(feed.items.iter().map(|a| a.body.as_str()).collect::<Vec<_>>(), ["Первый.", "Второй."]);
        assert!(feed.warnings.iter().any(|w| w.contains("2 of 3 items recovered")), "{:?}", feed.warnings);
        // An atom feed cut inside its last entry.
        let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title>\
            <entry><title>Kept</title><link href=\"https://e.example/k\"/><summary>Whole.</summary></entry>\
            <entry><title>Lost</title><summary>Cut he";
        let feed = parse(atom.as_bytes(), "a").unwrap();
        assert_eq!(feed.items.len(), 1);
        assert_eq!(feed.items[0].title.as_deref(), Some("Kept"));
        // Nothing to recover is still an error that says what the parser found.
        let err = parse(b"<rss version=\"2.0\"><channel><title>x</ti", "bad").unwrap_err().to_string();
        assert!(err.starts_with("bad: not a feed: "), "{err}");
    }

    #[test]
    fn issue10_items_past_the_limit_are_skipped_with_a_warning() {
        let xml = rss("", &[("a", "A."), ("b", "B."), ("c", "C."), ("d", "D."), ("e", "E.")]);
        let limits = Limits { max_feed_items: 3, ..Limits::default() };
        let feed = parse_with(xml.as_bytes(), "f", None, &limits).unwrap();
        assert_eq!(feed.items.len(), 3);
        assert_eq!(
            feed.warnings,
            ["the feed has 5 items; only the first 3 were read, the other 2 skipped (--max-feed-items)"]
        );
    }

    #[test]
    fn issue10_headline_items_and_media_rss_descriptions_are_read() {
        let youtube = r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
 <title>Channel</title>
 <entry>
  <id>yt:video:abc</id>
  <title>Minister interview</title>
  <link rel="alternate" href="https://www.youtube.com/watch?v=abc"/>
  <media:group>
   <media:title>Minister interview</media:title>
   <media:content url="https://www.youtube.com/v/abc?version=3" type="application/x-shockwave-flash" width="640" height="390"/>
   <media:thumbnail url="https://i2.ytimg.com/vi/abc/hqdefault.jpg" width="480" height="360"/>
   <media:description>The minister said talks would resume next week.</media:description>
  </media:group>
 </entry>
</feed>"#;
        let feed = parse(youtube.as_bytes(), "yt").unwrap();
        assert_eq!(feed.items[0].body, "The minister said talks would resume next week.");
        assert_eq!(feed.items[0].url.as_deref(), Some("https://www.youtube.com/watch?v=abc"));
        let podcast = r#"<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>P</title>
<item><title>Episode 1</title><link>https://e.example/ep1</link>
<media:content url="https://e.example/ep1.mp3" type="audio/mpeg"/>
<media:description type="html">&lt;p&gt;Guests discuss the &lt;b&gt;talks&lt;/b&gt;.&lt;/p&gt;</media:description></item>
</channel></rss>"#;
        assert_eq!(parse(podcast.as_bytes(), "p").unwrap().items[0].body, "Guests discuss the talks.");
        let headlines = r#"<rss version="2.0"><channel><title>Wire</title>
<item><title>Talks resume in Geneva</title><link>https://e.example/h1</link></item>
<item><title>Markets close higher</title><link>https://e.example/h2</link></item></channel></rss>"#;
        let feed = parse(headlines.as_bytes(), "h").unwrap();
        assert_eq!(feed.items.len(), 2);
        assert_eq!(feed.items[0].body, "");
        assert_eq!(feed.items[0].title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(extra_flag(&feed.items[0], "feed_summary_only"), Some(serde_json::Value::Bool(true)));
    }

    #[test]
    fn issue10_entities_of_a_doctype_are_never_expanded() {
        let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<rss version="2.0"><channel><title>T</title>
<item><title>Laughs &lol3;</title><link>https://e.example/1</link><description>Secret: &xxe; & more</description></item>
</channel></rss>"#;
        let feed = parse(laughs.as_bytes(), "l").unwrap();
        let item = &feed.items[0];
        assert!(!item.title.as_deref().unwrap_or("").contains("lollol"), "{:?}", item.title);
        assert!(!item.body.contains("root:"), "{}", item.body);
        assert!(item.body.contains("&xxe;"), "kept as written: {}", item.body);
    }

    #[test]
    fn issue10_deep_markup_in_a_feed_is_flattened_quickly() {
        let deep = format!("{}Deep words.{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let xml = format!(
            "<rss version=\"2.0\"><channel><title>T</title><item><title>Deep</title><link>https://e.example/d</link>\
             <description><![CDATA[{deep}]]></description></item><item><title>X</title><link>https://e.example/x</link>\
             <content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">{deep}</content:encoded></item>\
             </channel></rss>"
        );
        let started = std::time::Instant::now();
        let feed = parse(xml.as_bytes(), "deep").unwrap();
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
        assert_eq!(feed.items[0].body, "Deep words.");
        assert!(feed.items[0].warnings[0].contains("nested deeper than 256"), "{:?}", feed.items[0].warnings);
        assert!(feed.warnings.iter().any(|w| w.contains("nested deeper than 256")), "{:?}", feed.warnings);
        assert_eq!(feed.items[1].title.as_deref(), Some("X"));
    }

    #[test]
    fn issue10_escaping_leaves_references_cdata_and_comments_alone() {
        assert_eq!(escape_stray_ampersands("a &amp; b &#38; &#x26; &nbsp; <![CDATA[&]]> <!-- & -->"), None);
        assert_eq!(
            escape_stray_ampersands("R&D &#X41; &#0; &#xD800; &;").as_deref(),
            Some("R&amp;D &amp;#X41; &amp;#0; &amp;#xD800; &amp;;")
        );
    }
}
