//! Quotation-mark pairing: the quoted segments of each paragraph, whatever the marks (curly, straight, guillemets,
//! low-9, doubled, single) and however they were lost or left open.

#[allow(clippy::wildcard_imports)]
use super::*;

/// A quoted stretch of one paragraph, as token indices.
#[derive(Debug, Clone)]
pub(super) struct Seg {
    /// The opening mark, if the text has one.
    pub(super) open: Option<usize>,
    /// The closing mark, if the text has one.
    pub(super) close: Option<usize>,
    /// Quoted tokens `[a, b)`.
    pub(super) a: usize,
    pub(super) b: usize,
    /// Unterminated at paragraph end and the next paragraph opens with a quotation mark.
    pub(super) continued: bool,
}

pub(super) fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›' | '‟')
}

/// The quotation mark of token `i`; NYT-style doubled marks read as their one-character equivalents
/// (`''` as a straight double quote, ``` `` ``` as an opening curly one).
pub(super) fn mark(doc: &Doc, i: usize) -> char {
    match doc.str(i) {
        "''" => '"',
        "``" => '“',
        _ => doc.first_char(i),
    }
}

/// An opening-looking mark: something follows it directly and whitespace or an opening bracket or dash precedes it.
pub(super) fn opener_like(doc: &Doc, i: usize, ps: usize) -> bool {
    let t = &doc.tokens[i];
    let before_ok = t.space_before || i == ps || matches!(doc.str(i - 1), "(" | "[" | "—" | "–" | "-" | ":");
    !t.space_after && before_ok
}

/// A closing-looking mark: it hangs on the previous token and whitespace, punctuation or the end follows.
pub(super) fn closer_like(doc: &Doc, i: usize, pe: usize) -> bool {
    let t = &doc.tokens[i];
    let after_ok = t.space_after || i + 1 >= pe || doc.tokens[i + 1].kind != Kind::Word;
    !t.space_before && after_ok
}

/// Finds quoted segments, paragraph by paragraph.
pub(super) fn segments(doc: &Doc) -> Vec<Seg> {
    let mut segs: Vec<Seg> = Vec::new();
    for (pi, &(ps, pe)) in doc.paras.iter().enumerate() {
        let first_seg = segs.len();
        let mut stack: Vec<(usize, char)> = Vec::new();
        for i in ps..pe {
            if doc.tokens[i].kind != Kind::Quote {
                continue;
            }
            let c = mark(doc, i);
            if !is_double(c) {
                continue;
            }
            let top = stack.last().map(|&(_, m)| m);
            let (op, cl) = (opener_like(doc, i, ps), closer_like(doc, i, pe));
            // An English quotation never nests the same double mark: one opening again after a full stop, with the
            // first still open, is a quotation carried on from a paragraph whose break the text lost (`He said:
            // "We will act. "The motive is ...`). The first ends there, continued by the second.
            if let [(o, m)] = stack[..] {
                let after_sentence = i > ps && matches!(doc.str(i - 1), "." | "?" | "!");
                if m == c && matches!(c, '"' | '“') && op && !cl && after_sentence {
                    segs.push(Seg { open: Some(o), close: None, a: o + 1, b: i, continued: true });
                    stack.clear();
                }
            }
            // Decide open or close from the mark and its flanks; the same mark closes a low-9 or
            // reversed-guillemet quote and opens an English one.
            let closes = match c {
                '„' | '‟' => false,
                '“' => top == Some('„') || (top.is_some() && cl && !op),
                '”' => top.is_some() || (cl || !op),
                '"' => (top.is_some() && (cl || !op)) || (top.is_none() && cl && !op),
                '«' | '‹' => top == Some('»') || top == Some('›'),
                '»' | '›' => top.is_some() || (cl || !op),
                _ => false,
            };
            if !closes {
                stack.push((i, c));
                continue;
            }
            match stack.pop() {
                Some((o, _)) => {
                    if stack.is_empty() {
                        segs.push(Seg { open: Some(o), close: Some(i), a: o + 1, b: i, continued: false });
                    }
                }
                None => {
                    // A closing mark with no opening: the quote lost its opening mark. It starts after
                    // the last real quote of the paragraph, else at the paragraph start; short quoted
                    // words inside it were scare quotes.
                    let prev_long = segs
                        .get(first_seg..)
                        .unwrap_or(&[])
                        .iter()
                        .rev()
                        .find(|s| word_count(doc, s.a, s.b) >= 4)
                        .map(|s| s.close.unwrap_or(s.b) + 1);
                    let mut a = match prev_long {
                        Some(after) if after < i => (after..i).find(|&k| doc.sent_start(k) == k).unwrap_or(after),
                        _ => ps,
                    };
                    while a < i && doc.tokens[a].kind == Kind::Quote {
                        a += 1;
                    }
                    let from = first_seg.min(segs.len());
                    let kept: Vec<Seg> =
                        segs.drain(from..).filter(|s| s.a < a || s.b > i || s.open.is_none()).collect();
                    segs.extend(kept);
                    if a < i {
                        segs.push(Seg { open: None, close: Some(i), a, b: i, continued: false });
                    }
                }
            }
        }
        if let Some(&(o, _)) = stack.first() {
            // Unterminated: runs to the paragraph end; news continues a quote into the next paragraph
            // by opening it again there.
            let continued = doc
                .paras
                .get(pi + 1)
                .is_some_and(|&(ns, ne)| ns < ne && doc.tokens[ns].kind == Kind::Quote && is_double(mark(doc, ns)));
            segs.push(Seg { open: Some(o), close: None, a: o + 1, b: pe, continued });
        }
        single_quote_segments(doc, ps, pe, &mut segs, first_seg);
    }
    segs.sort_by_key(|s| s.a);
    segs
}

