//! JSON and JSONL (NDJSON) articles: field aliases mapped onto IncomingArticle, the rest kept in `extra`.
//!
//! Keys match case-insensitively and ignoring `_`, `-` and spaces, so `published_at`, `publishedAt`
//! and `PublishedAt` are one key. When several aliases of one field are present the first in the
//! alias list wins and the others stay in `extra`, so nothing is lost. `description` and `summary`
//! are bodies only as a last resort (with a warning), because they are usually a teaser.

use std::io::BufRead;

use serde_json::{Map, Value};

use super::decode;
use super::text::split_authors;
use crate::model::IncomingArticle;
use crate::{Error, Result};

const TITLE: &[&str] = &["title", "headline"];
const BODY: &[&str] = &["body", "text", "content", "articlebody", "articletext", "fulltext", "contenttext", "article"];
const BODY_LAST_RESORT: &[&str] = &["description", "summary"];
const URL: &[&str] = &["url", "link", "canonicalurl", "permalink", "weburl"];
const OUTLET: &[&str] = &["outlet", "source", "site", "publisher", "sitename", "sourcename"];
const PUBLISHED: &[&str] = &[
    "published",
    "date",
    "publishedat",
    "pubdate",
    "datepublished",
    "publisheddate",
    "publicationdate",
    "webpublicationdate",
];
const AUTHORS: &[&str] = &["authors", "author", "byline", "creator"];
const LANGUAGE: &[&str] = &["language", "lang", "inlanguage"];
const ID: &[&str] = &["id", "guid", "uuid", "articleid"];
/// Wrapper keys of exports that put the records in one array field (`{"articles": [...]}`).
const WRAPPERS: &[&str] = &["articles", "items", "data", "results", "records", "entries", "posts"];

/// Parses a whole JSON document: one object (source `name`) or an array of objects (`name:N`).
/// True when the text holds several JSON values one after another (JSONL in a file named .json, or
/// JSONL on stdin whose first line was too long to sniff): reading it as one document would lose
/// every record to a "trailing characters" error.
pub fn is_value_stream(text: &str) -> bool {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<serde::de::IgnoredAny>();
    matches!((values.next(), values.next()), (Some(Ok(_)), Some(_)))
}

pub fn parse_document(name: &str, text: &str, warnings: &[String]) -> Vec<Result<IncomingArticle>> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return vec![Err(Error::input(name, json_error_message(&e, None)))],
    };
    match value {
        Value::Object(map) => match unwrap_export(map) {
            Ok(records) => records_of(name, records, warnings),
            Err(map) => vec![parse_record(name, map, warnings)],
        },
        Value::Array(items) => records_of(name, items, warnings),
        _ => vec![Err(Error::input(name, "not a JSON object or array of objects"))],
    }
}

fn records_of(name: &str, items: Vec<Value>, warnings: &[String]) -> Vec<Result<IncomingArticle>> {
    if items.is_empty() {
        return vec![Err(Error::input(name, "no articles (empty JSON array)"))];
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let source = format!("{name}:{}", i + 1);
            match item {
                Value::Object(map) => parse_record(&source, map, warnings),
                _ => Err(Error::input(source, "not a JSON object")),
            }
        })
        .collect()
}

/// `{"articles": [...]}` (and similar) without article fields of its own is a wrapper.
fn unwrap_export(map: Map<String, Value>) -> std::result::Result<Vec<Value>, Map<String, Value>> {
    let has_body = map.keys().any(|k| BODY.contains(&norm_key(k).as_str()));
    let arrays: Vec<&String> = map.iter().filter(|(_, v)| v.is_array()).map(|(k, _)| k).collect();
    if has_body || arrays.len() != 1 || !WRAPPERS.contains(&norm_key(arrays[0]).as_str()) {
        return Err(map);
    }
    let key = arrays[0].clone();
    let mut map = map;
    match map.remove(&key) {
        Some(Value::Array(items)) if items.iter().all(Value::is_object) => Ok(items),
        Some(v) => {
            map.insert(key, v);
            Err(map)
        }
        None => Err(map),
    }
}

