//! Personal names: capitalised-word candidates, the evidence that makes one a person, surname
//! clustering, mentions and roles (appositions, parentheses, role phrases, the standfirst).

use super::gender::{self, Gender};
use super::lexicon::FxHasher;
use super::lexicon::{
    is_cue, is_role_noun, Set, AGENCIES, COMMON_WORDS, GIVEN_NAMES, NON_PERSON, NON_PERSON_PHRASES, ORDINARY_WORDS,
    ORG_SUFFIXES, ORG_WORDS, PARTICIPLES, PARTICLES, PLACES, ROLE_NOUNS, TEAMS, THING_CONTEXT, TITLES,
};
use super::text::Doc;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Word classes from the lexicons, merged so that one hash look-up answers every question the
/// candidate filters ask about a word (they run on every capitalised word: speed matters).
const GIVEN: u16 = 1;
const NONP: u16 = 2;
const ORDIN: u16 = 4;
const ORG: u16 = 8;
const TITLE: u16 = 16;
const ROLE: u16 = 32;
const COMMON: u16 = 64;
/// In `ROLE_MODIFIERS` (a bit here rather than a scan of that list on every name-like word: speed).
const MODIFIER: u16 = 128;
/// A sports team's one-word name or nickname ("Chelsea", "Celtics"): a person only on evidence of its own.
const TEAM: u16 = 256;
/// The first word of a place or team of several words ("new" of "New Hampshire"): only these runs are looked up
/// in `THING_PHRASES`.
const PHRASE_START: u16 = 512;
/// A weekday or month: never inside a name or a role ("Hampshire Monday", "Monday Russian President").
const DATE: u16 = 1024;
/// A news agency, a verb that opens titles, a month abbreviation or a word that names the thing after it: each
/// asked about the first word of every run, so a bit here spares a look-up or a scan (speed).
const AGENCY: u16 = 2048;
const TITLE_VERB: u16 = 4096;
const MONTH_ABBREVIATION: u16 = 8192;
const THING_HEAD: u16 = 16384;

/// Weekdays and months, which in news open datelines and close clauses: never a name word at a run's edge.
/// ("may", "june", "april" and "august" are given names too and stay out.)
const DATE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "september",
    "october",
    "november",
    "december",
];
/// Verbs of the common-word list that open titles of shows, services and slogans ("Ask Jeeves", "Meet the Press",
/// "Make America Great Again"): capitalised inside a sentence, they start no name.
const TITLE_VERBS: &[&str] = &[
    "ask", "meet", "take", "let", "look", "see", "tell", "thank", "welcome", "remember", "imagine", "consider",
    "listen", "say", "watch", "read", "make", "keep", "stop", "save", "get", "do", "does", "did", "is", "are", "was",
    "were",
];
/// Month abbreviations, which a day number follows ("Jan. 20", "Sept 3"): not the given name "Jan".
const MONTH_ABBREVIATIONS: &[&str] =
    &["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Titles that are part of the name they precede when the name is one word: "Prince Charles", "Pope Francis",
/// "King Abdullah" name one person each, who is not Ray Charles or Francis Collins (issue 11).
const NAME_TITLES: &[&str] = &[
    "king", "queen", "prince", "princess", "pope", "emperor", "empress", "duke", "duchess", "sheikh", "sheik", "emir",
    "sultan", "crown",
];

/// Places and teams of several words ("Ivory Coast", "New Hampshire", "Boston Celtics") and the hand-made
/// non-person phrases: one set, asked about every window of a candidate's words.
static THING_PHRASES: std::sync::LazyLock<Set> = std::sync::LazyLock::new(|| {
    let mut set = NON_PERSON_PHRASES.clone();
    set.extend(PLACES.iter().cloned());
    set.extend(TEAMS.iter().filter(|t| t.contains(' ')).cloned());
    set
});

/// The words of `thing_context.txt` that follow a name ("after:") and that precede it ("before:").
static THING_AFTER: std::sync::LazyLock<Set> = std::sync::LazyLock::new(|| thing_context("after:"));
static THING_BEFORE: std::sync::LazyLock<Set> = std::sync::LazyLock::new(|| thing_context("before:"));
static THING_WORK: std::sync::LazyLock<Set> = std::sync::LazyLock::new(|| thing_context("work:"));

fn thing_context(kind: &str) -> Set {
    THING_CONTEXT.iter().filter_map(|e| e.strip_prefix(kind)).map(str::to_string).collect()
}

static CLASS: std::sync::LazyLock<super::lexicon::Map<u16>> = std::sync::LazyLock::new(|| {
    let mut m = super::lexicon::Map::<u16>::default();
    for (set, bit) in [
        (&*GIVEN_NAMES, GIVEN),
        (&*NON_PERSON, NONP),
        (&*ORDINARY_WORDS, ORDIN),
        (&*ORG_WORDS, ORG),
        (&*TITLES, TITLE),
        (&*ROLE_NOUNS, ROLE),
        (&*COMMON_WORDS, COMMON),
    ] {
        for w in set.iter() {
            *m.entry(w.clone()).or_insert(0) |= bit;
        }
    }
    for w in ROLE_MODIFIERS {
        *m.entry(w.to_string()).or_insert(0) |= MODIFIER;
    }
    for w in ORG_SUFFIXES.iter() {
        *m.entry(w.clone()).or_insert(0) |= ORG;
    }
    for w in TEAMS.iter().filter(|t| !t.contains(' ')) {
        *m.entry(w.clone()).or_insert(0) |= TEAM;
    }
    for p in THING_PHRASES.iter() {
        if let Some((first, _)) = p.split_once(' ') {
            *m.entry(first.to_string()).or_insert(0) |= PHRASE_START;
        }
    }
    for w in DATE_WORDS {
        *m.entry(w.to_string()).or_insert(0) |= DATE;
    }
    for w in AGENCIES.iter() {
        *m.entry(w.clone()).or_insert(0) |= AGENCY;
    }
    for w in TITLE_VERBS {
        *m.entry(w.to_string()).or_insert(0) |= TITLE_VERB;
    }
    for w in MONTH_ABBREVIATIONS {
        *m.entry(w.to_string()).or_insert(0) |= MONTH_ABBREVIATION;
    }
    for w in thing_context("opens:") {
        *m.entry(w).or_insert(0) |= THING_HEAD;
    }
    m
});

fn class(w: &str) -> u16 {
    CLASS.get(w).copied().unwrap_or(0)
}

fn is_given(w: &str) -> bool {
    class(w) & GIVEN != 0
}

/// One person of the article while it is being built.
#[derive(Debug, Clone)]
pub struct Person {
    /// The fullest name, as written (without honorifics).
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    /// The sex the article shows, if it does (issue 11; filled in by `gender::assign`).
    pub gender: Option<Gender>,
}

/// A mention: a token range `[start, end)` of the body and the person it names.
#[derive(Debug, Clone, Copy)]
pub struct Mention {
    pub start: usize,
    /// Where the name proper starts, after any honorific.
    pub name_start: usize,
    pub end: usize,
    pub person: usize,
}

#[derive(Debug, Default)]
pub struct People {
    pub persons: Vec<Person>,
    /// Sorted by start token.
    pub mentions: Vec<Mention>,
    /// The person the headline is about ("Abbas Gallyamov: ..."), if any.
    pub headline_subject: Option<usize>,
}

/// A capitalised run that may be a name: `[title_start, start)` are honorifics/titles,
/// `[start, end)` the name words.
#[derive(Debug, Clone)]
struct Cand {
    title_start: usize,
    /// A title or honorific precedes the name ("President", "Mr").
    titled: bool,
    start: usize,
    end: usize,
    /// The lower-cased name words, the key for clustering.
    key: Vec<String>,
    /// A lone word that is a person only as the surname of a full name used elsewhere: a place
    /// ("Valeska Paris" ... "Paris claims") or after a determiner ("the Santorum cocktail").
    weak: bool,
    /// The key starts with a title that is part of the name ("Prince Charles"), before `start`.
    title_in_key: bool,
    /// Named as a thing where it stands: the storm of "Hurricane Ivan" (never a mention; its key is a thing's
    /// name throughout the article, issue 11).
    thing: bool,
}

/// Offices addressed with an honorific instead of a name: "Mr. President", "Madam Speaker".
const ADDRESSED_OFFICES: &[&str] = &[
    "president",
    "speaker",
    "chairman",
    "chairwoman",
    "chair",
    "secretary",
    "ambassador",
    "mayor",
    "minister",
    "governor",
    "senator",
    "justice",
    "commissioner",
    "prime",
    "vice",
];

/// Titles that are part of how a name is written ("Mr Smith"), unlike job titles, which are roles.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "herr",
    "frau",
    "monsieur",
    "madame",
    "señor",
    "señora",
    "господин",
    "госпожа",
    "rev",
    "baroness",
    "baron",
];

