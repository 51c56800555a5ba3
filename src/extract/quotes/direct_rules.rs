//! The rules that attribute quotations: an ordered table, each rule a small function with an id and the example
//! sentences it must attribute. A quotation's tag is looked for after its closing mark, then before its opening
//! mark, then on a line of its own (signatures, transcript lines, roundup names), then in its sentence (an opening
//! "According to X," or the sentence's subject); in each place the first rule of the table that fires wins.

use std::cell::OnceCell;

#[allow(clippy::wildcard_imports)]
use super::*;

/// What a rule says about one quotation.
pub(super) enum Verdict<T> {
    /// The rule attributes the quotation.
    Fires(T),
    /// Not this rule's shape: the next rule of the same place is tried.
    Pass,
    /// This rule's shape, without an attribution: no later rule of the same place may read it otherwise ("“…,”
    /// adding that …" is no tag after the quotation, whatever follows the participle).
    Blocks,
}

impl<T> From<Option<T>> for Verdict<T> {
    fn from(found: Option<T>) -> Verdict<T> {
        found.map_or(Verdict::Pass, Verdict::Fires)
    }
}

/// A tag: the cue's token and the written speaker's tokens `[s, e)`.
pub(super) type Tag = (usize, (usize, usize));

/// A tag before the opening mark, and whether a colon introduces the quotation.
pub(super) type ColonTag = (usize, (usize, usize), bool);

/// A speaker named apart from any cue, and the colon after the name when the quotation is a transcript line.
pub(super) type Heading = ((usize, usize), Option<usize>);

/// What attributes an untagged quotation from its own sentence.
#[derive(Clone, Copy)]
pub(super) enum SentenceTag {
    /// "According to CNN, the FBI has “…”", "As Breitbart News reported, …": the cue, the comma closing the opening,
    /// the source.
    Opening(usize, usize, (usize, usize)),
    /// "Rubio bemoaned the climate in which people “…”": the verb and its subject.
    Subject(usize, (usize, usize)),
}

/// One rule of the quotation table.
pub struct QuoteRule {
    /// Recorded on every statement the rule attributes (`ExtractedStatement::rule`).
    pub id: &'static str,
    /// What the rule matches, for the README's table.
    pub matches: &'static str,
    /// Sentences whose quotation this rule, and no earlier one, attributes (checked by the rule-example test).
    pub examples: &'static [&'static str],
    pub(super) apply: QuoteApply,
}

/// Where a rule looks, with what it reads there.
pub(super) enum QuoteApply {
    /// In the tokens after the closing mark.
    AfterMark(fn(&AfterMark) -> Verdict<Tag>),
    /// In the sentence before the opening mark.
    BeforeMark(fn(&BeforeMark) -> Verdict<Tag>),
    /// On a line of its own or inside the marks, when no tag is beside the quotation.
    OwnLine(fn(&Untagged) -> Verdict<Heading>),
    /// In the quotation's sentence, when nothing else attributes it.
    Sentence(fn(&Untagged) -> Verdict<SentenceTag>),
}

macro_rules! rule {
    ($id:literal, $place:ident($f:path), $matches:literal, [$($ex:literal),+ $(,)?]) => {
        QuoteRule { id: $id, matches: $matches, examples: &[$($ex),+], apply: QuoteApply::$place($f) }
    };
}

