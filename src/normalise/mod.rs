//! Normalisation: IncomingArticle -> Article (clean text, canonical URL, UTC date, language, content hash).
//!
//! Text rules: Unicode NFC; CR/LF variants become `\n`; tabs and other spaces become one space and
//! runs collapse; lines are trimmed; control characters other than `\n` are dropped; blank lines
//! separate paragraphs, written as exactly `\n\n`; single line breaks inside a paragraph stay.
//! A verbatim body (JSON input) is stored as given, because callers compute offsets on it, except that
//! control characters other than tab and newline are removed (a NUL breaks SQLite's `substr`).
//!
//! The content hash is BLAKE3 over the title and the body with *every* whitespace run (line breaks
//! included) collapsed to one space, so one article stored from a text file, a JSON export with
//! different line breaks, or a hard-wrapped copy gets the same hash.

mod canon_url;
mod dates;
mod lang;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::model::{Article, IncomingArticle};
use crate::{Error, Result};

/// Derived titles are cut at a word boundary near this many characters.
const TITLE_MAX_CHARS: usize = 120;

/// Normalises one article; `default_outlet` applies when the input names none.
/// Fails only when there is no article to keep: no text, and not a headline with a link either.
pub fn normalise(incoming: IncomingArticle, default_outlet: Option<&str>) -> Result<Article> {
    let IncomingArticle {
        source,
        title,
        body,
        url,
        outlet,
        published,
        authors,
        language,
        external_id,
        extra,
        mut warnings,
        verbatim_body,
    } = incoming;

    let clean = clean_body(&body);
    // Issue 10: headline feeds publish a title and a link only; such an item is still news to count and
    // deduplicate, so it is kept with an empty body and marked, rather than rejected.
    let link = url.as_deref().and_then(|u| canon_url::canonical(u).ok());
    let headline_only =
        clean.is_empty() && link.is_some() && title.as_deref().is_some_and(|t| !clean_inline(t).is_empty());
    if clean.is_empty() && !headline_only {
        return Err(Error::input(source, "no article text"));
    }
    let title = title.map(|t| clean_inline(&t)).filter(|t| !t.is_empty()).unwrap_or_else(|| derive_title(&clean));
    // Without a body, one headline at two addresses is two items: the address stands in for the text.
    let content_hash = content_hash(&title, if headline_only { link.as_deref().unwrap_or("") } else { &clean });
    let body = if verbatim_body { without_controls(body, &mut warnings) } else { clean };

    let url =
        url.map(|u| u.trim().to_string()).filter(|u| !u.is_empty()).and_then(|u| match canon_url::canonical(&u) {
            Ok(c) => Some(c),
            Err(why) => {
                warnings.push(why);
                None
            }
        });

    let (published_at, published_raw) = match published.map(|p| p.trim().to_string()).filter(|p| !p.is_empty()) {
        None => (None, None),
        Some(raw) => match dates::parse(&raw) {
            Some(utc) => (Some(utc), None),
            None => {
                warnings.push(format!("unparseable date: {raw}"));
                (None, Some(raw))
            }
        },
    };

    let language = match language.map(|l| l.trim().to_string()).filter(|l| !l.is_empty()) {
        Some(declared) => lang::from_declared(&declared).or_else(|| {
            warnings.push(format!("unknown language: {declared}; guessing from the text"));
            lang::guess(&format!("{title}\n\n{body}"))
        }),
        None => lang::guess(&format!("{title}\n\n{body}")),
    };

    let outlet = outlet
        .as_deref()
        .map(clean_inline)
        .filter(|o| !o.is_empty())
        .or_else(|| default_outlet.map(clean_inline).filter(|o| !o.is_empty()));

    let word_count = i64::try_from(body.unicode_words().count()).unwrap_or(i64::MAX);

    Ok(Article {
        source,
        outlet,
        url,
        external_id: external_id.map(|id| clean_inline(&id)).filter(|id| !id.is_empty()),
        title,
        byline: byline(&authors),
        published_at,
        published_raw,
        language,
        body,
        content_hash,
        word_count,
        extra,
        warnings,
        headline_only,
    })
}

/// Cuts a body longer than `max_chars` characters at the last paragraph end (else sentence end, else word
/// end) before the limit, with a warning, so one giant input cannot make extraction and storage unbounded.
/// The content hash is recomputed for what is kept. Returns whether the body was cut.
pub fn limit_body(article: &mut Article, max_chars: usize) -> bool {
    // No text has more characters than bytes: most bodies are let through without counting.
    if article.body.len() <= max_chars {
        return false;
    }
    let Some((cut_at, _)) = article.body.char_indices().nth(max_chars) else {
        return false;
    };
    article.body.truncate(boundary_before(&article.body, cut_at));
    let kept = article.body.trim_end().len();
    article.body.truncate(kept);
    article.content_hash = content_hash(&article.title, &clean_body(&article.body));
    article.warnings.push(format!(
        "body over {max_chars} characters (--max-article-chars) cut to {}; the rest is not stored",
        article.body.chars().count()
    ));
    true
}