/// Verbs whose subject is almost always a person when it is a lone capitalised word.
const PERSON_VERBS: &[&str] = &[
    "wants",
    "wanted",
    "needs",
    "needed",
    "thinks",
    "believes",
    "knows",
    "knew",
    "hopes",
    "hoped",
    "fears",
    "feared",
    "feels",
    "felt",
    "decided",
    "refused",
    "met",
    "meets",
    "visited",
    "visits",
    "smiled",
    "laughed",
    "resigned",
    "died",
    "married",
    "admitted",
    "promised",
    "apologised",
    "apologized",
    "signed",
    "vowed",
    "demanded",
    "ordered",
    "urged",
    "agreed",
    "himself",
    "herself",
    "wrote",
];
/// Verbs whose object is almost always a person when it is a lone capitalised word.
const PERSON_OBJECT_VERBS: &[&str] = &[
    "told",
    "tells",
    "asked",
    "asks",
    "thanked",
    "interviewed",
    "accused",
    "praised",
    "criticised",
    "criticized",
    "urged",
    "met",
    "persuaded",
    "convinced",
];
/// Adverbs allowed between a name and its verb ("Putin really needs").
const ADVERBS: &[&str] = &[
    "also",
    "really",
    "even",
    "still",
    "never",
    "then",
    "later",
    "again",
    "previously",
    "reportedly",
    "allegedly",
    "once",
    "always",
    "only",
    "now",
    "recently",
    "has",
    "had",
    "have",
];
/// Words that may precede a role noun inside a role phrase ("first deputy head").
const ROLE_MODIFIERS: &[&str] = &[
    "former",
    "deputy",
    "first",
    "second",
    "chief",
    "foreign",
    "prime",
    "vice",
    "senior",
    "junior",
    "acting",
    "interim",
    "top",
    "general",
    "executive",
    "managing",
    "local",
    "state",
    "federal",
    "national",
    "opposition",
    "defence",
    "defense",
    "finance",
    "interior",
    "justice",
    "health",
    "trade",
    "labour",
    "economy",
    "political",
    "military",
    "independent",
    "veteran",
    "leading",
    "renowned",
    "famous",
    "well-known",
    "young",
    "old",
    "retired",
    "ex",
    "co",
    "assistant",
    "associate",
    "lead",
    "head",
    "party",
    "government",
    "team",
    "club",
    "bbc",
    "white",
    "house",
    "press",
    "security",
    "intelligence",
    "human",
    "rights",
    "labor",
    "education",
    "culture",
    "energy",
    "transport",
    "environment",
    "home",
    "treasury",
    "shadow",
    "new",
    "presidential",
    "football",
    "tennis",
    "film",
    "music",
    "pop",
    "rock",
    "jazz",
    "opera",
    "stage",
    "tv",
    "television",
    "radio",
    "news",
    "business",
    "tech",
    "technology",
    "science",
    "film-maker",
    "best-selling",
];

fn is_acronym(s: &str) -> bool {
    !s.is_empty() && !one_char(s) && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
}

/// Is token `i` part of a role phrase (modifier or role noun)?
fn role_word(doc: &Doc, i: usize) -> bool {
    if !doc.is_word(i) {
        return doc.str(i) == "'s" || doc.str(i) == "’s";
    }
    let w = doc.low(i);
    let c = class(w);
    if c & (DATE | AGENCY) != 0 || dateline_caps(doc, i) {
        return false;
    }
    if c & (MODIFIER | TITLE | NONP) != 0 || is_role_noun(w) {
        return true;
    }
    if doc.is_cap(i) {
        return false;
    }
    // Lower-case adjectives of the kind that qualify roles ("political", "economic", "Russian").
    ["al", "ic", "ian", "ive", "ary", "ish", "ese", "ern", "ent", "ant"].iter().any(|s| w.len() > 4 && w.ends_with(s))
        && !COMMON_WORDS.contains(w)
}

/// A word in capitals that belongs to a dateline, never to a role or a name (issue 11), like weekdays, months
/// ("Monday Russian President") and news agencies ("AP", "Reuters"), which have class bits.
/// It opens its paragraph, or follows another: "WASHINGTON President ...", "NEW YORK".
fn dateline_caps(doc: &Doc, i: usize) -> bool {
    let s = doc.str(i);
    s.len() >= 3
        && is_acronym(s)
        && (i == 0 || doc.tokens[i - 1].para != doc.tokens[i].para || i >= 1 && dateline_caps(doc, i - 1))
}

/// The role phrase ending just before token `end` (exclusive), if that token range ends in a role
/// noun or title: returns its first token.
fn role_before(doc: &Doc, end: usize) -> Option<usize> {
    if end == 0 {
        return None;
    }
    let last = end - 1;
    if !doc.is_word(last) || !(is_role_noun(doc.low(last)) || TITLES.contains(doc.low(last))) {
        return None;
    }
    let sent_start = doc.sent_start(last);
    let mut s = last;
    while s > sent_start && end - s < 7 && role_word(doc, s - 1) && doc.tokens[s - 1].para == doc.tokens[last].para {
        s -= 1;
    }
    // A possessive must have its owner ("Ukraine's foreign minister").
    while s < last && !doc.is_word(s) {
        s += 1;
    }
    Some(s)
}

/// A capitalised contraction ("I'm", "You'll", "We're", "Don't"): a sentence word, never a name.
fn is_contraction(w: &str) -> bool {
    // Each ending has its apostrophe in the word's last three bytes: one short scan rules out nearly every word
    // before the six compares (this is asked of every capitalised word and every word of a name run).
    let tail = &w.as_bytes()[w.len().saturating_sub(3)..];
    tail.contains(&b'\'') && ["'m", "'re", "'ll", "'ve", "'d", "n't"].iter().any(|s| w.ends_with(s))
}

/// An elided particle glued to a capitalised surname: "d'Ettorre", "d’Estaing", "l'Aquila".
fn is_elided_particle(w: &str) -> bool {
    let mut c = w.chars();
    matches!(c.next(), Some('d' | 'l' | 'o'))
        && matches!(c.next(), Some('\'' | '’'))
        && c.next().is_some_and(char::is_uppercase)
}

/// The pronoun "I" (not an initial "I."): it ends a name run ("Actually I think", "Could I").
fn is_pronoun_i(doc: &Doc, i: usize) -> bool {
    doc.str(i) == "I" && !is_initial(doc, i)
}

/// A dotted country abbreviation starting at token `i` ("U.S.", "U.K.", "U.N.", "E.U."): returns the
/// token after its last letter, so "U.S. President Donald Trump" can drop it like a demonym.
fn country_abbrev(doc: &Doc, i: usize) -> Option<usize> {
    if !is_initial(doc, i) || i + 2 >= doc.tokens.len() || !is_initial(doc, i + 2) {
        return None;
    }
    match (doc.low(i), doc.low(i + 2)) {
        ("u", "s" | "k" | "n") | ("e", "u") => Some(i + 3),
        _ => None,
    }
}

/// A word that introduces a name inside a capitalised run ("NASA Administrator Charles Bolden",
/// "Home Secretary Suella Braverman"): a title or a singular role noun.
fn title_like(w: &str) -> bool {
    class(w) & (TITLE | ROLE) != 0
}

/// Generational suffixes that are not a name on their own ("King Jr").
fn is_suffix(w: &str) -> bool {
    matches!(w, "jr" | "sr" | "ii" | "iii" | "iv")
}

/// Sentence-initial words that are plainly not names: adverbs in "-ly" ("Actually", "Sometimes" is
/// in the common-word list) and verbs of saying in the past tense opening an inverted tag ("Stated Stone:"),
/// unless the word is a given name ("Kelly", "Emily").
fn sentence_word(doc: &Doc, k: usize) -> bool {
    let l = doc.low(k);
    doc.sent_start(k) == k
        && l.len() > 4
        && (l.ends_with("ly")
            || l.ends_with("ing") && doc.tokens.get(k + 1).is_some_and(|_| doc.is_cap(k + 1))
            || l.ends_with("ed") && is_cue(l))
        && !is_given(l)
}

/// The word at `s` names a contest after "Miss" ("Miss Universe Alicia Machado", "Miss World", "Miss America"): a
/// place or an ordinary word that is no given name is the title's, not a surname (issue 11: "former Miss Universe
/// Alicia Machado" gave a person "Universe Alicia Machado"). `i` is where the run starts.
fn pageant_title(doc: &Doc, i: usize, s: usize, c: u16) -> bool {
    c & (ORDIN | NONP) != 0
        && c & GIVEN == 0
        && (i..s).rev().find(|&k| doc.is_word(k)).is_some_and(|k| doc.low(k) == "miss")
}

/// A word that is ordinary vocabulary rather than a name ("Free", "Culture", "Magic", "America").
fn ordinary(w: &str) -> bool {
    let c = class(w);
    c & (ORDIN | COMMON | NONP | ORG) != 0 && c & GIVEN == 0
}

