//! Statements: direct quotes (any quotation marks, split, multi-paragraph, lost marks), colon
//! introductions, indirect speech and "according to", each with its cue and resolved speaker.

use super::coref;
use super::lexicon::{is_cue, is_pronoun, is_role_noun, ANY_CUES, COMMON_WORDS, SOURCES};
use super::people::{mention_at, Mention, People};
use super::text::{Doc, Kind};
use crate::model::{Attribution, ExtractedStatement, StatementKind};

/// A quoted stretch of one paragraph, as token indices.
#[derive(Debug, Clone)]
struct Seg {
    /// The opening mark, if the text has one.
    open: Option<usize>,
    /// The closing mark, if the text has one.
    close: Option<usize>,
    /// Quoted tokens `[a, b)`.
    a: usize,
    b: usize,
    /// Unterminated at paragraph end and the next paragraph opens with a quotation mark.
    continued: bool,
}

/// Who said it, as found in the text.
#[derive(Debug, Clone)]
struct Speaker {
    /// Token range `[s, e)` where the speaker is written.
    s: usize,
    e: usize,
    person: Option<usize>,
    label: Option<String>,
}

#[derive(Debug, Clone)]
struct Attr {
    cue: Option<usize>,
    speaker: Option<Speaker>,
    how: Attribution,
}

/// The speaker the article is following, for quotes without attribution of their own.
struct Following {
    person: Option<usize>,
    label: Option<String>,
    /// Index of the statement whose speaker it is, in the output.
    statement: usize,
    /// An unresolved pronoun carries on only within the paragraph where it was written.
    only_in_para: Option<usize>,
    /// The token after the speaker's span: later mentions of the speaker are nearer to what follows.
    written_end: usize,
}

/// Words that introduce a quoted name or term rather than speech ("the film “...”", "so-called").
const NAMING_WORDS: &[&str] = &[
    "called",
    "titled",
    "entitled",
    "dubbed",
    "named",
    "so-called",
    "film",
    "movie",
    "book",
    "song",
    "album",
    "novel",
    "series",
    "show",
    "programme",
    "program",
    "play",
    "term",
    "word",
    "words",
    "phrase",
    "slogan",
    "nicknamed",
    "hashtag",
    "label",
    "operation",
    "codenamed",
    "headline",
    "motto",
    "brand",
];

const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "one", "another"];

fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›' | '‟')
}

/// The quotation mark of token `i`; NYT-style doubled marks read as their one-character equivalents
/// (`''` as a straight double quote, ``` `` ``` as an opening curly one).
fn mark(doc: &Doc, i: usize) -> char {
    match doc.str(i) {
        "''" => '"',
        "``" => '“',
        _ => doc.first_char(i),
    }
}

/// An opening-looking mark: something follows it directly and whitespace or an opening bracket or dash precedes it.
fn opener_like(doc: &Doc, i: usize, ps: usize) -> bool {
    let t = &doc.tokens[i];
    let before_ok = t.space_before || i == ps || matches!(doc.str(i - 1), "(" | "[" | "—" | "–" | "-" | ":");
    !t.space_after && before_ok
}

/// A closing-looking mark: it hangs on the previous token and whitespace, punctuation or the end follows.
fn closer_like(doc: &Doc, i: usize, pe: usize) -> bool {
    let t = &doc.tokens[i];
    let after_ok = t.space_after || i + 1 >= pe || doc.tokens[i + 1].kind != Kind::Word;
    !t.space_before && after_ok
}