/// The rules for quotations, in order of precedence.
pub static QUOTE_RULES: &[QuoteRule] = &[
    rule!("quote-then-dash-signature", AfterMark(quote_then_dash_signature),
        "a signature line after the quotation: a dash or parenthesis, then a name ending the line",
        ["“We will keep fighting for our jobs.” —Michelle Marks, Philadelphia."]),
    rule!("quote-then-according-to", AfterMark(quote_then_according_to),
        "\"according to\" a source right after the quotation",
        ["“The investigation is still open,” according to CNN."]),
    rule!("quote-then-cue-speaker", AfterMark(quote_then_cue_speaker),
        "a verb of saying right after the quotation, then the speaker",
        ["“Putin really needs negotiations,” says Abbas Gallyamov."]),
    rule!("quote-then-cue-description", AfterMark(quote_then_cue_description),
        "a verb of saying right after the quotation, then a description of the speaker up to the tag's end",
        ["“We had no warning at all,” said the 46-year-old."]),
    rule!("quote-then-verb-name", AfterMark(quote_then_verb_name),
        "any past-tense verb right after the quotation, then a named person",
        ["“That is not a plan, that is a wish list,” grinned Maria Lopez."]),
    rule!("quote-then-verb-description", AfterMark(quote_then_verb_description),
        "any past-tense verb right after the quotation, then a noun phrase ending the tag",
        ["“The council has failed this town for a decade,” read a Wednesday editorial in the Northport Gazette."]),
    rule!("quote-then-speaker-cue", AfterMark(quote_then_speaker_cue),
        "the speaker, then a verb of saying (or any past-tense verb) after the quotation",
        ["“We will not accept this offer,” she said.", "“We will not accept this offer,” Maria Lopez told reporters."]),
    rule!("quote-then-description-cue", AfterMark(quote_then_description_cue),
        "a description opened by a determiner, then the verb, after the quotation",
        ["“The budget leaves nothing for the harbour,” one person with knowledge of the talks said."]),
    rule!("quote-then-long-subject-cue", AfterMark(quote_then_long_subject_cue),
        "a long speaker phrase naming a person or ending in a role, then the verb, after the quotation",
        ["“Nobody here wants a strike,” Fight for $15 organizing director Kendall Fells told reporters."]),
    rule!("name-colon-quote", BeforeMark(name_colon_quote),
        "a name (or \"from\" a noun phrase) and a colon introduce the quotation",
        ["Jeffrey M. Jones: “Gallup’s analysis shows a clear shift in opinion.”"]),
    rule!("name-details-colon-quote", BeforeMark(name_details_colon_quote),
        "a name opening the sentence, then its age and place, and a colon",
        ["Maria Lopez, 34, of Phoenix: “I was born here and I will vote here.”"]),
    rule!("according-to-quote", BeforeMark(according_to_quote),
        "\"According to X,\" right before the quotation",
        ["According to the Daily Caller, “the campaign spent more than it raised.”"]),
    rule!("passive-agent-quote", BeforeMark(passive_agent_quote),
        "a passive verb of saying before the quotation: its agent after \"by\" speaks",
        ["Maria Lopez was asked by a reporter, “Will you run again next year?”"]),
    rule!("comma-cue-name-quote", BeforeMark(comma_cue_name_quote),
        "an inverted tag between commas before the quotation: \", explained X,\"",
        ["It was late, explained David Rosenberg, “and nobody wanted to stay any longer.”"]),
    rule!("speaker-cue-quote", BeforeMark(speaker_cue_quote),
        "the speaker and a verb of saying before the quotation, with a colon or comma",
        ["Abbas Gallyamov said: “Putin really needs negotiations.”", "He told the BBC, “We are not leaving.”"]),
    rule!("conjoined-subject-cue-quote", BeforeMark(conjoined_subject_cue_quote),
        "a second verb of saying joined by \"and\"/\"but\": the subject opens the clause",
        ["Ben Carson did not mention his opponents, but told his supporters, “We will win this state.”"]),
    rule!("preposition-participle-quote", BeforeMark(preposition_participle_quote),
        "a participle after \"by\", \"while\", \"after\" or \"before\": the sentence's subject speaks",
        ["Donald Trump tried to laugh it off by interjecting, “That is a very nasty question.”"]),
    rule!("verb-to-cue-quote", BeforeMark(verb_to_cue_quote),
        "\"was prompted to say\", \"went on to tell\": the subject of the verbs before \"to\"",
        ["Mr. Trump was prompted to say, “I will accept the result if I win.”"]),
    rule!("aside-cue-quote", BeforeMark(aside_cue_quote),
        "the speaker, an aside between commas, then the verb of saying",
        ["He, once again, pledged, “We will build the new harbour wall.”"]),
    rule!("quoted-aside-cue-quote", BeforeMark(quoted_aside_cue_quote),
        "the speaker, an aside ending in a quotation, then the verb",
        ["Paul Manafort, citing “the unique magic of Trump,” said, “We will win in November.”"]),
    rule!("cue-comma-participle-quote", BeforeMark(cue_comma_participle_quote),
        "a verb of saying, a comma and a participle: the first verb's speaker",
        ["Sean Spicer said on Monday, adding, “The president has full confidence in him.”"]),
    rule!("name-comma-cue-quote", BeforeMark(name_comma_cue_quote),
        "a name in apposition right before the verb's comma",
        ["The F.B.I. director, James Comey, said, “We are not in a position to comment.”"]),
    rule!("parenthesis-comma-cue-quote", BeforeMark(parenthesis_comma_cue_quote),
        "a name and its parenthesis before the verb's comma",
        ["Gov. John Kasich (R-OH), said, “We need to move on from this.”"]),
    rule!("subject-aside-comma-cue-quote", BeforeMark(subject_aside_comma_cue_quote),
        "a named subject and an aside, then the verb after its comma",
        ["Michael Bloomberg, who has said little about his plans, said, “I have not decided yet.”"]),
    rule!("subject-comma-cue-quote", BeforeMark(subject_comma_cue_quote),
        "the sentence's subject, then a participle of saying after a comma",
        ["Phil Kerpen needled the reporter, saying, “You should read the bill first.”"]),
    rule!("description-cue-quote", BeforeMark(description_cue_quote),
        "any noun phrase and a verb of saying right before the quotation",
        ["Another commenter said, “This is the best news we have had all year.”"]),
    rule!("cue-speaker-quote", BeforeMark(cue_speaker_quote),
        "an inverted tag before the quotation: the verb of saying, then the speaker",
        ["Said Dorothy Poynter, who grew up with Ali, “He was the kindest man I ever knew.”"]),
    rule!("cue-sentence-then-quote", BeforeMark(cue_sentence_then_quote),
        "a sentence that is only a speaker and a verb, then the quotation opening the next sentence",
        ["Sam Lau said in a statement. “We are disappointed by the decision of the board.”"]),
    rule!("pull-quote-signature", OwnLine(pull_quote_signature_rule),
        "a pull quote signed on its last line, inside the marks",
        ["\"We are going to enter the next recession with the highest debt ever.\n\nJosh Bivens, Economic Policy Institute.\""]),
    rule!("quoted-transcript-line", OwnLine(quoted_transcript_line),
        "a transcript line inside the marks: a name, a colon and the words",
        ["“Chris Matthews: Seriously, are you serious about this plan?”"]),
    rule!("quote-then-name-details", OwnLine(quote_then_name_details),
        "a roundup's name after a quotation ending with its own stop, then only details",
        ["“I was born here and I will vote here.” Maria Lopez, 34, Phoenix"]),
    rule!("capitals-headline-quote", OwnLine(capitals_headline_quote),
        "a digest item: a headline in capitals, then the excerpt in quotation marks",
        ["UN: PEACEKEEPERS PAYING FOR SEX “The United Nations has opened an inquiry into the mission.”"]),
    rule!("name-details-quote", OwnLine(name_details_quote),
        "a name and its details opening the quotation's paragraph",
        ["Maria Lopez, 34, Phoenix “I was born here and I will vote here.”"]),
    rule!("name-line-above-quote", OwnLine(name_line_above_quote),
        "a roundup's name line above the quotation",
        ["Maria Lopez, 34, Phoenix\n\n“I was born here and I will vote here.”"]),
    rule!("name-line-below-quote", OwnLine(name_line_below_quote),
        "a roundup signed below its quotations: the name line after the quotation",
        ["“I was born here and I will vote here.”\n\nMaria Lopez, 34, Phoenix\n\n“We came for the jobs and we stayed for the people.”\n\nDavid Mensah, 52, Tucson"]),
    rule!("opening-source-quote", Sentence(opening_source_quote),
        "a sentence opened by \"According to X,\" or \"As X reported,\" holding the quotation",
        ["According to CNN, the FBI has “many open cases about the campaign” this year."]),
    rule!("sentence-subject-quote", Sentence(sentence_subject_quote),
        "no cue beside the quotation: the subject and verb of its sentence",
        ["Marco Rubio bemoaned the climate in which people “literally hate each other.”"]),
];