/// Finds capitalised name-like runs in a document.
fn candidates(doc: &Doc) -> Vec<Cand> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    let mut i = 0;
    // An editor's insertion of first names ("[George W.] Bush", "[Phil] Gramm"): the bracketed words are kept
    // for the key of the surname that follows, which is the mention the writer wrote.
    let mut inserted: Option<(usize, usize, usize)> = None;
    while i < n {
        if !doc.is_cap(i)
            || is_acronym(doc.str(i)) && !is_initial(doc, i)
            || is_pronoun_i(doc, i)
            || is_contraction(doc.low(i))
        {
            i += 1;
            continue;
        }
        // The tail of a name written with a symbol ("AT&T Wireless", "Procter&Gamble"): a fragment, never a name.
        if i > 0 && !doc.tokens[i].space_before && matches!(doc.str(i - 1), "&" | "+") {
            while i < n && (doc.is_cap(i) || !doc.tokens[i].space_before && doc.is_word(i)) {
                i += 1;
            }
            continue;
        }
        if i > 0 && doc.str(i - 1) == "[" {
            let mut k = i;
            while k < n && k - i < 8 && (doc.is_cap(k) || doc.str(k) == ".") {
                k += 1;
            }
            if k + 1 < n && doc.str(k) == "]" && doc.is_cap(k + 1) && doc.tokens[k + 1].space_before {
                inserted = Some((i, k, k + 1));
                i = k + 1;
                continue;
            }
        }
        // Extend over capitalised words, initials ("J.", "O.J."), and particles followed by a capital.
        let mut j = i;
        let mut last_word = i;
        while j < n && doc.tokens[j].para == doc.tokens[i].para {
            // A word glued to the previous token is another word ("Putin'24"), except after an
            // initial's full stop ("O.J. Simpson", "U.S.").
            let after_initial = j >= 2 && doc.str(j - 1) == "." && is_initial(doc, j - 2);
            if j > i && !doc.tokens[j].space_before && doc.is_word(j) && !after_initial {
                break;
            }
            if is_pronoun_i(doc, j) || is_contraction(doc.low(j)) {
                break;
            }
            // A function word in capitals inside a run is a headline in title case, not a name ("Christie Is Over
            // Marco Rubio"): the run ends before it (issue 11).
            if j > i
                && doc.is_cap(j)
                && doc.tokens.get(j + 1).is_some_and(|_| doc.is_cap(j + 1))
                && class(doc.low(j)) & (COMMON | TITLE) == COMMON
                && !PARTICLES.contains(doc.low(j))
            {
                break;
            }
            if doc.is_cap(j) && (!is_acronym(doc.str(j)) || is_initial(doc, j)) {
                last_word = j;
                if j + 1 < n && doc.str(j + 1) == "." && !doc.tokens[j + 1].space_before {
                    let l = doc.low(j);
                    // Not across a sentence end: "... and Elvis Bishop. Ray Charles, who ..." (issue 11).
                    let same_sentence = doc.sent_of.get(j + 2) == Some(&doc.sent_of[j]);
                    if (is_initial(doc, j) || TITLES.contains(l)) && same_sentence {
                        j += 2;
                        continue;
                    }
                    break;
                }
                j += 1;
            } else if doc.is_word(j) && j > i && is_elided_particle(doc.str(j)) {
                // "Patrizia d'Ettorre", "Valéry d’Estaing".
                last_word = j;
                j += 1;
            } else if doc.is_word(j) && PARTICLES.contains(doc.low(j)) && j > i {
                j += 1;
            } else {
                break;
            }
        }
        let raw_end = last_word + 1;
        let first_class = class(doc.low(i));
        // A verb capitalised inside a sentence opens a title, not a name: "at Ask Jeeves", "on Meet the Press",
        // "Debating The Donald" (issue 11).
        if i > 0 && doc.is_word(i - 1) && !doc.is_cap(i - 1) && first_class & TITLE_VERB != 0 && doc.sent_start(i) != i
        {
            i = raw_end.max(i + 1);
            continue;
        }
        if let Some(skip) = not_a_name_run(doc, i, raw_end, first_class) {
            if let Some(thing) = skip {
                out.push(thing);
            }
            i = raw_end.max(i + 1);
            continue;
        }
        // Strip leading sentence words, titles and demonyms ("However", "Russian President").
        let mut s = i;
        let mut title_start = None;
        let mut titled = false;
        while s < raw_end {
            let l = doc.low(s);
            if !doc.is_word(s) {
                s += 1;
                continue;
            }
            if let Some(after) = country_abbrev(doc, s).filter(|&a| a < raw_end) {
                title_start = None;
                s = after;
                continue;
            }
            if matches!(l, "st" | "saint" | "ste") && s == i {
                // "St. Louis", "Saint Petersburg": a place, not a title.
                s = raw_end;
                break;
            }
            let c = if s == i { first_class } else { class(l) };
            // A place or team of several words opening the run: the whole run if nothing follows ("New
            // Hampshire", "Boston Celtics"), else dropped like a demonym ("New Hampshire Gov. Maggie Hassan").
            if c & PHRASE_START != 0 {
                if let Some(after) = thing_phrase_at(doc, s, raw_end) {
                    // One word left that is no given name is the thing the place qualifies ("United States
                    // Embassy", "New York Yankees"), not a surname.
                    let words_left = (after..raw_end).filter(|&k| doc.is_word(k)).count();
                    let thing_left = words_left == 1 && !is_given(doc.low(raw_end - 1));
                    title_start = None;
                    s = if thing_left { raw_end } else { after };
                    continue;
                }
            }
            if c & TITLE != 0 && s + 1 < raw_end {
                titled = true;
                if HONORIFICS.contains(&l) {
                    title_start.get_or_insert(s);
                } else {
                    title_start = None;
                }
            } else if c & COMMON != 0
                || (c & NONP != 0 && s + 1 < raw_end && c & GIVEN == 0)
                || pageant_title(doc, i, s, c)
                || sentence_word(doc, s)
                || c & MODIFIER != 0 && s + 1 < raw_end
                || is_role_noun(l) && s + 1 < raw_end
            {
                title_start = None;
            } else if c & GIVEN == 0
                && s + 1 < raw_end
                && l.ends_with("ed")
                && !is_acronym(doc.str(s))
                && PARTICIPLES.contains(l)
            {
                // An English participle never written with a capital is no given name. Before a given name it
                // describes the person or team ("Injured Chelsea", "Crooked Hillary Clinton"); before anything else
                // the run is a thing's name ("United Mine Workers", "Advanced Micro Devices"). Other lower-case words
                // may be foreign given names ("Dries Mertens", "Starry Lee", "Mu Li"), so they stay (issue 11).
                // ("Armed Forces Minister Adam Ingram": a title further on starts the name, below.)
                let given_next = (s + 1..raw_end).find(|&k| doc.is_word(k)).is_some_and(|k| is_given(doc.low(k)));
                if !given_next && !(s + 1..raw_end).any(|k| doc.is_word(k) && title_like(doc.low(k))) {
                    s = raw_end;
                    break;
                }
                title_start = None;
            } else {
                break;
            }
            s += 1;
        }
        // A title or role inside the run starts the name after it: "NASA Administrator Charles
        // Bolden", "Pennsylvania Senator Rick Santorum". Not after a given name ("Carole King").
        let mut k = raw_end;
        while k > s + 1 {
            k -= 1;
            let l = doc.low(k - 1);
            if doc.is_word(k - 1) && title_like(l) {
                // A given name that is also a place opens no name ("Virginia Sen. Tim Kaine").
                let prev_given = k >= 2 && doc.is_word(k - 2) && class(doc.low(k - 2)) & (GIVEN | NONP) == GIVEN;
                let rest_named = (k..raw_end).any(|x| doc.is_word(x) && !is_suffix(doc.low(x)));
                if !prev_given && rest_named {
                    titled = true;
                    title_start = HONORIFICS.contains(&l).then_some(k - 1);
                    // "Army Col. Lawrence Wilkerson": the name starts after the title's full stop.
                    s = if doc.str(k) == "." { k + 1 } else { k };
                    break;
                }
            }
        }
        // "Prince Charles", "Pope Francis": a title that is part of a one-word name makes the name (issue 11).
        // The mention's name still starts at "Charles" (the title is where it was written), the key has both.
        let title_in_key = titled && s > i && s + 1 == raw_end && NAME_TITLES.contains(&doc.low(s - 1));
        if title_in_key {
            title_start = Some(s - 1);
        }
        let mut end = raw_end;
        // A weekday or month closing the run is the date of what the name did ("Hampshire Monday").
        // Not after a given name: "Mike Friday" is a name.
        while end > s + 1
            && doc.is_word(end - 1)
            && class(doc.low(end - 1)) & DATE != 0
            && !(doc.is_word(end - 2) && is_given(doc.low(end - 2)))
        {
            end -= 1;
        }
        // Organisation words and given names inside the run: only for runs of several tokens (most
        // runs are one word, and this is the hot path).
        if end > s + 1 {
            let org_at = |from: usize, to: usize| (from..to).find(|&x| doc.is_word(x) && class(doc.low(x)) & ORG != 0);
            // "Washington State University Simon Ličen": a given name and more after an organisation word
            // start a person's name.
            if let Some(o) = org_at(s, end) {
                let last_org = (o..end).rev().find(|&x| doc.is_word(x) && class(doc.low(x)) & ORG != 0).unwrap_or(o);
                let given = (o + 1..end).find(|&x| doc.is_word(x) && is_given(doc.low(x)));
                let rest: Vec<usize> = (last_org + 1..end).filter(|&x| doc.is_word(x)).collect();
                // The name may itself open another organisation's name: "Air and Space Museum Steven F. Udvar-Hazy
                // Center" (a name word before that organisation word).
                let named = |g: usize| {
                    let next_org = org_at(g + 1, end).unwrap_or(end);
                    (g + 1..next_org).any(|x| doc.is_word(x) && !is_initial(doc, x))
                };
                if let Some(g) = given.filter(|&g| named(g)) {
                    s = g;
                    titled = false;
                    title_start = None;
                } else if rest.len() >= 2 && rest.iter().all(|&x| !ordinary(doc.low(x))) {
                    // "Refugee Council Enver Solomon": two or more name-like words after the organisation.
                    s = rest[0];
                    titled = false;
                    title_start = None;
                }
            }
            // "the Andy Warhol Foundation": a given name, initials and a surname before an organisation
            // word name a person inside the organisation's name.
            // Not a place that is also a given name ("Sydney Morning Herald") nor an ordinary word as the
            // surname ("Irving Independent School District").
            let given_first = s < end && class(doc.low(s)) & (GIVEN | NONP) == GIVEN;
            if given_first && org_at(s + 1, end).is_some() {
                let mut x = s + 1;
                while x < end && (!doc.is_word(x) || is_initial(doc, x)) {
                    x += 1;
                }
                if x < end && !ordinary(doc.low(x)) {
                    end = x + 1;
                }
            }
            // "the Jeff McBride Experience", "the Ross Ice Shelf": ordinary words after a given name and
            // more end the name (three words or more, so that "Emma Stone" stays whole).
            if given_first {
                // Initials are not words here: "Maya D. Song" is two words and stays whole (issue 11).
                let words: Vec<usize> = (s..end).filter(|&k| doc.is_word(k) && !is_initial(doc, k)).collect();
                if words.len() >= 3 {
                    let mut keep = words.len();
                    while keep > 1 && ordinary(doc.low(words[keep - 1])) {
                        keep -= 1;
                    }
                    if keep < words.len() {
                        end = words[keep - 1] + 1;
                    }
                }
            }
        }
        // Two names run together in a title-case line ("Jeb Bush Hits Marco Rubio On ...", "Donald Trump Calls Out
        // Ted Cruz"): a given name after a headline's verb, and before a surname, starts the last name.
        if end > s + 2 {
            let words: Vec<usize> = (s..end).filter(|&k| doc.is_word(k)).collect();
            // The word before is a headline's verb ("Hits", "Calls", "Slams"), not a name ("Hew Raymond Griffiths").
            let verb = |x: &str| {
                x.len() > 3 && x.ends_with('s') && !x.ends_with("ss") && class(x) & (TITLE | NONP | ROLE | GIVEN) == 0
            };
            let cut = (2..words.len().saturating_sub(1)).rev().find(|&w| {
                let prev = doc.low(words[w - 1]);
                // "Calls Out Ted Cruz": a particle may follow the verb.
                let particle = matches!(prev, "out" | "up" | "off" | "down" | "back") && w >= 3;
                is_given(doc.low(words[w]))
                    && !is_given(prev)
                    && (verb(prev) || particle && verb(doc.low(words[w - 2])))
            });
            if let Some(w) = cut {
                s = words[w];
                titled = false;
                title_start = None;
            }
        }
        // A single letter without a full stop ("T C Phailin", "Plan B") is not an initial.
        // One at the very start is an initial written without its stop ("R Saravanan").
        let stray = |k: usize| doc.is_word(k) && one_char(doc.str(k)) && !is_initial(doc, k);
        let stray_letter = (s + 1..end).any(stray);
        if s == i && s < end && work_title(doc, s, end) {
            // The title of a work or product is one in the whole article ("the film Vera Drake" ... "Vera Drake
            // won"): recorded as a thing (issue 11).
            let key: Vec<String> = (s..end).filter(|&k| doc.is_word(k)).map(|k| doc.low(k).to_string()).collect();
            out.push(Cand {
                title_start: s,
                titled: false,
                start: s,
                end,
                key,
                weak: false,
                title_in_key: false,
                thing: true,
            });
            i = raw_end.max(i + 1);
            continue;
        }
        // "the Udvar-Hazy Center", "the Hartley Institute": after "the", a lone name-like word opening an
        // organisation's name is weak, a mention only as the surname of a full name of the article.
        if s == i
            && end > s + 1
            && s > 0
            && doc.low(s - 1) == "the"
            && doc.is_word(s + 1)
            && class(doc.low(s + 1)) & ORG != 0
            && class(doc.low(s)) & (ORG | GIVEN) == 0
            && !ordinary(doc.low(s))
        {
            out.push(Cand {
                title_start: s,
                titled: false,
                start: s,
                end: s + 1,
                key: Vec::new(),
                weak: true,
                title_in_key: false,
                thing: false,
            });
            i = raw_end.max(i + 1);
            continue;
        }
        if s < end && !stray_letter {
            let words: Vec<usize> = (s..end).filter(|&k| doc.is_word(k)).collect();
            let key: Vec<&str> = words.iter().map(|&k| doc.low(k)).collect();
            if let Some(weak) = acceptable(doc, &key, s, i, titled, title_start.is_some()) {
                // A weak word's key is filled in only if it is kept (most are not): no allocation.
                let mut key: Vec<String> = if weak { Vec::new() } else { key.iter().map(|w| w.to_string()).collect() };
                if title_in_key && !weak {
                    key.insert(0, doc.low(s - 1).to_string());
                }
                if let Some((a, b, _)) = inserted.filter(|&(_, _, at)| at == s && !weak) {
                    let first: Vec<String> =
                        (a..b).filter(|&k| doc.is_word(k)).map(|k| doc.low(k).to_string()).collect();
                    key.splice(0..0, first);
                }
                out.push(Cand {
                    title_start: title_start.unwrap_or(s),
                    titled,
                    start: s,
                    end,
                    key,
                    weak,
                    title_in_key: title_in_key && !weak,
                    thing: false,
                });
            }
        }
        i = raw_end.max(i + 1);
    }
    out
}

