//! Nesting guard for markup: a linear pre-scan that flattens elements nested deeper than a limit before any
//! tree is built.
//!
//! html5ever's tree builder, dom_query's descendant search and dom_smoothie all do work per element that grows
//! with the element's depth, so a page nested n deep costs about n² (issue 10: 10,000 deep took 15 s, 30,000
//! deep 147 s). Real pages nest a few dozen deep; anything past the limit is hostile or broken, so its tags are
//! dropped here (their text is kept) and the tree built later is never deeper than the limit.
//!
//! The scan follows the parts of HTML's tree construction that decide depth: void elements, elements whose end
//! tag is optional (`<p>`, `<li>`, `<td>` ... close the open one), raw-text elements (`<script>`, `<style>`),
//! comments, doctypes and CDATA; `/>` closes an element only in XML and inside `<svg>` / `<math>`. It keeps at
//! most `limit` open elements, so its memory is bounded and each scope search costs at most `limit` steps.

use std::collections::HashMap;

/// Which rules the scan follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Html,
    Xml,
}

/// Markup whose too-deep tags were removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flattened {
    pub text: String,
    /// Start tags removed (their end tags went with them).
    pub dropped: usize,
}

/// Elements that never have content in HTML, so they never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen", "basefont", "bgsound", "frame", "image",
];

/// Elements whose content is raw text up to their end tag: markup inside them is not markup.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// Start tags that close an open `<p>` (HTML's "close a p element" when one is in button scope).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dd",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Elements that a start tag may close implicitly: their open count is kept, so the search for one (which walks
/// the open elements) runs only when one is open.
const CLOSABLE: &[&str] = &[
    "p", "li", "dd", "dt", "td", "th", "tr", "thead", "tbody", "tfoot", "option", "optgroup", "a", "button", "nobr",
    "form",
];

fn closable(name: &str) -> Option<usize> {
    CLOSABLE.iter().position(|c| name.eq_ignore_ascii_case(c))
}

/// Elements that end the search for an open element to close (HTML's "scope" boundaries).
const SCOPE: &[&str] =
    &["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg", "math"];

/// The markup with every element nested deeper than `limit` removed (tags only, text kept), or None when
/// nothing nests that deep (the common case: no copy is made).
pub fn flatten(text: &str, limit: usize, syntax: Syntax) -> Option<Flattened> {
    Scanner::new(text, limit.max(1), syntax).run()
}

/// The elements still open at the end of XML `text`, outermost first: each name and its start tag as written.
/// Used to close a document cut short, and to repeat a feed's header around one item.
pub fn open_elements(text: &str) -> Vec<(String, String)> {
    let mut scanner = Scanner::new(text, MAX_OPEN, Syntax::Xml);
    scanner.run();
    scanner.stack.iter().map(|&(name, start, end)| (name.to_string(), text[start..end].to_string())).collect()
}

/// More open elements than a feed's header can sensibly have; past it the scan flattens.
const MAX_OPEN: usize = 1024;

/// The deepest nesting the scan sees, up to `limit + 1` (it stops counting past the limit).
/// Whether the element name `open` is one of `names`, ignoring ASCII case.
fn is_one_of(open: &str, names: &[&str]) -> bool {
    names.iter().any(|n| open.eq_ignore_ascii_case(n))
}

