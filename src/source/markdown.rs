//! Markdown to clean prose: the few constructs news articles use, stripped to their text.
//!
//! Not a full CommonMark parser: headings, emphasis, inline code, links, images, autolinks,
//! block quotes, lists, rules, fences, reference definitions and simple HTML tags. The goal is
//! body text that extraction can read, not faithful rendering.

use std::sync::LazyLock;

use regex::Regex;

static IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]").unwrap());
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])").unwrap());
static AUTOLINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<((?:https?|mailto):[^>\s]+)>").unwrap());
static HTML_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>").unwrap());
static STRONG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*\*(\S(?:[^*]*?\S)?)\*\*|__(\S(?:[^_]*?\S)?)__").unwrap());
static EM_STAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*(\S(?:[^*]*?\S)?)\*").unwrap());
// Underscore emphasis only at word edges, so snake_case and URLs keep their underscores.
static EM_UNDERSCORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[^\w\\])_(\S(?:[^_]*?\S)?)_($|[^\w])").unwrap());
static STRIKE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"~~([^~]+)~~").unwrap());
static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"`+([^`]+)`+").unwrap());
static ESCAPE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\\([\\`*_{}\[\]()#+\-.!>~|])").unwrap());
static REF_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}\[[^\]]+\]:\s*\S+").unwrap());
/// Escaped ASCII punctuation maps to U+F700 + code while inline markup is stripped.
const PUA_BASE: u32 = 0xF700;
static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+").unwrap());

/// Drops ATX heading markers ("## Title ##").
pub fn strip_heading(line: &str) -> &str {
    let t = line.trim();
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && t[hashes..].chars().next().is_none_or(char::is_whitespace) {
        t[hashes..].trim().trim_end_matches('#').trim_end()
    } else {
        t
    }
}

/// Strips inline markup from one line of text.
pub fn strip_inline(line: &str) -> String {
    // Escaped characters hide in the Private Use Area while markup is stripped, so `\*` is never emphasis.
    let hidden = ESCAPE.replace_all(line, |c: &regex::Captures| {
        let ch = c[1].chars().next().unwrap_or(' ');
        char::from_u32(PUA_BASE + ch as u32).map_or_else(String::new, String::from)
    });
    let s = IMAGE.replace_all(&hidden, "");
    let s = LINK.replace_all(&s, "$1");
    let s = AUTOLINK.replace_all(&s, "$1");
    let s = HTML_TAG.replace_all(&s, "");
    let s = CODE.replace_all(&s, "$1");
    let s = STRONG.replace_all(&s, "$1$2");
    let s = EM_STAR.replace_all(&s, "$1");
    let s = EM_UNDERSCORE.replace_all(&s, "$1$2$3");
    let s = STRIKE.replace_all(&s, "$1");
    s.chars()
        .map(|c| match c as u32 {
            n if (PUA_BASE..PUA_BASE + 128).contains(&n) => {
                char::from_u32(n - PUA_BASE).unwrap_or(c)
            }
            _ => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Turns Markdown lines into paragraphs of clean text (see the module comment of `text`).
pub fn paragraphs(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut in_fence = false;
    let mut prev_quoted = false;
    let flush = |current: &mut Vec<String>, out: &mut Vec<String>| {
        let joined = current.join(" ");
        let joined = joined.trim();
        if !joined.is_empty() {
            out.push(joined.to_string());
        }
        current.clear();
    };
    for line in lines {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            // Fenced text is kept (it may be a quoted document) but the fences are not.
            flush(&mut current, &mut out);
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            if !t.is_empty() {
                out.push(t.to_string());
            }
            continue;
        }
        if t.is_empty() || is_rule(t) || REF_DEF.is_match(line) {
            flush(&mut current, &mut out);
            prev_quoted = false;
            continue;
        }
        // A setext underline turns the pending line into a heading paragraph.
        if (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-')) && !current.is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        let mut t = t;
        let mut own_paragraph = false;
        let mut quoted = false;
        while let Some(rest) = t.strip_prefix('>') {
            t = rest.trim_start();
            quoted = true;
        }
        // A block quote is a paragraph of its own even without blank lines around it.
        if quoted != prev_quoted {
            flush(&mut current, &mut out);
            prev_quoted = quoted;
        }
        if t.starts_with('#') {
            let stripped = strip_heading(t);
            if stripped.len() != t.len() {
                t = stripped;
                own_paragraph = true;
            }
        }
        let item;
        if let Some(m) = LIST_ITEM.find(t) {
            item = &t[m.end()..];
            t = item;
            flush(&mut current, &mut out);
        }
        let text = strip_inline(t);
        if own_paragraph {
            flush(&mut current, &mut out);
            if !text.is_empty() {
                out.push(text);
            }
        } else if !text.is_empty() {
            current.push(text);
        }
    }
    flush(&mut current, &mut out);
    out
}

fn is_rule(t: &str) -> bool {
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && (compact.chars().all(|c| c == '-')
            || compact.chars().all(|c| c == '*')
            || compact.chars().all(|c| c == '_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline() {
        assert_eq!(
            strip_inline("**Bold** and *em* and _under_ and __strong__"),
            "Bold and em and under and strong"
        );
        assert_eq!(
            strip_inline("a snake_case_name stays"),
            "a snake_case_name stays"
        );
        assert_eq!(
            strip_inline("see [the report](https://x.org/a_b) now"),
            "see the report now"
        );
        assert_eq!(strip_inline("pic ![alt](p.png) gone"), "pic  gone");
        assert_eq!(
            strip_inline("ref [text][1] and <https://a.b/c>"),
            "ref text and https://a.b/c"
        );
        assert_eq!(
            strip_inline("`code` and 2 * 3 * 4 and \\*literal\\*"),
            "code and 2 * 3 * 4 and *literal*"
        );
        assert_eq!(strip_inline("line<br/>break <b>x</b>"), "linebreak x");
    }

    #[test]
    fn headings() {
        assert_eq!(strip_heading("## Title ##"), "Title");
        assert_eq!(strip_heading("#hashtag"), "#hashtag");
        assert_eq!(strip_heading("#"), "");
    }

    #[test]
    fn blocks() {
        let lines = [
            "> “We will win,” he said,",
            "> adding more.",
            "",
            "Text *one*",
            "continues.",
            "",
            "---",
            "1. first",
            "2. second",
            "",
            "[1]: https://example.com",
            "```",
            "fenced *as is*",
            "```",
        ];
        assert_eq!(
            paragraphs(&lines),
            vec![
                "“We will win,” he said, adding more.",
                "Text one continues.",
                "first",
                "second",
                "fenced *as is*"
            ]
        );
    }
}