/// Finds quoted segments, paragraph by paragraph.
fn segments(doc: &Doc) -> Vec<Seg> {
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
fn single_quote_segments(doc: &Doc, ps: usize, pe: usize, segs: &mut Vec<Seg>, first_seg: usize) {
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

fn word_count(doc: &Doc, a: usize, b: usize) -> usize {
    (a..b).filter(|&k| doc.is_word(k)).count()
}

/// The speaker phrase ending at token `e` (exclusive), read backwards: a person mention, a pronoun,
/// or a noun phrase ("the political scientist", "police", "the Kremlin").
fn speaker_ending(doc: &Doc, people: &People, e: usize, floor: usize) -> Option<(usize, usize)> {
    if e == 0 || e <= floor {
        return None;
    }
    // "Kiriyenko (the first deputy head ...) told": the speaker is before the parenthesis.
    if doc.str(e - 1) == ")" {
        let open = (floor..e - 1).rev().take(20).find(|&k| doc.str(k) == "(")?;
        return speaker_ending(doc, people, open, floor).map(|(s, _)| (s, open));
    }
    let last = e - 1;
    if let Some(m) = mention_at(people, last) {
        if m.end != e {
            return None;
        }
        // "A spokesman for Bernie Sanders said": the role is the speaker, the name its employer.
        if let Some(role) = owned_by(doc, people, m.start, floor) {
            return Some((role, e));
        }
        return Some((m.start.max(floor), e));
    }
    if !doc.is_word(last) {
        return None;
    }
    let w = doc.low(last);
    // "Cruz himself said": the speaker before the reflexive.
    if matches!(w, "himself" | "herself" | "themselves") && last > floor {
        return speaker_ending(doc, people, last, floor).map(|(s, _)| (s, e));
    }
    // "..., a steep loss for Mr. Sanders, who said ...": the relative pronoun is the written speaker, resolved to its
    // antecedent before the comma (see `resolve`).
    if matches!(w, "who" | "which") {
        // "this tweet from Rikkie Wells who tweeted": a name right before "who" is its antecedent too.
        let named_before = w == "who" && last > floor && mention_at(people, last - 1).is_some_and(|m| m.end == last);
        if named_before {
            return Some((last, e));
        }
        // Without ", " before it ("Who said ..." opening a text) there is no antecedent to look for;
        // checked first because the search below reads the token before the comma (issue 10's panic).
        let antecedent = last > floor + 1 && doc.str(last - 1) == ",";
        if !antecedent {
            return None;
        }
        let named = |a: (usize, usize)| w == "who" || mention_at(people, a.1 - 1).is_none();
        // "who" stands for a person whatever the noun before it: "the suspect, who told officers".
        let any_noun = || w == "who" && last > floor + 2 && np_ending(doc, last - 1, floor).is_some();
        let found = speaker_ending(doc, people, last - 1, floor).is_some_and(named) || any_noun();
        return found.then_some((last, e));
    }
    // "it said": an organisation named before.
    if is_pronoun(w) || w == "it" {
        return Some((last, e));
    }
    // "Yet another said", "Others said": a quantifier standing for people, opening its clause.
    let opens = last == floor || matches!(doc.low(last - 1), "yet" | "and" | "but" | "," | "while");
    if matches!(w, "another" | "others" | "many" | "some" | "several" | "both") && opens {
        return Some((last, e));
    }
    if !(is_role_noun(w) || SOURCES.contains(w) || doc.is_cap(last) && !COMMON_WORDS.contains(w)) {
        return None;
    }
    // Extend left over modifiers to a determiner.
    let mut s = last;
    while s > floor && e - s < 6 {
        let p = s - 1;
        if !doc.is_word(p) && doc.str(p) != "'s" && doc.str(p) != "’s" {
            break;
        }
        let pw = doc.low(p);
        if DETERMINERS.contains(&pw) {
            s = p;
            break;
        }
        // A contraction is no possessive: "he’s certain Rubio".
        if matches!(pw, "'s" | "’s")
            && (p == floor || is_pronoun(doc.low(p - 1)) || COMMON_WORDS.contains(doc.low(p - 1)))
        {
            break;
        }
        // A capitalised conjunction or preposition opening the sentence: "But critics", "As Politico".
        if opens_adverbial(pw) || matches!(pw, "but" | "and" | "or" | "so" | "yet" | "as") {
            break;
        }
        // A past-tense verb with a word before it ends the phrase: "The senator emailed [supporters] saying", but
        // "the embattled senator" keeps its adjective.
        let verb = !doc.is_cap(p) && tag_verb(doc, p) && p > floor && !DETERMINERS.contains(&doc.low(p - 1));
        if is_cue(pw) || (COMMON_WORDS.contains(pw) && !doc.is_cap(p)) || verb {
            break;
        }
        s = p;
    }
    let s = with_owner(doc, (s, e), floor);
    // "Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem told": the person or role the "of"
    // phrase belongs to is the speaker, not the place or body at its end.
    if s > floor + 1 && matches!(doc.low(s - 1), "of" | "at" | "from" | "for") && !is_role_noun(doc.low(last)) {
        if let Some(owner) = speaker_ending(doc, people, s - 1, floor) {
            let head = owner.1 - 1;
            if mention_at(people, head).is_some() || is_role_noun(doc.low(head)) {
                return Some(owner);
            }
        }
    }
    Some((s, e))
}

/// Where a role phrase owning the name at `name` starts: "a spokesman for [Bernie Sanders]", "an aide to [Hillary
/// Clinton]", "the wife of [Donald Trump]".
fn owned_by(doc: &Doc, people: &People, name: usize, floor: usize) -> Option<usize> {
    if name < floor + 2 || !matches!(doc.low(name - 1), "for" | "of" | "to") {
        return None;
    }
    let head = name - 2;
    if !doc.is_word(head) || doc.is_cap(head) || !is_role_noun(doc.low(head)) {
        return None;
    }
    speaker_ending(doc, people, name - 1, floor).map(|(s, _)| s)
}

/// The speaker phrase starting at token `s`, read forwards.
fn speaker_starting(doc: &Doc, people: &People, s: usize, ceil: usize) -> Option<(usize, usize)> {
    if s >= ceil {
        return None;
    }
    if let Some(m) = mention_at(people, s) {
        if m.start != s {
            return None;
        }
        // "Judicial Watch president Tom Fitton", "Clinton campaign Chairman John Podesta": an organisation or
        // employer named first, then the speaker's role and name.
        let role_then_name = (m.end..ceil.min(m.end + 3))
            .take_while(|&x| doc.is_word(x) && !is_cue(doc.low(x)) && mention_at(people, x).is_none())
            .last()
            .filter(|&x| is_role_noun(doc.low(x)))
            .and_then(|x| mention_at(people, x + 1))
            .filter(|m2| m2.end <= ceil);
        return Some((s, role_then_name.map_or(m.end, |m2| m2.end).min(ceil)));
    }
    if !doc.is_word(s) {
        return None;
    }
    if is_pronoun(doc.low(s)) || doc.low(s) == "it" {
        return Some((s, s + 1));
    }
    // A phrase opened by a preposition or subordinator is no speaker: "Over the years, she said ...", "By the end
    // of the day, Mr. Trump ...".
    if opens_adverbial(doc.low(s)) {
        return None;
    }
    // "Ohio State University professor Paul Beck", "former Gov. Jeb Bush", "Gallup’s Jeffrey M. Jones":
    // descriptive words (with abbreviation stops and possessives), then the name ends the phrase.
    // Not function words: in "“…” until Haley said" the quote has no tag.
    // "opinion editor Josh Greenman": a common word may modify a role noun.
    let modifies_role = |x: usize| x + 1 < ceil && doc.is_word(x + 1) && is_role_noun(doc.low(x + 1));
    // "Former Secretary of State Hillary Clinton": "of" inside a capitalised title.
    let title_of = |x: usize| x > s && x + 1 < ceil && doc.low(x) == "of" && doc.is_cap(x - 1) && doc.is_cap(x + 1);
    let descriptive = |x: usize| {
        np_token(doc, x)
            && doc.str(x) != "-"
            && (doc.is_cap(x) || !COMMON_WORDS.contains(doc.low(x)) || modifies_role(x) || title_of(x))
            || doc.str(x) == "."
            || DETERMINERS.contains(&doc.low(x))
    };
    if let Some(m) = (s + 1..ceil.min(s + 8)).take_while(|&x| descriptive(x)).find_map(|x| mention_at(people, x)) {
        let not_cue = |x: usize| !doc.is_word(x) || doc.is_cap(x) || !is_cue(doc.low(x));
        if m.end <= ceil && (s..m.start).all(|x| descriptive(x) && not_cue(x)) {
            return Some((s, m.end));
        }
    }
    let mut e = s;
    if DETERMINERS.contains(&doc.low(s)) {
        e += 1;
    }
    // Modifiers up to the head noun: stop before a preposition, relative pronoun or punctuation.
    let mut head = None;
    // A possessive makes what follows it the head noun, whatever it is: "Patients' groups", "the mayor's staff".
    let mut possessive = None;
    // A plural possessive's apostrophe followed by a word: "Patients' groups".
    let owner_mark = |x: usize| {
        matches!(doc.str(x), "'" | "’") && x > s && x + 1 < ceil && doc.is_word(x + 1) && plural_possessive(doc, x)
    };
    while e < ceil && e - s < 6 && (doc.is_word(e) || matches!(doc.str(e), "'s" | "’s") || owner_mark(e)) {
        if !doc.is_word(e) {
            possessive = Some(e);
            e += 1;
            continue;
        }
        let w = doc.low(e);
        let after_possessive = |h: usize| possessive.is_some_and(|p| h > p);
        // "The Democratic National Convention released ...", "Patients' groups welcomed ...", "The justice
        // sounded off ...": a verb after a capitalised, owned or role head ends the phrase.
        let speaker_head =
            |h: usize| doc.is_cap(h) || after_possessive(h) || is_role_noun(doc.low(h)) || SOURCES.contains(doc.low(h));
        let verb_after_name = head.is_some_and(speaker_head) && tag_verb(doc, e);
        if COMMON_WORDS.contains(w) && !doc.is_cap(e) || is_cue(w) || verb_after_name {
            break;
        }
        head = Some(e);
        e += 1;
    }
    let h = head?;
    let hw = doc.low(h);
    // "Meanwhile, speaking to MSNBC, ...": a sentence adverb is capitalised, not a name; "said Tuesday that": nor
    // is a day.
    if h == s && (is_sentence_adverb(hw) || DAYS.contains(&hw)) {
        return None;
    }
    let owned = possessive.is_some_and(|p| h > p);
    (is_role_noun(hw) || SOURCES.contains(hw) || doc.is_cap(h) || owned).then_some((s, h + 1))
}

/// Resolves a written speaker to a person or a label.
fn resolve(doc: &Doc, people: &People, quoted: &[bool], (s, e): (usize, usize), following: Option<usize>) -> Speaker {
    let mut sp = Speaker { s, e, person: None, label: None };
    // The name is the phrase's head, at its start ("Josh Schwerin, a spokesman") or end ("Clinton spokesman Josh
    // Schwerin").
    // The one at the end wins: in "Clinton spokesman Josh Schwerin" the speaker is Schwerin.
    // Not a name the role belongs to: "a spokesman for Bernie Sanders" is the spokesman.
    // Nor the name of a place or body the person belongs to: "Paul Sperry of Counter Jihad" is Sperry.
    let of_body = |m: &Mention| {
        m.start > s && matches!(doc.low(m.start - 1), "of" | "at" | "from") && mention_at(people, s).is_some()
    };
    let tail = mention_at(people, e - 1).filter(|m| m.end == e && !of_body(m));
    let owned = tail.is_some_and(|m| m.start > s && owned_by(doc, people, m.start, s).is_some());
    if let Some(m) = tail.filter(|_| !owned).or_else(|| mention_at(people, s)) {
        sp.person = Some(m.person);
        return sp;
    }
    if let Some(m) = tail.filter(|_| owned) {
        let head = doc.low(m.start - 2);
        sp.person = coref::nominal(people, head, s);
        if sp.person.is_none() {
            sp.label = Some(doc.slice(s, e - 1).to_string());
        }
        return sp;
    }
    let w = doc.low(e - 1);
    // "Mr. Sanders, who said", "Rikkie Wells who tweeted": the relative pronoun's antecedent.
    if e - s == 1 && matches!(w, "who" | "which") && s >= 2 {
        let before = if doc.str(s - 1) == "," { Some(s - 1) } else { mention_at(people, s - 1).map(|_| s) };
        if let Some(a) = before.and_then(|b| speaker_ending(doc, people, b, doc.sent_start(s))) {
            return resolve(doc, people, quoted, a, following);
        }
    }
    if e - s == 1 && matches!(w, "he" | "she") {
        sp.person = coref::pronoun(doc, people, quoted, s, following);
    } else if is_role_noun(w) && !(SOURCES.contains(w) && w.ends_with('s')) {
        sp.person = coref::nominal(people, w, s);
    }
    if sp.person.is_none() {
        sp.label = Some(doc.slice(s, e - 1).to_string());
    }
    sp
}

/// Attribution in the tokens right after a closing mark: `, says Abbas Gallyamov`, `, she said`.
fn after_quote(doc: &Doc, people: &People, close: usize) -> Option<(usize, (usize, usize))> {
    let pe = doc.paras[doc.tokens[close].para.min(doc.paras.len() - 1)].1;
    if let Some(sig) = signature(doc, people, close, pe) {
        return Some(sig);
    }
    let found = tag_after(doc, people, close, pe)?;
    // `“… is ongoing.” He said the FBI …`: a full stop inside the marks and a capital after them start a new
    // sentence, whose "He said" is not this quote's attribution; but in `“… missing.” Trump said.` the sentence
    // is nothing but the tag.
    let new_sentence = close > 0 && doc.str(close - 1) == "." && close + 1 < pe && doc.is_cap(close + 1);
    let tag_only = found.0 + 1 >= pe || matches!(doc.str(found.0 + 1), "." | "!");
    (!new_sentence || tag_only).then_some(found)
}

/// A signature line after a quotation, in its paragraph or opening the next: `“…” —Michelle Marks, Philadelphia.`,
/// `-President Obama, tweeting after Clinton's speech.`, `“…” (Xochitl Gomez, 25)`. A dash or opening parenthesis,
/// then a named person ending the line or followed by a comma, or an unnamed signer's description. Returns the dash or
/// parenthesis as the cue, and the speaker phrase.
fn signature(doc: &Doc, people: &People, close: usize, pe: usize) -> Option<(usize, (usize, usize))> {
    let d = close + 1;
    if d >= doc.tokens.len() || !matches!(doc.str(d), "—" | "–" | "-" | "(") {
        return None;
    }
    let line_end = doc.paras[doc.tokens[d].para].1;
    // The next paragraph's dash line only after a quotation that ends its own paragraph (`d == pe`).
    if d > pe {
        return None;
    }
    if let Some(sp) = speaker_starting(doc, people, d + 1, line_end) {
        let named = ends_in_name(people, sp);
        let ends = sp.1 >= line_end || matches!(doc.str(sp.1), "," | "." | "(" | ")");
        if named && ends {
            return Some((d, sp));
        }
    }
    // An unnamed signer described to the end of the line: "— A 25-year-old student in San Antonio".
    let end = if doc.str(line_end - 1) == "." { line_end - 1 } else { line_end };
    let plain = |x: usize| {
        doc.tokens[x].kind != Kind::Quote
            && !matches!(doc.str(x), "—" | "–" | "-")
            && !(doc.is_word(x) && is_cue(doc.low(x)))
    };
    let described = d + 2 < end
        && end - d <= 13
        && matches!(doc.str(close - 1), "." | "!" | "?")
        && matches!(doc.str(d + 1), "A" | "An")
        && (d + 1..end).all(plain);
    described.then_some((d, (d + 1, end)))
}

/// A transcript line's speaker: a named person opening tokens `[a, b)` and followed by a colon, with at least three
/// words after it ("Chris Matthews: Seriously, seriously about this."). Returns the name and the colon.
fn transcript_speaker(doc: &Doc, people: &People, a: usize, b: usize) -> Option<((usize, usize), usize)> {
    // "McCain Challenger Kelli Ward: Impeach AG Lynch": a description may come before the name.
    let sp = speaker_starting(doc, people, a, b).filter(|&sp| ends_in_name(people, sp) && sp.1 < b)?;
    let colon = sp.1;
    (doc.str(colon) == ":" && word_count(doc, colon + 1, b) >= 3).then_some((sp, colon))
}

/// Transcript lines without quotation marks: a paragraph "Alex Seitz-Wald: She is right on all these things." is
/// the named person's words. In the first line, a headline: "Abbas Gallyamov: Putin wants peace ...", "Bill Clinton:
/// Hillary ‘Better Qualified to Be President’" (its quoted words folded in, a mixed statement).
fn transcript_lines(doc: &Doc, people: &People, quoted: &[bool], found: &mut Vec<Found>) {
    for (i, &(ps, pe)) in doc.paras.iter().enumerate() {
        let Some((sp, colon)) = transcript_speaker(doc, people, ps, pe) else { continue };
        // Below the headline, a sentence, not a subheading ("Obama: A Legacy in Doubt").
        if i > 0 && !matches!(doc.str(pe - 1), "." | "!" | "?") {
            continue;
        }
        let (ta, tb) = (colon + 1, sentence_text_end(doc, colon + 1, pe));
        if quoted[ta] || absorb_quotes(doc, found, (ta, tb), colon, sp, Attribution::Colon, false) {
            continue;
        }
        // Like other colon introductions without marks (issue 4), not a direct quote.
        if let Some((start, end)) = text_range(doc, ta, tb) {
            let attr = Attr { cue: Some(colon), speaker: Some(resolve_later(sp)), how: Attribution::Colon };
            found.push(Found { kind: StatementKind::Indirect, start, end, attr, nested: false, tok: ta, chain: None });
        }
    }
}

/// A name line of a quote roundup: paragraph `p` is short, starts with a named person ("Maria Lopez, 34, Phoenix"),
/// and holds no quotation and no verb of saying. Returns the name.
fn name_line(doc: &Doc, people: &People, p: usize) -> Option<(usize, usize)> {
    let (hs, he) = *doc.paras.get(p)?;
    if he <= hs || he - hs > 12 {
        return None;
    }
    if (hs..he).any(|x| doc.tokens[x].kind == Kind::Quote || doc.is_word(x) && is_cue(doc.low(x))) {
        return None;
    }
    let sp = speaker_starting(doc, people, hs, he)?;
    let named = ends_in_name(people, sp);
    let ends = sp.1 >= he || matches!(doc.str(sp.1), "," | "." | "(" | ":");
    (named && ends).then_some(sp)
}

/// A pull quote signed on its last line, inside the marks: `"We are going to enter the next recession …` then, on
/// a line of its own, `Josh Bivens, Economic Policy Institute."`. `sig` is the segment the closing mark ends (it has
/// no opening mark); returns the signer when that line is only a name or a role and its details.
fn pull_quote_signature(doc: &Doc, people: &People, quote: &Seg, sig: &Seg) -> Option<(usize, usize)> {
    let close = sig.close.filter(|_| quote.close.is_none() && sig.open.is_none())?;
    let (ps, pe) = doc.paras[doc.tokens[close].para];
    let next_para = doc.tokens[quote.b - 1].para + 1;
    if doc.tokens[ps].para != next_para || sig.a != ps || (close + 1..pe).any(|x| doc.is_word(x)) {
        return None;
    }
    if word_count(doc, ps, close) > 10 || (ps..close).any(|x| doc.is_word(x) && is_cue(doc.low(x))) {
        return None;
    }
    // The signer's affiliation: "Center for Economic and Policy Research".
    let detail = |x: usize| name_detail(doc, x) || matches!(doc.low(x), "for" | "and" | "the" | "at" | "on");
    let signs = |sp: &(usize, usize)| sp.1 == close || matches!(doc.str(sp.1), "," | ".") && (sp.1..close).all(detail);
    // Or an unnamed role: "Republican National Committee member."
    let role = || {
        let e = (ps..close).find(|&x| !doc.is_word(x)).unwrap_or(close);
        (e > ps && doc.is_cap(ps) && is_role_noun(doc.low(e - 1))).then_some((ps, e))
    };
    speaker_starting(doc, people, ps, close).filter(signs).or_else(|| role().filter(signs))
}

/// A roundup's name after a quotation that ends with its own full stop, closing the paragraph with nothing but
/// details: `“… I was born here.” Maria Lopez, 34, Phoenix`.
fn inline_signature(doc: &Doc, people: &People, close: usize) -> Option<(usize, usize)> {
    let pe = doc.paras[doc.tokens[close].para].1;
    if close == 0 || !matches!(doc.str(close - 1), "." | "!" | "?") || close + 1 >= pe {
        return None;
    }
    name_then_details(doc, people, close + 1, pe, 12)
}

/// A named person starting at token `a`, then nothing but details up to `b` (at most `max_details` tokens): "Maria
/// Lopez, 34, of Phoenix". Returns the name.
fn name_then_details(doc: &Doc, people: &People, a: usize, b: usize, max_details: usize) -> Option<(usize, usize)> {
    let m = mention_at(people, a).filter(|m| m.start == a && m.end <= b && b - m.end <= max_details)?;
    (m.end..b).all(|x| name_detail(doc, x)).then_some((m.start, m.end))
}

/// Whether the phrase `sp` ends with a named person's mention.
fn ends_in_name(people: &People, sp: (usize, usize)) -> bool {
    mention_at(people, sp.1 - 1).is_some_and(|m| m.end == sp.1)
}

/// A token of the details that follow a name in a roundup or signature: its age, place and punctuation ("Maria
/// Lopez, 34, of Phoenix, Ariz.").
fn name_detail(doc: &Doc, x: usize) -> bool {
    matches!(doc.str(x), "," | "." | "(" | ")" | "—" | "–" | "-")
        || doc.is_cap(x)
        || matches!(doc.low(x), "of" | "from" | "in")
        || doc.str(x).bytes().all(|b| b.is_ascii_digit())
}

/// A line between a roundup's name and its quotation that belongs to neither: a photo credit ("Getty.", "AP
/// Photo/Jae C. Hong", "Courtesy of the family") or an item number ("3", "12.").
fn filler_line(doc: &Doc, p: usize) -> bool {
    let (ps, pe) = doc.paras[p];
    if pe <= ps || pe - ps > 6 || (ps..pe).any(|x| doc.tokens[x].kind == Kind::Quote) {
        return false;
    }
    let number = doc.str(ps).bytes().all(|b| b.is_ascii_digit()) && (ps + 1..pe).all(|x| !doc.is_word(x));
    let credit = matches!(
        doc.low(ps),
        "getty"
            | "ap"
            | "reuters"
            | "afp"
            | "courtesy"
            | "photo"
            | "photos"
            | "image"
            | "images"
            | "credit"
            | "screenshot"
    );
    number || credit
}

/// Whether paragraph `p` is a quotation of its own: it opens with a quotation mark.
fn quote_paragraph(doc: &Doc, p: usize) -> bool {
    doc.paras.get(p).is_some_and(|&(ps, pe)| ps < pe && doc.tokens[ps].kind == Kind::Quote)
}

/// The name lines of quote roundups, by paragraph, and which of them sign the quotation above them rather than the
/// one below. Roundups put the name either before every quotation or after every one: a name line signs the
/// quotation above when that quotation has no name line of its own before it.
struct NameLines {
    name_of_para: Vec<Option<(usize, usize)>>,
    signs_above: Vec<bool>,
    /// The paragraph before / after each one, past photo credits and item numbers ("Getty.", "3").
    above: Vec<Option<usize>>,
    below: Vec<Option<usize>>,
}

impl NameLines {
    fn new(doc: &Doc, people: &People) -> NameLines {
        let n = doc.paras.len();
        let name: Vec<Option<(usize, usize)>> = (0..n).map(|p| name_line(doc, people, p)).collect();
        let filler: Vec<bool> = (0..n).map(|p| filler_line(doc, p)).collect();
        let above: Vec<Option<usize>> = (0..n).map(|p| (p.saturating_sub(3)..p).rev().find(|&q| !filler[q])).collect();
        let below: Vec<Option<usize>> = (0..n).map(|p| (p + 1..n.min(p + 4)).find(|&q| !filler[q])).collect();
        let mut signs_above = vec![false; n];
        for p in 0..n {
            let Some(q) = above[p] else { continue };
            let above_has_own = above[q].is_some_and(|r| name[r].is_some() && !signs_above[r]);
            signs_above[p] = name[p].is_some() && quote_paragraph(doc, q) && !above_has_own;
        }
        NameLines { name_of_para: name, signs_above, above, below }
    }

    /// The speaker named by a line of its own next to the paragraph that the quotation opens: the line before
    /// ("Maria Lopez, 34, Phoenix" then "“…”"), or, in a roundup signed below its quotations, the line after.
    fn speaker(&self, doc: &Doc, people: &People, s: &Seg) -> Option<(usize, usize)> {
        if let Some(sp) = s.close.and_then(|c| inline_signature(doc, people, c)) {
            return Some(sp);
        }
        let open = s.open?;
        let p = doc.tokens[open].para;
        let ps = doc.paras[p].0;
        // A news digest's item: "UN: PEACEKEEPERS PAYING 13-YEAR-OLDS FOR SEX “The United Nations has ...”". The
        // excerpt is the story's, named by its headline in capitals.
        let capitals = |x: usize| !doc.is_word(x) || doc.str(x).chars().all(|c| !c.is_lowercase());
        // Not a dateline: "NEW YORK (AP) — “…”".
        let dateline = (ps..open).any(|x| matches!(doc.str(x), "—" | "–" | "-" | "--" | "("));
        if word_count(doc, ps, open) >= 3 && !dateline && (ps..open).all(capitals) {
            return Some((ps, open));
        }
        // "Maria Lopez, 34, Phoenix “…”", "Maria Lopez, 34 — “…”": the name and its details open the paragraph.
        if open != ps {
            return name_then_details(doc, people, ps, open, 10).filter(|sp| sp.1 < open);
        }
        if let Some(q) = self.above[p].filter(|&q| !self.signs_above[q]) {
            if let Some(sp) = self.name_of_para[q] {
                return Some(sp);
            }
        }
        // Signed below: the quotation ends its paragraph.
        let close = s.close?;
        let ends_para = (close + 1..doc.paras[p].1).all(|x| !doc.is_word(x));
        let q = self.below[p].filter(|&q| ends_para && self.signs_above[q])?;
        self.name_of_para[q]
    }
}

/// A plural possessive's apostrophe ("Sanders’ campaign manager", "in Forbes’ words"): not a quotation mark.
fn plural_possessive(doc: &Doc, c: usize) -> bool {
    let t = &doc.tokens[c];
    !t.space_before && t.space_after && c > 0 && doc.is_word(c - 1) && doc.low(c - 1).ends_with('s')
}

/// The cue and speaker of the tag after a closing mark, within the paragraph ending at `pe`.
fn tag_after(doc: &Doc, people: &People, close: usize, pe: usize) -> Option<(usize, (usize, usize))> {
    let mut k = close + 1;
    // A nested quote closing with its outer one (`...?''' Mr. Biden said`) leaves a second mark.
    while k < pe && doc.tokens[k].kind == Kind::Quote && !doc.tokens[k].space_before {
        k += 1;
    }
    while k < pe && matches!(doc.str(k), "," | "—" | "–" | "-") {
        k += 1;
    }
    // The attribution ends at the sentence end or the next quotation mark.
    let mut ceil = k;
    // A full stop ends it only where the sentence ends ("Ms. Gil said" goes on past "Ms.").
    let stop = |c: usize| match doc.str(c) {
        "!" | "?" | ";" => true,
        "." => c + 1 >= pe || doc.sent_start(c + 1) == c + 1,
        _ => false,
    };
    while ceil < pe && !stop(ceil) && (doc.tokens[ceil].kind != Kind::Quote || plural_possessive(doc, ceil)) {
        ceil += 1;
    }
    if k >= ceil {
        return None;
    }
    // An auxiliary before the cue: "a déclaré", "hat gesagt".
    if k + 1 < ceil && matches!(doc.low(k), "a" | "has" | "hat" | "ha") && is_cue(doc.low(k + 1)) {
        k += 1;
    }
    // "“…,” according to CNN."
    if let Some(sp) = according_source(doc, people, k, ceil) {
        return Some((k, sp));
    }
    // "Cruz said there is “…,” adding that …": a participle's subject is the sentence's, not a tag after it.
    if doc.is_word(k) && !doc.is_cap(k) && doc.low(k).ends_with("ing") && is_cue(doc.low(k)) {
        return None;
    }
    if doc.is_word(k) && is_cue(doc.low(k)) && !doc.is_cap(k) || doc.is_word(k) && is_cue(doc.low(k)) && k == close + 1
    {
        // "says Abbas Gallyamov"
        if let Some(sp) = speaker_starting(doc, people, k + 1, ceil).filter(|&sp| !opens_clause(doc, sp)) {
            return Some((k, sp));
        }
        // "said the 46-year-old", "said the man who built his career on ...": a description up to the clause end.
        let article = k + 1 < ceil && matches!(doc.low(k + 1), "the" | "a" | "an" | "one" | "another");
        return np_after_cue(doc, people, k, ceil, if article { 16 } else { 7 }).map(|sp| (k, sp));
    }
    // "quipped Smith": any past-tense verb right after the quote, then a named person; or a noun phrase that ends
    // the tag ("read the email.", "opined Cleveland's Plain Dealer.").
    if k < ceil && tag_verb(doc, k) {
        if let Some(m) = mention_at(people, k + 1).filter(|m| m.start == k + 1) {
            return Some((k, (m.start, m.end.min(ceil))));
        }
        // "reads a Wednesday editorial in The Des Moines Register.": a description may be longer.
        let article = k + 1 < ceil && matches!(doc.low(k + 1), "the" | "a" | "an");
        if let Some(sp) = np_after_cue(doc, people, k, ceil, if article { 12 } else { 7 }) {
            return Some((k, sp));
        }
    }
    // "she said", "Smith also told reporters", "the man shouted"; else a longer description ("the Florida senator
    // and Republican presidential candidate said").
    speaker_starting(doc, people, k, ceil)
        .and_then(|sp| subject_verb(doc, people, sp, ceil))
        .or_else(|| subject_verb(doc, people, det_np_starting(doc, k, ceil)?, ceil))
        .or_else(|| long_subject(doc, people, k, ceil))
}

/// A long speaker phrase between a quotation and its verb, naming a person or ending in a role: "Fight for $15
/// organizing director Kendall Fells told", "nuclear experts David Albright and Serena Kelleher-Vergantini of
/// Washington's Institute for Science and International Security wrote", "the bespectacled, 71-year-old diplomat
/// said". It holds no other verb, auxiliary or relative clause. Returns the verb and the phrase.
fn long_subject(doc: &Doc, people: &People, k: usize, ceil: usize) -> Option<(usize, (usize, usize))> {
    let c = (k + 1..ceil.min(k + 20)).find(|&x| doc.is_word(x) && !doc.is_cap(x) && is_cue(doc.low(x)))?;
    let e = aux_back(doc, c, k);
    if e <= k || !doc.is_word(k) || opens_adverbial(doc.low(k)) || is_pronoun(doc.low(k)) {
        return None;
    }
    let plain = |x: usize| {
        if !doc.is_word(x) {
            return doc.tokens[x].kind != Kind::Quote && !matches!(doc.str(x), ":" | ";" | "—" | "–" | "--");
        }
        let w = doc.low(x);
        // An adjective in -ed after a determiner is no verb: "the bespectacled, 71-year-old diplomat".
        let adjective = x > k && DETERMINERS.contains(&doc.low(x - 1));
        !is_auxiliary(w) && !is_relative(w) && (doc.is_cap(x) || adjective || !tag_verb(doc, x))
    };
    let head = (k..e).any(|x| mention_at(people, x).is_some() || doc.is_word(x) && is_role_noun(doc.low(x)));
    ((k..e).all(plain) && head).then_some((c, (k, e)))
}

/// A noun phrase of at most `max_len` tokens after the tag's verb at `k` that ends the tag (`ceil`) or runs to a
/// comma: "wrote Time magazine.", "tweeted another.", "read the statement, which ...".
fn np_after_cue(doc: &Doc, people: &People, k: usize, ceil: usize, max_len: usize) -> Option<(usize, usize)> {
    // A relative clause ends the phrase: "said one of two witnesses who relayed the same story".
    let e = (k + 1..ceil).find(|&x| !np_token(doc, x) || x > k + 1 && is_relative(doc.low(x))).unwrap_or(ceil);
    // "said master of ceremonies Asab Al-Tabchi, a Syrian engineer": a role before a name.
    let named = e > k + 1 && ends_in_name(people, (k + 1, e));
    let opens = k + 1 < e && (DETERMINERS.contains(&doc.low(k + 1)) || doc.is_cap(k + 1) || named);
    let ends = e == ceil || doc.str(e) == "," || is_relative(doc.low(e));
    // Not a clause: "said the candidate could win".
    let clause = has_auxiliary(doc, k + 1, e);
    (opens && ends && !clause && e <= k + max_len).then_some((k + 1, e))
}

/// The verb that tags a quote after the speaker phrase `sp` (read forwards, ending before `ceil`), past the
/// phrase's possessive, parenthesis, apposition, "of" phrase and adverbs; with the speaker phrase.
fn subject_verb(doc: &Doc, people: &People, mut sp: (usize, usize), ceil: usize) -> Option<(usize, (usize, usize))> {
    // "Trump's senior communications adviser Jason Miller said": a possessive, then the speaker's title and name;
    // "Ryan’s office said": or the noun it owns.
    if sp.1 < ceil && matches!(doc.str(sp.1), "'s" | "’s") {
        let name = (sp.1 + 1..ceil.min(sp.1 + 8)).take_while(|&x| doc.is_word(x)).find_map(|x| mention_at(people, x));
        if let Some(m) = name.filter(|m| m.end <= ceil) {
            sp.1 = m.end;
        } else if let Some(v) = (sp.1 + 1..ceil.min(sp.1 + 5)).find(|&x| !np_token(doc, x) || tag_verb(doc, x)) {
            // "Ms. Merkel's spokesman, Steffen Seibert, wrote": the owned noun, then its apposition.
            if v > sp.1 + 1 && (tag_verb(doc, v) || doc.str(v) == ",") {
                sp.1 = v;
            }
        }
    }
    // "Brent Bozell III", "Martin Luther King Jr.": a generational suffix ends the name.
    let suffix = |x: usize| matches!(doc.low(x), "jr" | "sr" | "ii" | "iii" | "iv");
    while sp.1 < ceil && (suffix(sp.1) || doc.str(sp.1) == "." && suffix(sp.1 - 1)) {
        sp.1 += 1;
    }
    // "Edward-Isaac Dovere and Gabriel Debenedetti wrote": two named people.
    if sp.1 + 1 < ceil && doc.low(sp.1) == "and" {
        if let Some(m) = mention_at(people, sp.1 + 1).filter(|m| m.start == sp.1 + 1 && m.end < ceil) {
            sp.1 = m.end;
        }
    }
    let mut c = sp.1;
    // "Harry M. Reid (D-Nev.) said": skip a parenthesis after the name.
    if c < ceil && doc.str(c) == "(" {
        if let Some(close) = (c + 1..ceil.min(c + 12)).find(|&x| doc.str(x) == ")") {
            c = close + 1;
        }
    }
    // "Jeffrey Lewis of the James Martin Center wrote", "a spokesman for committee Democrats said", "a staffer in
    // the room wondered": the speaker's prepositional phrase before the verb.
    if c < ceil && matches!(doc.low(c), "of" | "for" | "from" | "at" | "in" | "with") {
        if let Some(v) = (c + 1..ceil.min(c + 10)).find(|&x| !np_token(doc, x) || tag_verb(doc, x)) {
            if tag_verb(doc, v) {
                c = v;
            }
        }
    }
    // "Jeff Weaver, Sanders' campaign manager, said": skip the apposition to its closing comma (issue 4).
    // "Harry Bond, 30, of Raleigh, N.C., said": any later comma of the apposition may be the closing one.
    if c < ceil && doc.str(c) == "," {
        let closing = (c + 1..ceil.min(c + 30))
            .find(|&x| doc.str(x) == "," && x + 1 < ceil && doc.is_word(x + 1) && is_cue(doc.low(x + 1)));
        if let Some(close) = closing {
            // "Ms. Merkel's spokesman, Steffen Seibert, wrote": a name in apposition to a description is the speaker.
            let apposed = mention_at(people, c + 1).filter(|m| m.start == c + 1 && m.end == close);
            if let Some(m) = apposed.filter(|_| mention_at(people, sp.1 - 1).is_none()) {
                sp = (m.start, m.end);
            }
            c = close + 1;
        } else if let Some(m) = mention_at(people, c + 1).filter(|m| m.start == c + 1 && m.end < ceil) {
            // "another friend, Mariam Emara told CNN": the name in apposition, then the cue.
            if doc.is_word(m.end) && is_cue(doc.low(m.end)) {
                sp = (m.start, m.end);
                c = m.end;
            }
        } else if c + 1 < ceil && matches!(doc.low(c + 1), "the" | "a" | "an") {
            // "Nate Silver, the polling guru who founded fivethirtyeight.com tweeted": an apposition the writer
            // did not close, then the cue.
            let glued = |x: usize| doc.str(x) == "." && !doc.tokens[x].space_before && !doc.tokens[x].space_after;
            if let Some(v) = (c + 2..ceil.min(c + 16))
                .take_while(|&x| doc.is_word(x) || glued(x))
                .find(|&x| !doc.is_cap(x) && is_cue(doc.low(x)))
            {
                c = v;
            }
        }
    }
    while c < ceil && c < sp.1 + 2 && doc.is_word(c) && !is_cue(doc.low(c)) && tag_adverb(doc.low(c)) {
        c += 1;
    }
    if c < ceil && doc.is_word(c) && is_cue(doc.low(c)) {
        return Some((c, sp));
    }
    // "“…,” he surmised.", "“…,” Toomey fumed on Tuesday": right after a quote, a pronoun or named subject and a
    // past-tense verb attribute it whatever the verb.
    (c < ceil && tag_verb(doc, c)).then_some((c, sp))
}

/// A token of a noun phrase: a word, a possessive or a hyphen.
fn np_token(doc: &Doc, x: usize) -> bool {
    doc.is_word(x) || matches!(doc.str(x), "'s" | "’s" | "-")
}

/// A description opened by a determiner ("the man", "another commenter", "one person with knowledge of the talks"),
/// up to (not including) the first verb that can tag a quote; at most a dozen tokens.
fn det_np_starting(doc: &Doc, s: usize, ceil: usize) -> Option<(usize, usize)> {
    if !(doc.is_word(s) && DETERMINERS.contains(&doc.low(s))) {
        return None;
    }
    // The word right after the determiner is a noun even when it could be a verb ("the report stated").
    // An auxiliary or relative pronoun ends the phrase: "The phone number is disconnected" is no speech, "a flaw
    // that allowed" no speaker; "The school had collaborated" is, by its subject.
    let stop = |x: usize| !np_token(doc, x) || tag_verb(doc, x) || is_auxiliary(doc.low(x)) || is_relative(doc.low(x));
    let e = (s + 2..ceil.min(s + 12)).find(|&x| stop(x))?;
    let perfect = matches!(doc.low(e), "has" | "had" | "have") && e + 1 < ceil && tag_verb(doc, e + 1);
    (np_token(doc, s + 1) && (tag_verb(doc, e) || perfect)).then_some((s, e))
}

/// A verb that can tag a quote it follows: a verb of saying, or any lower-case past-tense form ("fumed", "wrote").
fn tag_verb(doc: &Doc, k: usize) -> bool {
    if !doc.is_word(k) || doc.is_cap(k) {
        return false;
    }
    let w = doc.low(k);
    is_cue(w)
        || matches!(w, "wrote" | "read" | "reads" | "began" | "went" | "shot" | "hit" | "spoke" | "swore")
        || w.len() > 4 && w.ends_with("ed") && !COMMON_WORDS.contains(w)
}

/// A cue word used as a noun: after an article or possessive ("her home state", "a press release", "his
/// comments"). Not after "one"/"another", which are subjects ("another said").
fn cue_is_noun(doc: &Doc, k: usize, floor: usize) -> bool {
    k > floor
        && (matches!(
            doc.low(k - 1),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "this" | "press" | "'s" | "’s"
        ) || counted_noun(doc, k))
}

/// A cue word that is a noun by the word before it: a number or quantifier ("five states", "many reports"), or a
/// compound ("her home state", "the swing states", "the United States").
fn counted_noun(doc: &Doc, k: usize) -> bool {
    let p = doc.low(k - 1);
    NUMBERS.contains(&p)
        || p.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            p,
            "home"
                | "several"
                | "many"
                | "both"
                | "other"
                | "few"
                | "those"
                | "these"
                | "united"
                | "swing"
                | "battleground"
                | "key"
                | "early"
                | "all"
        )
}

/// Attribution before an opening mark in the same sentence: `Smith said: “`, `He told the BBC, “`.
fn before_quote(doc: &Doc, people: &People, open: usize) -> Option<(usize, (usize, usize), bool)> {
    let floor = doc.sent_start(open);
    let colon = open > floor && doc.str(open - 1) == ":";
    // "Jeffrey M. Jones: “Gallup’s analysis ...”", "More from Blumenthal and Cohen: “...”", "Mark Blumenthal and
    // Jon Cohen: “…”": a name, or two, introduces the quote with a colon alone; so does a noun phrase after "from".
    if colon && open >= floor + 2 {
        // "Rep. Trey Gowdy (R-S.C.):": the name before its parenthesis.
        let named = if doc.str(open - 2) == ")" {
            speaker_ending(doc, people, open - 1, floor)
                .filter(|&sp| ends_in_name(people, sp))
                .map(|sp| (sp.0, open - 1))
        } else {
            mention_at(people, open - 2).filter(|m| m.end == open - 1 && m.start >= floor).map(|m| (m.start, m.end))
        };
        let mut sp = named.or_else(|| np_ending(doc, open - 1, floor));
        if let Some((s0, e0)) = sp.filter(|&(s0, _)| s0 >= floor + 2 && doc.low(s0 - 1) == "and") {
            if let Some(first) = mention_at(people, s0 - 2).filter(|m| m.end == s0 - 1 && m.start >= floor) {
                sp = Some((first.start, e0));
            }
        }
        if let Some((s0, e0)) = sp {
            let after = |w: &str| matches!(w, "-" | "—" | "–" | "from");
            let lead = named.is_some() && (floor..s0).all(|x| doc.is_cap(x) || doc.str(x) == ".")
                || s0 > floor && after(doc.low(s0 - 1));
            if lead {
                return Some((open - 1, (s0, e0), true));
            }
        }
        // "Maria Lopez, 34, of Phoenix: “…”": a name opening the sentence, then only an age and a place.
        if let Some(sp) = name_then_details(doc, people, floor, open - 1, 8).filter(|sp| doc.str(sp.1) == ",") {
            return Some((open - 1, sp, true));
        }
    }
    let mut k = open;
    // The cue closest to the quote, within a dozen tokens, not inside another quote.
    while k > floor && open - k < 14 {
        k -= 1;
        if doc.tokens[k].kind == Kind::Quote && !plural_possessive(doc, k) {
            return None;
        }
        // "According to the Daily Caller, “…”", "According to Paul Sperry of Counter Jihad, “…”".
        let source_only = |sp: &(usize, usize)| {
            let word = |x: usize| doc.is_word(x) || matches!(doc.str(x), "'s" | "’s" | "'" | "’");
            matches!(doc.str(open - 1), "," | ":") && open - 1 <= sp.1 + 8 && (sp.1..open - 1).all(word)
        };
        if let Some(sp) = according_source(doc, people, k, open).filter(source_only) {
            return Some((k, sp, colon));
        }
        // "As Professor Foner put it: ..."
        let put_it = matches!(doc.low(k), "put" | "puts") && k + 1 < open && doc.low(k + 1) == "it";
        // A capitalised cue inside the sentence is part of a name ("United States", "The Washington Post").
        // "Hillary Clinton cracked, “…”": any past-tense verb introducing the quotation right after it.
        let introducing_verb = k + 2 == open && matches!(doc.str(k + 1), "," | ":") && tag_verb(doc, k);
        let cue = doc.is_word(k)
            && (is_cue(doc.low(k)) || introducing_verb)
            && !(doc.is_cap(k) && k > floor)
            && !continues_to(doc, k);
        // After a determiner or possessive the cue word is a noun ("her home state", "a press release", "his
        // comments"): look further back.
        if cue && cue_is_noun(doc, k, floor) {
            continue;
        }
        if cue || put_it {
            // "Clinton was asked by a reporter, “…”": a passive's agent speaks, never its subject.
            let passive =
                k > floor && matches!(doc.low(k - 1), "was" | "were" | "is" | "are" | "been" | "being" | "be");
            if passive && k + 2 < open && doc.low(k + 1) == "by" {
                let agent =
                    speaker_starting(doc, people, k + 2, open).or_else(|| np_after_cue(doc, people, k + 1, open, 8));
                return agent.map(|sp| (k, sp, colon));
            }
            // "..., explained Rosenberg, “…”": an inverted tag, its named speaker right before the mark.
            if k > floor && doc.str(k - 1) == "," && open >= k + 3 && matches!(doc.str(open - 1), "," | ":") {
                let named = |sp: &(usize, usize)| sp.1 == open - 1 && mention_at(people, sp.1 - 1).is_some();
                if let Some(sp) = speaker_starting(doc, people, k + 1, open - 1).filter(named) {
                    return Some((k, sp, colon));
                }
            }
            let e = aux_back(doc, k, floor);
            if let Some(sp) = speaker_ending(doc, people, e, floor) {
                // "The senator emailed supporters saying: “…”": a participle's speaker is the subject of the verb
                // before its object.
                let object_of = |sp: (usize, usize)| {
                    let v =
                        sp.0.checked_sub(1)
                            .filter(|&v| v > floor && doc.low(k).ends_with("ing") && tag_verb(doc, v))?;
                    speaker_ending(doc, people, aux_back(doc, v, floor), floor)
                };
                let sp = object_of(sp).unwrap_or(sp);
                return Some((k, message_sender(doc, people, outer_speaker(doc, people, sp, floor), floor), colon));
            }
            // "Carson did not mention his opponents, but told his supporters, “…”": the subject of the clause the
            // conjunction joins opens the sentence.
            if e > floor + 1 && matches!(doc.low(e - 1), "and" | "but") {
                let c = if doc.str(e - 2) == "," { e - 2 } else { e - 1 };
                if let Some(sp) = conjoined_subject(doc, people, c, floor) {
                    return Some((k, sp, colon));
                }
            }
            // "Trump tried to laugh it off by interjecting, “…”": a participle after a preposition has the
            // sentence's subject.
            let introduces = k + 1 == open || k + 2 == open && matches!(doc.str(k + 1), "," | ":");
            if introduces
                && e > floor + 1
                && doc.low(k).ends_with("ing")
                && matches!(doc.low(e - 1), "by" | "while" | "after" | "before")
            {
                if let Some(sp) = speaker_starting(doc, people, subject_start(doc, floor, e - 1), e - 1) {
                    return Some((k, sp, colon));
                }
            }
            // "Mr. Trump was prompted to say, “…”", "he went on to tell": the subject of the verbs before "to".
            if introduces && e > floor + 2 && doc.low(e - 1) == "to" {
                let verbs = (floor..e - 1)
                    .rev()
                    .take(3)
                    .take_while(|&x| doc.is_word(x) && !doc.is_cap(x) && !is_cue(doc.low(x)));
                if let Some(sp) =
                    verbs.into_iter().find_map(|x| speaker_ending(doc, people, x, floor).filter(|sp| sp.1 == x))
                {
                    return Some((k, sp, colon));
                }
            }
            // "he, once again, pledged": an aside between commas.
            if let Some(c) = aside_start(doc, e, floor) {
                if let Some(sp) = speaker_ending(doc, people, c, floor) {
                    return Some((k, sp, colon));
                }
            }
            // "Mr. Manafort, citing “the unique magic of Trump,” said": a comma inside the closing mark.
            if e > floor + 2 && doc.tokens[e - 1].kind == Kind::Quote && doc.str(e - 2) == "," {
                if let Some(sp) = subject_before_aside(doc, people, e - 2, floor) {
                    return Some((k, sp, colon));
                }
            }
            if e > floor + 1 && doc.str(e - 1) == "," {
                // "the F.B.I. director, James B. Comey, said ...": the name in apposition before the cue's comma;
                // else "Kerpen needled the reporter, saying, “...”": the subject opens the sentence (issue 4).
                // "Gov. John Kasich (R-OH), said": the name before its parenthesis.
                // Not before a participle: in "Sanders compared himself to Clinton, saying, “…”" the name is an object;
                // but "Spicer said, adding, “…”" is the speaker of the cue before the comma.
                let participle = doc.low(k).ends_with("ing");
                if let Some(sp) = prior_tag_speaker(doc, people, e - 1, floor).filter(|_| participle) {
                    return Some((k, sp, colon));
                }
                let apposed = mention_at(people, e - 2).filter(|m| m.end == e - 1 && m.start >= floor && !participle);
                let sp = match apposed {
                    Some(m) => Some((m.start, m.end)),
                    None if doc.str(e - 2) == ")" => speaker_ending(doc, people, e - 1, floor),
                    None => subject_before_aside(doc, people, e - 1, floor)
                        .or_else(|| speaker_starting(doc, people, subject_start(doc, floor, e - 1), e - 1)),
                };
                if let Some(sp) = sp {
                    return Some((k, sp, colon));
                }
            }
            // "as the Heritage Foundation website notes:", "Another commenter said, “...”": any noun phrase
            // before a cue that introduces the quote.
            if colon || k + 1 == open || k + 2 == open && doc.str(k + 1) == "," || put_it {
                if let Some(sp) = np_ending(doc, e, floor) {
                    return Some((k, message_sender(doc, people, sp, floor), colon));
                }
            }
            // "said Smith: “…”"; not "told his supporters, “…”", whose object is the addressee, nor "adding that
            // Sanders is “…”", a participle's clause.
            let participle = doc.low(k).ends_with("ing") || doc.low(k + 1) == "that";
            if !takes_addressee(doc.low(k)) && !participle {
                // The phrase runs to the quotation: not "criticized Sanders for “…”" nor "said the candidate could
                // win “…”".
                // An inverted tag opening the sentence keeps its speaker's aside: "Said Dorothy Poynter, who grew up
                // with Ali, “…”".
                let inverted =
                    |sp: &(usize, usize)| k == floor && doc.str(sp.1) == "," && matches!(doc.str(open - 1), "," | ":");
                let to_quote = |sp: &(usize, usize)| (sp.1 + 1 >= open || inverted(sp)) && !opens_clause(doc, *sp);
                if let Some(sp) = speaker_starting(doc, people, k + 1, open).filter(to_quote) {
                    return Some((k, sp, colon));
                }
            }
            return None;
        }
    }
    None
}

/// A quotation opening its sentence right after a sentence that is only a speaker and a verb: "Iowa State
/// University's Dianne Bystrom agreed. “…”", "Sam Lau said in a statement. “…”". Returns the verb and speaker.
fn cue_sentence_before(doc: &Doc, people: &People, open: usize) -> Option<(usize, (usize, usize), bool)> {
    let ss = doc.sent_start(open);
    if ss != open || open == 0 || doc.tokens[open - 1].para != doc.tokens[open].para {
        return None;
    }
    let (prev_s, prev_e) = doc.sents[doc.sent_of[open - 1]];
    // Not the tag sentence of the quotation before it (`“…” Trump said. “…”`): that one goes on by continuation.
    let tags_quote = prev_s > 0 && doc.tokens[prev_s - 1].kind == Kind::Quote;
    if !matches!(doc.str(prev_e - 1), ".") || prev_e - prev_s > 30 || tags_quote {
        return None;
    }
    let t = subject_start(doc, prev_s, prev_e - 1);
    let (v, sp) =
        speaker_starting(doc, people, t, prev_e - 1).and_then(|sp| subject_verb(doc, people, sp, prev_e - 1))?;
    // Only a short setting after the verb ("in a statement", "on Tuesday"), no reported words.
    let plain = (v + 1..prev_e - 1).all(|x| doc.is_word(x) && doc.low(x) != "that" && !is_cue(doc.low(x)));
    (plain && prev_e - 1 <= v + 6).then_some((v, sp, false))
}

/// The speaker of a tag ending at the comma `comma`, for a participle after it: "Spicer said, adding", "Anderson
/// said on Monday, adding". A verb of saying within five words before the comma, and its subject.
fn prior_tag_speaker(doc: &Doc, people: &People, comma: usize, floor: usize) -> Option<(usize, usize)> {
    let cue = (comma.saturating_sub(5).max(floor)..comma)
        .rev()
        .take_while(|&x| doc.is_word(x))
        .find(|&x| !doc.is_cap(x) && is_cue(doc.low(x)))?;
    // A finite verb, not a noun: "posted a Twitter comment of her own, saying".
    let w = doc.low(cue);
    let finite = w.ends_with("ed") || matches!(w, "said" | "says" | "told" | "tells" | "wrote" | "writes");
    if !finite || cue_is_noun(doc, cue, floor) {
        return None;
    }
    speaker_ending(doc, people, skip_adverbs_back(doc, cue, floor), floor)
}

/// The subject of the clause that a conjunction or comma at `c` joins a second verb or participle to: "X visited
/// the site and said", "..., as Mrs. Clinton echoed the criticism, saying", or in a subordinate clause, "... when he
/// brought up the bombing and later said". The subject opens the subordinate clause if one opens before `c`, else
/// the sentence.
fn conjoined_subject(doc: &Doc, people: &People, c: usize, floor: usize) -> Option<(usize, usize)> {
    let subordinate = (c.saturating_sub(25).max(floor)..c)
        .rev()
        .take_while(|&x| doc.tokens[x].kind != Kind::Quote)
        .find(|&x| matches!(doc.low(x), "when" | "as" | "after" | "while" | "because" | "before" | "since" | "until"))
        // Still inside the subordinate clause: in "when I asked Sanders, he looked ... and said" the comma ends it.
        .filter(|&x| (x..c).all(|y| doc.str(y) != ","));
    subordinate
        .and_then(|x| speaker_starting(doc, people, x + 1, c).filter(|sp| sp.1 < c && doc.is_word(sp.1)))
        .or_else(|| speaker_starting(doc, people, subject_start(doc, floor, c), c))
}

/// A preposition or subordinating conjunction: it opens an adverbial phrase or clause, never a speaker phrase.
fn opens_adverbial(w: &str) -> bool {
    matches!(
        w,
        "over"
            | "by"
            | "for"
            | "from"
            | "with"
            | "without"
            | "within"
            | "under"
            | "in"
            | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "since"
            | "until"
            | "about"
            | "against"
            | "among"
            | "amid"
            | "around"
            | "across"
            | "through"
            | "throughout"
            | "upon"
            | "like"
            | "unlike"
            | "despite"
            | "outside"
            | "inside"
            | "toward"
            | "towards"
            | "behind"
            | "beyond"
            | "into"
            | "of"
            | "to"
            | "via"
            | "if"
            | "when"
            | "while"
            | "although"
            | "though"
            | "because"
            | "whether"
    )
}

/// "will continue to be": an aspectual verb before an infinitive, not a verb of saying.
fn continues_to(doc: &Doc, k: usize) -> bool {
    matches!(doc.low(k), "continue" | "continues" | "continued" | "continuing")
        && doc.tokens.get(k + 1).is_some_and(|_| doc.low(k + 1) == "to")
}

/// A relative pronoun: it opens a clause inside a noun phrase.
fn is_relative(w: &str) -> bool {
    matches!(w, "that" | "which" | "who" | "whose" | "whom")
}

/// An auxiliary or modal verb: a phrase holding one is a clause, not a noun phrase.
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "may"
            | "might"
            | "must"
    )
}