/// The first rule of one place, in table order, that fires or blocks: the rule's id and what it found.
fn first<T>(pick: impl Fn(&QuoteApply) -> Option<Verdict<T>>) -> Option<(&'static str, T)> {
    for rule in QUOTE_RULES {
        match pick(&rule.apply) {
            Some(Verdict::Fires(found)) => return Some((rule.id, found)),
            Some(Verdict::Blocks) => return None,
            Some(Verdict::Pass) | None => {}
        }
    }
    None
}

/// The tag after the closing mark `close`, and the rule that found it.
pub(super) fn tag_after_mark(doc: &Doc, people: &People, close: usize) -> Option<(&'static str, Tag)> {
    let mark = AfterMark::new(doc, people, close);
    first(|apply| match apply {
        QuoteApply::AfterMark(f) => Some(f(&mark)),
        _ => None,
    })
}

/// The tag before the opening mark (or introducing colon) `open`, and the rule that found it. `cue_sentence`: a
/// sentence of its own before the quotation may tag it (no tag follows the quotation).
pub(super) fn tag_before_mark(
    doc: &Doc,
    people: &People,
    open: usize,
    cue_sentence: bool,
) -> Option<(&'static str, ColonTag)> {
    let mark = BeforeMark::new(doc, people, open, cue_sentence);
    first(|apply| match apply {
        QuoteApply::BeforeMark(f) => Some(f(&mark)),
        _ => None,
    })
    .map(|(id, (cue, sp))| (id, (cue, sp, mark.colon)))
}

/// The speaker named on a line of its own (or inside the marks) for a quotation without a tag, and the rule.
pub(super) fn own_line_speaker(untagged: &Untagged) -> Option<(&'static str, Heading)> {
    first(|apply| match apply {
        QuoteApply::OwnLine(f) => Some(f(untagged)),
        _ => None,
    })
}

/// What attributes a quotation with no tag and no own line from its sentence, and the rule.
pub(super) fn sentence_tag(untagged: &Untagged) -> Option<(&'static str, SentenceTag)> {
    first(|apply| match apply {
        QuoteApply::Sentence(f) => Some(f(untagged)),
        _ => None,
    })
}

/// The tokens after a closing mark, as the after-mark rules read them.
pub(super) struct AfterMark<'a> {
    doc: &'a Doc<'a>,
    people: &'a People,
    close: usize,
    /// The end of the mark's paragraph.
    pe: usize,
    /// The tag's first token (past commas, dashes and an auxiliary) and its end (the sentence end or the next
    /// quotation mark), when the tag has any token.
    tag: Option<(usize, usize)>,
    /// A full stop inside the marks and a capital after them: a new sentence.
    new_sentence: bool,
}

