//! Topics: IPTC Media Topics (top level) scored by weighted keyword evidence from `lexicons/topics.txt`.

use crate::model::TopicScore;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Title words count this many times: a headline states what the article is about.
const TITLE_WEIGHT: f64 = 3.0;
/// Minimum normalised score for a topic to be reported.
const THRESHOLD: f64 = 1.0;
/// A topic must also reach this share of the best topic's score, so one stray word doesn't add a topic.
const RELATIVE: f64 = 0.25;

struct Keyword {
    topic: usize,
    weight: f64,
    /// Ends in `*` in the lexicon: matches any word starting with it ("negotiat*").
    stem: bool,
}

struct Taxonomy {
    topics: Vec<(String, String)>,
    /// Per automaton pattern, the topics it is evidence for (a word may serve several).
    keywords: Vec<Vec<Keyword>>,
    automaton: AhoCorasick,
}

/// Parses `[medtop:CODE name]` sections of `keyword weight` lines.
static TAXONOMY: LazyLock<Taxonomy> = LazyLock::new(|| {
    let mut topics = Vec::new();
    let mut keywords = Vec::new();
    let mut patterns = Vec::new();
    for line in include_str!("lexicons/topics.txt").lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(h) = line.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            let (code, name) = h.split_once(' ').unwrap_or((h, ""));
            topics.push((code.to_string(), name.to_string()));
            continue;
        }
        let Some(topic) = topics.len().checked_sub(1) else {
            continue;
        };
        let (word, weight) = match line.rsplit_once(' ') {
            Some((w, n)) => match n.parse::<f64>() {
                Ok(x) => (w.trim(), x),
                Err(_) => (line, 1.0),
            },
            None => (line, 1.0),
        };
        let stem = word.ends_with('*');
        let word = word.trim_end_matches('*').to_lowercase();
        if word.is_empty() {
            continue;
        }
        let kw = Keyword { topic, weight, stem };
        let key = (word, stem);
        match patterns.iter().position(|p| *p == key) {
            Some(i) => {
                let list: &mut Vec<Keyword> = &mut keywords[i];
                if !list.iter().any(|k| k.topic == topic) {
                    list.push(kw);
                }
            }
            None => {
                patterns.push(key);
                keywords.push(vec![kw]);
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        // Keywords are lower case and the texts come ASCII-lower-cased (see `score`).
        .ascii_case_insensitive(false)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns.iter().map(|(w, _)| w))
        .expect("topic keywords form a valid automaton");
    Taxonomy { topics, keywords, automaton }
});

/// Scores the article against the taxonomy; topics above the threshold, best first. `title` and `body`
/// must have their ASCII letters lower-cased (`Doc::ascii_lower`): keywords match them case-sensitively,
/// which is the same as matching the original text ASCII case-insensitively.
pub fn score(title: &str, body: &str) -> Vec<TopicScore> {
    let tax = &*TAXONOMY;
    let mut totals = vec![0.0f64; tax.topics.len()];
    let mut evidence: Vec<Vec<(String, usize)>> = vec![Vec::new(); tax.topics.len()];
    let mut words = 0usize;
    for (text, mult) in [(title, TITLE_WEIGHT), (body, 1.0)] {
        let lower = text;
        words += count_words(lower);
        for m in tax.automaton.find_iter(lower) {
            let kws = &tax.keywords[m.pattern().as_usize()];
            let stem = kws[0].stem;
            if lower[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let mut end = m.end();
            if stem {
                end += lower[end..].find(|c: char| !c.is_alphanumeric() && c != '-').unwrap_or(lower.len() - end);
            } else if lower[end..].chars().next().is_some_and(char::is_alphanumeric) {
                continue;
            }
            // The text is ASCII-lower-cased already, so an ASCII surface (nearly all) is its own lower case:
            // borrow it, and allocate only for new evidence.
            let raw = &lower[m.start()..end];
            let surface: Cow<str> = if raw.is_ascii() { Cow::Borrowed(raw) } else { Cow::Owned(raw.to_lowercase()) };
            for kw in kws {
                totals[kw.topic] += kw.weight * mult;
                let ev = &mut evidence[kw.topic];
                match ev.iter_mut().find(|(w, _)| *w == surface) {
                    Some((_, n)) => *n += 1,
                    None => ev.push((surface.to_string(), 1)),
                }
            }
        }
    }
    // Normalise so long and short articles compare: evidence per ~100 words, damped.
    let norm = ((words.max(50)) as f64 / 100.0).sqrt();
    let best = totals.iter().cloned().fold(0.0, f64::max) / norm;
    let mut out: Vec<TopicScore> = Vec::new();
    for (t, total) in totals.iter().enumerate() {
        let score = total / norm;
        if score < THRESHOLD || score < best * RELATIVE {
            continue;
        }
        let mut ev = std::mem::take(&mut evidence[t]);
        ev.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out.push(TopicScore {
            code: tax.topics[t].0.clone(),
            name: tax.topics[t].1.clone(),
            score: (score * 1000.0).round() / 1000.0,
            evidence: ev.into_iter().map(|(w, n)| format!("{w}×{n}")).collect(),
        });
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.code.cmp(&b.code)));
    out
}

/// `text.split_ascii_whitespace().count()`: a word starts at the first byte if it is not whitespace,
/// and wherever a non-whitespace byte follows a whitespace one. Counting those byte pairs has no
/// loop-carried state, and with comparisons only and a u8 count per block of 255 pairs (it cannot
/// overflow) the compiler vectorises it: ~1 instruction a byte instead of ~6 for a running-flag loop.
fn count_words(text: &str) -> usize {
    fn space(b: u8) -> bool {
        // ' ', '\t' '\n', '\x0c' '\r': the bytes `u8::is_ascii_whitespace` accepts.
        (b == b' ') | (b.wrapping_sub(b'\t') < 2) | (b.wrapping_sub(b'\x0c') < 2)
    }
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else { return 0 };
    let mut n = usize::from(!space(first));
    for (prev, next) in bytes.chunks(255).zip(bytes[1..].chunks(255)) {
        let starts = prev.iter().zip(next).map(|(&p, &c)| u8::from(space(p) & !space(c))).sum::<u8>();
        n += usize::from(starts);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::count_words;

    #[test]
    fn count_words_matches_split_ascii_whitespace() {
        for s in
            ["", " ", "one", " one  two\tthree\n", "a\u{a0}b c", "\r\n\r\nx\x0cy", "“Quoted,” he said. ", "\x0b v\x1c"]
        {
            assert_eq!(count_words(s), s.split_ascii_whitespace().count(), "{s:?}");
        }
        // Across the 255-pair blocks, and every byte value as a separator.
        let long: String = (0..2000u32).map(|i| if i % 3 == 0 || i % 7 == 0 { ' ' } else { 'x' }).collect();
        assert_eq!(count_words(&long), long.split_ascii_whitespace().count());
        for b in 0..128u8 {
            let s = format!("a{}b{}", char::from(b), char::from(b));
            assert_eq!(count_words(&s), s.split_ascii_whitespace().count(), "{b}");
        }
    }
}