/// Whether tokens `[a, b)` hold an auxiliary: a clause, not a noun phrase.
fn has_auxiliary(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).any(|x| is_auxiliary(doc.low(x)))
}

/// Whether the phrase `sp` after a cue is the subject of a reported clause, not the cue's speaker: "said the
/// candidate could win".
fn opens_clause(doc: &Doc, sp: (usize, usize)) -> bool {
    sp.1 < doc.tokens.len() && is_auxiliary(doc.low(sp.1))
}

/// A named subject before an aside that the comma or dash `close` ends: "Michael Bloomberg, who's thinking about
/// running for president, said", "Mr. Manafort, citing ''…,'' said", "It was then that Mr. Trump, asked about ...,
/// said". The name must open its clause.
fn subject_before_aside(doc: &Doc, people: &People, close: usize, floor: usize) -> Option<(usize, usize)> {
    let c0 =
        (close.saturating_sub(25).max(floor)..close).rev().find(|&x| matches!(doc.str(x), "," | "—" | "–" | "--"))?;
    let Some(m) = mention_at(people, c0.checked_sub(1)?).filter(|m| m.end == c0 && m.start >= floor) else {
        // "Another user, Roland Z, wrote": a short description opening the clause, then a short apposition.
        let s = subject_start(doc, floor, c0);
        let described = s + 1 < c0
            && c0 - s <= 5
            && DETERMINERS.contains(&doc.low(s))
            && (s..c0).all(|x| doc.is_word(x) && !doc.is_cap(x) && !is_cue(doc.low(x)) || x == s);
        // The apposition is a name ("Roland Z") or a short description ("a retiree"), not a clause ("a few days
        // later, Trump reversed himself, telling").
        let name = (c0 + 1..close).all(|x| doc.is_cap(x) || doc.str(x) == ".");
        let description = close <= c0 + 5 && matches!(doc.low(c0 + 1), "a" | "an" | "the");
        return (described && c0 + 1 < close && (name || description)).then_some((s, c0));
    };
    let starts_clause = m.start == subject_start(doc, floor, c0)
        || m.start > floor
            && matches!(doc.low(m.start - 1), "that" | "when" | "after" | "as" | "while" | "because" | "and" | "but");
    (c0 + 1 < close && starts_clause).then_some((m.start, m.end))
}