impl<'a> AfterMark<'a> {
    fn new(doc: &'a Doc<'a>, people: &'a People, close: usize) -> AfterMark<'a> {
        let pe = doc.paras[doc.tokens[close].para.min(doc.paras.len() - 1)].1;
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
        let tag = (k < ceil).then(|| {
            // An auxiliary before the cue: "a déclaré", "hat gesagt".
            if k + 1 < ceil && matches!(doc.low(k), "a" | "has" | "hat" | "ha") && is_cue(doc.low(k + 1)) {
                k += 1;
            }
            (k, ceil)
        });
        let new_sentence = close > 0 && doc.str(close - 1) == "." && close + 1 < pe && doc.is_cap(close + 1);
        AfterMark { doc, people, close, pe, tag, new_sentence }
    }

    /// A tag found after the mark. `“… is ongoing.” He said the FBI …`: a full stop inside the marks and a capital
    /// after them start a new sentence, whose "He said" is not this quote's attribution; but in `“… missing.” Trump
    /// said.` the sentence is nothing but the tag.
    fn tag(&self, found: Option<Tag>) -> Verdict<Tag> {
        let Some(found) = found else { return Verdict::Pass };
        let tag_only = found.0 + 1 >= self.pe || matches!(self.doc.str(found.0 + 1), "." | "!");
        if !self.new_sentence || tag_only {
            Verdict::Fires(found)
        } else {
            Verdict::Blocks
        }
    }

    /// A verb of saying at the tag's first token, lower-case or right after the mark.
    fn cue_first(&self, k: usize) -> bool {
        let doc = self.doc;
        doc.is_word(k) && is_cue(doc.low(k)) && (!doc.is_cap(k) || k == self.close + 1)
    }
}

fn quote_then_dash_signature(m: &AfterMark) -> Verdict<Tag> {
    signature(m.doc, m.people, m.close, m.pe).into()
}

fn quote_then_according_to(m: &AfterMark) -> Verdict<Tag> {
    let Some((k, ceil)) = m.tag else { return Verdict::Pass };
    m.tag(according_source(m.doc, m.people, k, ceil).map(|sp| (k, sp)))
}

fn quote_then_cue_speaker(m: &AfterMark) -> Verdict<Tag> {
    let (doc, Some((k, ceil))) = (m.doc, m.tag) else { return Verdict::Pass };
    // "Cruz said there is “…,” adding that …": a participle's subject is the sentence's, not a tag after it.
    if doc.is_word(k) && !doc.is_cap(k) && doc.low(k).ends_with("ing") && is_cue(doc.low(k)) {
        return Verdict::Blocks;
    }
    if !m.cue_first(k) {
        return Verdict::Pass;
    }
    m.tag(speaker_starting(doc, m.people, k + 1, ceil).filter(|&sp| !opens_clause(doc, sp)).map(|sp| (k, sp)))
}

fn quote_then_cue_description(m: &AfterMark) -> Verdict<Tag> {
    let (doc, Some((k, ceil))) = (m.doc, m.tag) else { return Verdict::Pass };
    if !m.cue_first(k) {
        return Verdict::Pass;
    }
    // "said the 46-year-old", "said the man who built his career on ...": a description up to the clause end.
    let article = k + 1 < ceil && matches!(doc.low(k + 1), "the" | "a" | "an" | "one" | "another");
    match np_after_cue(doc, m.people, k, ceil, if article { 16 } else { 7 }) {
        Some(sp) => m.tag(Some((k, sp))),
        None => Verdict::Blocks,
    }
}

fn quote_then_verb_name(m: &AfterMark) -> Verdict<Tag> {
    let (doc, Some((k, ceil))) = (m.doc, m.tag) else { return Verdict::Pass };
    if !tag_verb(doc, k) {
        return Verdict::Pass;
    }
    m.tag(mention_at(m.people, k + 1).filter(|n| n.start == k + 1).map(|n| (k, (n.start, n.end.min(ceil)))))
}

fn quote_then_verb_description(m: &AfterMark) -> Verdict<Tag> {
    let (doc, Some((k, ceil))) = (m.doc, m.tag) else { return Verdict::Pass };
    if !tag_verb(doc, k) {
        return Verdict::Pass;
    }
    // "reads a Wednesday editorial in The Des Moines Register.": a description may be longer.
    let article = k + 1 < ceil && matches!(doc.low(k + 1), "the" | "a" | "an");
    m.tag(np_after_cue(doc, m.people, k, ceil, if article { 12 } else { 7 }).map(|sp| (k, sp)))
}

fn quote_then_speaker_cue(m: &AfterMark) -> Verdict<Tag> {
    let Some((k, ceil)) = m.tag else { return Verdict::Pass };
    m.tag(speaker_starting(m.doc, m.people, k, ceil).and_then(|sp| subject_verb(m.doc, m.people, sp, ceil)))
}

fn quote_then_description_cue(m: &AfterMark) -> Verdict<Tag> {
    let Some((k, ceil)) = m.tag else { return Verdict::Pass };
    m.tag(det_np_starting(m.doc, k, ceil).and_then(|sp| subject_verb(m.doc, m.people, sp, ceil)))
}

fn quote_then_long_subject_cue(m: &AfterMark) -> Verdict<Tag> {
    let Some((k, ceil)) = m.tag else { return Verdict::Pass };
    m.tag(long_subject(m.doc, m.people, k, ceil))
}

/// The sentence before an opening mark, as the before-mark rules read it.
pub(super) struct BeforeMark<'a> {
    doc: &'a Doc<'a>,
    people: &'a People,
    open: usize,
    /// The sentence start.
    floor: usize,
    /// A colon right before the mark.
    colon: bool,
    cue_sentence: bool,
    cue: OnceCell<Option<BeforeCue>>,
}

/// The nearest cue before the opening mark, in the same sentence and not inside another quotation.
#[derive(Clone, Copy)]
enum BeforeCue {
    /// "According to the Daily Caller, “…”": the cue and the source.
    According(usize, (usize, usize)),
    /// A verb of saying (or "put it") at `k`, and `e`, where its subject ends (before auxiliaries and adverbs).
    Verb { k: usize, put_it: bool, e: usize },
}

impl<'a> BeforeMark<'a> {
    fn new(doc: &'a Doc<'a>, people: &'a People, open: usize, cue_sentence: bool) -> BeforeMark<'a> {
        let floor = doc.sent_start(open);
        let colon = open > floor && doc.str(open - 1) == ":";
        BeforeMark { doc, people, open, floor, colon, cue_sentence, cue: OnceCell::new() }
    }

    fn cue(&self) -> Option<BeforeCue> {
        *self.cue.get_or_init(|| self.find_cue())
    }

    /// The verb of saying (cue `k`), whether it is "put it", and where its subject ends.
    fn verb(&self) -> Option<(usize, bool, usize)> {
        match self.cue() {
            Some(BeforeCue::Verb { k, put_it, e }) => Some((k, put_it, e)),
            _ => None,
        }
    }

    /// The cue closest to the quote, within a dozen tokens, not inside another quote.
    fn find_cue(&self) -> Option<BeforeCue> {
        let (doc, people, open, floor) = (self.doc, self.people, self.open, self.floor);
        let mut k = open;
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
                return Some(BeforeCue::According(k, sp));
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
                return Some(BeforeCue::Verb { k, put_it, e: aux_back(doc, k, floor) });
            }
        }
        None
    }

    /// The verb introduces the quotation: right before the mark, or before a comma or colon right before it.
    fn introduces(&self, k: usize) -> bool {
        k + 1 == self.open || k + 2 == self.open && matches!(self.doc.str(k + 1), "," | ":")
    }

    /// A comma right before the verb's subject end, and the name in apposition before it ("the F.B.I. director,
    /// James B. Comey, said"), not before a participle.
    fn comma_apposition(&self) -> Option<(usize, usize, Option<Mention>)> {
        let (doc, floor) = (self.doc, self.floor);
        let (k, _, e) = self.verb()?;
        if !(e > floor + 1 && doc.str(e - 1) == ",") {
            return None;
        }
        let participle = doc.low(k).ends_with("ing");
        let apposed = mention_at(self.people, e - 2).filter(|m| m.end == e - 1 && m.start >= floor && !participle);
        Some((k, e, apposed))
    }
}