/// Compound adjectives that make the capitalised name after them an organisation: "Frankfurt-based Deutsche
/// Boerse", "State-owned Rosneft", "Kremlin-backed Gazprom".
const ORG_COMPOUNDS: &[&str] =
    &["-based", "-owned", "-listed", "-controlled", "-backed", "-funded", "-registered", "-headquartered", "-run"];

/// Runs `[i, e)` that are no personal name whatever their words (issue 11): `Some(None)` to skip the run,
/// `Some(Some(thing))` to skip it and record the thing it names ("Hurricane Ivan": "Ivan" is a storm here).
fn not_a_name_run(doc: &Doc, i: usize, e: usize, first_class: u16) -> Option<Option<Cand>> {
    let first = doc.low(i);
    // "US-based Alistair Cragg" is a person.
    let org_compound = first.contains('-')
        && ORG_COMPOUNDS.iter().any(|c| first.ends_with(c))
        && !(i + 1 < e && doc.is_word(i + 1) && is_given(doc.low(i + 1)));
    // "Jan. 20", "Sept 3": a month abbreviation before a day number.
    if e == i + 1 && first_class & MONTH_ABBREVIATION != 0 {
        let mut k = e;
        if k < doc.tokens.len() && doc.str(k) == "." {
            k += 1;
        }
        if k < doc.tokens.len() && doc.str(k).starts_with(|c: char| c.is_ascii_digit()) {
            return Some(None);
        }
    }
    if e > i + 1 && (org_compound || first_class & THING_HEAD != 0) {
        // "Tropical Storm Frances": the name starts after every such word.
        let mut from = i + 1;
        while from < e && doc.is_word(from) && class(doc.low(from)) & THING_HEAD != 0 {
            from += 1;
        }
        let key: Vec<String> = (from..e).filter(|&k| doc.is_word(k)).map(|k| doc.low(k).to_string()).collect();
        if key.is_empty() {
            return Some(None);
        }
        let thing = Cand {
            title_start: from,
            titled: false,
            start: from,
            end: e,
            key,
            weak: false,
            title_in_key: false,
            thing: true,
        };
        return Some(Some(thing));
    }
    org_compound.then_some(None)
}

/// The token after a place or team of several words starting at `s` and ending by `e` ("new hampshire"), if any.
fn thing_phrase_at(doc: &Doc, s: usize, e: usize) -> Option<usize> {
    let mut phrase = String::from(doc.low(s));
    let mut found = None;
    for k in s + 1..e.min(s + 5) {
        if !doc.is_word(k) {
            return found;
        }
        phrase.push(' ');
        phrase.push_str(doc.low(k));
        if THING_PHRASES.contains(phrase.as_str()) {
            found = Some(k + 1);
        }
    }
    found
}