/// The opening comma of an aside of a few lower-case words closed by the comma right before `e`: "he, once again,
/// pledged", "Smith, however, said".
fn aside_start(doc: &Doc, e: usize, floor: usize) -> Option<usize> {
    if e < floor + 3 || doc.str(e - 1) != "," {
        return None;
    }
    let c = (e.saturating_sub(16).max(floor)..e - 1).rev().find(|&x| doc.str(x) == ",")?;
    // "Trump, who has nearly 9 million followers, tweeted": a relative clause may be longer and name things.
    let relative = matches!(doc.low(c + 1), "who" | "whose");
    let aside = (c + 1..e - 1).all(|x| doc.is_word(x) && (relative || !doc.is_cap(x)) && !is_cue(doc.low(x)));
    (c > floor && c + 1 < e - 1 && (relative || e - c <= 6) && aside).then_some(c)
}

/// The sender of a message written as the speaker: in "The town released a statement saying ...", "she sent an
/// email saying, “done.”" the speaker is the subject of the verb that sends the message, as PolNeAR annotates it.
fn message_sender(doc: &Doc, people: &People, sp: (usize, usize), floor: usize) -> (usize, usize) {
    // "a statement Wednesday": the message before a day.
    let mut head = sp.1 - 1;
    while head > sp.0 && (DAYS.contains(&doc.low(head)) || matches!(doc.low(head), "today" | "yesterday")) {
        head -= 1;
    }
    let message = matches!(
        doc.low(head),
        "statement"
            | "email"
            | "e-mail"
            | "letter"
            | "note"
            | "tweet"
            | "post"
            | "message"
            | "memo"
            | "release"
            | "report"
    );
    let mut msg_start = sp.0;
    if msg_start > floor && doc.low(msg_start - 1) == "out" {
        msg_start -= 1;
    }
    let sends = |w: &str| {
        matches!(
            w,
            "released" | "issued" | "sent" | "posted" | "put" | "published" | "tweeted" | "shared" | "circulated"
        )
    };
    if !message || msg_start <= floor + 1 || !sends(doc.low(msg_start - 1)) {
        return sp;
    }
    let e = skip_adverbs_back(doc, msg_start - 1, floor);
    speaker_ending(doc, people, e, floor).or_else(|| np_ending(doc, e, floor)).unwrap_or(sp)
}

/// The speaker of the report a pronoun speaker's own cue is nested in: in "He says he believes his campaign has
/// “the wind at our backs”" or "Benjamin said he believes “…”" the quotation is the outer speaker's, as PolNeAR
/// annotates it.
fn outer_speaker(doc: &Doc, people: &People, sp: (usize, usize), floor: usize) -> (usize, usize) {
    if sp.1 != sp.0 + 1 || !matches!(doc.low(sp.0), "he" | "she" | "they" | "i" | "we") {
        return sp;
    }
    let mut p = sp.0;
    if p > floor && doc.low(p - 1) == "that" {
        p -= 1;
    }
    if p <= floor + 1 || !(doc.is_word(p - 1) && is_cue(doc.low(p - 1))) {
        return sp;
    }
    speaker_ending(doc, people, aux_back(doc, p - 1, floor), floor).unwrap_or(sp)
}

/// Words between a speaker and the cue of a tag: "Smith also said", "he later told", "she will say".
fn tag_adverb(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "is"
            | "are"
            | "were"
            | "later"
            | "then"
            | "has"
            | "had"
            | "have"
            | "was"
            | "once"
            | "previously"
            | "recently"
            | "repeatedly"
            | "often"
            | "frequently"
            | "sometimes"
            | "quickly"
            | "simply"
            | "finally"
            | "publicly"
            | "privately"
            | "reportedly"
            | "first"
            | "further"
            | "again"
            | "will"
            | "would"
            | "might"
            | "may"
            | "could"
    )
}

fn skip_adverbs_back(doc: &Doc, k: usize, floor: usize) -> usize {
    let mut e = k;
    while e > floor && e + 2 > k && doc.is_word(e - 1) && tag_adverb(doc.low(e - 1)) {
        e -= 1;
    }
    e
}

