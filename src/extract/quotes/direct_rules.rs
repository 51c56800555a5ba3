//! The tags of quotations: what attributes a quoted segment, after its closing mark, before its opening mark, on a
//! line of its own, or as the subject of its sentence.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Attribution in the tokens right after a closing mark: `, says Abbas Gallyamov`, `, she said`.
pub(super) fn after_quote(doc: &Doc, people: &People, close: usize) -> Option<(usize, (usize, usize))> {
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

    /// The speaker named by a line of its own next to the paragraph that the quotation opens: the line before
    /// ("Maria Lopez, 34, Phoenix" then "“…”"), or, in a roundup signed below its quotations, the line after.
    pub(super) fn speaker(&self, doc: &Doc, people: &People, s: &Seg) -> Option<(usize, usize)> {
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

/// The cue and speaker of the tag after a closing mark, within the paragraph ending at `pe`.
pub(super) fn tag_after(doc: &Doc, people: &People, close: usize, pe: usize) -> Option<(usize, (usize, usize))> {
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

/// Attribution before an opening mark in the same sentence: `Smith said: “`, `He told the BBC, “`.
pub(super) fn before_quote(doc: &Doc, people: &People, open: usize) -> Option<(usize, (usize, usize), bool)> {
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