/// Is the run `[s, e)` the title of a work or product named right after a noun for one: "her graphic novel Angel
/// Catbird", "the column Savage Love in ...", "a drink called Lemonhead"? Not when an open-class word follows, as
/// the run is then a subject: "the book Obama wrote".
fn work_title(doc: &Doc, s: usize, e: usize) -> bool {
    let mut k = s;
    if k > 0 && matches!(doc.low(k - 1), "called" | "titled" | "entitled" | "named" | "dubbed") {
        k -= 1;
    }
    k > 0
        && doc.is_word(k - 1)
        && !doc.is_cap(k - 1)
        && matches!(
            doc.low(k - 1),
            "novel"
                | "book"
                | "memoir"
                | "column"
                | "film"
                | "movie"
                | "documentary"
                | "album"
                | "song"
                | "musical"
                | "opera"
                | "sitcom"
                | "magazine"
                | "newspaper"
                | "blog"
                | "site"
                | "website"
                | "podcast"
                | "game"
                | "app"
                | "painting"
                | "poem"
                | "drink"
                | "cocktail"
                | "brand"
                | "band"
        )
        && !modifies_next(doc, e)
        && !matches!(doc.tokens.get(e).map(|_| doc.str(e)), Some("'s" | "’s"))
}

/// A one-character word, without counting all the chars of a long one.
fn one_char(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some() && c.next().is_none()
}

fn is_initial(doc: &Doc, i: usize) -> bool {
    one_char(doc.str(i))
        && doc.tokens.get(i + 1).is_some_and(|t| t.start < doc.text.len() && &doc.text[t.start..t.end] == ".")
}

/// Filters that make a capitalised run not a personal name (organisations, places, months, ...).
fn acceptable(doc: &Doc, key: &[&str], start: usize, raw_start: usize, titled: bool, honorific: bool) -> Option<bool> {
    // Only initials ("U.S", "D.C") are an abbreviation, not a name.
    if key.iter().all(|w| one_char(w)) {
        return None;
    }
    // "Bill" opens names ("Bill Ingalls") while it closes laws ("Finance Bill"); so does the
    // Korean surname "Park" ("Park Joo-Ho", but "Central Park").
    if key.is_empty() {
        return None;
    }
    // One look-up a word (the first eight words; names are shorter).
    let mut cls = [0u16; 8];
    for (c, w) in cls.iter_mut().zip(key) {
        *c = class(w);
    }
    let cl = |k: usize| if k < 8 { cls[k] } else { class(key[k]) };
    if (0..key.len()).any(|k| cl(k) & ORG != 0 && !(k == 0 && matches!(key[0], "bill" | "park"))) {
        return None;
    }
    // "Free Culture", "Magic Month", "Returning America": titles and things, not names.
    let ordinary_at = |k: usize| cl(k) & (ORDIN | COMMON | NONP | ORG) != 0 && cl(k) & GIVEN == 0;
    if key.len() > 1 && (0..key.len()).all(ordinary_at) {
        return None;
    }
    if key.len() == 1 {
        let w = key[0];
        // A lone role noun ("Leaders met ...", "Officials") is a description, not a name.
        let c = cls[0];
        // After an honorific a role word is a surname ("Mr. King", "Ms. Singer", "Mr. Prince"), unless it is how
        // an office is addressed ("Mr. President", "Madam Secretary").
        let surname = honorific && !ADDRESSED_OFFICES.contains(&w);
        if one_char(w)
            || !surname && (c & COMMON != 0 || (c & TITLE != 0 && !titled) || c & GIVEN == 0 && is_role_noun(w))
        {
            return None;
        }
    } else if cl(key.len() - 1) & (TITLE | ROLE) != 0
        && (0..key.len() - 1).rev().find(|&k| !one_char(key[k])).is_some_and(|k| cl(k) & (GIVEN | NONP) != GIVEN)
    {
        // "Virginia Governor", "Mets Poet": a role, not a name; but "Peter T. King", "J. Prince" are names.
        return None;
    } else if key.len() > 2
        && cl(key.len() - 1) & (ORDIN | COMMON) != 0
        && (0..key.len()).all(|k| cl(k) & GIVEN == 0 && !one_char(key[k]))
    {
        // "Iodine Nutrition Study", "Baileys Irish Cream": a long thing's name ends in an ordinary noun, and without
        // a given name or a middle initial ("Maya D. Song") nothing says it is a person (the ordinary-word list
        // leaves out words that are surnames).
        return None;
    } else if matches!(
        key[0],
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "greater"
            | "upper"
            | "lower"
            | "st"
            | "saint"
            | "san"
            | "santa"
            | "fort"
            | "mount"
            | "port"
            | "cape"
            | "lake"
            | "los"
            | "las"
    ) {
        // "West Sussex", "South Ossetia": regions, not people.
        return None;
    } else if (0..key.len()).all(|k| cl(k) & (NONP | COMMON) != 0) {
        return None;
    }
    // One buffer for every window: this runs for each multi-word candidate.
    let mut phrase = String::new();
    for len in 2..=key.len().min(4) {
        for win in key.windows(len) {
            phrase.clear();
            for (i, w) in win.iter().enumerate() {
                if i > 0 {
                    phrase.push(' ');
                }
                phrase.push_str(w);
            }
            if THING_PHRASES.contains(phrase.as_str()) {
                return None;
            }
        }
    }
    if key.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        return None;
    }
    // "the Kremlin", "a Labour ...": a determiner right before the run marks a thing, not a person.
    // A given name and a surname are a person even so ("the Tom Cruise video").
    let given_full = key.len() > 1 && cls[0] & (GIVEN | NONP) == GIVEN;
    // Also "The" opening the sentence and the run ("The Super Bowl is on Sunday"), stripped as a common word.
    // And "the" before place words stripped from the run ("the Toronto Blue Jays").
    // ("A Craig" is an initial, not an article.)
    let det = |k: usize| k > 0 && matches!(doc.low(k - 1), "the" | "a" | "an");
    // "A Very Long Engagement" (a title of several words after "A"; "A Craig" is an initial and a surname).
    let determiner = start == raw_start && det(start)
        || start > raw_start && (doc.low(start - 1) == "the" || key.len() > 1 && det(start))
        || start > raw_start
            && det(raw_start)
            && (raw_start..start).all(|k| !doc.is_word(k) || class(doc.low(k)) & NONP != 0);
    if !titled && !given_full && determiner {
        // Weak: its first word counts only as the surname of a full name ("the Savage Love column" after "Dan
        // Savage").
        return Some(true);
    }
    Some(key.len() == 1 && cls[0] & (NONP | ORDIN) != 0)
}

