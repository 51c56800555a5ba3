//! Text primitives: tokens with byte offsets, paragraphs, sentences and the byte -> char offset map.
//!
//! Everything downstream works on byte offsets (cheap slicing, always on char boundaries because
//! tokens are cut at chars); only the final `Span`s are converted to character offsets.

use crate::model::Span;

/// What a token is; quotation marks get their own kind because the quote scanner keys on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct,
    /// A quotation mark (double, single, guillemet, low-9) other than an in-word apostrophe.
    Quote,
}

#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub para: usize,
    /// Whitespace (or text start) directly before / after the token: quote marks use it to decide
    /// whether they open or close.
    pub space_before: bool,
    pub space_after: bool,
    /// A word whose first char is upper case: set once here, as `Doc::is_cap` is asked of nearly every token by
    /// the name, quote and gender passes (decoding the char each time was a measurable cost).
    pub cap: bool,
}

/// A tokenised text with its paragraphs and sentences (as token index ranges).
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Lower-cased token texts, concatenated (one allocation), with each token's range in it,
    /// so lexicon look-ups don't allocate.
    lower_buf: String,
    lower_at: Vec<(u32, u32)>,
    /// Token index ranges `[start, end)` of paragraphs.
    pub paras: Vec<(usize, usize)>,
    /// Token index ranges `[start, end)` of sentences; a sentence never crosses a paragraph.
    pub sents: Vec<(usize, usize)>,
    /// For each token, the index of its sentence.
    pub sent_of: Vec<usize>,
    /// For each non-ASCII char: its byte offset and the extra bytes (beyond one a char) up to and
    /// including it. Sparse, so mostly-ASCII text costs nearly nothing.
    wide: Vec<(usize, usize)>,
}

/// Longest sentence, in tokens (words and punctuation), before it is split. Real news sentences stay far below
/// it: 6 of about 76,000 sentences in PolNeAR and news-2095 have over 200 tokens (words and punctuation counted
/// by a regular expression), the longest 346; see `split`.
pub const MAX_SENTENCE_TOKENS: usize = 256;

/// Tokens looked at after a full stop for the word that decides whether it ends a sentence.
const LOOKAHEAD_TOKENS: usize = 8;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "jr", "sr", "inc",
    "ltd", "co", "corp", "vs", "etc", "no", "rev", "hon", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "u.s", "e.g", "i.e", "approx", "dept", "est", "fig", "gov't", "pres", "supt",
    "insp", "cllr",
];

/// `u8::is_ascii_alphanumeric` as a table: the word loop asks it of most bytes of an article, and one
/// load is fewer instructions than the three range tests.
const ASCII_WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