fn name_colon_quote(m: &BeforeMark) -> Verdict<Tag> {
    let (doc, people, open, floor) = (m.doc, m.people, m.open, m.floor);
    if !(m.colon && open >= floor + 2) {
        return Verdict::Pass;
    }
    // "Jeffrey M. Jones: “Gallup’s analysis ...”", "More from Blumenthal and Cohen: “...”", "Mark Blumenthal and
    // Jon Cohen: “…”": a name, or two, introduces the quote with a colon alone; so does a noun phrase after "from".
    // "Rep. Trey Gowdy (R-S.C.):": the name before its parenthesis.
    let named = if doc.str(open - 2) == ")" {
        speaker_ending(doc, people, open - 1, floor).filter(|&sp| ends_in_name(people, sp)).map(|sp| (sp.0, open - 1))
    } else {
        mention_at(people, open - 2).filter(|n| n.end == open - 1 && n.start >= floor).map(|n| (n.start, n.end))
    };
    let mut sp = named.or_else(|| np_ending(doc, open - 1, floor));
    if let Some((s0, e0)) = sp.filter(|&(s0, _)| s0 >= floor + 2 && doc.low(s0 - 1) == "and") {
        if let Some(first) = mention_at(people, s0 - 2).filter(|n| n.end == s0 - 1 && n.start >= floor) {
            sp = Some((first.start, e0));
        }
    }
    if let Some((s0, e0)) = sp {
        let after = |w: &str| matches!(w, "-" | "—" | "–" | "from");
        let lead = named.is_some() && (floor..s0).all(|x| doc.is_cap(x) || doc.str(x) == ".")
            || s0 > floor && after(doc.low(s0 - 1));
        if lead {
            return Verdict::Fires((open - 1, (s0, e0)));
        }
    }
    Verdict::Pass
}

fn name_details_colon_quote(m: &BeforeMark) -> Verdict<Tag> {
    let (doc, open, floor) = (m.doc, m.open, m.floor);
    if !(m.colon && open >= floor + 2) {
        return Verdict::Pass;
    }
    // "Maria Lopez, 34, of Phoenix: “…”": a name opening the sentence, then only an age and a place.
    name_then_details(doc, m.people, floor, open - 1, 8)
        .filter(|sp| doc.str(sp.1) == ",")
        .map(|sp| (open - 1, sp))
        .into()
}

fn according_to_quote(m: &BeforeMark) -> Verdict<Tag> {
    match m.cue() {
        Some(BeforeCue::According(k, sp)) => Verdict::Fires((k, sp)),
        _ => Verdict::Pass,
    }
}

fn passive_agent_quote(m: &BeforeMark) -> Verdict<Tag> {
    let (doc, people, open, floor) = (m.doc, m.people, m.open, m.floor);
    let Some((k, _, _)) = m.verb() else { return Verdict::Pass };
    // "Clinton was asked by a reporter, “…”": a passive's agent speaks, never its subject.
    let passive = k > floor && matches!(doc.low(k - 1), "was" | "were" | "is" | "are" | "been" | "being" | "be");
    if !(passive && k + 2 < open && doc.low(k + 1) == "by") {
        return Verdict::Pass;
    }
    let agent = speaker_starting(doc, people, k + 2, open).or_else(|| np_after_cue(doc, people, k + 1, open, 8));
    match agent {
        Some(sp) => Verdict::Fires((k, sp)),
        None => Verdict::Blocks,
    }
}

fn comma_cue_name_quote(m: &BeforeMark) -> Verdict<Tag> {
    let (doc, people, open, floor) = (m.doc, m.people, m.open, m.floor);
    let Some((k, _, _)) = m.verb() else { return Verdict::Pass };
    // "..., explained Rosenberg, “…”": an inverted tag, its named speaker right before the mark.
    if !(k > floor && doc.str(k - 1) == "," && open >= k + 3 && matches!(doc.str(open - 1), "," | ":")) {
        return Verdict::Pass;
    }
    let named = |sp: &(usize, usize)| sp.1 == open - 1 && mention_at(people, sp.1 - 1).is_some();
    speaker_starting(doc, people, k + 1, open - 1).filter(named).map(|sp| (k, sp)).into()
}

fn speaker_cue_quote(m: &BeforeMark) -> Verdict<Tag> {
    let (doc, people, floor) = (m.doc, m.people, m.floor);
    let Some((k, _, e)) = m.verb() else { return Verdict::Pass };
    let Some(sp) = speaker_ending(doc, people, e, floor) else { return Verdict::Pass };
    if noun_like_cue(doc, people, k, sp) {
        return Verdict::Pass;
    }
    // "The senator emailed supporters saying: “…”": a participle's speaker is the subject of the verb before its
    // object.
    let object_of = |sp: (usize, usize)| {
        let v = sp.0.checked_sub(1).filter(|&v| v > floor && doc.low(k).ends_with("ing") && tag_verb(doc, v))?;
        speaker_ending(doc, people, aux_back(doc, v, floor), floor)
    };
    let sp = object_of(sp).unwrap_or(sp);
    Verdict::Fires((k, message_sender(doc, people, outer_speaker(doc, people, sp, floor), floor)))
}

fn conjoined_subject_cue_quote(m: &BeforeMark) -> Verdict<Tag> {
    let (doc, floor) = (m.doc, m.floor);
    let Some((k, _, e)) = m.verb() else { return Verdict::Pass };
    // "Carson did not mention his opponents, but told his supporters, “…”": the subject of the clause the
    // conjunction joins opens the sentence.
    if !(e > floor + 1 && matches!(doc.low(e - 1), "and" | "but")) {
        return Verdict::Pass;
    }
    let c = if doc.str(e - 2) == "," { e - 2 } else { e - 1 };
    conjoined_subject(doc, m.people, c, floor).map(|sp| (k, sp)).into()
}

fn preposition_participle_quote(m: &BeforeMark) -> Verdict<Tag> {
    let (doc, floor) = (m.doc, m.floor);
    let Some((k, _, e)) = m.verb() else { return Verdict::Pass };
    // "Trump tried to laugh it off by interjecting, “…”": a participle after a preposition has the sentence's
    // subject.
    let after_preposition =
        e > floor + 1 && doc.low(k).ends_with("ing") && matches!(doc.low(e - 1), "by" | "while" | "after" | "before");
    if !(m.introduces(k) && after_preposition) {
        return Verdict::Pass;
    }
    speaker_starting(doc, m.people, subject_start(doc, floor, e - 1), e - 1).map(|sp| (k, sp)).into()
}