/// Single-quote segments (‘...’, ‚...‘, '...'), only where no double quote is, matched strictly
/// because the same marks are apostrophes ("Ukraine’s", "students’").
pub(super) fn single_quote_segments(doc: &Doc, ps: usize, pe: usize, segs: &mut Vec<Seg>, first_seg: usize) {
    let covered = |i: usize, segs: &[Seg]| {
        segs.get(first_seg..).unwrap_or(&[]).iter().any(|s| s.open.unwrap_or(s.a) <= i && i <= s.close.unwrap_or(s.b))
    };
    let mut open: Option<(usize, char)> = None;
    for i in ps..pe {
        if doc.tokens[i].kind != Kind::Quote || covered(i, segs) {
            continue;
        }
        let c = mark(doc, i);
        if !matches!(c, '‘' | '’' | '‚' | '\'') {
            continue;
        }
        match open {
            None if matches!(c, '‘' | '‚' | '\'') && opener_like(doc, i, ps) => open = Some((i, c)),
            Some((o, oc)) if closer_like(doc, i, pe) && (c == '’' || c == '\'' || (oc == '‚' && c == '‘')) => {
                if word_count(doc, o + 1, i) >= 4 {
                    segs.push(Seg { open: Some(o), close: Some(i), a: o + 1, b: i, continued: false });
                }
                open = None;
            }
            _ => {}
        }
    }
}

/// A plural possessive's apostrophe ("Sanders’ campaign manager", "in Forbes’ words"): not a quotation mark.
pub(super) fn plural_possessive(doc: &Doc, c: usize) -> bool {
    let t = &doc.tokens[c];
    !t.space_before && t.space_after && c > 0 && doc.is_word(c - 1) && doc.low(c - 1).ends_with('s')
}

/// The first double quotation mark among tokens `[from, to)`.
pub(super) fn next_double_mark(doc: &Doc, from: usize, to: usize) -> Option<usize> {
    (from..to).find(|&x| doc.tokens[x].kind == Kind::Quote && is_double(mark(doc, x)))
}