/// Evidence, at one occurrence, that a single capitalised word names a person.
fn evidence(doc: &Doc, c: &Cand) -> bool {
    let n = doc.tokens.len();
    if c.titled {
        return true;
    }
    let (s, e) = (c.start, c.end);
    // "Irving, Texas": a lone word before a comma and a country or state is a place.
    if c.key.len() == 1
        && e + 1 < n
        && doc.str(e) == ","
        && doc.is_cap(e + 1)
        && class(doc.low(e + 1)) & (NONP | GIVEN) == NONP
    {
        return false;
    }
    // A common given name on its own ("Gloria developed ...").
    if c.key.len() == 1 && is_given(&c.key[0]) {
        return true;
    }
    // A photo or media credit names its author: "Image: Jsmith", "Video: Ann & Bob".
    if credited(doc, s) {
        return true;
    }
    // Role phrase right before: "political scientist Gallyamov" (not an award: "best actress Oscar").
    if s > 0 && doc.is_word(s - 1) && !doc.is_cap(s - 1) && is_role_noun(doc.low(s - 1)) && !award_category(doc, s) {
        return true;
    }
    // Apposition after: "Kiriyenko (the first deputy head ...)", "Smith, a spokesman for ...".
    if role_after(doc, e).is_some() {
        return true;
    }
    // An age in apposition: "Marisol, 25, said", "— Jose, 31." or "— Jose, 31" ending its line.
    let age_ends = |x: usize| {
        x >= n || matches!(doc.str(x), "," | "." | ";" | ":" | ")") || doc.tokens[x].para != doc.tokens[x - 1].para
    };
    if e + 1 < n && doc.str(e) == "," && age_ends(e + 2) {
        let age = doc.str(e + 1);
        if (1..=3).contains(&age.len())
            && age.bytes().all(|b| b.is_ascii_digit())
            && age.parse::<u16>().is_ok_and(|a| a <= 120)
        {
            return true;
        }
    }
    // A possessive with a personal relation: "Obama's national security advisor", "Smith's wife".
    if e + 1 < n && matches!(doc.str(e), "'s" | "’s") {
        let personal = |w: &str| {
            matches!(
                w,
                "wife"
                    | "husband"
                    | "son"
                    | "daughter"
                    | "mother"
                    | "father"
                    | "brother"
                    | "sister"
                    | "widow"
                    | "parents"
                    | "children"
                    | "family"
                    | "lawyer"
                    | "lawyers"
                    | "attorney"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "adviser"
                    | "advisor"
                    | "aide"
                    | "aides"
                    | "friend"
                    | "girlfriend"
                    | "boyfriend"
                    | "biographer"
                    | "campaign"
                    | "presidency"
                    | "death"
                    | "birth"
            )
        };
        if (e + 1..(e + 5).min(n)).take_while(|&x| doc.is_word(x) && !doc.is_cap(x)).any(|x| personal(doc.low(x))) {
            return true;
        }
    }
    // Verb after, possibly past an adverb: "Smith said", "Putin really needs", "Putin's".
    let mut k = e;
    while k < n && doc.is_word(k) && ADVERBS.contains(&doc.low(k)) && k - e < 2 {
        k += 1;
    }
    if k < n && doc.is_word(k) && !doc.is_cap(k) {
        if PERSON_VERBS.contains(&doc.low(k)) {
            return true;
        }
        // "Shell said" is as often a company as a person: a speech verb alone counts only when
        // the text goes on with a personal pronoun rather than "it"/"its".
        if is_cue(doc.low(k)) && personal_pronoun_follows(doc, k) {
            return true;
        }
    }
    // Verb before: "said Smith", "told Putin".
    if s > 0 && doc.is_word(s - 1) {
        let p = doc.low(s - 1);
        let cue_or_object =
            (is_cue(p) && doc.tokens[s - 1].para == doc.tokens[s].para) || PERSON_OBJECT_VERBS.contains(&p);
        if cue_or_object && !modifies_next(doc, e) {
            return true;
        }
    }
    // A list ending in "and other <people>": "Pushilin, Pasechkin, and other local collaborators".
    let mut k = e;
    loop {
        if k < n && doc.str(k) == "," {
            k += 1;
        }
        if k + 1 < n && doc.low(k) == "and" && doc.low(k + 1) == "other" {
            let head = (k + 2..(k + 5).min(n)).find(|&h| is_role_noun(doc.low(h)));
            return head.is_some();
        }
        // Skip over the next list item (capitalised words).
        let item = k;
        while k < n && doc.is_cap(k) {
            k += 1;
        }
        if k == item || k >= n || doc.str(k) != "," {
            return false;
        }
    }
}

/// The keys of the article that name a thing by the words around one of their mentions (issue 11): "the Red Sox
/// fans", "Chelsea's midfielder", "shares of Time Warner", "Hurricane Ivan" (a `thing` candidate), and a team's
/// one-word name ("Chelsea", "Celtics"). A key stays a person's when a mention of it has a title, or it is a
/// given name and more ("Tony Blair supporters").
fn thing_keys(
    doc: &Doc,
    cands: &[Cand],
    thing_cands: &[Cand],
    is_person_key: &Map<Vec<String>, bool>,
) -> Map<Vec<String>, ()> {
    let n = doc.tokens.len();
    let lower = |k: usize| k < n && doc.is_word(k) && !doc.is_cap(k);
    let mut things: Map<Vec<String>, ()> = Map::default();
    let mut works: Vec<&[String]> = Vec::new();
    let mut people: Vec<&[String]> = Vec::new();
    let mut titled: Vec<&[String]> = Vec::new();
    let asked = |c: &&Cand| !c.weak && (c.thing || is_person_key.get(&c.key) == Some(&true));
    for c in cands.iter().chain(thing_cands).filter(asked) {
        if c.titled {
            titled.push(&c.key);
        }
        if c.titled || c.key.len() > 1 && is_given(&c.key[0]) {
            people.push(&c.key);
        }
        // "the film Vera Drake": a work's title, even when it is a given name and a surname.
        if c.thing {
            works.push(&c.key);
        }
        // "the Harry Potter books" reads like "the Jim Carrey film": a thing only without a given name.
        let work_after = c.end < n && lower(c.end) && THING_WORK.contains(doc.low(c.end));
        let team = c.key.len() == 1 && class(&c.key[0]) & TEAM != 0;
        let mut after = c.end;
        if after < n && matches!(doc.str(after), "'s" | "’s") {
            after += 1;
        }
        let possessive = after > c.end;
        let followed = lower(after) && THING_AFTER.contains(doc.low(after))
            // "Deutsche Boerse chief executive Werner Seifert", "Chelsea boss Jose Mourinho": the employer.
            || !possessive && employer_of_next(doc, after)
            // "Total Film's Jamie Graham".
            || possessive && after < n && doc.is_cap(after) && is_given(doc.low(after));
        // "Morgan Stanley said it was pleased", "Yukos, which": spoken of as "it".
        let it = !possessive && neuter_next(doc, after);
        let p = c.title_start;
        let preceded = p > 0
            && (lower(p - 1) && THING_BEFORE.contains(doc.low(p - 1))
                || p > 1 && matches!(doc.low(p - 1), "of" | "in") && THING_BEFORE.contains(doc.low(p - 2))
                || award_category(doc, p)
                || owned_role(doc, p));
        if team || followed || preceded || it || work_after {
            things.entry(c.key.clone()).or_insert(());
        }
    }
    for k in people {
        things.remove(k);
    }
    for k in works {
        things.entry(k.to_vec()).or_insert(());
    }
    for k in titled {
        things.remove(k);
    }
    things
}

/// "said it", "says its", ", which": what follows a name at token `k` speaks of it as a thing.
fn neuter_next(doc: &Doc, k: usize) -> bool {
    let n = doc.tokens.len();
    if k + 1 >= n {
        return false;
    }
    if doc.str(k) == "," {
        return doc.low(k + 1) == "which";
    }
    doc.is_word(k) && !doc.is_cap(k) && is_cue(doc.low(k)) && matches!(doc.low(k + 1), "it" | "its")
}

/// A role of one or two words then a capitalised name from token `k`: "chief executive Werner Seifert".
fn employer_of_next(doc: &Doc, k: usize) -> bool {
    let n = doc.tokens.len();
    let lower = |x: usize| x < n && doc.is_word(x) && !doc.is_cap(x);
    // A capitalised word within three tokens first: the cheap test that rules out most places.
    if !lower(k) || !(k + 1..(k + 4).min(n)).any(|x| doc.is_cap(x)) {
        return false;
    }
    if !(is_role_noun(doc.low(k)) || class(doc.low(k)) & MODIFIER != 0) {
        return false;
    }
    let mut x = k;
    while x < k + 2 && lower(x + 1) && is_role_noun(doc.low(x + 1)) {
        x += 1;
    }
    is_role_noun(doc.low(x)) && x + 1 < n && doc.is_cap(x + 1) && doc.tokens[x + 1].para == doc.tokens[k].para
}

/// "its US rival Boeing", "its parent Vivendi": a relation owned by "its" names a thing, before the name at `p`
/// ("its chief executive Jean-Rene Fourtou", "its former owner Mihkail Khodorkovsky" are people).
fn owned_role(doc: &Doc, p: usize) -> bool {
    let relation = |w: &str| {
        matches!(
            w,
            "rival"
                | "rivals"
                | "competitor"
                | "competitors"
                | "partner"
                | "parent"
                | "subsidiary"
                | "unit"
                | "affiliate"
                | "supplier"
        )
    };
    if p == 0 || !doc.is_word(p - 1) || doc.is_cap(p - 1) || !relation(doc.low(p - 1)) {
        return false;
    }
    let mut k = p - 1;
    while k > 0 && p - k < 5 {
        k -= 1;
        let w = doc.low(k);
        if w == "its" {
            return true;
        }
        let c = class(w);
        if !doc.is_word(k) || !(c & (MODIFIER | NONP) != 0 || is_role_noun(w) || is_acronym(doc.str(k))) {
            return false;
        }
    }
    false
}

/// "the best actress Oscar": a role noun after "best" names an award category before the name at `p`.
fn award_category(doc: &Doc, p: usize) -> bool {
    p >= 2 && doc.low(p - 2) == "best" && doc.is_word(p - 1) && !doc.is_cap(p - 1) && is_role_noun(doc.low(p - 1))
}

/// "in Saratoga Springs, New York", "at Levico Terme, Trento": a run after a preposition of place and before a
/// comma and a place name is a place.
fn place_context(doc: &Doc, c: &Cand) -> bool {
    let (s, e, n) = (c.start, c.end, doc.tokens.len());
    if s == 0 || !matches!(doc.low(s - 1), "in" | "at" | "near") || e + 1 >= n || doc.str(e) != "," {
        return false;
    }
    let next = e + 1;
    if !doc.is_cap(next) {
        return false;
    }
    class(doc.low(next)) & (NONP | GIVEN) == NONP
        || next + 1 < n
            && doc.is_cap(next + 1)
            && NON_PERSON.contains(&format!("{} {}", doc.low(next), doc.low(next + 1)))
}

