//! Reported speech without quotation marks: "X said that ...", "..., X said", "according to X", colon
//! introductions and transcript lines.

#[allow(clippy::wildcard_imports)]
use super::*;

const TRANSCRIPT_LINE: &str = "transcript-line";
const AS_SOURCE_CLAUSE: &str = "as-source-clause";
const ACCORDING_TO: &str = "according-to";
const CUE_COLON_CLAUSE: &str = "cue-colon-clause";
const PARENTHETICAL_TAG: &str = "parenthetical-tag";
const CLAUSE_THEN_TAG: &str = "clause-then-tag";
const REPORTED_THAT_CLAUSE: &str = "reported-that-clause";
const REPORTED_CLAUSE: &str = "reported-clause";
const REPORTED_OBJECT: &str = "reported-object";
const CHARACTERISATION: &str = "characterisation";

/// One rule of the reported-speech table.
pub struct ReportedRule {
    /// Recorded on every statement the rule attributes (`ExtractedStatement::rule`).
    pub id: &'static str,
    /// What the rule matches, for the README's table.
    pub matches: &'static str,
    /// Sentences whose statement this rule, and no earlier one, attributes (checked by the rule-example test).
    pub examples: &'static [&'static str],
    pub(super) apply: ReportedApply,
}

/// Where a reported-speech rule looks.
pub(super) enum ReportedApply {
    /// A paragraph of its own.
    Line(fn(&mut Sentence, usize)),
    /// At a word of a sentence, before the cue look-up: the word (lower case) the rule starts at, and the rule.
    /// The word is compared in the loop, so the rule is called only where it can apply (the loop runs on every
    /// word of the article, and calling each word rule at each word was a measurable cost).
    Word(&'static str, fn(&mut Sentence, usize) -> Step),
    /// At a verb of saying.
    SpeechCue(fn(&mut Sentence, usize) -> Step),
    /// After a cue (speech or not) whose subject was found, on what follows it: the object and its quoted
    /// characterisation, which pushes the statement itself and says where to go on.
    Characterises(fn(&mut Sentence, &Content) -> Option<usize>),
    /// After a cue whose subject was found, where the reported content opens.
    Opens(fn(&Sentence, &Content) -> Option<usize>),
    /// At a verb of saying that neither tags a quotation before it nor opens content after it.
    SpeechCueWithoutContent(fn(&mut Sentence, usize) -> Step),
}

/// What a rule at a word says: not this rule's shape, or go on at a token.
pub(super) enum Step {
    Pass,
    Next(usize),
}

macro_rules! rule {
    ($id:ident, $place:ident($($arg:expr),+), $matches:literal, [$($ex:literal),+ $(,)?]) => {
        ReportedRule { id: $id, matches: $matches, examples: &[$($ex),+], apply: ReportedApply::$place($($arg),+) }
    };
}

/// The rules for reported speech, in order of precedence.
pub static REPORTED_RULES: &[ReportedRule] = &[
    rule!(
        TRANSCRIPT_LINE,
        Line(transcript_line),
        "a paragraph opened by a named person and a colon, without quotation marks",
        ["Alex Seitz-Wald: She is right on all these things and the party knows it."]
    ),
    rule!(
        AS_SOURCE_CLAUSE,
        Word("as", as_source_clause),
        "a sentence opened by \"As X reported,\"",
        ["As Breitbart News reported, the council approved the budget on Monday."]
    ),
    rule!(
        ACCORDING_TO,
        Word("according", according_to),
        "\"according to X\" opening or closing a clause",
        [
            "According to the harbour authority, the strike will cost the port a million pounds.",
            "The strike will cost the port a million pounds, according to the harbour authority."
        ]
    ),
    rule!(
        CUE_COLON_CLAUSE,
        SpeechCue(cue_colon_clause),
        "a speaker and a verb of saying, then a colon and unquoted words",
        ["The political scientist Abbas Gallyamov says: Putin really needs negotiations now."]
    ),
    rule!(
        CHARACTERISATION,
        Characterises(characterisation),
        "\"called X “…”\", \"described X as “…”\": the object and its quoted characterisation",
        ["Maria Lopez called the budget “a disaster” for the town."]
    ),
    rule!(
        REPORTED_THAT_CLAUSE,
        Opens(reported_that_clause),
        "a subject, a cue and a \"that\" clause",
        ["Maria Lopez said on Monday that the council would vote on the budget."]
    ),
    rule!(
        REPORTED_CLAUSE,
        Opens(reported_clause_start),
        "a subject, a cue and a clause without \"that\"",
        ["Maria Lopez said the council would vote on the budget next week."]
    ),
    rule!(
        REPORTED_OBJECT,
        Opens(reported_object),
        "a subject and a cue taking an infinitive or a noun phrase that is no clause (\"wants to build\", \"called for a ban\")",
        ["Maria Lopez wants to build a new harbour wall before the winter."]
    ),
    rule!(
        PARENTHETICAL_TAG,
        SpeechCueWithoutContent(parenthetical_tag),
        "a tag between commas inside its content: \"<clause>, X said, <clause>\"",
        ["The council, Maria Lopez said, will have to vote on the budget again in March."]
    ),
    rule!(
        CLAUSE_THEN_TAG,
        SpeechCueWithoutContent(clause_then_tag),
        "a clause, then \", X said\" or \", said X\" closing the sentence",
        [
            "The council will have to vote on the budget again in March, Maria Lopez said.",
            "Dock workers voted on Thursday to strike for 48 hours next week, their union said, in a dispute over pay.",
        ]
    ),
];

/// A sentence being read for reported speech, with the statements found so far.
pub(super) struct Sentence<'a, 'd> {
    pub(super) doc: &'a Doc<'d>,
    pub(super) people: &'a People,
    quoted: &'a [bool],
    pub(super) found: &'a mut Vec<Found>,
    pub(super) ss: usize,
    pub(super) se: usize,
    /// Inside a quotation: a statement reported by the quoted speaker.
    pub(super) nested: bool,
    /// Whether a text range overlaps a quotation found before reported speech (without lying inside it).
    pub(super) overlaps: &'a dyn Fn(usize, usize) -> bool,
    /// The end of the quotation the current cue tags, if any.
    tagged: Option<usize>,
}

impl Sentence<'_, '_> {
    fn push(&mut self, (ta, tb): (usize, usize), cue: usize, sp: (usize, usize), by: (&'static str, Attribution)) {
        push_indirect(self.doc, self.found, ta, tb, cue, sp, by, self.nested, self.overlaps);
    }
}

/// Transcript lines without quotation marks, then colon introductions, indirect speech ("X said that ...", "..., X
/// said") and "according to X", by the rules of `REPORTED_RULES`.
pub(super) fn reported_speech(doc: &Doc, people: &People, quoted: &[bool], found: &mut Vec<Found>) {
    let never = |_: usize, _: usize| false;
    let mut line = Sentence {
        doc,
        people,
        quoted,
        found: &mut *found,
        ss: 0,
        se: 0,
        nested: false,
        overlaps: &never,
        tagged: None,
    };
    for p in 0..doc.paras.len() {
        for rule in REPORTED_RULES {
            if let ReportedApply::Line(f) = rule.apply {
                f(&mut line, p);
            }
        }
    }
    let direct: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
    let overlaps = |a: usize, b: usize| direct.iter().any(|&(s, e)| a < e && s < b && !(s <= a && b <= e));
    for &(ss, se) in &doc.sents {
        let nested = quoted[ss];
        let mut sentence =
            Sentence { doc, people, quoted, found: &mut *found, ss, se, nested, overlaps: &overlaps, tagged: None };
        let mut k = ss;
        'words: while k < se {
            if !doc.is_word(k) {
                k += 1;
                continue;
            }
            let w = doc.low(k);
            for rule in REPORTED_RULES {
                if let ReportedApply::Word(at, f) = rule.apply {
                    if w == at {
                        if let Step::Next(next) = f(&mut sentence, k) {
                            k = next;
                            continue 'words;
                        }
                    }
                }
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
                if nested || sentence.found.iter().rev().any(|f| f.start <= at && at < f.end) {
                    // Inside a quote or another reported content, a belief is part of that content
                    // ("they said ... and now he wants to join them"), not a statement of its own.
                    k += 1;
                    continue;
                }
                // "Polls show (that) ...", "Trump wants to build a wall": non-speech attribution (issue 4).
                k = reported_clause(&mut sentence, k, false);
                continue;
            }
            for rule in REPORTED_RULES {
                if let ReportedApply::SpeechCue(f) = rule.apply {
                    if let Step::Next(next) = f(&mut sentence, k) {
                        k = next;
                        continue 'words;
                    }
                }
            }
            // Whether the cue tags a quotation, and whether that quotation comes before it. "“…,” Sanders said during
            // an interview on CNN’s “State of the Union.”": a cue tagging the quotation before it is followed by its
            // setting, not by reported content.
            let at = doc.tokens[k].start;
            let tagged = sentence
                .found
                .iter()
                .find(|f| f.attr.cue == Some(k) && f.kind != StatementKind::Indirect)
                .map(|f| f.end);
            if tagged.is_some_and(|end| end <= at) {
                k += 1;
                continue;
            }
            sentence.tagged = tagged;
            // "X said (on Monday) (that) <clause>", "X told Y (that) <clause>", "X criticized <object>".
            let next = reported_clause(&mut sentence, k, true);
            if next > k + 1 {
                k = next;
                continue;
            }
            for rule in REPORTED_RULES {
                if let ReportedApply::SpeechCueWithoutContent(f) = rule.apply {
                    if let Step::Next(next) = f(&mut sentence, k) {
                        k = next;
                        continue 'words;
                    }
                }
            }
            k += 1;
        }
    }
}

/// Transcript lines without quotation marks: a paragraph "Alex Seitz-Wald: She is right on all these things." is
/// the named person's words. In the first line, a headline: "Abbas Gallyamov: Putin wants peace ...", "Bill Clinton:
/// Hillary ‘Better Qualified to Be President’" (its quoted words folded in, a mixed statement).
fn transcript_line(s: &mut Sentence, i: usize) {
    let (doc, people) = (s.doc, s.people);
    let (ps, pe) = doc.paras[i];
    let Some((sp, colon)) = transcript_speaker(doc, people, ps, pe) else { return };
    // Below the headline, a sentence, not a subheading ("Obama: A Legacy in Doubt").
    if i > 0 && !matches!(doc.str(pe - 1), "." | "!" | "?") {
        return;
    }
    let (ta, tb) = (colon + 1, sentence_text_end(doc, colon + 1, pe));
    if s.quoted[ta] || absorb_quotes(doc, s.found, (ta, tb), colon, sp, (TRANSCRIPT_LINE, Attribution::Colon), false) {
        return;
    }
    // Like other colon introductions without marks (issue 4), not a direct quote.
    if let Some((start, end)) = text_range(doc, ta, tb) {
        let attr =
            Attr { cue: Some(colon), speaker: Some(resolve_later(sp)), how: Attribution::Colon, rule: TRANSCRIPT_LINE };
        s.found.push(Found { kind: StatementKind::Indirect, start, end, attr, nested: false, tok: ta, chain: None });
    }
}

/// "As Breitbart News reported, <clause>."
fn as_source_clause(s: &mut Sentence, k: usize) -> Step {
    let (doc, ss, se) = (s.doc, s.ss, s.se);
    if !(k == ss && doc.low(k) == "as") {
        return Step::Pass;
    }
    let Some((v, comma, sp)) = opening_source(doc, s.people, ss, se) else { return Step::Pass };
    let tb = sentence_text_end(doc, comma + 1, se);
    // A quotation in it is already the statement (see `opening_source_before_quote`); scare quotes are not.
    if word_count(doc, comma + 1, tb) < 3 || (comma + 1..tb).any(|x| s.quoted[x]) {
        return Step::Pass;
    }
    s.push((comma + 1, tb), v, sp, (AS_SOURCE_CLAUSE, Attribution::Explicit));
    Step::Next(tb)
}

/// "according to X, ..." / "..., according to X."
fn according_to(s: &mut Sentence, k: usize) -> Step {
    let (doc, ss, se) = (s.doc, s.ss, s.se);
    if !(doc.low(k) == "according" && k + 1 < se && doc.low(k + 1) == "to") {
        return Step::Pass;
    }
    if let Some(sp) = according_source(doc, s.people, k, se) {
        let (ta, tb) = if k == ss {
            let comma = (sp.1..se).find(|&c| doc.str(c) == ",").map(|c| c + 1).unwrap_or(sp.1);
            (comma, se)
        } else {
            (ss, k)
        };
        let tail_ok = k == ss || (sp.1..se).all(|c| !doc.is_word(c));
        // A quotation in it is already a statement (see `opening_source_before_quote`); scare quotes
        // are part of this one ("According to Variety, Trump brought “SNL” its highest ratings").
        let quoted_in = (ta..tb).any(|x| s.quoted[x]);
        if tail_ok && word_count(doc, ta, tb) >= 3 && !quoted_in {
            s.push((ta, tb), k, sp, (ACCORDING_TO, Attribution::AccordingTo));
        }
    }
    Step::Next(k + 2)
}

/// "the political scientist says: Putin really needs negotiations."
fn cue_colon_clause(s: &mut Sentence, k: usize) -> Step {
    let (doc, ss, se) = (s.doc, s.ss, s.se);
    let Some(c) = (k + 1..se.min(k + 7)).find(|&c| doc.str(c) == ":") else { return Step::Pass };
    let unquoted = c + 1 < se && doc.tokens[c + 1].kind != Kind::Quote;
    if unquoted && (k + 1..c).all(|x| doc.is_word(x) && !is_cue(doc.low(x))) {
        if let Some(sp) = speaker_ending(doc, s.people, skip_adverbs_back(doc, k, ss), ss) {
            let tb = sentence_text_end(doc, c + 1, se);
            if word_count(doc, c + 1, tb) >= 3 && !(s.overlaps)(doc.tokens[c + 1].start, doc.tokens[tb - 1].end) {
                s.push((c + 1, tb), k, sp, (CUE_COLON_CLAUSE, Attribution::Colon));
            }
        }
    }
    Step::Next(c + 1)
}

/// "<clause-a>, X said, <clause-b>.": the attribution is a parenthesis inside its content, which PolNeAR takes as
/// the whole sentence.
fn parenthetical_tag(s: &mut Sentence, k: usize) -> Step {
    let (doc, ss, se) = (s.doc, s.ss, s.se);
    let Some((s0, e1)) = parenthetical(doc, s.people, k, ss, se) else { return Step::Pass };
    if noun_like_cue(doc, s.people, k, (s0, k)) {
        return Step::Pass;
    }
    // "<clause>, their union said, in a dispute over pay": an adverbial phrase after the tag adds to the clause
    // before it, which is whole; `clause_then_tag` takes it, so the content does not run through the tag.
    if ADVERBIAL_OPENERS.contains(doc.low(e1)) && word_count(doc, ss, s0) >= 4 {
        return Step::Pass;
    }
    let tb = content_end(doc, e1, se);
    if word_count(doc, ss, tb) < 6 {
        return Step::Pass;
    }
    s.push((ss, tb), k, (s0, k), (PARENTHETICAL_TAG, Attribution::Explicit));
    Step::Next(tb)
}

/// "<clause>, X said." / "<clause>, said X." Not when the cue already tags a quote after it ("In an interview,
/// Butz, 49, told The Huffington Post: “…”"): what follows "told" is its addressee. A participle ("..., saying Mr.
/// Trump ...") never closes its content this way.
fn clause_then_tag(s: &mut Sentence, k: usize) -> Step {
    let (doc, people, ss, se) = (s.doc, s.people, s.ss, s.se);
    if !(k > ss + 4 && s.tagged.is_none() && !doc.low(k).ends_with("ing")) {
        return Step::Pass;
    }
    // The subject: a speaker phrase, or any noun phrase ("the memo stated") right after a comma.
    let subject = speaker_ending(doc, people, k, ss)
        .or_else(|| np_ending(doc, k, ss))
        .filter(|sp| sp.0 > ss && doc.str(sp.0 - 1) == ",");
    let comma = doc.str(k - 1) == "," || subject.is_some();
    let tail_end = (k + 1..se).find(|&x| !doc.is_word(x)).unwrap_or(se);
    // Only a short tail ("said Tuesday"): "..., the Census denied any improper role" is not one.
    // "..., Hollande said Tuesday in Paris, noting ...": or a participle's clause after it.
    // "..., their union said, in a dispute over pay.": or an adverbial phrase.
    let participle_next = tail_end + 1 < se && doc.str(tail_end) == "," && doc.low(tail_end + 1).ends_with("ing");
    let adverbial_next =
        tail_end + 1 < se && doc.str(tail_end) == "," && ADVERBIAL_OPENERS.contains(doc.low(tail_end + 1));
    let tail_ok =
        (tail_end + 1 >= se || participle_next || adverbial_next) && tail_end <= k + 5 || doc.str(k - 1) == ",";
    if comma && tail_ok {
        let sp = if doc.str(k - 1) == "," { speaker_starting(doc, people, k + 1, se) } else { subject };
        if let Some(sp) = sp.filter(|&sp| !noun_like_cue(doc, people, k, sp)) {
            let cut = if doc.str(k - 1) == "," { k - 1 } else { sp.0 - 1 };
            if word_count(doc, ss, cut) >= 4 {
                s.push((ss, cut), k, sp, (CLAUSE_THEN_TAG, Attribution::Explicit));
            }
        }
    }
    Step::Pass
}

/// The source of "according to" at `k`, ending before `ceil`: a speaker phrase, else any noun phrase up to the next
/// comma or the sentence end ("a new poll by Harvard", "the results", "FEC filings").
pub(super) fn according_source(doc: &Doc, people: &People, k: usize, ceil: usize) -> Option<(usize, usize)> {
    if doc.low(k) == "in" {
        return in_words_of(doc, k, ceil).map(|(apostrophe, _)| (k + 1, apostrophe));
    }
    if k + 2 >= ceil || doc.low(k) != "according" || doc.low(k + 1) != "to" {
        return None;
    }
    // A full stop ends the phrase only where the sentence ends: "according to Dr. Sofia Marques of ..." goes on.
    let stop = |c: usize| match doc.str(c) {
        "," | ";" | "!" | "?" | ":" => true,
        "." => c + 1 >= ceil || doc.sent_start(c + 1) == c + 1,
        _ => false,
    };
    let phrase = || {
        let e = (k + 2..ceil.min(k + 16)).find(|&c| stop(c))?;
        (e > k + 2).then_some((k + 2, e))
    };
    // The whole phrase when the speaker phrase stops short of it: "according to a study by Media Matters".
    match speaker_starting(doc, people, k + 2, ceil) {
        Some(sp) if sp.1 < ceil && doc.is_word(sp.1) => phrase().or(Some(sp)),
        // "according to the city's finance director, Priya Raman, ...": the name in apposition (issue 11).
        Some(sp) => Some(apposed_name(doc, people, sp, ceil).unwrap_or(sp)),
        None => phrase(),
    }
}

/// "in Forbes’ words", "in Bolton's view" at `k` ("in"): the possessive's apostrophe and the noun's token.
pub(super) fn in_words_of(doc: &Doc, k: usize, ceil: usize) -> Option<(usize, usize)> {
    if !(k + 3 < ceil && doc.low(k) == "in" && doc.is_cap(k + 1)) {
        return None;
    }
    let apostrophe = (k + 2..ceil.min(k + 6)).find(|&x| !doc.is_word(x))?;
    let possessive = matches!(doc.str(apostrophe), "'s" | "’s" | "'" | "’");
    let noun = apostrophe + 1 < ceil
        && matches!(doc.low(apostrophe + 1), "words" | "view" | "opinion" | "estimation" | "telling" | "account");
    (possessive && noun).then_some((apostrophe, apostrophe + 1))
}

/// A parenthetical attribution at cue `k`: `, X said,` with the speaker written just before the cue (or `, said X,`)
/// and words on both sides. Returns where the speaker starts and the token after the closing comma.
pub(super) fn parenthetical(doc: &Doc, people: &People, k: usize, ss: usize, se: usize) -> Option<(usize, usize)> {
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
pub(crate) fn clause_only(w: &str) -> bool {
    matches!(w, "say" | "says" | "said" | "saying" | "tell" | "tells" | "told" | "telling" | "add" | "adds" | "added")
}

/// Verbs followed by the addressee before the content ("told reporters that ...").
pub(super) fn takes_addressee(w: &str) -> bool {
    matches!(
        w,
        "told" | "tells" | "tell" | "telling" | "warned" | "assured" | "reminded" | "informed" | "urged" | "asked"
    )
}

/// Skips a time or setting phrase after a cue: "on Monday", "Tuesday", "last week", "in an interview", "in a statement".
pub(super) fn skip_setting(doc: &Doc, mut t: usize, se: usize) -> usize {
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
pub(super) fn quoted_at(found: &[Found], at: usize) -> bool {
    found.iter().any(|f| f.kind != StatementKind::Indirect && f.start <= at && at < f.end)
}

/// End of a short name or noun phrase starting at `t` ("CNN", "the Washington Post"): up to four words.
pub(super) fn speaker_phrase_end(doc: &Doc, t: usize, se: usize) -> usize {
    let mut e = t;
    while e < se && e - t < 4 && doc.is_word(e) && (doc.is_cap(e) || DETERMINERS.contains(&doc.low(e))) {
        e += 1;
    }
    e
}

/// End (exclusive) of the clause going on at `a` (after a quotation inside it): the sentence end, a trailing tag or
/// the next comma or dash (", applauding …").
pub(super) fn clause_end(doc: &Doc, a: usize, se: usize) -> usize {
    let b = content_end(doc, a, se).max(a);
    (a..b).find(|&x| matches!(doc.str(x), "," | ";" | "—" | "–")).unwrap_or(b)
}

/// End (exclusive) of reported content from `a` in a sentence ending at `se`: to the sentence end, less a
/// trailing ", X said" / ", according to X" attribution and closing quotation marks.
pub(super) fn content_end(doc: &Doc, a: usize, se: usize) -> usize {
    let b = sentence_text_end(doc, a, se);
    // "... to strike for 48 hours next week, their union said, in a dispute ...": the tag of another statement,
    // between commas, ends the content; it belongs to its own statement (issue 11). Not the speaker's own hedge:
    // "the people who voted for me, I think, together".
    let tag_between_commas = |c: usize| {
        if c + 1 < b && matches!(doc.low(c + 1), "i" | "we" | "you") {
            return false;
        }
        let v = (c + 1..b.min(c + 6)).find(|&x| !doc.is_word(x) || !doc.is_cap(x) && is_cue(doc.low(x)));
        v.is_some_and(|v| v > c + 1 && v + 1 < b && doc.is_word(v) && is_cue(doc.low(v)) && doc.str(v + 1) == ",")
    };
    if let Some(c) = (a + 1..b).find(|&c| doc.str(c) == "," && tag_between_commas(c)) {
        return c;
    }
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

/// A cue whose subject was found, and what follows it.
pub(super) struct Content {
    /// The cue.
    k: usize,
    /// The cue is a verb of saying.
    speech: bool,
    /// The subject, the written speaker.
    sp: (usize, usize),
    /// The first token after the cue, its addressee and its setting ("told reporters on Monday").
    t: usize,
    /// A "that" right after `t` (a few words on after a verb of saying).
    that: Option<usize>,
}

/// Not past a subject: in "said he was confident that ..." the clause starts at "he".
fn reported_that_clause(s: &Sentence, c: &Content) -> Option<usize> {
    let doc = s.doc;
    let x = c.that?;
    let plain =
        |y: usize| doc.is_word(y) && !matches!(doc.low(y), "he" | "she" | "they" | "we" | "i") || doc.str(y) == ",";
    ((c.t..x).all(plain) && x + 1 < s.se).then_some(x + 1)
}

/// A clause opening after the cue; after "said", nearly any word opens it ("said if elected he could ...", "said
/// in politics it takes time"), but not a preposition that makes it "said of/to/about X".
fn reported_clause_start(s: &Sentence, c: &Content) -> Option<usize> {
    let (doc, t) = (s.doc, c.t);
    if !(t < s.se && doc.is_word(t)) || cue_is_a_noun(doc, c) {
        return None;
    }
    let any_word = || {
        c.speech && !matches!(doc.low(t), "of" | "to" | "about" | "for" | "with" | "by" | "at" | "from" | "so" | "as")
    };
    (clause_start(doc, t) || any_word()).then_some(t)
}

/// "The sale of the Lacroix label comes as ...", "The answer is no": a verb right after the cue makes the cue the
/// head noun of a subject, not a verb of saying.
fn cue_is_a_noun(doc: &Doc, c: &Content) -> bool {
    c.t == c.k + 1 && FINITE_VERBS.contains(doc.low(c.t))
}

/// "laughed off suggestions that ...", "denied reports that ...", "dismissed claims that ...": the clause after the
/// noun is the claim the speaker at cue `k` rejected, someone else's words, not the speaker's statement (issue 11).
fn rejects_a_claim(doc: &Doc, k: usize, se: usize) -> bool {
    let w = doc.low(k);
    REJECTING_VERBS.iter().any(|stem| w.starts_with(stem))
        && (k + 1..se.min(k + 6))
            .any(|x| REJECTED_CLAIMS.contains(doc.low(x)) && x + 1 < se && doc.low(x + 1) == "that")
}

/// A noun phrase or infinitive object ("criticized the plan", "wants to build a wall"), not after "say", "tell" or
/// "add", and not inside a quotation.
fn reported_object(s: &Sentence, c: &Content) -> Option<usize> {
    let (doc, t) = (s.doc, c.t);
    let ok = !s.nested
        && t < s.se
        && doc.is_word(t)
        && !(c.speech && clause_only(doc.low(c.k)))
        && !cue_is_a_noun(doc, c)
        && object_start(doc, t);
    ok.then_some(t)
}

/// Reported content after cue `k`: its subject before the cue and its clause or object after it. Pushes an
/// indirect statement and returns the token to continue from (`k + 1` when nothing was found). `speech` is whether
/// the cue is a verb of saying; nominal content ("criticized the plan") is taken for any cue but "say"/"tell"/"add".
fn reported_clause(s: &mut Sentence, k: usize, speech: bool) -> usize {
    let (doc, people, ss, se, nested) = (s.doc, s.people, s.ss, s.se, s.nested);
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
    if (nested || quoted_at(s.found, doc.tokens[k].start))
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
    if rejects_a_claim(doc, k, se) {
        return k + 1;
    }
    // "called for a ban", "talked about trade": the content is the preposition's object.
    if t + 1 < se && !clause_only(w) && matches!(doc.low(t), "about" | "for" | "on" | "against" | "over") {
        t += 1;
    } else {
        let content = Content { k, speech, sp, t, that: None };
        for rule in REPORTED_RULES {
            if let ReportedApply::Characterises(f) = rule.apply {
                if let Some(next) = f(s, &content) {
                    return next;
                }
            }
        }
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
    let content = Content { k, speech, sp, t, that };
    let opens = REPORTED_RULES.iter().find_map(|rule| match rule.apply {
        ReportedApply::Opens(f) => f(s, &content).map(|ta| (ta, rule.id)),
        _ => None,
    });
    let Some((ta, rule)) = opens else { return k + 1 };
    // A noun-like cue form ("state", "label", "answer") is a verb only with a subject that has a head noun and
    // content that is a clause: not "the far too great police state powers set for the statute books ...", "Tony
    // Blair answer questions sent by the public", "his caustic remarks on TV shows ...". A cue taking an object and
    // an infinitive ("asking people to donate") needs the subject only.
    let clause = rule == REPORTED_THAT_CLAUSE || clause_start(doc, ta) || INFINITIVE_CUES.contains(w);
    if noun_like_cue(doc, people, k, sp) || NOUN_LIKE_CUES.contains(w) && !clause {
        return k + 1;
    }
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
    s.push((ta, tb), k, sp, (rule, Attribution::Explicit));
    // Go on inside the content: PolNeAR annotates nested attributions ("X said voters want Y") too.
    k + 2
}

/// Reported content that quotes words of its speaker (`said that any president would have to make “positive
/// changes”`) is one mixed statement, as PolNeAR annotates it: the quoted pieces wholly inside it that have no
/// attribution of their own (or this one) are folded into it. Returns whether it pushed the mixed statement; false
/// when no quote lies inside or one straddles its edge.
pub(super) fn absorb_quotes(
    doc: &Doc,
    found: &mut Vec<Found>,
    (ta, tb): (usize, usize),
    cue: usize,
    sp: (usize, usize),
    (rule, how): (&'static str, Attribution),
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
        attr: Attr { cue: Some(cue), speaker: Some(resolve_later(sp)), how, rule },
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
fn characterisation(s: &mut Sentence, c: &Content) -> Option<usize> {
    let (doc, people, ss, se, k, t, sp) = (s.doc, s.people, s.ss, s.se, c.k, c.t, c.sp);
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
        s.push((ta, tb), k, sp, (CHARACTERISATION, Attribution::Explicit));
        return Some(c + 1);
    }
    calls.then_some(k + 1)
}

/// Whether token `t` can start a noun-phrase or infinitive object ("the plan", "to build a wall", "what").
pub(super) fn object_start(doc: &Doc, t: usize) -> bool {
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
pub(super) fn clause_start(doc: &Doc, t: usize) -> bool {
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
pub(super) fn sentence_text_end(doc: &Doc, a: usize, se: usize) -> usize {
    let mut b = se;
    // Closing marks of a quotation opened inside the text stay ("said the probe is “ongoing.”").
    while b > a && doc.tokens[b - 1].kind == Kind::Quote && !is_inner_close(doc, a, b - 1) {
        b -= 1;
    }
    b
}

#[allow(clippy::too_many_arguments)]
pub(super) fn push_indirect(
    doc: &Doc,
    found: &mut Vec<Found>,
    ta: usize,
    tb: usize,
    cue: usize,
    sp: (usize, usize),
    by: (&'static str, Attribution),
    nested: bool,
    overlaps: &dyn Fn(usize, usize) -> bool,
) {
    if absorb_quotes(doc, found, (ta, tb), cue, sp, by, nested) {
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
        attr: Attr { cue: Some(cue), speaker: Some(resolve_later(sp)), how: by.1, rule: by.0 },
        nested,
        tok: ta,
        chain: None,
    });
}
