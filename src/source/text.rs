//! Plain-text and Markdown articles: optional `---` front matter, a title line, then the body.
//!
//! Paragraph rule for plain text: the body is split into blocks at blank lines. A block whose lines
//! look hard-wrapped (every line but the last is at least half as long as the longest, and no line
//! is longer than 100 characters) is one paragraph, its lines joined with spaces. Any other block
//! has one paragraph per line, because news text files that do not wrap use a single newline as a
//! paragraph break. Markdown follows Markdown: a block is one paragraph (soft line breaks join),
//! except headings, list items and block quotes, which stay paragraphs of their own.

use serde_json::{Map, Value};

use super::markdown;
use crate::model::IncomingArticle;

/// Wrapped lines in text files are rarely wider than this; longer lines are unwrapped paragraphs.
const MAX_WRAP_WIDTH: usize = 100;

/// Parses one decoded text or Markdown file. `Err` holds the one-line message for `Error::input`.
pub fn parse(source: &str, text: &str, is_markdown: bool) -> Result<IncomingArticle, String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let mut article = IncomingArticle {
        source: source.to_string(),
        ..Default::default()
    };
    let rest = match split_front_matter(text) {
        Some((block, rest)) => {
            apply_front_matter(&mut article, block);
            rest
        }
        None => text,
    };
    let lines: Vec<&str> = rest.lines().collect();
    let mut start = 0;
    if let Some(title) = &article.title {
        // Exports often repeat the front-matter title as the first line; it is not body text.
        if let Some((first, next)) = title_line(&lines, is_markdown) {
            if same_text(&first, title) {
                start = next;
            }
        }
    } else {
        if let Some((title, next)) = title_line(&lines, is_markdown) {
            // A lone line is the whole article, not a title without a body; normalise derives a title.
            if lines[next..].iter().any(|l| !l.trim().is_empty()) {
                article.title = Some(title);
                start = next;
            }
        }
    }
    let body_lines = &lines[start..];
    let paragraphs = if is_markdown {
        markdown::paragraphs(body_lines)
    } else {
        text_paragraphs(body_lines)
    };
    article.body = paragraphs.join("\n\n");
    if article.body.trim().is_empty() {
        return Err("no article text".to_string());
    }
    Ok(article)
}

/// The front-matter block (between the opening and closing `---` lines) and the text after it.
/// Without a closing line there is no front matter: the `---` is then part of the text.
fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let block_start = first.len();
    let mut pos = block_start;
    for line in lines {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Some((&text[block_start..pos], &text[pos + line.len()..]));
        }
        pos += line.len();
    }
    None
}

/// Applies `key: value` lines (and simple `- item` lists under a key with no value).
fn apply_front_matter(article: &mut IncomingArticle, block: &str) {
    let mut entries: Vec<(String, Vec<String>, bool)> = Vec::new();
    for (i, line) in block.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if let Some(item) = t.strip_prefix("- ") {
            if let Some((_, values, is_list)) = entries.last_mut() {
                values.push(unquote(item));
                *is_list = true;
                continue;
            }
        }
        match t.split_once(':') {
            Some((key, value)) if is_key(key) => {
                let key = key.trim().to_ascii_lowercase().replace(['-', ' '], "_");
                let value = value.trim();
                let (values, is_list) =
                    match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
                        Some(inner) => (
                            inner
                                .split(',')
                                .map(unquote)
                                .filter(|v| !v.is_empty())
                                .collect(),
                            true,
                        ),
                        None if value.is_empty() => (Vec::new(), false),
                        None => (vec![unquote(value)], false),
                    };
                entries.push((key, values, is_list));
            }
            _ => article.warnings.push(format!(
                "front matter line {} ignored: not `key: value`",
                i + 2
            )),
        }
    }
    for (key, values, is_list) in entries {
        let joined = values.join(", ");
        let value = || (!joined.is_empty()).then(|| joined.clone());
        match key.as_str() {
            "outlet" | "source" | "site" | "publisher" => article.outlet = value(),
            "url" | "link" => article.url = value(),
            "published" | "date" | "published_at" | "pubdate" | "date_published" => {
                article.published = value()
            }
            "author" | "authors" | "byline" => {
                article.authors = if is_list {
                    values
                } else {
                    split_authors(&joined)
                };
            }
            "language" | "lang" => article.language = value(),
            "title" => article.title = value(),
            "id" => article.external_id = value(),
            _ => {
                let v = if is_list {
                    Value::Array(values.into_iter().map(Value::String).collect())
                } else {
                    Value::String(joined)
                };
                article.extra.get_or_insert_with(Map::new).insert(key, v);
            }
        }
    }
}