fn verb_to_cue_quote(m: &BeforeMark) -> Verdict<Tag> {
    let (doc, people, floor) = (m.doc, m.people, m.floor);
    let Some((k, _, e)) = m.verb() else { return Verdict::Pass };
    // "Mr. Trump was prompted to say, “…”", "he went on to tell": the subject of the verbs before "to".
    if !(m.introduces(k) && e > floor + 2 && doc.low(e - 1) == "to") {
        return Verdict::Pass;
    }
    let verbs = (floor..e - 1).rev().take(3).take_while(|&x| doc.is_word(x) && !doc.is_cap(x) && !is_cue(doc.low(x)));
    verbs
        .into_iter()
        .find_map(|x| speaker_ending(doc, people, x, floor).filter(|sp| sp.1 == x))
        .map(|sp| (k, sp))
        .into()
}

fn aside_cue_quote(m: &BeforeMark) -> Verdict<Tag> {
    let Some((k, _, e)) = m.verb() else { return Verdict::Pass };
    // "he, once again, pledged": an aside between commas.
    aside_start(m.doc, e, m.floor).and_then(|c| speaker_ending(m.doc, m.people, c, m.floor)).map(|sp| (k, sp)).into()
}

fn quoted_aside_cue_quote(m: &BeforeMark) -> Verdict<Tag> {
    let (doc, floor) = (m.doc, m.floor);
    let Some((k, _, e)) = m.verb() else { return Verdict::Pass };
    // "Mr. Manafort, citing “the unique magic of Trump,” said": a comma inside the closing mark.
    if !(e > floor + 2 && doc.tokens[e - 1].kind == Kind::Quote && doc.str(e - 2) == ",") {
        return Verdict::Pass;
    }
    subject_before_aside(doc, m.people, e - 2, floor).map(|sp| (k, sp)).into()
}

fn cue_comma_participle_quote(m: &BeforeMark) -> Verdict<Tag> {
    // "Spicer said, adding, “…”": the speaker of the cue before the comma; not "Sanders compared himself to
    // Clinton, saying, “…”", where the name is an object.
    let Some((k, e, _)) = m.comma_apposition() else { return Verdict::Pass };
    if !m.doc.low(k).ends_with("ing") {
        return Verdict::Pass;
    }
    prior_tag_speaker(m.doc, m.people, e - 1, m.floor).map(|sp| (k, sp)).into()
}

fn name_comma_cue_quote(m: &BeforeMark) -> Verdict<Tag> {
    // "the F.B.I. director, James B. Comey, said ...": the name in apposition before the cue's comma.
    match m.comma_apposition() {
        Some((k, _, Some(n))) => Verdict::Fires((k, (n.start, n.end))),
        _ => Verdict::Pass,
    }
}

fn parenthesis_comma_cue_quote(m: &BeforeMark) -> Verdict<Tag> {
    // "Gov. John Kasich (R-OH), said": the name before its parenthesis.
    match m.comma_apposition() {
        Some((k, e, None)) if m.doc.str(e - 2) == ")" => {
            speaker_ending(m.doc, m.people, e - 1, m.floor).map(|sp| (k, sp)).into()
        }
        _ => Verdict::Pass,
    }
}

fn subject_aside_comma_cue_quote(m: &BeforeMark) -> Verdict<Tag> {
    // "Michael Bloomberg, who's thinking about running for president, said": the subject before its aside.
    match m.comma_apposition() {
        Some((k, e, None)) if m.doc.str(e - 2) != ")" => {
            subject_before_aside(m.doc, m.people, e - 1, m.floor).map(|sp| (k, sp)).into()
        }
        _ => Verdict::Pass,
    }
}

fn subject_comma_cue_quote(m: &BeforeMark) -> Verdict<Tag> {
    // "Kerpen needled the reporter, saying, “...”": the subject opens the sentence (issue 4).
    let (doc, floor) = (m.doc, m.floor);
    match m.comma_apposition() {
        Some((k, e, None)) if doc.str(e - 2) != ")" => {
            speaker_starting(doc, m.people, subject_start(doc, floor, e - 1), e - 1).map(|sp| (k, sp)).into()
        }
        _ => Verdict::Pass,
    }
}

fn description_cue_quote(m: &BeforeMark) -> Verdict<Tag> {
    let (doc, floor) = (m.doc, m.floor);
    let Some((k, put_it, e)) = m.verb() else { return Verdict::Pass };
    // "as the Heritage Foundation website notes:", "Another commenter said, “...”": any noun phrase before a cue
    // that introduces the quote.
    if !(m.colon || k + 1 == m.open || k + 2 == m.open && doc.str(k + 1) == "," || put_it) {
        return Verdict::Pass;
    }
    // "As Gavin Cox of the buildyourown.org.uk website put it:": the person the body or place belongs to speaks.
    let owner = |sp: (usize, usize)| {
        if !(sp.0 > floor + 1 && matches!(doc.low(sp.0 - 1), "of" | "at" | "from")) {
            return None;
        }
        let m = mention_at(m.people, sp.0 - 2).filter(|p| p.end == sp.0 - 1)?;
        Some((m.start.max(floor), m.end))
    };
    np_ending(doc, e, floor).map(|sp| (k, owner(sp).unwrap_or_else(|| message_sender(doc, m.people, sp, floor)))).into()
}

