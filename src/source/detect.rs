//! Input format detection: by file extension first, then by the first bytes of the content.

use std::path::Path;

use crate::cli::InputFormat;

/// The concrete format of one input (never `Auto`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    Jsonl,
}

impl Format {
    pub fn from_cli(f: InputFormat) -> Option<Format> {
        match f {
            InputFormat::Auto => None,
            InputFormat::Text => Some(Format::Text),
            InputFormat::Markdown => Some(Format::Markdown),
            InputFormat::Json => Some(Format::Json),
            InputFormat::Jsonl => Some(Format::Jsonl),
        }
    }
}

/// The format an extension names, case-insensitively; `None` for anything else.
pub fn by_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "json" => Some(Format::Json),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        _ => None,
    }
}

/// Guesses from the start of the content: `[` is JSON; `{` is JSONL when the first line is a whole
/// object and another line follows, else JSON; anything else is text.
pub fn by_content(prefix: &[u8]) -> Format {
    let text = super::decode::sniff_text(prefix);
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        return Format::Json;
    }
    if !trimmed.starts_with('{') {
        return Format::Text;
    }
    let mut lines = trimmed.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or("");
    let first_is_object = matches!(
        serde_json::from_str::<serde_json::Value>(first),
        Ok(serde_json::Value::Object(_))
    );
    if first_is_object && lines.next().is_some_and(|l| l.starts_with('{')) {
        Format::Jsonl
    } else {
        Format::Json
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(by_extension(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(by_extension(Path::new("b.text")), Some(Format::Text));
        assert_eq!(by_extension(Path::new("b.md")), Some(Format::Markdown));
        assert_eq!(
            by_extension(Path::new("b.markdown")),
            Some(Format::Markdown)
        );
        assert_eq!(by_extension(Path::new("b.json")), Some(Format::Json));
        assert_eq!(by_extension(Path::new("b.ndjson")), Some(Format::Jsonl));
        assert_eq!(by_extension(Path::new("b.jsonl")), Some(Format::Jsonl));
        assert_eq!(by_extension(Path::new("b")), None);
        assert_eq!(by_extension(Path::new("b.html")), None);
    }

    #[test]
    fn content() {
        assert_eq!(by_content(b"  [{\"a\":1}]"), Format::Json);
        assert_eq!(by_content(b"{\n  \"title\": \"x\"\n}\n"), Format::Json);
        assert_eq!(by_content(b"{\"title\": \"x\"}\n"), Format::Json);
        assert_eq!(
            by_content(b"{\"title\": \"x\"}\n\n{\"title\": \"y\"}\n"),
            Format::Jsonl
        );
        assert_eq!(
            by_content(b"\xEF\xBB\xBF{\"a\": 1}\n{\"a\": 2}"),
            Format::Jsonl
        );
        assert_eq!(by_content(b"Title\n\nBody"), Format::Text);
        assert_eq!(by_content(b"---\ntitle: x\n---\nBody"), Format::Text);
    }
}