pub fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›' | '‘' | '’' | '‚' | '\'' | '‟')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The text after a full stop inside a word is a web domain's next part ("buildyourown.org.uk", "bbc.co.uk"): two
/// or more lower-case letters up to the next stop or the word's end. Such a stop is no sentence end and no phrase
/// boundary (issue 11). One letter is an abbreviation's ("p.m.", "e.g."), a capital a new sentence ("end.The").
fn domain_part(rest: &str) -> bool {
    let letters = rest.bytes().take_while(u8::is_ascii_lowercase).count();
    letters >= 2 && !rest[letters..].chars().next().is_some_and(char::is_alphanumeric)
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let bytes = text.as_bytes();
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut para = 0usize;
        // Paragraph bounds are recorded as the breaks are met, which spares `split` a pass over the tokens.
        let mut paras = Vec::new();
        let mut para_start = 0;
        let mut space_before = true;
        // Walks the text by byte index rather than a peekable char iterator: most text is ASCII,
        // and a byte test per ASCII char is several times cheaper than decoding and Unicode tables
        // (this function was the largest single cost of extraction).
        let mut pos = 0usize;
        while pos < text.len() {
            let i = pos;
            let c = char_at_byte(text, i);
            if !c.is_ascii() && is_invisible(c) {
                pos += c.len_utf8();
                continue;
            }
            if c.is_whitespace() {
                // Any line break starts a new paragraph: the normaliser separates paragraphs with
                // blank lines, and a lone newline in news is a line of its own (a list item, a heading).
                if c == '\n' && tokens.last().is_some_and(|t: &Token| t.para == para) {
                    para += 1;
                    paras.push((para_start, tokens.len()));
                    para_start = tokens.len();
                }
                space_before = true;
                if let Some(t) = tokens.last_mut() {
                    t.space_after = true;
                }
                pos += c.len_utf8();
                continue;
            }
            let (end, kind) = if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                // A word runs over letters and digits, joined by in-word hyphens and apostrophes
                // ("Jean-Claude", "O'Brien", "can’t") and by full stops between digits ("3.5").
                loop {
                    // ASCII letters and digits, the common case, without decoding.
                    while bytes.get(end).is_some_and(|&b| ASCII_WORD_BYTE[usize::from(b)]) {
                        end += 1;
                    }
                    let Some(&b) = bytes.get(end) else { break };
                    let d = char_at_byte(text, end);
                    // An ASCII char here is no letter or digit (the loop above took those), nor a combining mark or
                    // an invisible char: only the joiners below can continue the word, so the Unicode tests are
                    // skipped for it (most words end at an ASCII space or punctuation: speed).
                    if !b.is_ascii() {
                        if d.is_alphanumeric() || is_combining(d) {
                            end += d.len_utf8();
                            continue;
                        }
                        if is_invisible(d)
                            && text[end + d.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric)
                        {
                            end += d.len_utf8();
                            continue;
                        }
                    }
                    if !matches!(d, '-' | '\'' | '’' | '.' | '‐') {
                        break;
                    }
                    let j = end;
                    let next = text[j + d.len_utf8()..].chars().next();
                    let ok = match next {
                        Some(n) if n.is_alphanumeric() => {
                            if d == '.' {
                                n.is_ascii_digit() && text[..j].chars().next_back().is_some_and(|p| p.is_ascii_digit())
                                    || domain_part(&text[j + 1..])
                            } else if is_apostrophe(d) {
                                // Split the possessive off so "Putin's" yields the mention "Putin".
                                let rest = &text[j + d.len_utf8()..];
                                !(rest.starts_with('s') || rest.starts_with('S'))
                                    || rest[1..].chars().next().is_some_and(|x| x.is_alphanumeric())
                            } else {
                                true
                            }
                        }
                        _ => false,
                    };
                    if !ok {
                        break;
                    }
                    end = j + d.len_utf8();
                }
                (end, Kind::Word)
            } else if is_apostrophe(c)
                && !space_before
                && text[i + c.len_utf8()..].starts_with(['s', 'S'])
                && !text[i + c.len_utf8() + 1..].chars().next().is_some_and(|x| x.is_alphanumeric())
                && tokens.last().is_some_and(|t: &Token| t.kind == Kind::Word)
            {
                // Possessive "'s": one punctuation token, never a quotation mark.
                (i + c.len_utf8() + 1, Kind::Punct)
            } else if matches!(c, '\'' | '`') && text[i + 1..].starts_with(c) {
                // NYT-style quotation marks: ``...'' and ''...'' (two apostrophes or backquotes), one token.
                (i + 2, Kind::Quote)
            } else if is_quote_char(c) {
                (i + c.len_utf8(), Kind::Quote)
            } else {
                (i + c.len_utf8(), Kind::Punct)
            };
            let cap = kind == Kind::Word && c.is_uppercase();
            tokens.push(Token { start: i, end, kind, para, space_before, space_after: false, cap });
            space_before = false;
            pos = end;
        }
        if let Some(t) = tokens.last_mut() {
            t.space_after = true;
        }
        if para_start < tokens.len() {
            paras.push((para_start, tokens.len()));
        }
        // ASCII lower-casing keeps byte offsets, so one pass over the whole text serves every ASCII
        // token in place (no copy per token); the few non-ASCII tokens get their full lower-casing
        // appended after it.
        // (`ascii_lower` gives topics this prefix too.)
        let mut lower_buf = text.to_ascii_lowercase();
        let mut lower_at = Vec::with_capacity(tokens.len());
        let wide = wide_chars(text);
        // A token is ASCII when no wide char starts inside it: one cursor over the (sorted) wide chars
        // answers that for all tokens, cheaper than testing each token's bytes.
        let mut w = 0;
        for t in &tokens {
            while w < wide.len() && wide[w].0 < t.start {
                w += 1;
            }
            if wide.get(w).is_none_or(|&(b, _)| b >= t.end) {
                lower_at.push((t.start as u32, t.end as u32));
            } else {
                let s = lower_buf.len();
                lower_buf.push_str(&lowercase(&text[t.start..t.end]));
                lower_at.push((s as u32, lower_buf.len() as u32));
            }
        }
        let mut doc = Doc { text, tokens, lower_buf, lower_at, paras, sents: Vec::new(), sent_of: Vec::new(), wide };
        doc.split();
        doc
    }

    fn split(&mut self) {
        let n = self.tokens.len();
        self.sents.reserve(n / 16);
        for &(ps, pe) in &self.paras {
            let mut s = ps;
            let mut i = ps;
            while i < pe {
                if i - s >= MAX_SENTENCE_TOKENS {
                    // A sentence that never ends (run-on text, lists without stops, hostile input) is split, so
                    // work on a sentence (statements, speaker search) stays bounded; at a comma or semicolon near
                    // the limit when there is one.
                    let e = (i - MAX_SENTENCE_TOKENS / 4..i)
                        .rev()
                        .find(|&k| matches!(self.str(k), "," | ";"))
                        .map_or(i, |k| k + 1);
                    self.sents.push((s, e));
                    s = e;
                    i = e;
                    continue;
                }
                if self.is_sentence_end(i, pe) {
                    // Closing quotes and brackets right after the terminator belong to this sentence.
                    let mut e = i + 1;
                    while e < pe
                        && !self.tokens[e].space_before
                        && (self.tokens[e].kind == Kind::Quote || matches!(self.str(e), ")" | "]"))
                    {
                        e += 1;
                    }
                    self.sents.push((s, e));
                    s = e;
                    i = e;
                } else {
                    i += 1;
                }
            }
            if s < pe {
                self.sents.push((s, pe));
            }
        }
        // Sentences cover the tokens in order without gaps, so each one extends the map to its end
        // (no zero-filled vector to overwrite).
        self.sent_of = Vec::with_capacity(n);
        for (k, &(_, e)) in self.sents.iter().enumerate() {
            self.sent_of.resize(e, k);
        }
        debug_assert_eq!(self.sent_of.len(), n);
    }

    fn is_sentence_end(&self, i: usize, pe: usize) -> bool {
        // Terminators are punctuation tokens: the kind test skips the string compare for most tokens.
        if self.tokens[i].kind != Kind::Punct {
            return false;
        }
        let t = self.str(i);
        if !matches!(t, "." | "!" | "?" | "…") {
            return false;
        }
        if t == "." && i > 0 && self.tokens[i - 1].kind == Kind::Word && !self.tokens[i].space_before {
            let prev = self.low(i - 1);
            // "Mr." and initials ("J. Smith") don't end sentences.
            if ABBREVIATIONS.contains(&prev) || (prev.chars().count() == 1 && self.is_cap(i - 1)) {
                return false;
            }
        }
        // An abbreviation's inner stop: "(D-N.Y.)", where a single letter follows the stop directly ("the end.It
        // was" still ends a sentence).
        let next = self.tokens.get(i + 1);
        if next.is_some_and(|t| t.kind == Kind::Word && !t.space_before && t.end - t.start == 1) {
            return false;
        }
        // The next word must not start in lower case ("3 p.m. yesterday").
        // Looked for over a few tokens only: a long run of punctuation (". . . . ") would make this quadratic.
        let mut j = i + 1;
        let look_to = pe.min(i + 1 + LOOKAHEAD_TOKENS);
        while j < look_to && self.tokens[j].kind != Kind::Word {
            j += 1;
        }
        if j < pe && !self.tokens[i + 1..j].iter().any(|t| t.kind == Kind::Quote) {
            let first = self.str(j).chars().next();
            if first.is_some_and(|c| c.is_lowercase()) {
                return false;
            }
        }
        true
    }

    /// The whole text with ASCII letters lower-cased (same byte offsets as `text`).
    pub fn ascii_lower(&self) -> &str {
        &self.lower_buf[..self.text.len()]
    }

    /// The lower-cased text of token `i` (typographic apostrophes folded to ').
    pub fn low(&self, i: usize) -> &str {
        let (s, e) = self.lower_at[i];
        &self.lower_buf[s as usize..e as usize]
    }

    pub fn str(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    pub fn first_char(&self, i: usize) -> char {
        // Tokens are never empty; decoding from the start offset skips slicing the token (speed).
        char_at_byte(self.text, self.tokens[i].start)
    }

    /// A word starting with an upper-case letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.tokens[i].cap
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == Kind::Word
    }

    /// Character offset of a byte offset (which must be a char boundary, as token bounds are).
    pub fn char_at(&self, byte: usize) -> usize {
        // Chars before `byte` = bytes before it minus the extra bytes of wide chars starting before it.
        let k = self.wide.partition_point(|&(b, _)| b < byte);
        byte - if k == 0 { 0 } else { self.wide[k - 1].1 }
    }

    /// A `Span` for a byte range, with character offsets.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (start, end) = (start.min(self.text.len()), end.min(self.text.len()));
        let end = end.max(start);
        Span { start: self.char_at(start), end: self.char_at(end), text: self.text[start..end].to_string() }
    }

    /// Text from the start of token `a` to the end of token `b` (inclusive).
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.tokens[a].start..self.tokens[b].end.max(self.tokens[a].start)]
    }

    /// Index of the sentence-start token of token `i`'s sentence.
    pub fn sent_start(&self, i: usize) -> usize {
        self.sents[self.sent_of[i]].0
    }
}