fn cue_speaker_quote(m: &BeforeMark) -> Verdict<Tag> {
    let (doc, open) = (m.doc, m.open);
    let Some((k, _, _)) = m.verb() else { return Verdict::Pass };
    // "said Smith: “…”"; not "told his supporters, “…”", whose object is the addressee, nor "adding that
    // Sanders is “…”", a participle's clause.
    let participle = doc.low(k).ends_with("ing") || doc.low(k + 1) == "that";
    if takes_addressee(doc.low(k)) || participle {
        return Verdict::Pass;
    }
    // The phrase runs to the quotation: not "criticized Sanders for “…”" nor "said the candidate could win “…”".
    // An inverted tag opening the sentence keeps its speaker's aside: "Said Dorothy Poynter, who grew up with Ali,
    // “…”".
    let inverted = |sp: &(usize, usize)| k == m.floor && doc.str(sp.1) == "," && matches!(doc.str(open - 1), "," | ":");
    let to_quote = |sp: &(usize, usize)| (sp.1 + 1 >= open || inverted(sp)) && !opens_clause(doc, *sp);
    speaker_starting(doc, m.people, k + 1, open).filter(to_quote).map(|sp| (k, sp)).into()
}

fn cue_sentence_then_quote(m: &BeforeMark) -> Verdict<Tag> {
    if !m.cue_sentence {
        return Verdict::Pass;
    }
    cue_sentence_before(m.doc, m.people, m.open).map(|(v, sp, _)| (v, sp)).into()
}

/// A quotation without a tag beside it, as the own-line and sentence rules read it.
pub(super) struct Untagged<'a, 'd> {
    pub(super) doc: &'a Doc<'d>,
    pub(super) people: &'a People,
    pub(super) seg: &'a Seg,
    /// The signer of the pull quote the segment is, when its last line is a signature.
    pub(super) signature: Option<(usize, usize)>,
    /// "According to X," or "As X reported," opening the quotation's sentence.
    pub(super) opening: Option<(usize, usize, (usize, usize))>,
    /// Built on the first quotation that needs it: most articles never do.
    pub(super) name_lines: &'a OnceCell<NameLines>,
}

impl Untagged<'_, '_> {
    fn name_lines(&self) -> &NameLines {
        self.name_lines.get_or_init(|| NameLines::new(self.doc, self.people))
    }
}

fn pull_quote_signature_rule(u: &Untagged) -> Verdict<Heading> {
    u.signature.map(|sp| (sp, None)).into()
}

fn quoted_transcript_line(u: &Untagged) -> Verdict<Heading> {
    // "“Chris Matthews: Seriously, …”": the name before the colon speaks the rest.
    transcript_speaker(u.doc, u.people, u.seg.a, u.seg.b).map(|(sp, colon)| (sp, Some(colon))).into()
}

fn quote_then_name_details(u: &Untagged) -> Verdict<Heading> {
    u.seg.close.and_then(|c| inline_signature(u.doc, u.people, c)).map(|sp| (sp, None)).into()
}

fn capitals_headline_quote(u: &Untagged) -> Verdict<Heading> {
    let doc = u.doc;
    let Some(open) = u.seg.open else { return Verdict::Pass };
    let ps = doc.paras[doc.tokens[open].para].0;
    // A news digest's item: "UN: PEACEKEEPERS PAYING 13-YEAR-OLDS FOR SEX “The United Nations has ...”". The
    // excerpt is the story's, named by its headline in capitals.
    let capitals = |x: usize| !doc.is_word(x) || doc.str(x).chars().all(|c| !c.is_lowercase());
    // Not a dateline: "NEW YORK (AP) — “…”".
    let dateline = || (ps..open).any(|x| matches!(doc.str(x), "—" | "–" | "-" | "--" | "("));
    // The capitals test first: it fails at the first lower-case word, where the others scan up to the mark.
    ((ps..open).all(capitals) && word_count(doc, ps, open) >= 3 && !dateline()).then_some(((ps, open), None)).into()
}

fn name_details_quote(u: &Untagged) -> Verdict<Heading> {
    let doc = u.doc;
    let Some(open) = u.seg.open else { return Verdict::Pass };
    let ps = doc.paras[doc.tokens[open].para].0;
    // "Maria Lopez, 34, Phoenix “…”", "Maria Lopez, 34 — “…”": the name and its details open the paragraph; a
    // quotation inside its paragraph has no name line.
    if open == ps {
        return Verdict::Pass;
    }
    match name_then_details(doc, u.people, ps, open, 10).filter(|sp| sp.1 < open) {
        Some(sp) => Verdict::Fires((sp, None)),
        None => Verdict::Blocks,
    }
}

fn name_line_above_quote(u: &Untagged) -> Verdict<Heading> {
    let Some(open) = u.seg.open else { return Verdict::Pass };
    let lines = u.name_lines();
    let p = u.doc.tokens[open].para;
    lines.above[p].filter(|&q| !lines.signs_above[q]).and_then(|q| lines.name_of_para[q]).map(|sp| (sp, None)).into()
}

fn name_line_below_quote(u: &Untagged) -> Verdict<Heading> {
    let doc = u.doc;
    let (Some(open), Some(close)) = (u.seg.open, u.seg.close) else { return Verdict::Pass };
    let lines = u.name_lines();
    let p = doc.tokens[open].para;
    // Signed below: the quotation ends its paragraph.
    let ends_para = (close + 1..doc.paras[p].1).all(|x| !doc.is_word(x));
    let q = lines.below[p].filter(|&q| ends_para && lines.signs_above[q]);
    q.and_then(|q| lines.name_of_para[q]).map(|sp| (sp, None)).into()
}

fn opening_source_quote(u: &Untagged) -> Verdict<SentenceTag> {
    u.opening.map(|(cue, comma, sp)| SentenceTag::Opening(cue, comma, sp)).into()
}

fn sentence_subject_quote(u: &Untagged) -> Verdict<SentenceTag> {
    let doc = u.doc;
    let subject = u.seg.open.and_then(|o| {
        // "He then listed the qualities a Republican needs:" closing the previous paragraph.
        let ps = doc.paras[doc.tokens[o].para].0;
        let intro = o == ps && ps > 0 && doc.str(ps - 1) == ":";
        sentence_subject(doc, u.people, if intro { ps - 1 } else { o })
    });
    subject.map(|(v, sp)| SentenceTag::Subject(v, sp)).into()
}