/// Is the capitalised word ending before `e` a modifier of the lower-case noun that follows ("say Iodine
/// deficiency is ...")? Only closed-class words may follow a name that is an object or an inverted speaker.
fn modifies_next(doc: &Doc, e: usize) -> bool {
    e < doc.tokens.len()
        && doc.is_word(e)
        && !doc.is_cap(e)
        && !matches!(
            doc.low(e),
            "that"
                | "to"
                | "about"
                | "on"
                | "in"
                | "at"
                | "for"
                | "of"
                | "and"
                | "or"
                | "but"
                | "who"
                | "whom"
                | "whose"
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "was"
                | "is"
                | "had"
                | "has"
                | "would"
                | "will"
                | "when"
                | "after"
                | "before"
                | "as"
                | "with"
                | "from"
                | "during"
                | "last"
                | "this"
                | "yesterday"
                | "today"
                | "earlier"
                | "later"
                | "recently"
                | "not"
                | "if"
                | "why"
                | "how"
                | "what"
                | "where"
                | "whether"
                | "he"
                | "she"
                | "they"
                | "we"
                | "it"
                | "you"
                | "i"
                | "there"
                | "by"
                | "via"
                | "while"
                | "so"
                | "then"
                | "too"
                | "also"
                | "again"
                | "once"
                | "several"
                | "some"
                | "many"
        )
}

/// Does the word at `s` follow a media credit ("Image: X", "Photo: X", "Video: A & X")? Credits
/// name the photographer or uploader, a person (or a user name) unless the words are an organisation.
fn credited(doc: &Doc, s: usize) -> bool {
    let credit_at = |k: usize| {
        k >= 2
            && doc.str(k - 1) == ":"
            && matches!(
                doc.low(k - 2),
                "image" | "images" | "photo" | "photos" | "picture" | "video" | "audio" | "credit"
            )
    };
    if credit_at(s) {
        return true;
    }
    // The second of two credited names: "Video: Ann & Bob".
    s >= 2 && matches!(doc.str(s - 1), "&" | "and") && doc.is_cap(s - 2) && credit_at(s - 2)
}

/// Whether "he"/"she"/"his"/"her" comes before "it"/"its" in the next few dozen tokens.
fn personal_pronoun_follows(doc: &Doc, k: usize) -> bool {
    for i in k + 1..(k + 40).min(doc.tokens.len()) {
        match doc.low(i) {
            "he" | "she" | "his" | "her" | "him" | "himself" | "herself" => return true,
            "it" | "its" | "itself" => return false,
            _ => {}
        }
    }
    false
}

/// A role in apposition after token `e` (exclusive end of a name): "(the first deputy head of the
/// presidential administration)" or ", the company's chief executive,". Returns the byte range.
fn role_after(doc: &Doc, e: usize) -> Option<(usize, usize)> {
    let n = doc.tokens.len();
    if e >= n {
        return None;
    }
    let open = doc.str(e);
    if open != "(" && open != "," {
        return None;
    }
    let closers: &[&str] = if open == "(" { &[")"] } else { &[",", ".", ";", ")", "—", "–"] };
    let para = doc.tokens[e].para;
    let mut k = e + 1;
    while k < n && doc.tokens[k].para == para && !closers.contains(&doc.str(k)) && k - e <= 14 {
        k += 1;
    }
    if k >= n || k == e + 1 || doc.tokens[k].para != para || k - e > 14 {
        return None;
    }
    let (a, b) = (e + 1, k);
    let first = doc.low(a);
    if open == "," {
        // A comma apposition must start like a noun phrase and not be a list item or a clause.
        let np_start = matches!(first, "the" | "a" | "an" | "former" | "who" | "whose") || role_word(doc, a);
        if !np_start || first == "who" || first == "whose" || b - a > 10 {
            return None;
        }
        if (a..b).any(|x| doc.is_word(x) && is_cue(doc.low(x)) && !is_role_noun(doc.low(x))) {
            return None;
        }
    }
    // The role noun must come early: "the first deputy head of ...", not "... of the head".
    let head = (a..b.min(a + 6)).find(|&x| doc.is_word(x) && !doc.is_cap(x) && is_role_noun(doc.low(x)))?;
    let _ = head;
    Some((doc.tokens[a].start, doc.tokens[b - 1].end))
}