#[cfg(test)]
pub fn depth_at_most(text: &str, limit: usize, syntax: Syntax) -> usize {
    let mut scanner = Scanner::new(text, limit.max(1), syntax);
    scanner.run();
    scanner.deepest
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    limit: usize,
    syntax: Syntax,
    /// Open elements: name as written, and where the start tag is in `text`; never more than `limit`.
    stack: Vec<(&'a str, usize, usize)>,
    /// Open `<svg>` / `<math>` elements, inside which `/>` closes an element in HTML too.
    foreign: usize,
    /// How many of each `CLOSABLE` element are open.
    open_closable: [usize; CLOSABLE.len()],
    /// Removed start tags by lower-case name, so their end tags are removed too.
    dropped_open: HashMap<String, usize>,
    dropped: usize,
    deepest: usize,
    out: Option<String>,
    /// Bytes of `text` before this index are already in `out`.
    copied: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, limit: usize, syntax: Syntax) -> Scanner<'a> {
        Scanner {
            text,
            bytes: text.as_bytes(),
            limit,
            syntax,
            stack: Vec::new(),
            foreign: 0,
            open_closable: [0; CLOSABLE.len()],
            dropped_open: HashMap::new(),
            dropped: 0,
            deepest: 0,
            out: None,
            copied: 0,
        }
    }

    fn run(&mut self) -> Option<Flattened> {
        let mut i = 0;
        while let Some(offset) = memchr(b'<', &self.bytes[i..]) {
            let at = i + offset;
            i = self.markup_at(at);
        }
        let mut out = self.out.take()?;
        out.push_str(&self.text[self.copied..]);
        Some(Flattened { text: out, dropped: self.dropped })
    }

    /// Handles whatever starts with the `<` at `at`; returns where scanning goes on.
    fn markup_at(&mut self, at: usize) -> usize {
        let rest = &self.bytes[at..];
        if rest.starts_with(b"<!--") {
            return find_from(self.bytes, at + 4, b"-->").map_or(self.bytes.len(), |e| e + 3);
        }
        if rest.starts_with(b"<![CDATA[") {
            return find_from(self.bytes, at + 9, b"]]>").map_or(self.bytes.len(), |e| e + 3);
        }
        if rest.starts_with(b"<!") {
            return self.skip_declaration(at + 2);
        }
        if rest.starts_with(b"<?") {
            let end = if self.syntax == Syntax::Xml { b"?>".as_slice() } else { b">".as_slice() };
            return find_from(self.bytes, at + 2, end).map_or(self.bytes.len(), |e| e + end.len());
        }
        let (closing, name_start) = if rest.starts_with(b"</") { (true, at + 2) } else { (false, at + 1) };
        if !self.bytes.get(name_start).is_some_and(|b| b.is_ascii_alphabetic()) {
            return at + 1;
        }
        let name_end = self.bytes[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .map_or(self.bytes.len(), |p| name_start + p);
        let name = &self.text[name_start..name_end];
        let Some((tag_end, self_closing)) = self.tag_end(name_end) else {
            // An unterminated tag at the end of the input is text to every parser.
            return self.bytes.len();
        };
        if closing {
            self.end_tag(name, at, tag_end);
            tag_end
        } else {
            self.start_tag(name, at, tag_end, self_closing)
        }
    }

    /// Skips `<!DOCTYPE ...>` (with an internal subset in brackets, which may hold `>`) and other `<!...>`.
    fn skip_declaration(&self, from: usize) -> usize {
        let mut brackets = 0usize;
        for (k, &b) in self.bytes[from..].iter().enumerate() {
            match b {
                b'[' => brackets += 1,
                b']' => brackets = brackets.saturating_sub(1),
                b'>' if brackets == 0 => return from + k + 1,
                _ => {}
            }
        }
        self.bytes.len()
    }

    /// The index after a tag's `>` (attribute values in quotes may hold `>`), and whether it ends in `/>`.
    fn tag_end(&self, from: usize) -> Option<(usize, bool)> {
        let mut quote: Option<u8> = None;
        let mut after_equals = false;
        let mut k = from;
        while k < self.bytes.len() {
            let b = self.bytes[k];
            match quote {
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None => match b {
                    b'>' => return Some((k + 1, k > from && self.bytes[k - 1] == b'/')),
                    b'"' | b'\'' if after_equals => quote = Some(b),
                    b'=' => after_equals = true,
                    b if b.is_ascii_whitespace() => {}
                    _ => after_equals = false,
                },
            }
            k += 1;
        }
        None
    }

    fn start_tag(&mut self, name: &'a str, at: usize, tag_end: usize, self_closing: bool) -> usize {
        let html = self.syntax == Syntax::Html;
        let lower = name.to_ascii_lowercase();
        let raw_text = html && self.foreign == 0 && RAW_TEXT.contains(&lower.as_str());
        let content_end = if raw_text && !self_closing { self.raw_text_end(&lower, tag_end) } else { tag_end };
        if html {
            if VOID.contains(&lower.as_str()) || matches!(lower.as_str(), "html" | "head" | "body") {
                return content_end;
            }
            if self_closing && self.foreign > 0 {
                return content_end;
            }
            self.implied_end_tags(&lower);
        } else if self_closing {
            return content_end;
        }
        if raw_text {
            // Nothing nests inside raw text: it is one element deeper, at most, and only while it lasts.
            self.deepest = self.deepest.max(self.stack.len() + 1);
            if self.stack.len() >= self.limit {
                // Its content is no text for a reader either (a script's code), so it goes with its tags.
                self.drop_range(at, content_end);
                self.dropped += 1;
            }
            return content_end;
        }
        if self.stack.len() >= self.limit {
            self.deepest = self.limit + 1;
            self.drop_range(at, tag_end);
            self.dropped += 1;
            *self.dropped_open.entry(lower).or_insert(0) += 1;
            return tag_end;
        }
        if html && matches!(lower.as_str(), "svg" | "math") {
            self.foreign += 1;
        }
        if let Some(k) = closable(name) {
            self.open_closable[k] += 1;
        }
        self.stack.push((name, at, tag_end));
        self.deepest = self.deepest.max(self.stack.len());
        tag_end
    }

    fn end_tag(&mut self, name: &str, at: usize, tag_end: usize) {
        let lower = name.to_ascii_lowercase();
        if let Some(open) = self.dropped_open.get_mut(&lower).filter(|n| **n > 0) {
            *open -= 1;
            self.drop_range(at, tag_end);
            return;
        }
        let html = self.syntax == Syntax::Html;
        let found = self.stack.iter().rposition(|(open, _, _)| same_name(open, name, html));
        if let Some(index) = found {
            self.truncate(index);
        }
    }

    /// HTML's implied end tags for a start tag: a new `<p>`, `<li>`, `<td>` ... closes the open one.
    fn implied_end_tags(&mut self, lower: &str) {
        if CLOSES_P.contains(&lower) {
            self.close_in_scope(&["p"], &["button"]);
        }
        match lower {
            "li" => self.close_in_scope(&["li"], &["ol", "ul"]),
            "dd" | "dt" => self.close_in_scope(&["dd", "dt"], &[]),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                if self.stack.last().is_some_and(|(top, _, _)| is_heading(&top.to_ascii_lowercase())) =>
            {
                self.truncate(self.stack.len() - 1);
            }
            "td" | "th" => self.close_in_table(&["td", "th"]),
            "tr" => self.close_in_table(&["tr"]),
            "thead" | "tbody" | "tfoot" => self.close_in_table(&["thead", "tbody", "tfoot"]),
            "option" => self.close_in_scope(&["option"], &["select"]),
            "optgroup" => self.close_in_scope(&["option", "optgroup"], &["select"]),
            // A new link or button ends the open one (the adoption agency and "button in scope" rules).
            "a" | "button" | "nobr" | "form" => self.close_in_scope(&[lower], &[]),
            _ => {}
        }
    }

    /// Closes the nearest open element named in `names`, searching down to a scope boundary.
    fn close_in_scope(&mut self, names: &[&str], extra_boundaries: &[&str]) {
        self.close_nearest(names, |open| is_one_of(open, SCOPE) || is_one_of(open, extra_boundaries));
    }

    /// Closes the nearest open table part named in `names`, searching down to its table.
    fn close_in_table(&mut self, names: &[&str]) {
        self.close_nearest(names, |open| is_one_of(open, &["table", "html", "template"]));
    }

    /// Closes the nearest open element named in `names` (and all opened after it), unless a boundary comes first.
    fn close_nearest(&mut self, names: &[&str], is_boundary: impl Fn(&str) -> bool) {
        if !self.any_open(names) {
            return;
        }
        for index in (0..self.stack.len()).rev() {
            let open = self.stack[index].0;
            if is_one_of(open, names) {
                self.truncate(index);
                return;
            }
            if is_boundary(open) {
                return;
            }
        }
    }

    /// False when none of `names` (all `CLOSABLE`) is open, which spares the walk down the open elements.
    fn any_open(&self, names: &[&str]) -> bool {
        names.iter().any(|n| closable(n).is_none_or(|k| self.open_closable[k] > 0))
    }

    fn truncate(&mut self, index: usize) {
        for (closed, _, _) in self.stack.drain(index..) {
            if closed.eq_ignore_ascii_case("svg") || closed.eq_ignore_ascii_case("math") {
                self.foreign = self.foreign.saturating_sub(1);
            }
            if let Some(k) = closable(closed) {
                self.open_closable[k] = self.open_closable[k].saturating_sub(1);
            }
        }
    }

    /// Where a raw-text element's content ends: after its end tag, or at the end of the input.
    fn raw_text_end(&self, lower: &str, from: usize) -> usize {
        let mut k = from;
        while let Some(offset) = find_from(self.bytes, k, b"</") {
            let name_start = offset + 2;
            let name_end = name_start + lower.len();
            if self.bytes.get(name_start..name_end).is_some_and(|n| n.eq_ignore_ascii_case(lower.as_bytes()))
                && self.bytes.get(name_end).is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
            {
                return find_from(self.bytes, name_end, b">").map_or(self.bytes.len(), |e| e + 1);
            }
            k = name_start;
        }
        self.bytes.len()
    }

    fn drop_range(&mut self, start: usize, end: usize) {
        let out = self.out.get_or_insert_with(|| String::with_capacity(self.text.len()));
        out.push_str(&self.text[self.copied..start]);
        self.copied = end;
    }
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn same_name(open: &str, name: &str, html: bool) -> bool {
    if html {
        open.eq_ignore_ascii_case(name)
    } else {
        open == name
    }
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn find_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize, open: &str, close: &str, inner: &str) -> String {
        format!("{}{inner}{}", open.repeat(n), close.repeat(n))
    }

    #[test]
    fn shallow_markup_is_left_alone() {
        let page = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><br><img src='x>y'></div></body></html>";
        assert_eq!(flatten(page, 4, Syntax::Html), None);
        assert_eq!(depth_at_most(page, 10, Syntax::Html), 3, "div > ul > li");
    }

    #[test]
    fn deep_nesting_is_flattened_and_text_kept() {
        let page = nested(1000, "<div>", "</div>", "<p>Deep text</p>");
        let flat = flatten(&page, 10, Syntax::Html).expect("too deep");
        assert_eq!(flat.dropped, 991, "990 divs and the p");
        assert!(flat.text.contains("Deep text"));
        assert_eq!(flat.text.matches("<div>").count(), 10);
        assert_eq!(flat.text.matches("</div>").count(), 10);
        assert_eq!(depth_at_most(&flat.text, 1000, Syntax::Html), 10);
    }

    #[test]
    fn optional_end_tags_do_not_count_as_nesting() {
        let page = format!("<ul>{}</ul><table>{}</table>", "<li>item".repeat(500), "<tr><td>a<td>b".repeat(500));
        assert_eq!(flatten(&page, 8, Syntax::Html), None);
        let paragraphs = "<p>para".repeat(1000);
        assert_eq!(flatten(&paragraphs, 8, Syntax::Html), None);
    }

    #[test]
    fn html_self_closing_divs_nest_but_void_and_foreign_ones_do_not() {
        // html5ever ignores `/>` on a div, so these nest; a tree built from them would be 300 deep.
        assert!(flatten(&"<div/>".repeat(300), 50, Syntax::Html).is_some());
        assert_eq!(flatten(&"<br/><img/>".repeat(300), 50, Syntax::Html), None);
        assert_eq!(flatten(&format!("<svg>{}</svg>", "<g/>".repeat(300)), 50, Syntax::Html), None);
        assert_eq!(flatten(&"<item/>".repeat(300), 50, Syntax::Xml), None);
    }

    #[test]
    fn markup_inside_scripts_comments_and_cdata_is_not_counted() {
        let fake = "<div>".repeat(300);
        let page = format!("<script>var s = '{fake}';</script><!-- {fake} --><style>/*{fake}*/</style><p>x</p>");
        assert_eq!(flatten(&page, 50, Syntax::Html), None);
        let xml = format!("<rss><channel><item><description><![CDATA[{fake}]]></description></item></channel></rss>");
        assert_eq!(flatten(&xml, 50, Syntax::Xml), None);
    }

    #[test]
    fn a_script_past_the_limit_goes_with_its_code() {
        let page = nested(20, "<div>", "</div>", "<script>alert('<p>')</script>Text");
        let flat = flatten(&page, 5, Syntax::Html).unwrap();
        assert!(!flat.text.contains("alert"), "{}", flat.text);
        assert!(flat.text.contains("Text"));
    }

    #[test]
    fn xml_nesting_is_flattened_by_name() {
        let xml = format!(
            "<?xml version=\"1.0\"?><rss><channel><item><title>T</title><description>{}</description></item></channel></rss>",
            nested(500, "<x:b>", "</x:b>", "deep")
        );
        let flat = flatten(&xml, 6, Syntax::Xml).unwrap();
        assert_eq!(depth_at_most(&flat.text, 1000, Syntax::Xml), 6);
        assert!(flat.text.contains("<title>T</title>") && flat.text.contains("deep"));
        assert!(flat.text.ends_with("</description></item></channel></rss>"), "{}", flat.text);
    }

    #[test]
    fn open_elements_of_a_feed_header() {
        let header =
            "<?xml version='1.0'?><!-- <x> --><rss version=\"2.0\" xmlns:a='u'><channel><title>T</title><a:b/>";
        let open = open_elements(header);
        assert_eq!(
            open,
            vec![
                ("rss".to_string(), "<rss version=\"2.0\" xmlns:a='u'>".to_string()),
                ("channel".to_string(), "<channel>".to_string())
            ]
        );
    }

    #[test]
    fn unterminated_markup_ends_the_scan_without_panicking() {
        for input in ["<", "<div", "<div class='x", "<!--", "<![CDATA[", "<!DOCTYPE [", "</", "<script>", "<a b=\"c>"] {
            let _ = flatten(input, 1, Syntax::Html);
            let _ = flatten(input, 1, Syntax::Xml);
        }
    }
}