/// Looks like the title of a work: most words capitalised and no sentence punctuation.
fn title_like(doc: &Doc, a: usize, b: usize) -> bool {
    let words = word_count(doc, a, b);
    let caps = (a..b).filter(|&k| doc.is_cap(k)).count();
    // Titles leave short function words in lower case: "Orange is the New Black".
    let minor = (a..b).filter(|&k| doc.is_word(k) && !doc.is_cap(k) && doc.str(k).len() <= 3).count();
    let words = if caps >= 2 { words - minor } else { words };
    // A comma or full stop closing the quotation is the sentence's ("on “Sunday Morning Futures,” Issa said", "he
    // said on “Meet the Press.”").
    let b = if b > a && matches!(doc.str(b - 1), "," | ".") { b - 1 } else { b };
    let punct = (a..b).any(|k| matches!(doc.str(k), "." | "!" | "?" | "," | ";"));
    words >= 2 && caps * 4 >= words * 3 && !punct
}

/// Decides whether a quoted segment is a statement; returns its kind.
fn statement_kind(doc: &Doc, s: &Seg, has_adjacent_cue: bool) -> Option<StatementKind> {
    let words = word_count(doc, s.a, s.b);
    if words == 0 {
        return None;
    }
    let ends_punct = s.b > s.a && matches!(doc.str(s.b - 1), "." | "!" | "?" | "," | "…");
    if let Some(o) = s.open {
        if o > 0 && doc.is_word(o - 1) && NAMING_WORDS.contains(&doc.low(o - 1)) {
            return None;
        }
    }
    // Markup left in the text: `<tweet id="7" author="@name">` quotes attribute values.
    if s.open.is_some_and(|o| o > 0 && doc.str(o - 1) == "=") || (s.a..s.b).any(|x| doc.str(x) == "=") {
        return None;
    }
    // A headline with its byline ("“Pop-up art show opens,” by Eddie Small") is the title of a work.
    if let Some(c) = s.close.filter(|_| !has_adjacent_cue) {
        let mut n = c + 1;
        if n < doc.tokens.len() && doc.str(n) == "," {
            n += 1;
        }
        if n < doc.tokens.len() && doc.low(n) == "by" && doc.tokens[n].para == doc.tokens[c].para {
            return None;
        }
    }
    // A title even beside a tag: after a possessive or preposition ("on CNN’s “State of the Union,” Rubio said",
    // "on “Meet the Press”"), or before a role ("“Orange is the New Black” star Dascha Polanco").
    let n = doc.tokens.len();
    let title_place = s.open.is_some_and(|o| {
        o > 0 && (matches!(doc.str(o - 1), "'s" | "’s") || matches!(doc.low(o - 1), "on" | "of" | "in" | "from" | "at"))
    }) || s.close.is_some_and(|c| c + 1 < n && doc.is_word(c + 1) && is_role_noun(doc.low(c + 1)));
    // "on Fox News Channel’s “Hannity,”": a capitalised name in a title's place.
    let named = (s.a..s.b).filter(|&k| doc.is_word(k)).all(|k| doc.is_cap(k));
    if (title_like(doc, s.a, s.b) || named) && (!has_adjacent_cue || title_place) {
        return None;
    }
    // A dated slogan or poster: "“No special rights for foreigners!” (2015)".
    let dated = s.close.is_some_and(|c| {
        c + 2 < n
            && doc.str(c + 1) == "("
            && doc.str(c + 2).len() == 4
            && doc.str(c + 2).bytes().all(|b| b.is_ascii_digit())
    });
    if dated {
        return None;
    }
    // A quotation that is a whole sentence ("“Everybody sues, right?”" after "“They sue,” he said.") is speech
    // however short; a short fragment inside a sentence is a term or scare quote.
    let whole_sentence = s.open.is_some_and(|o| o == doc.sent_start(o))
        && s.b > s.a
        && matches!(doc.str(s.b - 1), "." | "!" | "?")
        && doc.first_char(s.a).is_uppercase();
    // A quotation that a cue introduces with a colon is speech however short ("saying: “The struggle continues”").
    let colon_introduced = s.open.is_some_and(|o| o > 0 && doc.str(o - 1) == ":");
    if words < 4 && !(has_adjacent_cue && (ends_punct || colon_introduced)) && !whole_sentence {
        return None;
    }
    // A fragment woven into the sentence ("described it as “a very serious matter”").
    let embedded = s.open.is_some_and(|o| {
        o > doc.sent_start(o) && doc.is_word(o - 1) && !is_cue(doc.low(o - 1)) && doc.first_char(s.a).is_lowercase()
    });
    if embedded && !ends_punct {
        return Some(StatementKind::Mixed);
    }
    Some(StatementKind::Direct)
}

struct Found {
    kind: StatementKind,
    /// Byte range of the statement text.
    start: usize,
    end: usize,
    attr: Attr,
    /// Inside a direct quote (a statement reported by the quoted speaker): doesn't change who the article follows.
    nested: bool,
    /// Token index of the text start, for ordering and continuation.
    tok: usize,
    chain: Option<usize>,
}

/// Byte range of tokens `[a, b)`, trimming trailing commas/colons and surrounding quote marks.
fn text_range(doc: &Doc, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    // An opening mark whose quotation closes inside the text stays ("“it gets me mad” every time ...").
    while a < b && doc.tokens[a].kind == Kind::Quote && !(a + 1..b).any(|k| doc.tokens[k].kind == Kind::Quote) {
        a += 1;
    }
    while b > a
        && (matches!(doc.str(b - 1), "," | ":" | ";" | "—" | "–" | "-")
            || doc.tokens[b - 1].kind == Kind::Quote && !is_inner_close(doc, a, b - 1))
    {
        b -= 1;
    }
    (a < b).then(|| (doc.tokens[a].start, doc.tokens[b - 1].end))
}

/// A closing mark at the end of a text that closes a mark opened inside it (keep it).
fn is_inner_close(doc: &Doc, a: usize, i: usize) -> bool {
    (a..i).any(|k| doc.tokens[k].kind == Kind::Quote)
}

/// Finds every statement of the body.
pub fn find(doc: &Doc, people: &People) -> Vec<ExtractedStatement> {
    let n = doc.tokens.len();
    if n == 0 {
        return Vec::new();
    }
    let segs = segments(doc);
    // Built on the first quotation without a tag: most articles never need it.
    let name_lines = std::cell::OnceCell::new();
    let mut quoted = vec![false; n];
    let mut found: Vec<Found> = Vec::new();

    // The signature lines of pull quotes: not statements of their own.
    let mut signature_seg = vec![false; segs.len()];
    for (si, s) in segs.iter().enumerate() {
        if signature_seg[si] {
            continue;
        }
        let signature = segs.get(si + 1).and_then(|sig| pull_quote_signature(doc, people, s, sig));
        if signature.is_some() {
            signature_seg[si + 1] = true;
        }
        let after = s.close.and_then(|c| after_quote(doc, people, c));
        // "According to CNN, the FBI has “many open cases”", "As Breitbart News reported, ...": the source of the
        // whole sentence, unless a tag of the quotation's own follows the opening.
        let opening = s.open.and_then(|o| opening_source_before_quote(doc, people, o));
        let before = s
            .open
            .and_then(|o| before_quote(doc, people, o))
            .or_else(|| {
                // A colon at the end of the previous paragraph introduces this one.
                let o = s.open?;
                let (ps, _) = doc.paras[doc.tokens[o].para];
                (o == ps && ps > 0 && doc.str(ps - 1) == ":")
                    .then(|| before_quote(doc, people, ps - 1))
                    .flatten()
                    .map(|(c, sp, _)| (c, sp, true))
            })
            .or_else(|| s.open.filter(|_| after.is_none()).and_then(|o| cue_sentence_before(doc, people, o)))
            .filter(|b| opening.is_none_or(|(_, comma, _)| b.0 > comma));
        // Without a tag, a quoted transcript line ("“Chris Matthews: Seriously, …”"), whose name before the colon
        // speaks the rest, or a name line before the quotation (`heading` is the speaker of either).
        let (line, heading) = match (after, before) {
            (None, None) if signature.is_some() => (None, signature),
            (None, None) => {
                let line = transcript_speaker(doc, people, s.a, s.b);
                (
                    line,
                    line.map(|(sp, _)| sp)
                        .or_else(|| name_lines.get_or_init(|| NameLines::new(doc, people)).speaker(doc, people, s)),
                )
            }
            _ => (None, None),
        };
        let untagged_opening = match (after, before, heading) {
            (None, None, None) => opening,
            _ => None,
        };
        let Some(kind) = statement_kind(
            doc,
            s,
            after.is_some() || before.is_some() || heading.is_some() || untagged_opening.is_some(),
        ) else {
            continue;
        };
        let Some((mut start, mut end)) = text_range(doc, line.map_or(s.a, |(_, colon)| colon + 1), s.b) else {
            continue;
        };
        let mut kind = kind;
        // Without a tag, the sentence's subject and verb: "Rubio bemoaned the climate in which people “literally
        // hate each other”" attributes the verb's whole object, quoted words included.
        let subject = match (after, before, heading, untagged_opening) {
            (None, None, None, None) => s.open.and_then(|o| {
                // "He then listed the qualities a Republican needs:" closing the previous paragraph.
                let ps = doc.paras[doc.tokens[o].para].0;
                let intro = o == ps && ps > 0 && doc.str(ps - 1) == ":";
                sentence_subject(doc, people, if intro { ps - 1 } else { o })
            }),
            _ => None,
        };
        if let Some(a) = s.open.and_then(|o| content_before(doc, o, after.is_some(), before.map(|b| (b.0, b.1)))) {
            // The sentence's own words before the quote are part of what was said: a mixed quote.
            start = doc.tokens[a].start;
            kind = StatementKind::Mixed;
        } else if let Some((_, comma, _)) = untagged_opening {
            start = doc.tokens[comma + 1].start;
            kind = StatementKind::Mixed;
            if let Some(c) = s.close {
                let (_, se) = doc.sents[doc.sent_of[c]];
                if let Some((_, e)) = text_range(doc, c, sentence_text_end(doc, c + 1, se)) {
                    end = end.max(e);
                }
            }
        } else if let Some((v, _)) = subject.filter(|&(v, _)| s.open.is_some_and(|o| object_before_quote(doc, v, o))) {
            start = doc.tokens[v + 1].start;
            kind = StatementKind::Mixed;
            // The object runs to its clause end: "… in which people “literally hate each other” because they differ".
            if let Some(c) = s.close {
                let tb = clause_end(doc, c + 1, doc.sents[doc.sent_of[c]].1);
                if let Some((_, e)) = text_range(doc, c, tb).filter(|_| tb > c + 1) {
                    end = end.max(e);
                }
            }
        }
        let (qa, qb) = (s.open.unwrap_or(s.a), s.close.map(|c| c + 1).unwrap_or(s.b));
        for q in &mut quoted[qa..qb] {
            *q = true;
        }
        let attr = match (after, before) {
            (Some((cue, sp)), _) => Some((Some(cue), sp, Attribution::Explicit)),
            (None, Some((cue, sp, colon))) => {
                Some((Some(cue), sp, if colon { Attribution::Colon } else { Attribution::Explicit }))
            }
            // Explicit for "As X reported,"; "according to" is marked below, whatever tagged the quotation.
            _ if untagged_opening.is_some() => untagged_opening.map(|(k, _, sp)| (Some(k), sp, Attribution::Explicit)),
            // A name line introduces the quotation as a colon would.
            _ => heading
                .map(|sp| (None, sp, Attribution::Colon))
                .or_else(|| subject.map(|(v, sp)| (Some(v), sp, Attribution::Explicit))),
        };
        // A piece of a multi-paragraph quote: all pieces share the chain id of the first piece.
        let prev_piece =
            (si > 0 && segs[si - 1].continued && s.open.is_some_and(|o| doc.paras[doc.tokens[o].para].0 == o))
                .then(|| found.iter().find(|f| f.tok == segs[si - 1].a))
                .flatten();
        let chain = match prev_piece {
            Some(f) => Some(f.chain.unwrap_or(f.tok)),
            None => s.continued.then_some(s.a),
        };
        let attr = attr.map(|(cue, sp, how)| Attr { cue, speaker: Some(resolve_later(sp)), how }).unwrap_or(Attr {
            cue: None,
            speaker: None,
            how: Attribution::None,
        });
        found.push(Found { kind, start, end, attr, nested: false, tok: s.a, chain });
    }

    transcript_lines(doc, people, &quoted, &mut found);
    colon_and_indirect(doc, people, &quoted, &mut found);
    found.sort_by_key(|f| (f.start, f.end));

    // Resolve speakers in text order, following the article's current speaker for continuations.
    let mut following: Option<Following> = None;
    let mut out: Vec<ExtractedStatement> = Vec::with_capacity(found.len());
    // Chains: a piece of a multi-paragraph quote without its own attribution takes the chain's.
    for i in 0..found.len() {
        let Some(id) = found[i].chain else { continue };
        if found[i].attr.speaker.is_some() {
            continue;
        }
        if let Some(src) = found.iter().find(|f| f.chain == Some(id) && f.attr.speaker.is_some()) {
            let attr = Attr { cue: None, speaker: src.attr.speaker.clone(), how: Attribution::Continuation };
            found[i].attr = attr;
        }
    }
    for f in &found {
        let f_para = doc.tokens[f.tok].para;
        let mut speaker = None;
        let mut speaker_span = None;
        let mut label = None;
        let mut how = f.attr.how;
        let mut cue = f.attr.cue.map(|c| doc.str(c).to_string());
        let mut written_end = f.tok;
        if let Some(sp) = &f.attr.speaker {
            written_end = sp.e;
            let following_person = following.as_ref().and_then(|x| x.person);
            let r = resolve(doc, people, &quoted, (sp.s, sp.e), following_person);
            speaker = r.person;
            label = r.label;
            speaker_span = Some(doc.span(doc.tokens[sp.s].start, doc.tokens[sp.e - 1].end));
        } else if let Some(fw) = following.as_ref().filter(|fw| fw.only_in_para.is_none_or(|p| p == f_para)) {
            speaker = fw.person;
            label = fw.label.clone();
            how = Attribution::Continuation;
            cue = None;
            // The speaker is written where the statement it continues was attributed, or where named again since
            // ("“…,” Trump added. Then Donald Trump turned to the crowd. “Who …”").
            speaker_span = out[fw.statement].speaker_span.clone();
            written_end = fw.written_end;
            let before = &people.mentions[..people.mentions.partition_point(|m| m.end <= f.tok)];
            let named_again = before
                .iter()
                .rev()
                .take_while(|m| m.start >= fw.written_end)
                .find(|m| Some(m.person) == fw.person && !quoted[m.start]);
            if let Some(m) = named_again {
                speaker_span = Some(doc.span(doc.tokens[m.start].start, doc.tokens[m.end - 1].end));
                written_end = m.end;
            }
            // Or a pronoun opening a sentence since: "“…,” Trump added. He then had a question. “Who …?”".
            let pronoun_again = fw.person.and_then(|p| {
                (written_end..f.tok).rev().find(|&x| {
                    doc.sent_start(x) == x
                        && !quoted[x]
                        && matches!(doc.low(x), "he" | "she")
                        && coref::pronoun(doc, people, &quoted, x, Some(p)) == Some(p)
                })
            });
            if let Some(x) = pronoun_again {
                speaker_span = Some(doc.span(doc.tokens[x].start, doc.tokens[x].end));
                written_end = x + 1;
            }
        }
        if f.attr.cue.is_some_and(|c| doc.low(c) == "according") {
            cue = Some("according to".to_string());
            how = Attribution::AccordingTo;
        }
        // "in Forbes’ words": the phrase is the cue.
        if let Some((c, (_, noun))) = f.attr.cue.and_then(|c| Some((c, in_words_of(doc, c, doc.tokens.len())?))) {
            cue = Some(doc.slice(c, noun).to_string());
            how = Attribution::AccordingTo;
        }
        // An unresolved pronoun ("I said", "he added") carries on only within its paragraph:
        // "“Okay,” I said, attempting to regroup. “I was seventeen ...”".
        let vague = speaker.is_none() && label.as_deref().is_some_and(|l| is_pronoun(&l.to_lowercase()));
        if !f.nested && (speaker.is_some() || label.is_some()) {
            following = Some(Following {
                person: speaker,
                label: label.clone(),
                statement: out.len(),
                only_in_para: vague.then_some(f_para),
                written_end,
            });
        }
        let text = doc.span(f.start, f.end);
        // Paraphrase carrying quoted words ("said the plan was “dead on arrival”") is a mixed quote.
        let kind = if f.kind == StatementKind::Indirect && has_quote_marks(&text.text) {
            StatementKind::Mixed
        } else {
            f.kind
        };
        out.push(ExtractedStatement {
            kind,
            cue_class: super::lexicon::cue_class(cue.as_deref()),
            rule: how.as_str(),
            cue,
            text,
            speaker,
            speaker_span,
            source_label: if speaker.is_some() { None } else { label },
            attribution: how,
        });
    }
    out
}