/// Streams JSONL: one record per line, blank lines skipped; a bad line is an `Err` for that line only.
/// Record numbers are line numbers, so an error points at the line to open in an editor.
pub struct JsonlReader<R> {
    name: String,
    reader: R,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
    /// Warnings of the whole input (e.g. a UTF-16 decode), given to every record.
    input_warnings: Vec<String>,
    /// Longest line read; a longer one is an error for that line and is skipped without being held.
    max_line: u64,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(name: String, reader: R) -> Self {
        JsonlReader {
            name,
            reader,
            line_no: 0,
            buf: Vec::new(),
            done: false,
            input_warnings: Vec::new(),
            max_line: u64::MAX,
        }
    }

    pub fn with_warnings(mut self, warnings: Vec<String>) -> Self {
        self.input_warnings = warnings;
        self
    }

    pub fn with_max_line(mut self, max_line: u64) -> Self {
        self.max_line = max_line;
        self
    }
}

/// What one bounded line read found.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    Eof,
    /// A line (with its `\n`, if any) is in the buffer.
    Read,
    /// The line had this many bytes, more than the limit; it was skipped up to and including its `\n`.
    TooLong(u64),
}

/// Reads one line into `buf` (cleared first), holding at most `max` bytes of it: a longer line is consumed
/// to its end and reported, so memory stays bounded whatever the input.
fn read_line_bounded(reader: &mut impl BufRead, buf: &mut Vec<u8>, max: u64) -> std::io::Result<Line> {
    buf.clear();
    let mut len: u64 = 0;
    let mut too_long = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(match (len, too_long) {
                (0, _) => Line::Eof,
                (_, true) => Line::TooLong(len),
                _ => Line::Read,
            });
        }
        let (take, found) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (chunk.len(), false),
        };
        len += take as u64;
        if !too_long && len > max {
            too_long = true;
            buf.clear();
            buf.shrink_to(64 * 1024);
        }
        if !too_long {
            buf.extend_from_slice(&chunk[..take]);
        }
        reader.consume(take);
        if found {
            return Ok(if too_long { Line::TooLong(len) } else { Line::Read });
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<IncomingArticle>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match read_line_bounded(&mut self.reader, &mut self.buf, self.max_line) {
                Ok(Line::Eof) => self.done = true,
                Ok(Line::TooLong(len)) => {
                    self.line_no += 1;
                    return Some(Err(Error::input(
                        format!("{}:{}", self.name, self.line_no),
                        format!(
                            "line of {} is longer than the {} limit; skipped (raise it with --max-input-size)",
                            crate::source::http::human_bytes(len),
                            crate::source::http::human_bytes(self.max_line)
                        ),
                    )));
                }
                Ok(Line::Read) => {
                    self.line_no += 1;
                    let bytes = if self.line_no == 1 {
                        self.buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.buf)
                    } else {
                        &self.buf[..]
                    };
                    let mut warnings = self.input_warnings.clone();
                    let line = decode::decode_line(bytes, &mut warnings);
                    if line.trim().is_empty() {
                        continue;
                    }
                    let source = format!("{}:{}", self.name, self.line_no);
                    return Some(match serde_json::from_str::<Value>(&line) {
                        Ok(Value::Object(map)) => parse_record(&source, map, &warnings),
                        Ok(_) => Err(Error::input(source, "not a JSON object")),
                        Err(e) => Err(Error::input(source, json_error_message(&e, Some(self.line_no)))),
                    });
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(Error::input(
                        format!("{}:{}", self.name, self.line_no + 1),
                        format!("read error: {e}"),
                    )));
                }
            }
        }
        None
    }
}

/// One line: serde_json's message with the position in the file (JSONL lines count from the file).
fn json_error_message(e: &serde_json::Error, file_line: Option<usize>) -> String {
    let full = e.to_string();
    let msg = full.rsplit_once(" at line ").map_or(full.as_str(), |(m, _)| m);
    let line = file_line.unwrap_or(e.line());
    format!("invalid JSON at line {line}, column {}: {msg}", e.column())
}

/// Keys compare lower-case without `_`, `-` and spaces.
fn norm_key(k: &str) -> String {
    k.chars().filter(|c| !matches!(c, '_' | '-' | ' ')).flat_map(char::to_lowercase).collect()
}

/// Removes and returns the first present field among `aliases` (in alias order) whose value is usable.
fn take(map: &mut Map<String, Value>, aliases: &[&str], usable: impl Fn(&Value) -> bool) -> Option<(String, Value)> {
    for alias in aliases {
        let key = map.keys().find(|k| norm_key(k) == *alias && usable(&map[k.as_str()])).cloned();
        if let Some(key) = key {
            let value = map.remove(&key)?;
            return Some((key, value));
        }
    }
    None
}