/// Finds the people of an article: candidates in title and body, evidence, clustering, mentions, roles.
pub fn find(body: &Doc, title: &Doc) -> People {
    let title_cands = candidates(title);
    let mut cands = candidates(body);
    // A known surname (of a given name and surname) opening a run of other words names the person inside a
    // thing's name that modifies a noun: "Andy Warhol" ... "Warhol Polaroid exhibits", "Dan Savage" ... "the Savage
    // Love advice column" (but "Leung Kwok-hung of ...", a surname first, stays whole).
    let surnames: Map<&str, ()> = cands
        .iter()
        .chain(title_cands.iter())
        .filter(|c| c.key.len() > 1 && is_given(&c.key[0]))
        .map(|c| (c.key[c.key.len() - 1].as_str(), ()))
        .collect();
    let cut: Vec<bool> = cands
        .iter()
        .map(|c| {
            c.key.len() > 1
                && surnames.contains_key(c.key[0].as_str())
                && !surnames.contains_key(c.key[c.key.len() - 1].as_str())
                && c.key.iter().all(|w| !is_given(w))
                && modifies_next(body, c.end)
        })
        .collect();
    drop(surnames);
    for (c, cut) in cands.iter_mut().zip(cut) {
        if cut {
            c.end = (c.start..c.end).find(|&k| body.is_word(k)).map_or(c.end, |k| k + 1);
            c.key.truncate(1);
            c.titled = false;
        }
    }
    // Weak words (places, words after "the") matter only as part of a longer name: drop the
    // rest early, they are most capitalised words of an article (countries, months, cities).
    let lasts: Map<&str, ()> = cands
        .iter()
        .chain(title_cands.iter())
        .filter(|c| c.key.len() > 1)
        .flat_map(|c| [(c.key[0].as_str(), ()), (c.key[c.key.len() - 1].as_str(), ())])
        .collect();
    let weak_word = |c: &Cand| (c.start..c.end).find(|&k| body.is_word(k));
    let keep: Vec<Option<(usize, String)>> = cands
        .iter()
        .map(|c| {
            weak_word(c).filter(|&k| c.weak && lasts.contains_key(body.low(k))).map(|k| (k, body.low(k).to_string()))
        })
        .collect();
    let mut it = keep.into_iter();
    cands.retain_mut(|c| match it.next().flatten() {
        Some((k, w)) => {
            c.key = vec![w];
            c.end = k + 1;
            true
        }
        None => !c.weak,
    });

    // Things named where they stand ("Hurricane Ivan"): set apart, their keys are read by `thing_keys` below.
    let thing_cands: Vec<Cand> = cands.iter().filter(|c| c.thing).cloned().collect();
    cands.retain(|c| !c.thing);
    // Which written forms (keys) are people: multi-word names pass the filters; single words need evidence.
    let mut is_person_key: Map<Vec<String>, bool> = Map::default();
    // Lone words that may be a first name used alone: not weak, and not after a preposition of place
    // ("here in Levico" after "Levico Terme").
    let mut first_name_like: Map<&[String], bool> = Map::default();
    for c in &cands {
        let ok = !c.weak && (c.key.len() > 1 && !place_context(body, c) || evidence(body, c));
        // Clone the key only when it is new (a name mentioned again needs no copy).
        match is_person_key.get_mut(&c.key) {
            Some(e) => *e |= ok,
            None => {
                is_person_key.insert(c.key.clone(), ok);
            }
        }
        if !c.weak && c.key.len() == 1 {
            let place = c.start > 0 && matches!(body.low(c.start - 1), "in" | "at" | "near" | "outside" | "around");
            *first_name_like.entry(&c.key).or_insert(true) &= !place;
        }
    }
    // Keys the article shows to be a team, company, storm or event (issue 11): their own mentions are no evidence
    // of a person; only a full name that they shorten makes them one. Asked only about the keys that would be
    // people, the few of an article's capitalised words (speed).
    let things = thing_keys(body, &cands, &thing_cands, &is_person_key);
    for k in things.keys() {
        if let Some(v) = is_person_key.get_mut(k) {
            *v = false;
        }
        if let Some(v) = first_name_like.get_mut(k.as_slice()) {
            *v = false;
        }
    }
    let is_thing = |c: &Cand| !things.is_empty() && things.contains_key(&c.key);
    // A lone surname (or first name) of a full name used elsewhere needs no evidence of its own.
    let full: Vec<Vec<String>> =
        is_person_key.iter().filter(|(k, &v)| v && k.len() > 1).map(|(k, _)| k.clone()).collect();
    // Where each key is first written (candidates are in text order).
    let mut first_at: Map<&[String], usize> = Map::default();
    for (n, c) in cands.iter().enumerate() {
        first_at.entry(&c.key).or_insert(n);
    }
    for (k, v) in is_person_key.iter_mut() {
        if !*v && k.len() == 1 {
            // A weak word (a place, a word after "the") only as a surname: "Paris" after "Valeska Paris".
            let first_ok = first_name_like.get(k.as_slice()).copied().unwrap_or(false);
            // But a word the lexicons know as a thing (a country, a company), written alone before any full name
            // it ends, is that thing: an article names a person in full first (issue 11: "Mexico" from the first
            // line on, then a quoted "Poor Mexico, so far from God"; "Twitter", then a late "Wilayat Twitter").
            // Not a word after "the" ("the Sanders campaign"): that says nothing of the word itself.
            let thing_word = class(&k[0]) & NONP != 0;
            let first = first_at.get(k.as_slice()).copied().unwrap_or(usize::MAX);
            *v = full.iter().any(|f| {
                f.last() == k.first() && !(thing_word && first_at.get(f.as_slice()).is_none_or(|&at| first < at))
            });
            // A first word alone: not a word the article also writes in lower case ("Iodine deficiency" after
            // "Iodine Nutrition Study", and "iodine" in the text). The scan runs for the few such words only.
            if !*v && first_ok && full.iter().any(|f| f.first() == k.first()) {
                *v = !(0..body.tokens.len()).any(|i| body.is_word(i) && !body.is_cap(i) && body.low(i) == k[0]);
            }
        }
    }
    // The headline's subject: "Name: ..." or "Name says ...".
    let mut headline_key: Option<Vec<String>> = None;
    for c in &title_cands {
        let after = title.tokens.get(c.end).map(|_| title.str(c.end)).unwrap_or("");
        let speaker_like = after == ":" || (c.end < title.tokens.len() && is_cue(title.low(c.end)));
        let in_body = is_person_key.get(&c.key).copied().unwrap_or(false);
        let own = speaker_like && !c.weak && !is_thing(c) && (c.key.len() > 1 || evidence(title, c));
        if own || in_body {
            if headline_key.is_none() && speaker_like {
                headline_key = Some(c.key.clone());
            }
            is_person_key.entry(c.key.clone()).or_insert(true);
            if speaker_like {
                is_person_key.insert(c.key.clone(), true);
            }
        }
    }

    // Cluster: full names first (longest, then first seen), shorter forms join the name whose last
    // (or only first) word they match.
    // The keys are borrowed from the candidates, which outlive the clustering: copying each key into every map
    // and list here was a measurable cost of extraction.
    let mut keys: Vec<(&[String], usize)> = Vec::new();
    let mut seen: Map<&[String], usize> = Map::default();
    for (order, c) in title_cands.iter().chain(cands.iter()).enumerate() {
        if is_person_key.get(&c.key) == Some(&true) && !seen.contains_key(c.key.as_slice()) {
            seen.insert(&c.key, order);
            keys.push((&c.key, order));
        }
    }
    keys.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
    let mut cluster_of: Map<&[String], usize> = Map::default();
    let mut full_keys: Vec<&[String]> = Vec::new();
    for &(key, _) in &keys {
        let target = if key.len() == 1 {
            let w = &key[0];
            let by_last: Vec<usize> = (0..full_keys.len()).filter(|&p| full_keys[p].last() == Some(w)).collect();
            let by_first: Vec<usize> =
                (0..full_keys.len()).filter(|&p| full_keys[p].len() > 1 && full_keys[p][0] == *w).collect();
            if by_last.len() == 1 {
                Some(by_last[0])
            } else if by_last.is_empty() && by_first.len() == 1 {
                Some(by_first[0])
            } else {
                None
            }
        } else {
            // "Vladimir Vladimirovich Putin" and "Vladimir Putin": same first and last word;
            // "Von der Leyen" ends "Ursula von der Leyen".
            // Middle initials that differ are different people: "George H. W. Bush", "George W. Bush".
            let initials =
                |k: &[String]| -> Vec<String> { k[1..k.len() - 1].iter().filter(|w| one_char(w)).cloned().collect() };
            (0..full_keys.len()).find(|&p| {
                let f = full_keys[p];
                let (a, b) = (initials(f), initials(key));
                let clash = !a.is_empty() && !b.is_empty() && a != b;
                !clash && ((f.first() == key.first() && f.last() == key.last()) || f.ends_with(key))
            })
        };
        let p = target.unwrap_or_else(|| {
            full_keys.push(key);
            full_keys.len() - 1
        });
        cluster_of.insert(key, p);
    }

    // Mentions in the body, in text order; persons numbered by first mention (title-only last).
    let mut order: Vec<usize> = Vec::new();
    let mut raw_mentions: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut names: Vec<String> = vec![String::new(); full_keys.len()];
    let mut aliases: Vec<Vec<String>> = vec![Vec::new(); full_keys.len()];
    for c in &cands {
        if let Some(&p) = cluster_of.get(c.key.as_slice()) {
            raw_mentions.push((c.title_start, c.start, c.end, p));
            if !order.contains(&p) {
                order.push(p);
            }
            let written = body.slice(c.title_start, c.end - 1).to_string();
            let form = if c.title_in_key { written.clone() } else { body.slice(c.start, c.end - 1).to_string() };
            if c.key.len() == full_keys[p].len() && names[p].is_empty() {
                names[p] = form.clone();
            }
            for f in [form, written] {
                if !aliases[p].contains(&f) {
                    aliases[p].push(f);
                }
            }
        }
    }
    for c in &title_cands {
        if let Some(&p) = cluster_of.get(c.key.as_slice()) {
            if names[p].is_empty() && c.key.len() == full_keys[p].len() {
                let from = if c.title_in_key { c.title_start } else { c.start };
                names[p] = title.slice(from, c.end - 1).to_string();
            }
        }
    }
    for p in 0..full_keys.len() {
        if !order.contains(&p) {
            order.push(p);
        }
        if names[p].is_empty() {
            names[p] = full_keys[p].join(" ");
        }
    }
    let mut renumber = vec![0; full_keys.len()];
    for (new, &old) in order.iter().enumerate() {
        renumber[old] = new;
    }
    let mut persons: Vec<Person> = order
        .iter()
        .map(|&p| Person {
            name: names[p].clone(),
            aliases: aliases[p].iter().filter(|a| **a != names[p]).cloned().collect(),
            roles: Vec::new(),
            gender: None,
        })
        .collect();
    let mentions: Vec<Mention> = raw_mentions
        .iter()
        .map(|&(s, ns, e, p)| Mention { start: s, name_start: ns, end: e, person: renumber[p] })
        .collect();
    let mut tok_person = vec![None; body.tokens.len()];
    for m in &mentions {
        for t in &mut tok_person[m.start..m.end] {
            *t = Some(m.person);
        }
    }
    let headline_subject = headline_key.and_then(|k| cluster_of.get(k.as_slice())).map(|&p| renumber[p]);

    // Roles, in order of appearance.
    let mut add_role = |p: usize, role: &str| {
        let role = role.trim().trim_end_matches([',', '.']).trim();
        if !role.is_empty() && !persons[p].roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
            persons[p].roles.push(role.to_string());
        }
    };
    // The standfirst opens with a role and names no one: it describes the headline's subject.
    if let (Some(p), Some(&(ps, pe))) = (headline_subject, body.paras.first()) {
        let mut k = ps;
        while k < pe && role_word(body, k) && !is_role_noun(body.low(k)) {
            k += 1;
        }
        if k < pe
            && k - ps < 5
            && body.is_word(k)
            && is_role_noun(body.low(k))
            && tok_person.get(k + 1).is_some_and(|x| x.is_none())
        {
            let next_is_name = k + 1 < pe && body.is_cap(k + 1);
            if !next_is_name {
                add_role(p, body.slice(ps, k));
            }
        }
    }
    for m in &mentions {
        // "Russian political scientist Abbas Gallyamov"
        // "Army Col. Lawrence Wilkerson": the title's full stop before the name.
        // Not a full stop that ends the previous sentence ("... said the spokesman. Mark Jones added").
        let title_stop = m.name_start >= 2
            && body.str(m.name_start - 1) == "."
            && TITLES.contains(body.low(m.name_start - 2))
            && body.sent_start(m.name_start) != m.name_start;
        // "Prince Charles": the title is part of the name, so the role is what comes before it ("Britain's").
        let name_title = m.start < m.name_start && NAME_TITLES.contains(&body.low(m.start));
        let e = if name_title {
            m.start
        } else if title_stop {
            m.name_start - 1
        } else {
            m.name_start
        };
        if let Some(s) = role_before(body, e) {
            if !HONORIFICS.contains(&body.low(e - 1)) {
                add_role(m.person, body.slice(s, e - 1));
            }
        }
        if let Some((a, b)) = role_after(body, m.end) {
            add_role(m.person, &body.text[a..b]);
        }
    }
    let mut people = People { persons, mentions, headline_subject };
    gender::assign(body, &mut people);
    people
}

/// Does token range `[s, e)` name a person? Used by the quote stage for speakers.
pub fn mention_at(people: &People, tok: usize) -> Option<Mention> {
    let i = people.mentions.partition_point(|m| m.end <= tok);
    people.mentions.get(i).filter(|m| m.start <= tok).copied()
}