/// A word that opens a sentence before a comma without being its subject: "However,", "Meanwhile,", "Separately,".
fn is_sentence_adverb(w: &str) -> bool {
    w.ends_with("ly")
        || matches!(
            w,
            "however"
                | "still"
                | "meanwhile"
                | "instead"
                | "indeed"
                | "moreover"
                | "yet"
                | "now"
                | "then"
                | "afterward"
                | "afterwards"
                | "today"
                | "yesterday"
                | "nonetheless"
                | "nevertheless"
                | "again"
                | "also"
                | "first"
                | "second"
                | "overall"
                | "thus"
                | "so"
                | "well"
                | "furthermore"
                | "otherwise"
                | "regardless"
                | "here"
                | "there"
                | "later"
                | "earlier"
                | "separately"
        )
}

/// Where the subject of the sentence starting at `ss` begins, before `end`: past a leading conjunction and an
/// opening phrase closed by a comma ("In 1991, ...", "Speaking after the primary, Cruz said", "Asked which county
/// was his favourite, he demurred", "When Trump announced his candidacy, he ...").
fn subject_start(doc: &Doc, ss: usize, end: usize) -> usize {
    let mut t = ss;
    while t < end && matches!(doc.low(t), "but" | "and" | "so" | "still" | "yet" | "now" | "then") {
        t += 1;
    }
    // A dateline: "WASHINGTON —", "NEW YORK (AP) -", "WASHINGTON, Aug. 24 (UPI) —".
    if let Some(d) = (t..end.min(t + 10)).find(|&x| matches!(doc.str(x), "—" | "–" | "-" | "--")) {
        let upper = |x: usize| doc.is_word(x) && doc.str(x).chars().all(|c| !c.is_lowercase());
        let rest = |x: usize| upper(x) || doc.is_cap(x) || matches!(doc.str(x), "," | "(" | ")" | ".");
        // "Washington (AFP) –": a place in title case with its agency in capitals.
        let agency = d >= t + 4 && doc.str(d - 1) == ")" && upper(d - 2) && doc.str(d - 3) == "(";
        if d > t && (upper(t) && doc.str(t).len() > 1 || agency) && (t..d).all(rest) {
            t = d + 1;
        }
    }
    // Opening phrases, one after another: "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton ...".
    for _ in 0..3 {
        if t >= end || !doc.is_word(t) {
            return t;
        }
        let w = doc.low(t);
        // The phrase ends at its comma, or past a parenthesis between dashes ("In a speech from Wyoming -- which
        // holds a caucus on Saturday -- Sanders claimed ...").
        let comma = (t + 1..end.min(t + 20)).find(|&x| matches!(doc.str(x), "," | "—" | "–" | "--")).and_then(|c| {
            if doc.str(c) == "," {
                return Some(c);
            }
            (c + 1..end.min(c + 16)).find(|&x| doc.str(x) == doc.str(c))
        });
        let opening = opens_adverbial(w)
            || matches!(w, "earlier" | "later" | "last" | "as" | "asked" | "speaking" | "following" | "once" | "back")
            || w.len() > 5 && w.ends_with("ing") && !COMMON_WORDS.contains(w)
            // "Reached by POLITICO, ...", "Alarmed by the unrest in Nevada, ..."
            || w.ends_with("ed") && t + 1 < end && matches!(doc.low(t + 1), "by" | "about" | "on" | "for" | "whether" | "if")
            // "in Ames, Iowa, on Sunday", "in Salem, New Hampshire,": a place in apposition.
            // "in Portsmouth, N.H., on Tuesday": abbreviated too.
            || t > ss && doc.str(t - 1) == "," && comma.is_some_and(|c| c <= t + 4 && (t..c).all(|x| doc.is_cap(x) || doc.str(x) == "."))
            // "Hours later, ...", "Two weeks ago, ...": a time phrase.
            || comma.is_some_and(|c| c <= t + 4 && (matches!(doc.low(c - 1), "later" | "earlier" | "ago" | "afterward" | "week" | "month" | "year" | "weekend") || DAYS.contains(&doc.low(c - 1))));
        // "However, he held his fire": a sentence adverb and its comma.
        if t + 1 < end && doc.str(t + 1) == "," && is_sentence_adverb(w) {
            t += 2;
            continue;
        }
        if !opening {
            return t;
        }
        match comma {
            // `To a question on the "privatization of jobs," Sanders said`: a closing mark after the comma.
            Some(c) => {
                t = c + 1;
                while t < end && doc.tokens[t].kind == Kind::Quote && !doc.tokens[t].space_before {
                    t += 1;
                }
            }
            None => return t,
        }
    }
    t
}

/// A quote with no reporting cue beside it, in a sentence opened by a subject (a named person, "he"/"she", a
/// description or an organisation) and a verb, belongs to that subject: "Cruz called them on it: “…”", "He offered “my thoughts and prayers”", "Mike
/// Huckabee, for his part, is labeling the actions “a blatant power grab”". Returns the verb and the subject.
fn sentence_subject(doc: &Doc, people: &People, open: usize) -> Option<(usize, (usize, usize))> {
    let floor = doc.sent_start(open);
    let t = subject_start(doc, floor, open);
    // The name, maybe after capitalised titles: "Former Arkansas Gov. Mike Huckabee".
    let titled = (t..open.min(t + 8))
        .take_while(|&x| doc.is_cap(x) || doc.str(x) == ".")
        .find_map(|x| mention_at(people, x))
        .filter(|m| m.start >= t);
    // A colon introducing the quotation: whatever the verb, the subject speaks ("Smith makes a case: “…”").
    let colon = doc.str(open) == ":" || open > 0 && doc.str(open - 1) == ":";
    // "The Illinois Board of Elections was conclusive in its findings: “...”": a description up to its auxiliary.
    let described_before_auxiliary = || {
        let e = (t + 1..open.min(t + 12)).find(|&x| !np_token(doc, x) || is_auxiliary(doc.low(x)))?;
        (colon && DETERMINERS.contains(&doc.low(t)) && e > t + 1 && is_auxiliary(doc.low(e))).then_some((t, e))
    };
    let sp = match titled {
        Some(m) => (t, m.end),
        None if matches!(doc.low(t), "he" | "she") => (t, t + 1),
        // "The ad claims “...”".
        None => det_np_starting(doc, t, open)
            .or_else(described_before_auxiliary)
            .or_else(|| speaker_starting(doc, people, t, open))?,
    };
    let mut v = sp.1;
    // An apposition or aside between commas: "Huckabee, for his part, is ...".
    if v < open && doc.str(v) == "," {
        v = (v + 1..open.min(v + 25)).find(|&x| doc.str(x) == ",")? + 1;
    }
    while v < open && matches!(doc.low(v), "also" | "later" | "then" | "has" | "had" | "was" | "is" | "again" | "once")
    {
        v += 1;
    }
    let verb = v < open
        && doc.is_word(v)
        && !doc.is_cap(v)
        && (tag_verb(doc, v) || colon || !COMMON_WORDS.contains(doc.low(v)));
    let clean = (v..open).all(|x| doc.tokens[x].kind != Kind::Quote) && open - v < 25;
    (verb && clean).then_some((v, sp))
}

/// A sentence opening "According to X," or "As X reported," with words of its own before the quotation at
/// `open`: the cue, the comma closing the opening, and the source.
fn opening_source_before_quote(doc: &Doc, people: &People, open: usize) -> Option<(usize, usize, (usize, usize))> {
    let floor = doc.sent_start(open);
    let (cue, comma, sp) = opening_source(doc, people, floor, open)?;
    let clean = (comma + 1..open).all(|x| doc.tokens[x].kind != Kind::Quote && !matches!(doc.str(x), ":" | ";"));
    (clean && comma + 2 < open).then_some((cue, comma, sp))
}

/// A sentence opening that names the source of the rest: "According to X," or "As X reported,". Returns the cue,
/// the comma closing the opening and the source, looking no further than `ceil`.
fn opening_source(doc: &Doc, people: &People, ss: usize, ceil: usize) -> Option<(usize, usize, (usize, usize))> {
    let comma_after = |x: usize| (x..ceil.min(x + 8)).find(|&c| !doc.is_word(c)).filter(|&c| doc.str(c) == ",");
    if let Some(sp) = according_source(doc, people, ss, ceil) {
        return Some((ss, comma_after(sp.1)?, sp));
    }
    // "As Breitbart News reported, ...", "As Ms. Warren put it, ...".
    if doc.low(ss) != "as" {
        return None;
    }
    let sp = speaker_starting(doc, people, ss + 1, ceil)?;
    let (v, sp) = subject_verb(doc, people, sp, ceil)?;
    // "As Ms. Warren put it,", "As the Rainmakers sang back in the 1980s,".
    if !(is_cue(doc.low(v)) || tag_verb(doc, v) || matches!(doc.low(v), "put" | "sang")) {
        return None;
    }
    Some((v, comma_after(v + 1)?, sp))
}

/// Whether words of an object lie between verb `v` and the opening mark, with no colon, semicolon or other quote
/// ("He offered “my thoughts”" has none; "He wrote: “…”" is an introduction, not an object).
fn object_before_quote(doc: &Doc, v: usize, open: usize) -> bool {
    open > v + 2
        && doc.is_word(v + 1)
        && (v + 1..open).all(|x| doc.tokens[x].kind != Kind::Quote && !matches!(doc.str(x), ":" | ";"))
}

/// Where a quote's statement starts when the sentence's words before the opening mark belong to it:
/// "No Child Left Behind was “very assertive,” said Gary Orfield." (the attribution follows the quote), or
/// "The reality is, he added, “there are no recusals.”" (a clause before the speaker's comma-enclosed tag).
/// None when the quote opens its sentence, the words before it are the attribution itself, or they hold another
/// quote or a colon.
fn content_before(
    doc: &Doc,
    open: usize,
    attributed_after: bool,
    before: Option<(usize, (usize, usize))>,
) -> Option<usize> {
    let floor = doc.sent_start(open);
    let prefix_end = match before {
        // "<clause>, he said, “…”": the clause ends at the comma before the speaker.
        // Only a parenthetical tag right before the mark: not "The museum's director, Clara Beaumont, said the
        // return was “…”", where the clause before the comma is the speaker's own apposition.
        // The tag is the speaker and its cue alone: not "At the debate, Sanders compared himself to Clinton, saying, “…”".
        // The tag may end with its setting and the sentence go on to the mark: "The problem, she said in an
        // interview, is that “…”".
        Some((cue, (sp, sp_end)))
            if cue > sp
                && cue <= sp_end + 1
                && sp > floor
                && doc.str(sp - 1) == ","
                && (cue + 1..open.min(cue + 8))
                    .find(|&c| !doc.is_word(c))
                    .is_some_and(|c| doc.str(c) == "," && c < open) =>
        {
            sp - 1
        }
        Some(_) => return None,
        None if attributed_after => open,
        None => return None,
    };
    let clean = (floor..prefix_end).all(|x| doc.tokens[x].kind != Kind::Quote && doc.str(x) != ":");
    (clean && word_count(doc, floor, prefix_end) >= 2).then_some(floor)
}

/// Whether a text holds a quotation mark (not an apostrophe).
fn has_quote_marks(text: &str) -> bool {
    text.chars().any(|c| is_double(c) || c == '‘') || text.contains("''") || text.contains("``")
}

fn resolve_later((s, e): (usize, usize)) -> Speaker {
    Speaker { s, e, person: None, label: None }
}

/// Colon introductions without marks, indirect speech ("X said that ...", "..., X said") and "according to X".
fn colon_and_indirect(doc: &Doc, people: &People, quoted: &[bool], found: &mut Vec<Found>) {
    let direct: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
    let overlaps = |a: usize, b: usize| direct.iter().any(|&(s, e)| a < e && s < b && !(s <= a && b <= e));
    for &(ss, se) in &doc.sents {
        let nested = quoted[ss];
        let mut k = ss;
        while k < se {
            if !doc.is_word(k) {
                k += 1;
                continue;
            }
            let w = doc.low(k);
            // "As Breitbart News reported, <clause>."
            if w == "as" && k == ss {
                if let Some((v, comma, sp)) = opening_source(doc, people, ss, se) {
                    let tb = sentence_text_end(doc, comma + 1, se);
                    // A quotation in it is already the statement (see `opening_source_before_quote`); scare quotes are not.
                    if word_count(doc, comma + 1, tb) >= 3 && !(comma + 1..tb).any(|x| quoted[x]) {
                        push_indirect(doc, found, comma + 1, tb, v, sp, Attribution::Explicit, nested, &overlaps);
                        k = tb;
                        continue;
                    }
                }
            }
            // "according to X, ..." / "..., according to X."
            if w == "according" && k + 1 < se && doc.low(k + 1) == "to" {
                if let Some(sp) = according_source(doc, people, k, se) {
                    let (ta, tb) = if k == ss {
                        let comma = (sp.1..se).find(|&c| doc.str(c) == ",").map(|c| c + 1).unwrap_or(sp.1);
                        (comma, se)
                    } else {
                        (ss, k)
                    };
                    let tail_ok = k == ss || (sp.1..se).all(|c| !doc.is_word(c));
                    // A quotation in it is already a statement (see `opening_source_before_quote`); scare quotes
                    // are part of this one ("According to Variety, Trump brought “SNL” its highest ratings").
                    let quoted_in = (ta..tb).any(|x| quoted[x]);
                    if tail_ok && word_count(doc, ta, tb) >= 3 && !quoted_in {
                        push_indirect(doc, found, ta, tb, k, sp, Attribution::AccordingTo, nested, &overlaps);
                    }
                }
                k += 2;
                continue;
            }
            // One look-up for every cue; then whether it is a verb of saying. A cue inside a quotation
            // of an unquoted sentence belongs to the quote's own statement.
            // A capitalised cue is a sentence start or a name, except in a title-case headline ("Trump's Son Says ...").
            let headline_cue = doc.tokens[k].para == 0 && matches!(w, "says" | "say" | "said" | "warns" | "claims");
            if !ANY_CUES.contains(w) || doc.is_cap(k) && k != ss && !headline_cue || quoted[k] && !nested {
                k += 1;
                continue;
            }
            // "her home state", "five states": a noun, never a cue ("his claim that ..." still is one).
            if k > ss && counted_noun(doc, k) {
                k += 1;
                continue;
            }
            let speech = is_cue(w);
            if !speech {
                let at = doc.tokens[k].start;
                if nested || found.iter().rev().any(|f| f.start <= at && at < f.end) {
                    // Inside a quote or another reported content, a belief is part of that content
                    // ("they said ... and now he wants to join them"), not a statement of its own.
                    k += 1;
                    continue;
                }
                // "Polls show (that) ...", "Trump wants to build a wall": non-speech attribution (issue 4).
                k = reported_clause(doc, people, found, (ss, se), k, false, nested, &overlaps);
                continue;
            }
            let colon = (k + 1..se.min(k + 7)).find(|&c| doc.str(c) == ":");
            if let Some(c) = colon {
                // "the political scientist says: Putin really needs negotiations."
                let unquoted = c + 1 < se && doc.tokens[c + 1].kind != Kind::Quote;
                if unquoted && (k + 1..c).all(|x| doc.is_word(x) && !is_cue(doc.low(x))) {
                    if let Some(sp) = speaker_ending(doc, people, skip_adverbs_back(doc, k, ss), ss) {
                        let tb = sentence_text_end(doc, c + 1, se);
                        if word_count(doc, c + 1, tb) >= 3 && !overlaps(doc.tokens[c + 1].start, doc.tokens[tb - 1].end)
                        {
                            push_indirect(doc, found, c + 1, tb, k, sp, Attribution::Colon, nested, &overlaps);
                        }
                    }
                }
                k = c + 1;
                continue;
            }
            // Whether the cue tags a quotation, and whether that quotation comes before it. "“…,” Sanders said during
            // an interview on CNN’s “State of the Union.”": a cue tagging the quotation before it is followed by its
            // setting, not by reported content.
            let at = doc.tokens[k].start;
            let tagged =
                found.iter().find(|f| f.attr.cue == Some(k) && f.kind != StatementKind::Indirect).map(|f| f.end);
            if tagged.is_some_and(|end| end <= at) {
                k += 1;
                continue;
            }
            // "X said (on Monday) (that) <clause>", "X told Y (that) <clause>", "X criticized <object>".
            let next = reported_clause(doc, people, found, (ss, se), k, true, nested, &overlaps);
            if next > k + 1 {
                k = next;
                continue;
            }
            // "<clause-a>, X said, <clause-b>.": the attribution is a parenthesis inside its content, which PolNeAR
            // takes as the whole sentence.
            if let Some((s0, e1)) = parenthetical(doc, people, k, ss, se) {
                let tb = content_end(doc, e1, se);
                if word_count(doc, ss, tb) >= 6 {
                    push_indirect(doc, found, ss, tb, k, (s0, k), Attribution::Explicit, nested, &overlaps);
                    k = tb;
                    continue;
                }
            }
            // "<clause>, X said." / "<clause>, said X." Not when the cue already tags a quote after it ("In an
            // interview, Butz, 49, told The Huffington Post: “…”"): what follows "told" is its addressee.
            // A participle ("..., saying Mr. Trump ...") never closes its content this way.
            if k > ss + 4 && tagged.is_none() && !w.ends_with("ing") {
                // The subject: a speaker phrase, or any noun phrase ("the memo stated") right after a comma.
                let subject = speaker_ending(doc, people, k, ss)
                    .or_else(|| np_ending(doc, k, ss))
                    .filter(|sp| sp.0 > ss && doc.str(sp.0 - 1) == ",");
                let comma = doc.str(k - 1) == "," || subject.is_some();
                let tail_end = (k + 1..se).find(|&x| !doc.is_word(x)).unwrap_or(se);
                // Only a short tail ("said Tuesday"): "..., the Census denied any improper role" is not one.
                // "..., Hollande said Tuesday in Paris, noting ...": or a participle's clause after it.
                let participle_next =
                    tail_end + 1 < se && doc.str(tail_end) == "," && doc.low(tail_end + 1).ends_with("ing");
                let tail_ok = (tail_end + 1 >= se || participle_next) && tail_end <= k + 5 || doc.str(k - 1) == ",";
                if comma && tail_ok {
                    let sp = if doc.str(k - 1) == "," { speaker_starting(doc, people, k + 1, se) } else { subject };
                    if let Some(sp) = sp {
                        let cut = if doc.str(k - 1) == "," { k - 1 } else { sp.0 - 1 };
                        if word_count(doc, ss, cut) >= 4 {
                            push_indirect(doc, found, ss, cut, k, sp, Attribution::Explicit, nested, &overlaps);
                        }
                    }
                }
            }
            k += 1;
        }
    }
}

