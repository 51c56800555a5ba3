//! The plain values that flow between the stages: source -> normalise -> extract -> store.

use serde::Serialize;

/// One article as a reader found it, before normalisation. Every field but `body` may be missing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncomingArticle {
    /// Where it came from: a path, `-` for stdin, or a URL; with `:N` (1-based record number) for
    /// inputs holding several articles, e.g. `export.jsonl:3`.
    pub source: String,
    pub title: Option<String>,
    pub body: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// The date exactly as the input wrote it; normalise parses it.
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub language: Option<String>,
    /// The input's own identifier (JSON `id`, feed guid).
    pub external_id: Option<String>,
    /// Fields of a JSON record newsdb does not map, kept as a JSON object.
    pub extra: Option<serde_json::Map<String, serde_json::Value>>,
    /// Things worth telling the user that did not stop the read (e.g. a legacy encoding was guessed).
    pub warnings: Vec<String>,
    /// The body must be stored exactly as given (JSON input), so offsets a caller computed on it stay true.
    pub verbatim_body: bool,
}

/// A normalised article, ready for extraction and storage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub source: String,
    pub outlet: Option<String>,
    /// Canonical URL: lower-case scheme and host, no fragment, no tracking parameters.
    pub url: Option<String>,
    pub external_id: Option<String>,
    pub title: String,
    /// Authors joined with ", ".
    pub byline: Option<String>,
    /// UTC, RFC 3339 (`2022-10-05T00:00:00Z`), when the date could be parsed.
    pub published_at: Option<String>,
    /// The date as written, kept when it could not be parsed.
    pub published_raw: Option<String>,
    /// ISO 639-1 code when given or reliably guessed.
    pub language: Option<String>,
    /// NFC-normalised text; paragraphs separated by one blank line ("\n\n").
    pub body: String,
    /// Hex BLAKE3 of the normalised title and body.
    pub content_hash: String,
    pub word_count: i64,
    pub extra: Option<serde_json::Map<String, serde_json::Value>>,
    pub warnings: Vec<String>,
    /// The input had a title and a URL but no text (a headline feed item): `body` is empty.
    pub headline_only: bool,
}

/// What extraction found in one article. Every offset counts characters (not bytes) into the
/// article's `body`, so `body.chars().skip(start).take(end - start)` is the span's text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    pub people: Vec<ExtractedPerson>,
    pub statements: Vec<ExtractedStatement>,
    pub topics: Vec<TopicScore>,
}

/// One person of one article, with every mention of them linked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractedPerson {
    /// The fullest name the article uses ("Abbas Gallyamov"; "Putin" when only the surname occurs).
    pub name: String,
    /// Other written forms seen in this article ("Gallyamov", "Mr Gallyamov"), without `name`.
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    /// Roles the text gives ("Russian political scientist"), in order of appearance, no repeats.
    pub roles: Vec<String>,
}

/// A character range of the body and the text in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// Within quotation marks.
    Direct,
    /// Reported speech without quotation marks ("X said that ...", "according to X").
    Indirect,
    /// Paraphrase holding a quoted fragment.
    Mixed,
}

impl StatementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
            StatementKind::Mixed => "mixed",
        }
    }
}

/// How the speaker of a statement was found, so an analyst can see why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// A cue and speaker in the same sentence ("..., says Abbas Gallyamov").
    Explicit,
    /// A colon introduction ("the political scientist says: ...").
    Colon,
    /// "according to X".
    AccordingTo,
    /// No cue of its own: continues the speaker the article was following.
    Continuation,
    /// No speaker found.
    None,
}

impl Attribution {
    pub fn as_str(self) -> &'static str {
        match self {
            Attribution::Explicit => "explicit",
            Attribution::Colon => "colon",
            Attribution::AccordingTo => "according_to",
            Attribution::Continuation => "continuation",
            Attribution::None => "none",
        }
    }
}

/// What kind of attribution a statement's cue makes: only `Speech` is something said; the rest report what
/// someone thinks, wants, perceives or what a document shows, which analysts usually keep apart (issue 11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    /// Said, written or otherwise communicated: say, tell, write, announce, "according to", a colon introduction.
    Speech,
    /// Held to be true: believe, think, feel, fear, doubt, consider, expect.
    Belief,
    /// Wanted, decided or planned: want, hope, plan, intend, decide, refuse, seek.
    Intention,
    /// Perceived or known: see, know, find, learn, realize, remember.
    Perception,
    /// Shown by evidence rather than a speaker: show, prove, indicate, estimate ("the poll shows ...").
    Evidence,
}

impl CueClass {
    pub const ALL: [CueClass; 5] =
        [CueClass::Speech, CueClass::Belief, CueClass::Intention, CueClass::Perception, CueClass::Evidence];

    pub fn as_str(self) -> &'static str {
        match self {
            CueClass::Speech => "speech",
            CueClass::Belief => "belief",
            CueClass::Intention => "intention",
            CueClass::Perception => "perception",
            CueClass::Evidence => "evidence",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExtractedStatement {
    pub kind: StatementKind,
    /// The reporting verb as written ("says"), when there is one.
    pub cue: Option<String>,
    /// Speech, or the kind of non-speech attribution the cue makes.
    pub cue_class: CueClass,
    /// The id of the attribution rule that produced the statement, so an analyst can see why.
    pub rule: &'static str,
    /// The statement's text (without enclosing quotation marks) and its span.
    pub text: Span,
    /// Index into `Extraction::people` of the resolved speaker.
    pub speaker: Option<usize>,
    /// Where the speaker is written for this statement ("Abbas Gallyamov", "the political scientist", "he").
    pub speaker_span: Option<Span>,
    /// A speaker that is not a person ("police", "the Kremlin"), or the description as written.
    pub source_label: Option<String>,
    pub attribution: Attribution,
}

/// One topic of the built-in taxonomy that the article's words support.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicScore {
    /// IPTC Media Topic code, e.g. `medtop:11000000`.
    pub code: String,
    pub name: String,
    /// Weighted keyword evidence normalised by article length; higher is stronger.
    pub score: f64,
    /// The keywords that matched, with counts ("negotiations×3").
    pub evidence: Vec<String>,
}