/// A front-matter key: a short run of letters, digits, `_`, `-` or spaces ("Published at").
fn is_key(key: &str) -> bool {
    let k = key.trim();
    !k.is_empty()
        && k.len() <= 40
        && k.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
}

/// Strips one pair of matching quotes; inside double quotes, `\"` and `\\` are unescaped.
fn unquote(value: &str) -> String {
    let v = value.trim();
    if v.len() >= 2 {
        if let Some(inner) = v.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
            return inner.replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if let Some(inner) = v.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) {
            return inner.replace("''", "'");
        }
    }
    v.to_string()
}

/// Splits a byline into authors at commas, semicolons and " and "; a leading "By" is dropped.
pub fn split_authors(byline: &str) -> Vec<String> {
    let b = byline.trim();
    let b = match b.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") => &b[3..],
        _ => b,
    };
    b.split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect()
}

/// The title (markers stripped for Markdown) and the index of the first line after it.
fn title_line(lines: &[&str], is_markdown: bool) -> Option<(String, usize)> {
    let idx = lines.iter().position(|l| !l.trim().is_empty())?;
    let raw = lines[idx].trim();
    let mut next = idx + 1;
    let title = if is_markdown {
        // A setext heading is underlined with === or ---.
        if lines.get(next).is_some_and(|l| is_setext_underline(l)) {
            next += 1;
        }
        markdown::strip_inline(markdown::strip_heading(raw))
    } else {
        raw.to_string()
    };
    let title = title.trim().to_string();
    (!title.is_empty()).then_some((title, next))
}

fn is_setext_underline(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

/// Equal ignoring case and whitespace layout.
fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}

/// Applies the plain-text paragraph rule (see the module comment).
fn text_paragraphs(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for block in lines
        .split(|l| l.trim().is_empty())
        .filter(|b| !b.is_empty())
    {
        let block: Vec<&str> = block.iter().map(|l| l.trim()).collect();
        if looks_hard_wrapped(&block) {
            out.push(block.join(" "));
        } else {
            out.extend(block.iter().map(|l| l.to_string()));
        }
    }
    out
}