/// The source of "according to" at `k`, ending before `ceil`: a speaker phrase, else any noun phrase up to the next
/// comma or the sentence end ("a new poll by Harvard", "the results", "FEC filings").
fn according_source(doc: &Doc, people: &People, k: usize, ceil: usize) -> Option<(usize, usize)> {
    if doc.low(k) == "in" {
        return in_words_of(doc, k, ceil).map(|(apostrophe, _)| (k + 1, apostrophe));
    }
    if k + 2 >= ceil || doc.low(k) != "according" || doc.low(k + 1) != "to" {
        return None;
    }
    let phrase = || {
        let e = (k + 2..ceil.min(k + 16)).find(|&c| matches!(doc.str(c), "," | "." | ";" | "!" | "?" | ":"))?;
        (e > k + 2).then_some((k + 2, e))
    };
    // The whole phrase when the speaker phrase stops short of it: "according to a study by Media Matters".
    match speaker_starting(doc, people, k + 2, ceil) {
        Some(sp) if sp.1 < ceil && doc.is_word(sp.1) => phrase().or(Some(sp)),
        Some(sp) => Some(sp),
        None => phrase(),
    }
}

/// "in Forbes’ words", "in Bolton's view" at `k` ("in"): the possessive's apostrophe and the noun's token.
fn in_words_of(doc: &Doc, k: usize, ceil: usize) -> Option<(usize, usize)> {
    if !(k + 3 < ceil && doc.low(k) == "in" && doc.is_cap(k + 1)) {
        return None;
    }
    let apostrophe = (k + 2..ceil.min(k + 6)).find(|&x| !doc.is_word(x))?;
    let possessive = matches!(doc.str(apostrophe), "'s" | "’s" | "'" | "’");
    let noun = apostrophe + 1 < ceil
        && matches!(doc.low(apostrophe + 1), "words" | "view" | "opinion" | "estimation" | "telling" | "account");
    (possessive && noun).then_some((apostrophe, apostrophe + 1))
}

const DAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const NUMBERS: &[&str] = &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half"];

/// A parenthetical attribution at cue `k`: `, X said,` with the speaker written just before the cue (or `, said X,`)
/// and words on both sides. Returns where the speaker starts and the token after the closing comma.
fn parenthetical(doc: &Doc, people: &People, k: usize, ss: usize, se: usize) -> Option<(usize, usize)> {
    let sp = speaker_ending(doc, people, aux_back(doc, k, ss), ss)?;
    if sp.0 <= ss + 1 || doc.str(sp.0 - 1) != "," {
        return None;
    }
    // The closing comma right after the cue, or after a day ("said Tuesday,").
    let mut c = k + 1;
    if c < se && doc.is_cap(c) && c + 1 < se && doc.str(c + 1) == "," {
        c += 1;
    }
    (c + 1 < se && doc.str(c) == "," && doc.is_word(c + 1)).then_some((sp.0, c + 1))
}

/// Verbs of saying whose content is a clause, never a bare noun phrase ("said the plan" is not speech).
fn clause_only(w: &str) -> bool {
    matches!(w, "say" | "says" | "said" | "saying" | "tell" | "tells" | "told" | "telling" | "add" | "adds" | "added")
}

/// Verbs followed by the addressee before the content ("told reporters that ...").
fn takes_addressee(w: &str) -> bool {
    matches!(
        w,
        "told" | "tells" | "tell" | "telling" | "warned" | "assured" | "reminded" | "informed" | "urged" | "asked"
    )
}

/// A subject noun phrase ending at `e` that is not a person or source ("polls", "the survey", "voters"):
/// a non-function word, extended left over modifiers to a determiner.
fn np_ending(doc: &Doc, e: usize, floor: usize) -> Option<(usize, usize)> {
    if e == 0 || e <= floor || !doc.is_word(e - 1) {
        return None;
    }
    let w = doc.low(e - 1);
    // A cue word after a determiner is a noun: "From the report:".
    let noun = e >= floor + 2 && DETERMINERS.contains(&doc.low(e - 2));
    // Nor a bare participle: "uttering charges that ...", "voting", "echoing".
    let participle = w.ends_with("ing")
        && (e - 1 == floor
            || !doc.is_word(e - 2)
            || COMMON_WORDS.contains(doc.low(e - 2)) && !DETERMINERS.contains(&doc.low(e - 2)))
        && !SOURCES.contains(w)
        && !is_role_noun(w);
    if COMMON_WORDS.contains(w) && !SOURCES.contains(w)
        || ANY_CUES.contains(w) && !noun
        || w.ends_with("ly")
        || participle
    {
        return None;
    }
    let mut s = e - 1;
    while s > floor && e - s < 5 {
        let p = s - 1;
        if !doc.is_word(p) && doc.str(p) != "'s" && doc.str(p) != "’s" {
            break;
        }
        let pw = doc.low(p);
        if DETERMINERS.contains(&pw) || matches!(pw, "many" | "some" | "most" | "few" | "several" | "all") {
            s = p;
            break;
        }
        if COMMON_WORDS.contains(pw) || ANY_CUES.contains(pw) {
            break;
        }
        s = p;
    }
    Some((with_owner(doc, (s, e), floor), e))
}

/// A phrase start on a possessive's "'s" takes its owner along ("Iowa's 14 congressional districts"), or drops the
/// "'s" when no name owns it.
fn with_owner(doc: &Doc, (s, e): (usize, usize), floor: usize) -> usize {
    if s + 1 >= e || !matches!(doc.str(s), "'s" | "’s") {
        return s;
    }
    if s > floor && doc.is_cap(s - 1) {
        s - 1
    } else {
        s + 1
    }
}

/// Skips back over adverbs, auxiliaries and negation between a subject and its cue ("does not believe",
/// "would also support", "has long argued").
fn aux_back(doc: &Doc, k: usize, floor: usize) -> usize {
    let mut e = k;
    // "He’s predicting": a contracted auxiliary split off after a pronoun.
    let contracted = |x: usize| matches!(doc.str(x), "'s" | "’s");
    if e > floor + 1 && contracted(e - 1) && is_pronoun(doc.low(e - 2)) {
        e -= 1;
    }
    // "They keep telling us", "she kept saying": an aspectual verb before a participle.
    // "Trump is telling a town hall", "they were chanting": a progressive.
    let aspect = |w: &str| {
        matches!(
            w,
            "keep"
                | "keeps"
                | "kept"
                | "started"
                | "began"
                | "continues"
                | "continued"
                | "is"
                | "are"
                | "was"
                | "were"
                | "been"
                | "be"
        )
    };
    if e > floor + 1 && doc.low(k).ends_with("ing") && aspect(doc.low(e - 1)) {
        e -= 1;
    }
    while e > floor && k - e < 4 && doc.is_word(e - 1) {
        let w = doc.low(e - 1);
        let aux = matches!(
            w,
            "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "should"
                | "must"
                | "do"
                | "does"
                | "did"
                | "not"
                | "never"
                | "don't"
                | "doesn't"
                | "didn't"
                | "won't"
                | "wouldn't"
                | "also"
                | "still"
                | "only"
                | "just"
                | "now"
                | "long"
                | "really"
                | "clearly"
                | "personally"
                | "privately"
                | "publicly"
                | "has"
                | "have"
                | "had"
                | "later"
                | "then"
                | "again"
                | "repeatedly"
                | "often"
                | "sometimes"
                | "first"
                | "previously"
                | "recently"
                | "once"
                | "further"
                | "strongly"
                | "firmly"
                | "even"
                | "already"
                | "however"
        );
        // "Trump on Friday described", "Ms. Clinton Tuesday said", "Feinstein last week said": a time between
        // subject and verb.
        if DAYS.contains(&w) || matches!(w, "yesterday" | "today" | "tonight") {
            e -= 1;
            if e > floor && doc.low(e - 1) == "on" {
                e -= 1;
            }
            continue;
        }
        // "sent out by Sanders on Tuesday night warned": the part of the day after its name.
        if matches!(w, "night" | "morning" | "evening" | "afternoon")
            && e >= floor + 2
            && DAYS.contains(&doc.low(e - 2))
        {
            e -= 1;
            continue;
        }
        let period = matches!(w, "week" | "month" | "year" | "night" | "morning" | "weekend");
        if period && e >= floor + 2 && matches!(doc.low(e - 2), "last" | "this" | "earlier" | "later") {
            e -= 2;
            continue;
        }
        // "Trump at the time said", "Beck has in the past described", "the State Department two weeks ago said".
        let at_time = matches!((doc.low(e.saturating_sub(3)), w), ("at", "time") | ("in", "past"));
        if at_time && e >= floor + 3 && doc.low(e - 2) == "the" {
            e -= 3;
            continue;
        }
        let periods = matches!(doc.low(e.saturating_sub(2)), "days" | "weeks" | "months" | "years");
        let counted = |x: usize| NUMBERS.contains(&doc.low(x)) || doc.str(x).bytes().all(|b| b.is_ascii_digit());
        if w == "ago" && e >= floor + 3 && periods && (counted(e - 3) || matches!(doc.low(e - 3), "few" | "several")) {
            e -= 3;
            while e > floor && matches!(doc.low(e - 1), "than" | "less" | "more" | "about" | "nearly") {
                e -= 1;
            }
            continue;
        }
        // Any "-ly" adverb too ("actually thinks", "reportedly told").
        if !(aux || w.len() > 4 && w.ends_with("ly")) {
            break;
        }
        e -= 1;
    }
    e
}

/// Skips a time or setting phrase after a cue: "on Monday", "Tuesday", "last week", "in an interview", "in a statement".
fn skip_setting(doc: &Doc, mut t: usize, se: usize) -> usize {
    loop {
        let w = if t < se { doc.low(t) } else { return t };
        if DAYS.contains(&w) || matches!(w, "yesterday" | "today" | "tonight" | "earlier" | "recently" | "repeatedly") {
            t += 1;
        } else if t + 1 < se
            && (w == "on" && doc.is_cap(t + 1)
                || w == "this" && matches!(doc.low(t + 1), "week" | "month" | "year" | "morning" | "afternoon")
                || w == "last" && matches!(doc.low(t + 1), "week" | "month" | "year" | "night"))
        {
            t += 2;
        } else if w == "in"
            && t + 2 < se
            && matches!(doc.low(t + 1), "a" | "an")
            && doc.is_word(t + 2)
            && !doc.is_cap(t + 2)
        {
            // "in a statement", "in an interview (with CNN)"
            t += 3;
            if t + 1 < se && doc.low(t) == "with" {
                t = speaker_phrase_end(doc, t + 1, se);
            }
        } else {
            return t;
        }
    }
}

/// Whether byte offset `at` lies inside a quoted statement found so far.
fn quoted_at(found: &[Found], at: usize) -> bool {
    found.iter().any(|f| f.kind != StatementKind::Indirect && f.start <= at && at < f.end)
}

/// End of a short name or noun phrase starting at `t` ("CNN", "the Washington Post"): up to four words.
fn speaker_phrase_end(doc: &Doc, t: usize, se: usize) -> usize {
    let mut e = t;
    while e < se && e - t < 4 && doc.is_word(e) && (doc.is_cap(e) || DETERMINERS.contains(&doc.low(e))) {
        e += 1;
    }
    e
}

/// End (exclusive) of the clause going on at `a` (after a quotation inside it): the sentence end, a trailing tag or
/// the next comma or dash (", applauding …").
fn clause_end(doc: &Doc, a: usize, se: usize) -> usize {
    let b = content_end(doc, a, se).max(a);
    (a..b).find(|&x| matches!(doc.str(x), "," | ";" | "—" | "–")).unwrap_or(b)
}

/// End (exclusive) of reported content from `a` in a sentence ending at `se`: to the sentence end, less a
/// trailing ", X said" / ", according to X" attribution and closing quotation marks.
fn content_end(doc: &Doc, a: usize, se: usize) -> usize {
    let b = sentence_text_end(doc, a, se);
    // ", adding that ...", ", saying ...": a second report by the same speaker starts there.
    let participle = |x: usize| doc.is_word(x) && doc.low(x).ends_with("ing") && is_cue(doc.low(x));
    // "... but suggesting ...", "... and adding ...": a coordinated participle too.
    let joins = |c: usize| doc.str(c) == "," || matches!(doc.low(c), "and" | "but");
    if let Some(c) = (a + 1..b.saturating_sub(1)).find(|&c| joins(c) && participle(c + 1)) {
        return c;
    }
    // "… “an absolute disgrace,” and threatened to ...", "..., and said ...": a second verb of saying joined to the
    // first is a report of its own.
    let comma_before =
        |c: usize| doc.str(c - 1) == "," || doc.tokens[c - 1].kind == Kind::Quote && doc.str(c - 2) == ",";
    if let Some(c) = (a.max(2)..b.saturating_sub(1))
        .find(|&c| doc.low(c) == "and" && comma_before(c) && doc.is_word(c + 1) && is_cue(doc.low(c + 1)))
    {
        return if doc.str(c - 1) == "," { c - 1 } else { c };
    }
    // `…race,” adding`: the closing mark stays with the quotation.
    if let Some(q) = (a + 1..b.saturating_sub(1))
        .find(|&q| doc.tokens[q].kind == Kind::Quote && doc.str(q - 1) == "," && participle(q + 1))
    {
        return q + 1;
    }
    // The last comma within eight tokens of the end, followed by a cue: the content stops there.
    let tail_from = b.saturating_sub(9).max(a);
    if let Some(c) = (tail_from..b).rev().find(|&c| doc.str(c) == ",") {
        if (c + 1..b).any(|x| doc.is_word(x) && (is_cue(doc.low(x)) || doc.low(x) == "according")) {
            return c;
        }
    }
    b
}