/// A signature line after a quotation, in its paragraph or opening the next: `“…” —Michelle Marks, Philadelphia.`,
/// `-President Obama, tweeting after Clinton's speech.`, `“…” (Xochitl Gomez, 25)`. A dash or opening parenthesis,
/// then a named person ending the line or followed by a comma, or an unnamed signer's description. Returns the dash or
/// parenthesis as the cue, and the speaker phrase.
pub(super) fn signature(doc: &Doc, people: &People, close: usize, pe: usize) -> Option<(usize, (usize, usize))> {
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
pub(super) fn transcript_speaker(doc: &Doc, people: &People, a: usize, b: usize) -> Option<((usize, usize), usize)> {
    // "McCain Challenger Kelli Ward: Impeach AG Lynch": a description may come before the name.
    let sp = speaker_starting(doc, people, a, b).filter(|&sp| ends_in_name(people, sp) && sp.1 < b)?;
    let colon = sp.1;
    (doc.str(colon) == ":" && word_count(doc, colon + 1, b) >= 3).then_some((sp, colon))
}

/// A name line of a quote roundup: paragraph `p` is short, starts with a named person ("Maria Lopez, 34, Phoenix"),
/// and holds no quotation and no verb of saying. Returns the name.
pub(super) fn name_line(doc: &Doc, people: &People, p: usize) -> Option<(usize, usize)> {
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
pub(super) fn pull_quote_signature(doc: &Doc, people: &People, quote: &Seg, sig: &Seg) -> Option<(usize, usize)> {
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
pub(super) fn inline_signature(doc: &Doc, people: &People, close: usize) -> Option<(usize, usize)> {
    let pe = doc.paras[doc.tokens[close].para].1;
    if close == 0 || !matches!(doc.str(close - 1), "." | "!" | "?") || close + 1 >= pe {
        return None;
    }
    name_then_details(doc, people, close + 1, pe, 12)
}

/// A line between a roundup's name and its quotation that belongs to neither: a photo credit ("Getty.", "AP
/// Photo/Jae C. Hong", "Courtesy of the family") or an item number ("3", "12.").
pub(super) fn filler_line(doc: &Doc, p: usize) -> bool {
    let (ps, pe) = doc.paras[p];
    if pe <= ps || pe - ps > 6 || (ps..pe).any(|x| doc.tokens[x].kind == Kind::Quote) {
        return false;
    }
    let number = doc.str(ps).bytes().all(|b| b.is_ascii_digit()) && (ps + 1..pe).all(|x| !doc.is_word(x));
    let credit = PHOTO_CREDITS.contains(doc.low(ps));
    number || credit
}

/// Whether paragraph `p` is a quotation of its own: it opens with a quotation mark.
pub(super) fn quote_paragraph(doc: &Doc, p: usize) -> bool {
    doc.paras.get(p).is_some_and(|&(ps, pe)| ps < pe && doc.tokens[ps].kind == Kind::Quote)
}

/// The name lines of quote roundups, by paragraph, and which of them sign the quotation above them rather than the
/// one below. Roundups put the name either before every quotation or after every one: a name line signs the
/// quotation above when that quotation has no name line of its own before it.
pub(super) struct NameLines {
    name_of_para: Vec<Option<(usize, usize)>>,
    signs_above: Vec<bool>,
    /// The paragraph before / after each one, past photo credits and item numbers ("Getty.", "3").
    above: Vec<Option<usize>>,
    below: Vec<Option<usize>>,
}

impl NameLines {
    pub(super) fn new(doc: &Doc, people: &People) -> NameLines {
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
}

/// A long speaker phrase between a quotation and its verb, naming a person or ending in a role: "Fight for $15
/// organizing director Kendall Fells told", "nuclear experts David Albright and Serena Kelleher-Vergantini of
/// Washington's Institute for Science and International Security wrote", "the bespectacled, 71-year-old diplomat
/// said". It holds no other verb, auxiliary or relative clause. Returns the verb and the phrase.
pub(super) fn long_subject(doc: &Doc, people: &People, k: usize, ceil: usize) -> Option<(usize, (usize, usize))> {
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

/// A quotation opening its sentence right after a sentence that is only a speaker and a verb: "Iowa State
/// University's Dianne Bystrom agreed. “…”", "Sam Lau said in a statement. “…”". Returns the verb and speaker.
pub(super) fn cue_sentence_before(doc: &Doc, people: &People, open: usize) -> Option<(usize, (usize, usize), bool)> {
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

/// A quote with no reporting cue beside it, in a sentence opened by a subject (a named person, "he"/"she", a
/// description or an organisation) and a verb, belongs to that subject: "Cruz called them on it: “…”", "He offered “my thoughts and prayers”", "Mike
/// Huckabee, for his part, is labeling the actions “a blatant power grab”". Returns the verb and the subject.
pub(super) fn sentence_subject(doc: &Doc, people: &People, open: usize) -> Option<(usize, (usize, usize))> {
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
pub(super) fn opening_source_before_quote(
    doc: &Doc,
    people: &People,
    open: usize,
) -> Option<(usize, usize, (usize, usize))> {
    let floor = doc.sent_start(open);
    let (cue, comma, sp) = opening_source(doc, people, floor, open)?;
    let clean = (comma + 1..open).all(|x| doc.tokens[x].kind != Kind::Quote && !matches!(doc.str(x), ":" | ";"));
    (clean && comma + 2 < open).then_some((cue, comma, sp))
}

/// A sentence opening that names the source of the rest: "According to X," or "As X reported,". Returns the cue,
/// the comma closing the opening and the source, looking no further than `ceil`.
pub(super) fn opening_source(
    doc: &Doc,
    people: &People,
    ss: usize,
    ceil: usize,
) -> Option<(usize, usize, (usize, usize))> {
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