/// Drops what lies far beyond `max_chars` characters of a raw body before normalisation, whose copies of a
/// 60 MB body would take hundreds of MB for text that `limit_body` cuts anyway. Twice the limit leaves room
/// for the whitespace and markup that cleaning removes.
pub fn drop_far_tail(incoming: &mut IncomingArticle, max_chars: usize) {
    let keep = max_chars.saturating_mul(2);
    if incoming.body.len() <= keep {
        return;
    }
    if let Some((at, _)) = incoming.body.char_indices().nth(keep) {
        incoming.body.truncate(at);
        incoming.body.shrink_to_fit();
    }
}

/// The byte offset, at most `max_bytes` (whole `text` when shorter), where `text` is best cut: after the last
/// paragraph end, else sentence end, else space, in the last quarter before the limit; else at the limit (on a
/// char boundary). Never 0 for a non-empty text, so a loop cutting parts always advances.
pub fn boundary_before(text: &str, max_bytes: usize) -> usize {
    if text.len() <= max_bytes {
        return text.len();
    }
    let mut limit = max_bytes.max(1);
    while !text.is_char_boundary(limit) {
        limit += 1;
    }
    let head = &text[..limit];
    let floor = head.len() - head.len() / 4;
    [head.rfind("\n\n").map(|i| i + 2), head.rfind(". ").map(|i| i + 2), head.rfind(' ').map(|i| i + 1)]
        .into_iter()
        .flatten()
        .find(|&i| i >= floor.max(1))
        .unwrap_or(limit)
}

/// A verbatim body without NUL and the other control characters but tab and line ends (CR LF is a line end,
/// not junk). SQLite's `substr` stops at a NUL and terminals act on the others, so they would break the offset
/// rule and the output; they are removed before any offset is computed, with a warning, and the rest of the
/// body is kept exactly as given.
fn without_controls(body: String, warnings: &mut Vec<String>) -> String {
    let is_unwanted = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    if !body.contains(is_unwanted) {
        return body;
    }
    let removed = body.chars().filter(|&c| is_unwanted(c)).count();
    warnings.push(format!("removed {removed} control characters (NUL and the like) from the body"));
    body.replace(is_unwanted, "")
}

/// Paragraph text as described in the module comment.
fn clean_body(raw: &str) -> String {
    let mut unified = String::with_capacity(raw.len());
    let mut chars = raw.nfc().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                unified.push('\n');
            }
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => unified.push('\n'),
            '\u{2029}' => unified.push_str("\n\n"),
            '\u{FEFF}' => {}
            c if c.is_whitespace() => unified.push(' '),
            c if c.is_control() => {}
            c => unified.push(c),
        }
    }
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in unified.split('\n') {
        let line = collapse_spaces(line);
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs.join("\n\n")
}

/// One line of text: NFC, every whitespace run (line breaks too) one space, no control characters.
fn clean_inline(raw: &str) -> String {
    let text: String =
        raw.nfc().filter(|c| c.is_whitespace() || !c.is_control()).filter(|&c| c != '\u{FEFF}').collect();
    collapse_spaces(&text)
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first line of the body, cut at a word boundary when long.
fn derive_title(body: &str) -> String {
    let first = body.lines().next().unwrap_or("").trim();
    if first.chars().count() <= TITLE_MAX_CHARS {
        return first.to_string();
    }
    let head: String = first.chars().take(TITLE_MAX_CHARS).collect();
    // Cut at the last space unless that would leave too little; a single giant word is cut hard.
    let cut = match head.rfind(' ') {
        Some(i) if head[..i].chars().count() >= TITLE_MAX_CHARS / 2 => &head[..i],
        _ => head.as_str(),
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—'));
    format!("{cut}…")
}

fn content_hash(title: &str, clean_body: &str) -> String {
    let key = format!("{}\n\n{}", title, collapse_spaces(clean_body));
    blake3::hash(key.as_bytes()).to_hex().to_string()
}

/// Authors cleaned, repeats dropped (case-insensitively, first spelling kept), joined with ", ".
fn byline(authors: &[String]) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    let names: Vec<String> =
        authors.iter().map(|a| clean_inline(a)).filter(|a| !a.is_empty() && seen.insert(a.to_lowercase())).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

#[cfg(test)]
mod tests;