fn looks_hard_wrapped(block: &[&str]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let widths: Vec<usize> = block.iter().map(|l| l.chars().count()).collect();
    let longest = widths.iter().copied().max().unwrap_or(0);
    longest <= MAX_WRAP_WIDTH && widths[..widths.len() - 1].iter().all(|&w| w * 2 >= longest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_keys_aliases_quotes_and_extra() {
        let text = "---\nSource: \"Channel 24\"\nlink: 'https://example.com/a'\nDate: 2022-10-05\n\
                    byline: Anna Smith and Bob Jones, Carol Wu\nlang: en\nid: 42\nsection: World\n\
                    tags:\n  - war\n  - peace\n---\nThe title\n\nFirst paragraph.\n";
        let a = parse("a.txt", text, false).unwrap();
        assert_eq!(a.outlet.as_deref(), Some("Channel 24"));
        assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(a.published.as_deref(), Some("2022-10-05"));
        assert_eq!(a.authors, vec!["Anna Smith", "Bob Jones", "Carol Wu"]);
        assert_eq!(a.language.as_deref(), Some("en"));
        assert_eq!(a.external_id.as_deref(), Some("42"));
        assert_eq!(a.title.as_deref(), Some("The title"));
        assert_eq!(a.body, "First paragraph.");
        let extra = a.extra.unwrap();
        assert_eq!(extra["section"], "World");
        assert_eq!(extra["tags"], serde_json::json!(["war", "peace"]));
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn title_in_front_matter_makes_everything_body() {
        let text = "---\ntitle: 'It''s the title'\n---\nFirst line is body.\n\nSecond.";
        let a = parse("a.txt", text, false).unwrap();
        assert_eq!(a.title.as_deref(), Some("It's the title"));
        assert_eq!(a.body, "First line is body.\n\nSecond.");
    }

    #[test]
    fn repeated_title_line_is_dropped() {
        let text = "---\ntitle: \"Budget  approved\"\n---\n# Budget approved\n\n*Lead.*\n\nBody.";
        let a = parse("a.md", text, true).unwrap();
        assert_eq!(a.title.as_deref(), Some("Budget  approved"));
        assert_eq!(a.body, "Lead.\n\nBody.");
    }

    #[test]
    fn no_front_matter_without_closing_line() {
        let a = parse("a.txt", "---\nTitle here\n\nBody here.", false).unwrap();
        assert_eq!(a.title.as_deref(), Some("---"));
        assert_eq!(a.body, "Title here\n\nBody here.");
    }

    #[test]
    fn front_matter_without_text_is_an_error() {
        assert_eq!(
            parse("a.txt", "---\ntitle: x\n---\n\n  \n", false).unwrap_err(),
            "no article text"
        );
    }

    #[test]
    fn bad_front_matter_line_warns() {
        let a = parse("a.txt", "---\nthis is not a key value\n---\nT\n\nB", false).unwrap();
        assert_eq!(
            a.warnings,
            vec!["front matter line 2 ignored: not `key: value`".to_string()]
        );
    }

    #[test]
    fn plain_text_paragraph_rule() {
        let long = "x".repeat(150);
        // Blank-line blocks of single long lines (the BBC layout).
        let a = parse(
            "a.txt",
            &format!("T\r\n\r\n{long}\r\n\r\n{long}\r\n"),
            false,
        )
        .unwrap();
        assert_eq!(a.body, format!("{long}\n\n{long}"));
        // No blank lines and long lines: each line is a paragraph.
        let a = parse("a.txt", &format!("T\n{long}\n{long}\n"), false).unwrap();
        assert_eq!(a.body, format!("{long}\n\n{long}"));
        // Hard-wrapped block: lines joined.
        let text = "T\n\nThe minister said on Tuesday that talks would resume\nnext week in Geneva, according to\nofficials.\n\nNext.";
        let a = parse("a.txt", text, false).unwrap();
        assert_eq!(
            a.body,
            "The minister said on Tuesday that talks would resume next week in Geneva, according to officials.\n\nNext."
        );
    }

    #[test]
    fn single_line_file_is_body() {
        let a = parse("a.txt", "Just one line of news.\n", false).unwrap();
        assert_eq!(a.title, None);
        assert_eq!(a.body, "Just one line of news.");
    }

    #[test]
    fn markdown_title_and_body() {
        let text = "# The *big* story\n\nSome **bold** claim with a [link](https://x.y/z) here\nand a soft break.\n\n\
                    ![photo](img.png)\n\n## Sub heading\n\n- item one\n- item two\n";
        let a = parse("a.md", text, true).unwrap();
        assert_eq!(a.title.as_deref(), Some("The big story"));
        assert_eq!(a.body, "Some bold claim with a link here and a soft break.\n\nSub heading\n\nitem one\n\nitem two");
    }

    #[test]
    fn markdown_setext_title() {
        let a = parse("a.md", "Big story\n=========\n\nBody.", true).unwrap();
        assert_eq!(a.title.as_deref(), Some("Big story"));
        assert_eq!(a.body, "Body.");
    }

    #[test]
    fn authors_split() {
        assert_eq!(
            split_authors("By Jane Doe and John Roe"),
            vec!["Jane Doe", "John Roe"]
        );
        assert_eq!(split_authors("A; B & C"), vec!["A", "B", "C"]);
        assert!(split_authors("  ").is_empty());
    }
}
