//! Statements: direct quotes (any quotation marks, split, multi-paragraph, lost marks), colon
//! introductions, indirect speech and "according to", each with its cue and resolved speaker.

mod direct_rules;
mod marks;
mod reported_rules;
mod speaker;

use direct_rules::*;
use marks::*;
/// The screen (`super::screen`) reads a cue's content by the same test.
pub(crate) use reported_rules::clause_only;
use reported_rules::*;
use speaker::*;

use super::coref;
use super::lexicon::{
    is_cue, is_pronoun, is_role_noun, ADVERBIAL_OPENERS, ANY_CUES, BETWEEN_SUBJECT_AND_VERB, COMMON_WORDS,
    FINITE_VERBS, INFINITIVE_CUES, MESSAGE_NOUNS, NAMING_WORDS, NON_PERSON, NOUN_LIKE_CUES, ORG_WORDS, PHOTO_CREDITS,
    REJECTED_CLAIMS, REJECTING_VERBS, SENTENCE_ADVERBS, SOURCES, TAG_ADVERBS,
};
use super::people::{mention_at, Mention, People};
use super::text::{Doc, Kind};
use crate::model::{Attribution, ExtractedStatement, StatementKind};

/// A quotation that no rule attributes and no speaker the article follows continues.
const UNATTRIBUTED: &str = "unattributed-quote";
/// A piece of a quotation running over several paragraphs, attributed where another piece is.
const QUOTE_CHAIN_CONTINUATION: &str = "quote-chain-continuation";
/// A statement without attribution of its own: the speaker the article was following.
const CONTINUATION: &str = "continuation";

/// The rules of the speaker-resolution stage, which apply to quotations no rule of `QUOTE_RULES` attributed:
/// (id, what it matches, examples).
const RESOLUTION_RULES: &[(&str, &str, &[&str])] = &[
    (
        QUOTE_CHAIN_CONTINUATION,
        "a piece of a quotation running over several paragraphs takes the attribution of another piece",
        &["Maria Lopez said: “The harbour is dying and nobody on the council is listening to us.\n\n“We need a plan before the summer, or the boats will leave for good.”"],
    ),
    (
        CONTINUATION,
        "a quotation without a tag of its own continues the speaker the article was following",
        &["“The harbour is dying,” Maria Lopez said. “We need a plan before the summer, or the boats will leave.”"],
    ),
    (UNATTRIBUTED, "a quotation nobody is named for", &["“We will never give up on this town and its harbour.”"]),
];

/// One attribution rule, as documented: its table, id, what it matches and its example sentences.
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    /// "quotation", "resolution" or "reported".
    pub table: &'static str,
    pub id: &'static str,
    pub matches: &'static str,
    pub examples: &'static [&'static str],
}

/// Every attribution rule in order of precedence: the quotation table, speaker resolution, reported speech.
pub fn rules() -> Vec<RuleDoc> {
    let quotation =
        QUOTE_RULES.iter().map(|r| RuleDoc { table: "quotation", id: r.id, matches: r.matches, examples: r.examples });
    let resolution =
        RESOLUTION_RULES.iter().map(|&(id, matches, examples)| RuleDoc { table: "resolution", id, matches, examples });
    let reported = REPORTED_RULES.iter().map(|r| RuleDoc {
        table: "reported",
        id: r.id,
        matches: r.matches,
        examples: r.examples,
    });
    quotation.chain(resolution).chain(reported).collect()
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
    /// The id of the rule that found the attribution.
    rule: &'static str,
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
    } else if is_role_noun(w) && !(SOURCES.contains(w) && w.ends_with('s'))
        || (s..e).any(|k| coref::age_word(doc.low(k)).is_some())
    {
        sp.person = coref::description(doc, people, s, e);
    }
    if sp.person.is_none() {
        sp.label = Some(doc.slice(s, e - 1).to_string());
    }
    sp
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
        if o > 0 && doc.is_word(o - 1) && NAMING_WORDS.contains(doc.low(o - 1)) {
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
        let after_rule = s.close.and_then(|c| tag_after_mark(doc, people, c));
        let after = after_rule.map(|(_, tag)| tag);
        // "According to CNN, the FBI has “many open cases”", "As Breitbart News reported, ...": the source of the
        // whole sentence, unless a tag of the quotation's own follows the opening.
        let opening = s.open.and_then(|o| opening_source_before_quote(doc, people, o));
        let before_rule = s
            .open
            .and_then(|o| tag_before_mark(doc, people, o, after.is_none()))
            .or_else(|| {
                // A colon at the end of the previous paragraph introduces this one.
                let o = s.open?;
                let (ps, _) = doc.paras[doc.tokens[o].para];
                (o == ps && ps > 0 && doc.str(ps - 1) == ":")
                    .then(|| tag_before_mark(doc, people, ps - 1, false))
                    .flatten()
                    .map(|(id, (c, sp, _))| (id, (c, sp, true)))
            })
            .filter(|(_, b)| opening.is_none_or(|(_, comma, _)| b.0 > comma));
        let before = before_rule.map(|(_, tag)| tag);
        // Without a tag, a line of its own names the speaker (a pull quote's signature, a quoted transcript line
        // "“Chris Matthews: Seriously, …”" whose name before the colon speaks the rest, a roundup's name line), or
        // the quotation's sentence does.
        let untagged = Untagged { doc, people, seg: s, signature, opening, name_lines: &name_lines };
        let heading_rule = match (after, before) {
            (None, None) => own_line_speaker(&untagged),
            _ => None,
        };
        let (heading, line) = match heading_rule {
            Some((_, (sp, colon))) => (Some(sp), colon.map(|c| (sp, c))),
            None => (None, None),
        };
        let sentence_rule = match (after, before, heading) {
            (None, None, None) => sentence_tag(&untagged),
            _ => None,
        };
        let untagged_opening = match sentence_rule {
            Some((_, SentenceTag::Opening(cue, comma, sp))) => Some((cue, comma, sp)),
            _ => None,
        };
        let subject = match sentence_rule {
            Some((_, SentenceTag::Subject(v, sp))) => Some((v, sp)),
            _ => None,
        };
        let rule =
            [after_rule.map(|r| r.0), before_rule.map(|r| r.0), heading_rule.map(|r| r.0), sentence_rule.map(|r| r.0)]
                .into_iter()
                .flatten()
                .next()
                .unwrap_or(UNATTRIBUTED);
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
        let attr = attr
            .map(|(cue, sp, how)| Attr { cue, speaker: Some(resolve_later(sp)), how, rule })
            .unwrap_or(Attr { cue: None, speaker: None, how: Attribution::None, rule });
        found.push(Found { kind, start, end, attr, nested: false, tok: s.a, chain });
    }

    reported_speech(doc, people, &quoted, &mut found);
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
            let attr = Attr {
                cue: None,
                speaker: src.attr.speaker.clone(),
                how: Attribution::Continuation,
                rule: QUOTE_CHAIN_CONTINUATION,
            };
            found[i].attr = attr;
        }
    }
    for f in &found {
        let f_para = doc.tokens[f.tok].para;
        let mut speaker = None;
        let mut speaker_span = None;
        let mut label = None;
        let mut how = f.attr.how;
        let mut rule = f.attr.rule;
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
            rule = CONTINUATION;
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
            rule,
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