fn wide_chars(text: &str) -> Vec<(usize, usize)> {
    let mut extra = 0;
    let mut out = Vec::new();
    if text.is_ascii() {
        return out;
    }
    // A byte >= 0xC0 starts a multi-byte char; testing bytes is cheaper than decoding every char.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b >= 0xC0 {
            extra += char_at_byte(text, i).len_utf8() - 1;
            out.push((i, extra));
        }
    }
    out
}

/// The char starting at byte `i` (a char boundary), without decoding when it is ASCII.
fn char_at_byte(text: &str, i: usize) -> char {
    match text.as_bytes()[i] {
        b if b.is_ascii() => char::from(b),
        _ => text[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Zero-width and bidirectional control characters: invisible, yet pasted text and hostile input put them
/// inside names ("Vladimir\u{200B} Putin"). Between words they are skipped like nothing at all; inside a word
/// they are part of it; `visible` takes them out of names.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{00AD}')
}

/// `s` without invisible characters (see `is_invisible`); `s` itself when it has none.
pub fn visible(s: String) -> String {
    if s.contains(is_invisible) {
        s.replace(is_invisible, "")
    } else {
        s
    }
}

/// Lower-cases and folds the typographic apostrophe so lexicons need one spelling.
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase().replace('’', "'")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_possessive_and_keep_apostrophes() {
        let d = Doc::new("Putin's plan can’t work, Ukraine’s “army” said.");
        let words: Vec<&str> = (0..d.tokens.len()).map(|i| d.str(i)).collect();
        assert_eq!(
            words,
            ["Putin", "'s", "plan", "can’t", "work", ",", "Ukraine", "’s", "“", "army", "”", "said", "."]
        );
    }

    #[test]
    fn word_byte_table_is_ascii_alphanumeric() {
        for b in 0..=255u8 {
            assert_eq!(ASCII_WORD_BYTE[usize::from(b)], b.is_ascii_alphanumeric(), "{b}");
        }
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let d = Doc::new("Mr. Smith met J. R. Jones. They spoke.\n\nNew para.");
        assert_eq!(d.sents.len(), 3);
        assert_eq!(d.paras.len(), 2);
    }
}
