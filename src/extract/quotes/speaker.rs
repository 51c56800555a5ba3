//! The speaker-phrase grammar every attribution rule shares: a speaker phrase read backwards from a cue or forwards
//! from one, its subject, apposition, parenthesis and owner, and the small word classes the phrases are made of.

#[allow(clippy::wildcard_imports)]
use super::*;

pub(super) const DETERMINERS: &[&str] =
    &["the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "one", "another"];

pub(super) fn word_count(doc: &Doc, a: usize, b: usize) -> usize {
    (a..b).filter(|&k| doc.is_word(k)).count()
}

/// The speaker phrase ending at token `e` (exclusive), read backwards: a person mention, a pronoun,
/// or a noun phrase ("the political scientist", "police", "the Kremlin").
pub(super) fn speaker_ending(doc: &Doc, people: &People, e: usize, floor: usize) -> Option<(usize, usize)> {
    speaker_ending_with_time(doc, people, e, floor).map(|(s, e)| (after_time_words(doc, s, e), e))
}

/// Month names that are not also given names ("April", "May", "June", "August" are both).
const MONTHS: &[&str] = &["january", "february", "march", "july", "september", "october", "november", "december"];

/// The start of a speaker phrase after any time words glued before a name, where the sentence's own punctuation
/// was lost or never written: "December Microsoft said", "this week China said", "Monday Jones said".
fn after_time_words(doc: &Doc, mut s: usize, e: usize) -> usize {
    loop {
        let w = doc.low(s);
        let skip = if MONTHS.contains(&w) || DAYS.contains(&w) {
            1
        } else if matches!(w, "this" | "last" | "next")
            && s + 1 < e
            && matches!(doc.low(s + 1), "week" | "month" | "year")
        {
            2
        } else {
            0
        };
        if skip == 0 || s + skip >= e || !doc.is_cap(s + skip) {
            return s;
        }
        s += skip;
    }
}

/// `speaker_ending` before time words are cut from its start.
fn speaker_ending_with_time(doc: &Doc, people: &People, e: usize, floor: usize) -> Option<(usize, usize)> {
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
pub(super) fn owned_by(doc: &Doc, people: &People, name: usize, floor: usize) -> Option<usize> {
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
pub(super) fn speaker_starting(doc: &Doc, people: &People, s: usize, ceil: usize) -> Option<(usize, usize)> {
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

/// A named person starting at token `a`, then nothing but details up to `b` (at most `max_details` tokens): "Maria
/// Lopez, 34, of Phoenix". Returns the name.
pub(super) fn name_then_details(
    doc: &Doc,
    people: &People,
    a: usize,
    b: usize,
    max_details: usize,
) -> Option<(usize, usize)> {
    let m = mention_at(people, a).filter(|m| m.start == a && m.end <= b && b - m.end <= max_details)?;
    (m.end..b).all(|x| name_detail(doc, x)).then_some((m.start, m.end))
}

/// Whether the phrase `sp` ends with a named person's mention.
pub(super) fn ends_in_name(people: &People, sp: (usize, usize)) -> bool {
    mention_at(people, sp.1 - 1).is_some_and(|m| m.end == sp.1)
}

/// A token of the details that follow a name in a roundup or signature: its age, place and punctuation ("Maria
/// Lopez, 34, of Phoenix, Ariz.").
pub(super) fn name_detail(doc: &Doc, x: usize) -> bool {
    matches!(doc.str(x), "," | "." | "(" | ")" | "—" | "–" | "-")
        || doc.is_cap(x)
        || matches!(doc.low(x), "of" | "from" | "in")
        || doc.str(x).bytes().all(|b| b.is_ascii_digit())
}

/// A noun phrase of at most `max_len` tokens after the tag's verb at `k` that ends the tag (`ceil`) or runs to a
/// comma: "wrote Time magazine.", "tweeted another.", "read the statement, which ...".
pub(super) fn np_after_cue(
    doc: &Doc,
    people: &People,
    k: usize,
    ceil: usize,
    max_len: usize,
) -> Option<(usize, usize)> {
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
pub(super) fn subject_verb(
    doc: &Doc,
    people: &People,
    mut sp: (usize, usize),
    ceil: usize,
) -> Option<(usize, (usize, usize))> {
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
        return Some((c, quoted_as_saying(doc, c, ceil).unwrap_or(sp)));
    }
    // "“…,” he surmised.", "“…,” Toomey fumed on Tuesday": right after a quote, a pronoun or named subject and a
    // past-tense verb attribute it whatever the verb.
    (c < ceil && tag_verb(doc, c)).then(|| (c, quoted_as_saying(doc, c, ceil).unwrap_or(sp)))
}

/// "“…,” Reuters quoted one trader as saying": the speaker is the one quoted, between "quoted" at `k` and "as
/// saying", not the outlet that quoted them (issue 11).
pub(super) fn quoted_as_saying(doc: &Doc, k: usize, ceil: usize) -> Option<(usize, usize)> {
    if !matches!(doc.low(k), "quoted" | "quotes" | "quoting") {
        return None;
    }
    let as_ = (k + 2..ceil.min(k + 12)).find(|&x| !np_token(doc, x) || doc.low(x) == "as")?;
    let saying = as_ + 1 < ceil && doc.low(as_) == "as" && matches!(doc.low(as_ + 1), "saying" | "telling" | "having");
    saying.then_some((k + 1, as_))
}

/// A token of a noun phrase: a word, a possessive or a hyphen.
pub(super) fn np_token(doc: &Doc, x: usize) -> bool {
    doc.is_word(x) || matches!(doc.str(x), "'s" | "’s" | "-")
}

/// A description opened by a determiner ("the man", "another commenter", "one person with knowledge of the talks"),
/// up to (not including) the first verb that can tag a quote; at most a dozen tokens.
pub(super) fn det_np_starting(doc: &Doc, s: usize, ceil: usize) -> Option<(usize, usize)> {
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
pub(super) fn tag_verb(doc: &Doc, k: usize) -> bool {
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
pub(super) fn cue_is_noun(doc: &Doc, k: usize, floor: usize) -> bool {
    k > floor
        && (matches!(
            doc.low(k - 1),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "this" | "press" | "'s" | "’s"
        ) || counted_noun(doc, k))
}

/// A cue form more often a noun than a verb (`NOUN_LIKE_CUES`) read inside a noun phrase: "The average asking price
/// of a home fell", "a New South Wales state inquiry", "his brother's caustic remarks", "the Argentine state would
/// not". Such a form is a verb only when its subject `sp` ends in a head noun (a pronoun, a name, a role, source or
/// organisation noun, a plural; not a document noun that modifies, "record label") and no verb follows it as the verb of the phrase it heads (issue 11).
pub(super) fn noun_like_cue(doc: &Doc, people: &People, k: usize, sp: (usize, usize)) -> bool {
    if !NOUN_LIKE_CUES.contains(doc.low(k)) {
        return false;
    }
    // "Officials in Cojedes state said ...", "the Argentine state would not ...": the cue is the subject's head.
    if k + 1 < doc.tokens.len() && doc.is_word(k + 1) {
        let n = doc.low(k + 1);
        if is_auxiliary(n) || FINITE_VERBS.contains(n) || ANY_CUES.contains(n) {
            return true;
        }
        // "The rule states that ...": "that" opening a clause right after the cue makes it a verb, whatever the
        // subject; not a relative "that" ("the ministerial answer that was shown to the cabinet").
        if n == "that" && k + 2 < doc.tokens.len() {
            let v = doc.low(k + 2);
            return is_auxiliary(v) || FINITE_VERBS.contains(v);
        }
    }
    let last = sp.1 - 1;
    let w = doc.low(last);
    let head = is_pronoun(w)
        || mention_at(people, last).is_some()
        || doc.is_cap(last) && !NON_PERSON.contains(w)
        || is_role_noun(w)
        || SOURCES.contains(w)
        || ORG_WORDS.contains(w)
        || w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
    !head
}

/// A cue word that is a noun by the word before it: a number or quantifier ("five states", "many reports"), or a
/// compound ("her home state", "the swing states", "the United States").
pub(super) fn counted_noun(doc: &Doc, k: usize) -> bool {
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

/// The speaker of a tag ending at the comma `comma`, for a participle after it: "Spicer said, adding", "Anderson
/// said on Monday, adding". A verb of saying within five words before the comma, and its subject.
pub(super) fn prior_tag_speaker(doc: &Doc, people: &People, comma: usize, floor: usize) -> Option<(usize, usize)> {
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
pub(super) fn conjoined_subject(doc: &Doc, people: &People, c: usize, floor: usize) -> Option<(usize, usize)> {
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
pub(super) fn opens_adverbial(w: &str) -> bool {
    ADVERBIAL_OPENERS.contains(w)
}

/// "will continue to be": an aspectual verb before an infinitive, not a verb of saying.
pub(super) fn continues_to(doc: &Doc, k: usize) -> bool {
    matches!(doc.low(k), "continue" | "continues" | "continued" | "continuing")
        && doc.tokens.get(k + 1).is_some_and(|_| doc.low(k + 1) == "to")
}

/// A relative pronoun: it opens a clause inside a noun phrase.
pub(super) fn is_relative(w: &str) -> bool {
    matches!(w, "that" | "which" | "who" | "whose" | "whom")
}

/// An auxiliary or modal verb: a phrase holding one is a clause, not a noun phrase.
pub(super) fn is_auxiliary(w: &str) -> bool {
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
            | "cannot"
    )
}

/// Whether tokens `[a, b)` hold an auxiliary: a clause, not a noun phrase.
pub(super) fn has_auxiliary(doc: &Doc, a: usize, b: usize) -> bool {
    (a..b).any(|x| is_auxiliary(doc.low(x)))
}

/// Whether the phrase `sp` after a cue is the subject of a reported clause, not the cue's speaker: "said the
/// candidate could win".
pub(super) fn opens_clause(doc: &Doc, sp: (usize, usize)) -> bool {
    sp.1 < doc.tokens.len() && is_auxiliary(doc.low(sp.1))
}

/// A person named in apposition right after the description `sp`: "the city's finance director, Priya Raman," is
/// Priya Raman. The name, when `sp` does not end in one itself and a comma closes the apposition before `ceil`.
pub(super) fn apposed_name(doc: &Doc, people: &People, sp: (usize, usize), ceil: usize) -> Option<(usize, usize)> {
    if sp.1 + 1 >= ceil || doc.str(sp.1) != "," || ends_in_name(people, sp) {
        return None;
    }
    let m = mention_at(people, sp.1 + 1).filter(|m| m.start == sp.1 + 1 && m.end < ceil && doc.str(m.end) == ",")?;
    Some((m.start, m.end))
}

/// A named subject before an aside that the comma or dash `close` ends: "Michael Bloomberg, who's thinking about
/// running for president, said", "Mr. Manafort, citing ''…,'' said", "It was then that Mr. Trump, asked about ...,
/// said". The name must open its clause.
pub(super) fn subject_before_aside(doc: &Doc, people: &People, close: usize, floor: usize) -> Option<(usize, usize)> {
    let c0 =
        (close.saturating_sub(25).max(floor)..close).rev().find(|&x| matches!(doc.str(x), "," | "—" | "–" | "--"))?;
    let Some(m) = mention_at(people, c0.checked_sub(1)?).filter(|m| m.end == c0 && m.start >= floor) else {
        let s = subject_start(doc, floor, c0);
        // "Its medical director, Dr. Amara Nwosu, said", "The council's finance chair, David Mensah, told": a named
        // person in apposition to a description opening the clause is the speaker, not the description (issue 11).
        let description = s < c0 && c0 - s <= 8 && (s..c0).all(|x| np_token(doc, x));
        if let Some(name) = apposed_name(doc, people, (s, c0), close + 1).filter(|n| n.1 == close && description) {
            return Some(name);
        }
        // "Another user, Roland Z, wrote": a short description opening the clause, then a short apposition.
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
pub(super) fn aside_start(doc: &Doc, e: usize, floor: usize) -> Option<usize> {
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
pub(super) fn message_sender(doc: &Doc, people: &People, sp: (usize, usize), floor: usize) -> (usize, usize) {
    // "a statement Wednesday": the message before a day.
    let mut head = sp.1 - 1;
    while head > sp.0 && (DAYS.contains(&doc.low(head)) || matches!(doc.low(head), "today" | "yesterday")) {
        head -= 1;
    }
    let message = MESSAGE_NOUNS.contains(doc.low(head));
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
pub(super) fn outer_speaker(doc: &Doc, people: &People, sp: (usize, usize), floor: usize) -> (usize, usize) {
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
pub(super) fn tag_adverb(w: &str) -> bool {
    TAG_ADVERBS.contains(w)
}

pub(super) fn skip_adverbs_back(doc: &Doc, k: usize, floor: usize) -> usize {
    let mut e = k;
    while e > floor && e + 2 > k && doc.is_word(e - 1) && tag_adverb(doc.low(e - 1)) {
        e -= 1;
    }
    e
}

/// A word that opens a sentence before a comma without being its subject: "However,", "Meanwhile,", "Separately,".
pub(super) fn is_sentence_adverb(w: &str) -> bool {
    w.ends_with("ly") || SENTENCE_ADVERBS.contains(w)
}

/// Where the subject of the sentence starting at `ss` begins, before `end`: past a leading conjunction and an
/// opening phrase closed by a comma ("In 1991, ...", "Speaking after the primary, Cruz said", "Asked which county
/// was his favourite, he demurred", "When Trump announced his candidacy, he ...").
pub(super) fn subject_start(doc: &Doc, ss: usize, end: usize) -> usize {
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

pub(super) const DAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

pub(super) const NUMBERS: &[&str] =
    &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half"];

/// A subject noun phrase ending at `e` that is not a person or source ("polls", "the survey", "voters"):
/// a non-function word, extended left over modifiers to a determiner.
pub(super) fn np_ending(doc: &Doc, e: usize, floor: usize) -> Option<(usize, usize)> {
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
    // Nor an auxiliary: "they continue but cannot continue because ..." has no subject "cannot" (issue 11).
    if COMMON_WORDS.contains(w) && !SOURCES.contains(w)
        || is_auxiliary(w)
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
        // A number counts like a determiner: "Economists at two big banks said" (issue 11).
        let number = NUMBERS.contains(&pw) || pw.bytes().all(|b| b.is_ascii_digit());
        if DETERMINERS.contains(&pw) || matches!(pw, "many" | "some" | "most" | "few" | "several" | "all") || number {
            s = p;
            break;
        }
        if COMMON_WORDS.contains(pw) || ANY_CUES.contains(pw) {
            break;
        }
        s = p;
    }
    let s = with_owner(doc, (s, e), floor);
    // "Dock workers at Northport harbour voted": the people a place or body phrase belongs to head the subject, which
    // is the whole phrase (issue 11).
    if s > floor + 1 && matches!(doc.low(s - 1), "at" | "of" | "from" | "in") {
        if let Some(owner) = np_ending(doc, s - 1, floor).filter(|o| is_role_noun(doc.low(o.1 - 1))) {
            return Some((owner.0, e));
        }
    }
    Some((s, e))
}

/// A phrase start on a possessive's "'s" takes its owner along ("Iowa's 14 congressional districts"), or drops the
/// "'s" when no name owns it.
pub(super) fn with_owner(doc: &Doc, (s, e): (usize, usize), floor: usize) -> usize {
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
pub(super) fn aux_back(doc: &Doc, k: usize, floor: usize) -> usize {
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
        let aux = BETWEEN_SUBJECT_AND_VERB.contains(w);
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