/// A scalar as text: strings trimmed, numbers printed; `None` for empty strings and other types.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A string, number, or an object with a `name` (outlets, publishers, authors).
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o.iter().find(|(k, _)| norm_key(k) == "name").and_then(|(_, v)| scalar(v)),
        _ => scalar(v),
    }
}

/// A body value: a string as given, or an array of strings joined as paragraphs.
fn body_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_string) => {
            let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            let joined = parts.join("\n\n");
            (!joined.trim().is_empty()).then_some(joined)
        }
        _ => None,
    }
}

fn authors_of(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().filter_map(name_of).collect(),
        Value::String(s) => split_authors(s),
        other => name_of(other).into_iter().collect(),
    }
}

/// Maps one JSON object onto an article; `warnings` are the input's (e.g. decoding) warnings.
pub fn parse_record(source: &str, mut map: Map<String, Value>, warnings: &[String]) -> Result<IncomingArticle> {
    let mut article = IncomingArticle {
        source: source.to_string(),
        warnings: warnings.to_vec(),
        verbatim_body: true,
        ..Default::default()
    };
    article.body = match take(&mut map, BODY, |v| body_text(v).is_some()) {
        Some((_, v)) => body_text(&v).unwrap_or_default(),
        None => match take(&mut map, BODY_LAST_RESORT, |v| body_text(v).is_some()) {
            Some((key, v)) => {
                article.warnings.push(format!("no body field; body taken from '{key}'"));
                body_text(&v).unwrap_or_default()
            }
            None => return Err(Error::input(source, "no body/text/content field")),
        },
    };
    article.title = take(&mut map, TITLE, |v| scalar(v).is_some()).and_then(|(_, v)| scalar(&v));
    article.url = take(&mut map, URL, |v| scalar(v).is_some()).and_then(|(_, v)| scalar(&v));
    article.outlet = take(&mut map, OUTLET, |v| name_of(v).is_some()).and_then(|(_, v)| name_of(&v));
    article.published = take(&mut map, PUBLISHED, |v| scalar(v).is_some()).and_then(|(_, v)| scalar(&v));
    article.language = take(&mut map, LANGUAGE, |v| scalar(v).is_some()).and_then(|(_, v)| scalar(&v));
    article.external_id = take(&mut map, ID, |v| scalar(v).is_some()).and_then(|(_, v)| scalar(&v));
    article.authors =
        take(&mut map, AUTHORS, |v| !authors_of(v).is_empty()).map_or_else(Vec::new, |(_, v)| authors_of(&v));
    if !map.is_empty() {
        article.extra = Some(map);
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use std::io::BufReader;

    #[test]
    fn bounded_lines_never_hold_more_than_the_limit() {
        let data = b"short\nabcdefghijklmnop\n\nlast without newline";
        // A tiny buffer makes the reader see each line in several pieces.
        let mut reader = BufReader::with_capacity(3, &data[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line_bounded(&mut reader, &mut buf, 8).unwrap(), Line::Read);
        assert_eq!(buf, b"short\n");
        assert_eq!(read_line_bounded(&mut reader, &mut buf, 8).unwrap(), Line::TooLong(17));
        assert!(buf.len() <= 8, "{buf:?}");
        assert_eq!(read_line_bounded(&mut reader, &mut buf, 8).unwrap(), Line::Read);
        assert_eq!(buf, b"\n");
        assert_eq!(read_line_bounded(&mut reader, &mut buf, 8).unwrap(), Line::TooLong(20));
        assert_eq!(read_line_bounded(&mut reader, &mut buf, 8).unwrap(), Line::Eof);
    }

    use super::*;
    use serde_json::json;

    fn doc(text: &str) -> Vec<Result<IncomingArticle>> {
        parse_document("in.json", text, &[])
    }

    #[test]
    fn single_object_with_aliases() {
        let text = r#"{"headline": " T ", "content": "  Body as is.\n", "link": "https://x.org/a",
            "source": {"id": null, "name": "BBC"}, "publishedAt": 1664980200, "lang": "en-GB",
            "id": 12345, "author": {"name": "Jane Doe"}, "section": "World", "description": "Teaser"}"#;
        let a = doc(text).pop().unwrap().unwrap();
        assert_eq!(a.source, "in.json");
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.body, "  Body as is.\n");
        assert!(a.verbatim_body);
        assert_eq!(a.url.as_deref(), Some("https://x.org/a"));
        assert_eq!(a.outlet.as_deref(), Some("BBC"));
        assert_eq!(a.published.as_deref(), Some("1664980200"));
        assert_eq!(a.language.as_deref(), Some("en-GB"));
        assert_eq!(a.external_id.as_deref(), Some("12345"));
        assert_eq!(a.authors, vec!["Jane Doe"]);
        let extra = a.extra.unwrap();
        assert_eq!(Value::Object(extra), json!({"section": "World", "description": "Teaser"}));
    }

    #[test]
    fn array_of_records_with_authors_objects() {
        let text = r#"[{"title": "A", "text": "one", "authors": [{"name": "X Y"}, "Z W"]},
                       {"title": "B"},
                       3,
                       {"body": ["p1", "p2"], "author": "Ann and Bob"}]"#;
        let out = doc(text);
        assert_eq!(out.len(), 4);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.source, "in.json:1");
        assert_eq!(a.authors, vec!["X Y", "Z W"]);
        assert_eq!(a.extra, None);
        assert_eq!(out[1].as_ref().unwrap_err().to_string(), "in.json:2: no body/text/content field");
        assert_eq!(out[2].as_ref().unwrap_err().to_string(), "in.json:3: not a JSON object");
        let d = out[3].as_ref().unwrap();
        assert_eq!(d.body, "p1\n\np2");
        assert_eq!(d.authors, vec!["Ann", "Bob"]);
    }

    #[test]
    fn description_is_a_last_resort_body() {
        let a = doc(r#"{"title": "T", "description": "Only this."}"#).pop().unwrap().unwrap();
        assert_eq!(a.body, "Only this.");
        assert_eq!(a.warnings, vec!["no body field; body taken from 'description'".to_string()]);
    }

    #[test]
    fn wrapper_object_is_unwrapped() {
        let out = doc(r#"{"status": "ok", "articles": [{"text": "a"}, {"text": "b"}]}"#);
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].as_ref().unwrap().source, "in.json:2");
    }

    #[test]
    fn json_feed_items() {
        let text = r#"{"version": "https://jsonfeed.org/version/1", "title": "Feed", "author": {"name": "me"},
            "items": [{"id": "2", "title": "post 2", "content_text": "Second item.", "date_published": "2010-02-07T14:04:00-05:00"}]}"#;
        let a = doc(text).pop().unwrap().unwrap();
        assert_eq!((a.source.as_str(), a.body.as_str()), ("in.json:1", "Second item."));
        assert_eq!(a.published.as_deref(), Some("2010-02-07T14:04:00-05:00"));
    }

    #[test]
    fn malformed_json_names_file_line_and_column() {
        let out = doc("{\n  \"title\": \"x\",\n  \"body\" \"y\"\n}");
        let msg = out[0].as_ref().unwrap_err().to_string();
        assert_eq!(msg, "in.json: invalid JSON at line 3, column 10: expected `:`");
        assert!(!msg.contains('\n'));
        assert_eq!(doc("[]")[0].as_ref().unwrap_err().to_string(), "in.json: no articles (empty JSON array)");
        assert_eq!(doc("\"x\"")[0].as_ref().unwrap_err().to_string(), "in.json: not a JSON object or array of objects");
    }

    #[test]
    fn jsonl_bad_line_in_the_middle() {
        let data = "{\"title\": \"a\", \"body\": \"one\"}\n\n{\"title\": \"b\", body: 2}\r\n{\"title\": \"c\", \"body\": \"three\"}";
        let out: Vec<_> = JsonlReader::new("feed.jsonl".into(), data.as_bytes()).collect();
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].as_ref().unwrap().source, "feed.jsonl:1");
        let err = out[1].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("feed.jsonl:3: invalid JSON at line 3, column 16: key must be a string"), "{err}");
        let c = out[2].as_ref().unwrap();
        assert_eq!((c.source.as_str(), c.body.as_str()), ("feed.jsonl:4", "three"));
    }

    #[test]
    fn jsonl_legacy_line_is_decoded_with_warning() {
        let data = b"{\"body\": \"caf\xE9 na\xEFve \x93quoted\x94 text in an old export\"}\n";
        let out: Vec<_> = JsonlReader::new("x.jsonl".into(), &data[..]).collect();
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.body, "café naïve “quoted” text in an old export");
        assert_eq!(a.warnings, vec!["not UTF-8; decoded as windows-1252".to_string()]);
    }
}