/// Reported content after cue `k`: its subject before the cue and its clause or object after it. Pushes an
/// indirect statement and returns the token to continue from (`k + 1` when nothing was found). `speech` is whether
/// the cue is a verb of saying; nominal content ("criticized the plan") is taken for any cue but "say"/"tell"/"add".
#[allow(clippy::too_many_arguments)]
fn reported_clause(
    doc: &Doc,
    people: &People,
    found: &mut Vec<Found>,
    (ss, se): (usize, usize),
    k: usize,
    speech: bool,
    nested: bool,
    overlaps: &dyn Fn(usize, usize) -> bool,
) -> usize {
    let w = doc.low(k);
    let mut e0 = aux_back(doc, k, ss);
    // "Pence went on to say ...", "she continued to insist ...": the subject is before the verb that takes "to".
    if e0 >= ss + 3 && doc.low(e0 - 1) == "to" {
        let v = if doc.low(e0 - 2) == "on" { e0 - 3 } else { e0 - 2 };
        if v > ss && matches!(doc.low(v), "went" | "goes" | "go" | "continued" | "continues" | "proceeded" | "seemed") {
            e0 = aux_back(doc, v, ss);
        }
    }
    // `…race,” adding that`: the comma before the closing mark.
    if e0 > ss + 1 && doc.tokens[e0 - 1].kind == Kind::Quote && doc.str(e0 - 2) == "," {
        e0 -= 1;
    }
    let before = if e0 > ss { doc.low(e0 - 1) } else { "" };
    // A passive ("tired of being asked where ...", "had been told that ..."): its subject heard it; who said it is
    // not written.
    if matches!(before, "being" | "been" | "be") && !w.ends_with("ing") {
        return k + 1;
    }
    let sp = if matches!(before, "they've" | "we've" | "i've" | "he'd" | "she'd" | "they'd") {
        // "While they've said ...": a contracted auxiliary.
        Some((e0 - 1, e0))
    } else if matches!(before, "and" | "but") && e0 - 1 > ss {
        // "X visited the site and said ...": the subject opens the sentence.
        conjoined_subject(doc, people, e0 - 1, ss)
    } else if before == "%" && e0 >= ss + 2 {
        // "47% say ..."
        Some((e0 - 2, e0))
    } else if matches!(before, "," | "—" | "–") {
        // "“…,” Anderson said, adding that ...": the speaker of the tag before the comma; else "Rep. Jason
        // Chaffetz, R-Utah, said ...": the subject before its apposition opens the sentence.
        prior_tag_speaker(doc, people, e0 - 1, ss)
            .filter(|_| w.ends_with("ing"))
            .or_else(|| subject_before_aside(doc, people, e0 - 1, ss))
            .or_else(|| conjoined_subject(doc, people, e0 - 1, ss))
    } else if speech
        && e0 > ss
        && (before == "it"
            || before.bytes().all(|b| b.is_ascii_digit())
            || NUMBERS.contains(&before)
            || matches!(before, "most" | "many" | "several" | "some" | "few" | "others"))
    {
        // "It said ..." (an organisation), "one in three said ...", "all but two said ...", "most said ...".
        Some((e0 - 1, e0))
    } else {
        speaker_ending(doc, people, e0, ss).or_else(|| np_ending(doc, e0, ss))
    };
    let Some(sp) = sp.map(|sp| message_sender(doc, people, sp, ss)) else {
        return k + 1;
    };
    // "<clause>, said Ohio State professor Paul Beck.": what follows the cue is its speaker, not its content.
    // Not "..., saying that in Mr. Clinton's career ...": the phrase must open like a name or description.
    // Not after a participle either: "..., saying Mr. Trump is unfit" reports a clause.
    let opens_np = k + 1 < se && (doc.is_cap(k + 1) || matches!(doc.low(k + 1), "the" | "a" | "an"));
    if before == "," && speech && opens_np && !w.ends_with("ing") {
        // An abbreviation's stop ("Mr. Trump") is inside the phrase.
        let abbrev = |x: usize| doc.str(x) == "." && !doc.tokens[x].space_before && x + 1 < se && doc.is_cap(x + 1);
        let e = (k + 1..se).find(|&x| !np_token(doc, x) && !abbrev(x)).unwrap_or(se);
        let ends = e >= se || matches!(doc.str(e), "," | "." | ";" | "!" | "?");
        let clause = has_auxiliary(doc, k + 1, e);
        if ends && !clause && e <= k + 9 && (k + 1..e).any(|x| mention_at(people, x).is_some()) {
            return k + 1;
        }
    }
    if (nested || quoted_at(found, doc.tokens[k].start))
        && (matches!(doc.low(sp.0), "i" | "we" | "you") || !speech || matches!(w, "think" | "thought" | "believe"))
    {
        // "“I think we can win,” he said": inside a quote, the speaker's own hedges are part of the quote.
        return k + 1;
    }
    let mut t = k + 1;
    if takes_addressee(w) {
        if let Some(obj) = speaker_starting(doc, people, t, se) {
            t = obj.1;
            // "told ABC’s “Good Morning America” that ...": the programme is part of the addressee.
            if t + 1 < se && matches!(doc.str(t), "'s" | "’s") && doc.tokens[t + 1].kind == Kind::Quote {
                if let Some(close) = next_double_mark(doc, t + 2, se) {
                    t = close + 1;
                }
            }
        } else if t < se && doc.is_word(t) && !COMMON_WORDS.contains(doc.low(t)) {
            // "told reporters", "warned voters"
            t += 1;
        }
    }
    t = skip_setting(doc, t, se);
    // "called for a ban", "talked about trade": the content is the preposition's object.
    if t + 1 < se && !clause_only(w) && matches!(doc.low(t), "about" | "for" | "on" | "against" | "over") {
        t += 1;
    } else if let Some(next) = characterisation(doc, people, found, (ss, se), k, t, sp, nested, overlaps) {
        return next;
    }
    // "that" a few words on only after a verb of saying ("said on Monday that"); after "wants peace that ..."
    // it is a relative pronoun.
    let window = if speech { 6 } else { 1 };
    let that = (t..se.min(t + window)).find(|&x| doc.low(x) == "that");
    // Content opening with a quotation ("said “it gets me mad” every time ..."): it starts at the mark.
    // Only when words follow the closing mark in the sentence; a quote that is the whole content stays direct.
    if t + 1 < se && doc.tokens[t].kind == Kind::Quote && is_double(mark(doc, t)) && doc.is_word(t + 1) {
        let close = next_double_mark(doc, t + 1, se);
        if !close.is_some_and(|c| (c + 1..se).any(|x| doc.is_word(x))) {
            return k + 1;
        }
        t += 1;
    }
    let opened = t > k + 1 && doc.tokens[t - 1].kind == Kind::Quote;
    let ta = match that {
        // Not past a subject: in "said he was confident that ..." the clause starts at "he".
        Some(x)
            if (t..x).all(|y| {
                doc.is_word(y) && !matches!(doc.low(y), "he" | "she" | "they" | "we" | "i") || doc.str(y) == ","
            }) && x + 1 < se =>
        {
            x + 1
        }
        _ if t < se && doc.is_word(t) && clause_start(doc, t) => t,
        // After "said", nearly any word opens the reported clause ("said if elected he could ...",
        // "said in politics it takes time"); not a preposition that makes it "said of/to/about X".
        _ if speech
            && t < se
            && doc.is_word(t)
            && !matches!(doc.low(t), "of" | "to" | "about" | "for" | "with" | "by" | "at" | "from" | "so" | "as") =>
        {
            t
        }
        _ if !nested && t < se && doc.is_word(t) && !(speech && clause_only(w)) && object_start(doc, t) => t,
        _ => return k + 1,
    };
    // Content opening with a quotation starts at its mark.
    let ta = if opened && ta == t { t - 1 } else { ta };
    let mut tb = content_end(doc, ta, se);
    // A relative clause's report ends at the comma closing the clause: "the suspect, who told officers “I did it,”
    // was arrested".
    if speech && sp.1 == sp.0 + 1 && matches!(doc.low(sp.0), "who" | "which") {
        if let Some(c) = (ta + 1..tb).find(|&c| doc.str(c) == ",") {
            let closing_mark = c + 1 < tb && doc.tokens[c + 1].kind == Kind::Quote && !doc.tokens[c + 1].space_before;
            tb = if closing_mark { c + 2 } else { c };
        }
    }
    if word_count(doc, ta, tb) < 3 {
        return k + 1;
    }
    // Quoted words in a nested report are the outer speaker's ("He says he believes his campaign has “…”").
    let sp = if (ta..tb).any(|x| doc.tokens[x].kind == Kind::Quote) { outer_speaker(doc, people, sp, ss) } else { sp };
    push_indirect(doc, found, ta, tb, k, sp, Attribution::Explicit, nested, overlaps);
    // Go on inside the content: PolNeAR annotates nested attributions ("X said voters want Y") too.
    k + 2
}

/// Reported content that quotes words of its speaker (`said that any president would have to make “positive
/// changes”`) is one mixed statement, as PolNeAR annotates it: the quoted pieces wholly inside it that have no
/// attribution of their own (or this one) are folded into it. Returns whether it pushed the mixed statement; false
/// when no quote lies inside or one straddles its edge.
fn absorb_quotes(
    doc: &Doc,
    found: &mut Vec<Found>,
    (ta, tb): (usize, usize),
    cue: usize,
    sp: (usize, usize),
    how: Attribution,
    nested: bool,
) -> bool {
    let Some((start, mut end)) = text_range(doc, ta, tb) else {
        return false;
    };
    // "said Mr. Trump was a candidate in the spirit of Silicon Valley: “He's a start-up kind of guy. He has …”":
    // a quote opening inside the content and running past its sentence belongs to it, up to its closing mark.
    let straddling = found.iter().filter(|f| f.kind != StatementKind::Indirect && start < f.start && f.start < end);
    if let Some(f_end) = straddling.map(|f| f.end).filter(|&e| e > end).max() {
        let close = doc.tokens.get(doc.tokens.partition_point(|t| t.start < f_end)).filter(|t| t.kind == Kind::Quote);
        end = close.map_or(f_end, |t| t.end);
    }
    let quoted = |f: &Found| f.kind != StatementKind::Indirect && f.start < end && start < f.end;
    let mut any = false;
    for f in found.iter().filter(|f| quoted(f)) {
        let inside = start <= f.start && f.end <= end;
        let own = f.attr.cue.is_none_or(|c| c == cue || c < ta) && f.chain.is_none();
        if !inside || !own {
            return false;
        }
        any = true;
    }
    // Nothing but the quotation itself ("said “It gets me mad.”"): it stays a direct quote.
    let only_marks = |a: usize, b: usize| !doc.text[a..b].chars().any(char::is_alphanumeric);
    if !any || found.iter().any(|f| quoted(f) && only_marks(start, f.start) && only_marks(f.end, end)) {
        return any;
    }
    found.retain(|f| !quoted(f));
    found.push(Found {
        kind: StatementKind::Mixed,
        start,
        end,
        attr: Attr { cue: Some(cue), speaker: Some(resolve_later(sp)), how },
        nested,
        tok: ta,
        chain: None,
    });
    true
}

/// "called the statement “offensive and outlandish”", "described the plan as “a disaster”": the object and the
/// quoted words, with the rest of their clause ("called the agreement “an historic step forward” in global
/// efforts"), are one mixed statement. Returns where to go on, or None when the verb is not one of these or has
/// no such quote; "call" without one names ("called him Jeb"), so it ends there. A single quoted term ("called
/// the measures “temporary”") is a scare quote, unless it characterises people ("called Trump “unhinged”").
#[allow(clippy::too_many_arguments)]
fn characterisation(
    doc: &Doc,
    people: &People,
    found: &mut Vec<Found>,
    (ss, se): (usize, usize),
    k: usize,
    t: usize,
    sp: (usize, usize),
    nested: bool,
    overlaps: &dyn Fn(usize, usize) -> bool,
) -> Option<usize> {
    let w = doc.low(k);
    let calls = matches!(w, "call" | "calls" | "called" | "calling" | "dubbed" | "dubbing" | "branded" | "termed");
    let describes =
        !calls && ["describ", "prais", "label", "portray", "characteri", "refer"].iter().any(|p| w.starts_with(p));
    if !calls && !describes {
        return None;
    }
    // "what Mr. Hedge called “the prior economy model”", "which he called “a cartel”": the content opens at the
    // relative word.
    let what = calls && sp.0 > ss && matches!(doc.low(sp.0 - 1), "what" | "which" | "whom");
    // The object may hold an amount: "called Ford’s plans to open a $1.6 billion plant “an absolute disgrace”".
    let object = |x: usize| np_token(doc, x) || matches!(doc.str(x), "$" | "%" | ".");
    let mut open = (t..se.min(t + 16)).find(|&x| !object(x) || describes && doc.low(x) == "as");
    if describes {
        // "... as “...”", "... as a “...”"
        open = open.filter(|&a| doc.low(a) == "as").map(|a| {
            if matches!(doc.low(a + 1), "a" | "an" | "the") {
                a + 2
            } else {
                a + 1
            }
        });
    }
    let open = open.filter(|&o| o < se && (o > t || what) && next_double_mark(doc, o, o + 1).is_some());
    // One quoted word is a scare quote ("called the measures “temporary”") unless it characterises people:
    // "called Trump “unhinged”", "called anti-Trump protesters “illegals”".
    let of_person = open.is_some_and(|o| {
        o == t + 1 && matches!(doc.low(t), "him" | "her" | "them" | "me" | "us" | "you")
            || mention_at(people, o - 1).is_some_and(|m| m.end == o)
            || o > t && doc.is_word(o - 1) && is_role_noun(doc.low(o - 1))
    });
    let close = open.and_then(|o| {
        let c = next_double_mark(doc, o + 1, se)?;
        (of_person || word_count(doc, o + 1, c) >= 2).then_some(c)
    });
    if let Some(mut c) = close {
        // "calling him a “train wreck” and “outsourcer in chief”", "a “new low” and a “bizarre attempt”":
        // coordinated characterisations.
        while let Some(q) = (c + 2..se.min(c + 5)).find(|&x| doc.tokens[x].kind == Kind::Quote) {
            let joined = matches!(doc.low(c + 1), "and" | "or" | ",") && (c + 2..q).all(|x| np_token(doc, x));
            match next_double_mark(doc, q + 1, se) {
                Some(next) if joined => c = next,
                _ => break,
            }
        }
        let ta = if what { sp.0 - 1 } else { t };
        let tb = clause_end(doc, c + 1, se);
        push_indirect(doc, found, ta, tb, k, sp, Attribution::Explicit, nested, overlaps);
        return Some(c + 1);
    }
    calls.then_some(k + 1)
}

/// The first double quotation mark among tokens `[from, to)`.
fn next_double_mark(doc: &Doc, from: usize, to: usize) -> Option<usize> {
    (from..to).find(|&x| doc.tokens[x].kind == Kind::Quote && is_double(mark(doc, x)))
}

/// Whether token `t` can start a noun-phrase or infinitive object ("the plan", "to build a wall", "what").
fn object_start(doc: &Doc, t: usize) -> bool {
    let w = doc.low(t);
    !COMMON_WORDS.contains(w)
        || DETERMINERS.contains(&w)
        || matches!(
            w,
            "to" | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "more"
                | "what"
                | "how"
                | "why"
                | "whether"
                | "if"
                | "him"
                | "them"
                | "us"
                | "me"
                | "it"
        )
}

/// Whether token `t` can start a reported clause ("the plan would fail", "he", "Russia").
fn clause_start(doc: &Doc, t: usize) -> bool {
    let w = doc.low(t);
    DETERMINERS.contains(&w)
        || matches!(
            w,
            "he" | "she"
                | "they"
                | "it"
                | "we"
                | "i"
                | "there"
                | "this"
                | "these"
                | "those"
                | "no"
                | "all"
                | "some"
                | "many"
                | "most"
        )
        || doc.is_cap(t)
}

/// End (exclusive token index) of a statement text starting at `a` in a sentence ending at `se`:
/// the sentence's final punctuation stays in.
fn sentence_text_end(doc: &Doc, a: usize, se: usize) -> usize {
    let mut b = se;
    // Closing marks of a quotation opened inside the text stay ("said the probe is “ongoing.”").
    while b > a && doc.tokens[b - 1].kind == Kind::Quote && !is_inner_close(doc, a, b - 1) {
        b -= 1;
    }
    b
}

#[allow(clippy::too_many_arguments)]
fn push_indirect(
    doc: &Doc,
    found: &mut Vec<Found>,
    ta: usize,
    tb: usize,
    cue: usize,
    sp: (usize, usize),
    how: Attribution,
    nested: bool,
    overlaps: &dyn Fn(usize, usize) -> bool,
) {
    if absorb_quotes(doc, found, (ta, tb), cue, sp, how, nested) {
        return;
    }
    let Some((start, end)) = text_range(doc, ta, tb) else {
        return;
    };
    if overlaps(start, end) || found.iter().any(|f| f.start == start && f.end == end) {
        return;
    }
    found.push(Found {
        kind: StatementKind::Indirect,
        start,
        end,
        attr: Attr { cue: Some(cue), speaker: Some(resolve_later(sp)), how },
        nested,
        tok: ta,
        chain: None,
    });
}
