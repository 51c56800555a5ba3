//! Scores statement extraction against PolNeAR's hand-annotated attributions (source, cue, content).
//!
//! `cargo run --release --example eval_attribution -- /path/to/polnear [--split dev|train] [--verbose N]
//! [--by-article N]` (`--by-article`: the N articles with the most direct speaker disagreements, for error analysis)
//!
//! Gold, as read from `data/<split>/attributions/<article>_<annotator>.ann` (BRAT standoff):
//! - An attribution is an `E` line, `Attribution:T4 Content:T3 Cue:T2 Source:T1` (or `Attribution-no-source:..`
//!   without `Source`); its `Content` (plus `Content2`, used for a second discontinuous part) is the gold statement,
//!   `Source` the gold speaker span. `T` spans may be discontinuous (`120 130;135 150`). `E` lines without a Content
//!   (a handful) are skipped. `Discuss`/`Discard` spans and `#` notes are annotator bookkeeping, ignored.
//! - Offsets count Unicode characters of the `.txt` (verified on every span: the `.ann` text equals the `.txt`
//!   slice taken by character, not by byte), so the whole `.txt` is passed as `body` verbatim and title `""`: the
//!   first line is the headline, but splitting it off would shift every offset, and PolNeAR annotates it too.
//! - Some articles were annotated by several annotators (agreement checks); the first `.ann` in name order is used.
//! - PolNeAR has no attribution-type attribute, and this copy ships without the CoreNLP coreference files, so there
//!   is no named antecedent for pronoun sources: that metric is replaced by a proxy on sources that are themselves
//!   names (below), and "non-speech" (belief, intention, evidence...) is approximated by the cue: an attribution is
//!   speech when a word of its cue is a verb/noun of saying from `SPEECH` (with regular inflections), else non-speech.
//!
//! Matching: a prediction matches a gold Content when it covers more than T of the gold characters; pairs are taken
//! one-to-one, best coverage first. "Direct": gold whose Content contains a quotation mark (`"` `“` `”` `«` `»` `„`
//! `‘` always; `'` `’` only when opening, i.e. at the start or after whitespace/bracket and before a letter or
//! digit, because between letters they are apostrophes; the NYT's doubled marks `''` and ``` `` ``` always, since
//! PolNeAR's NYT articles quote with them); predictions of kind direct or mixed (mixed holds a quoted fragment, as
//! such gold does). "All": every gold attribution against every predicted statement.
//! Speaker agreement, among matches whose gold has a Source: the predicted `speaker_span` shares a character with it.
//! Unit scoring (printed beside the strict figures): PolNeAR annotates a quote split around its attribution
//! (`“…,” he said. “…”`) as ONE attribution with a discontinuous Content (Content + Content2), while extraction keeps
//! each quoted piece a statement of its own. So, per gold attribution, the predicted statements lying mostly (more
//! than half their characters) inside its Content and attributed to the same speaker (same resolved person, else the
//! same source label, else the same speaker-span text) are merged into one predicted unit when there are two or more;
//! the unit covers the union of its pieces, takes the speaker span of its first piece attributed in place (else of its
//! first piece; a continuation piece repeats the span of the statement it continues) and counts as ONE prediction.
//! Each prediction joins at most one unit, that of its home gold (the gold Content it covers most; ties go to the
//! shortest), so a long Content containing smaller attributions does not swallow their pieces. Strict scoring, with one-to-one matching, cannot credit the pieces.
//! Named-source proxy, among matches whose gold Source contains a capitalised non-function word: the predicted person's
//! name or aliases share such a word with it.

#[path = "common/mod.rs"]
mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use common::{context, frags_len, greedy_match, overlap_frags, pct, ratio, spread, Prf};
use newsdb::model::{Extraction, StatementKind};

const THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// Verbs and nouns of saying. Anything else (believe, want, show, endorse, hope...) counts as non-speech.
const SPEECH: &[&str] = &[
    "say",
    "said",
    "tell",
    "told",
    "add",
    "state",
    "statement",
    "announce",
    "announcement",
    "claim",
    "argue",
    "explain",
    "note",
    "write",
    "wrote",
    "written",
    "ask",
    "reply",
    "respond",
    "insist",
    "declare",
    "remark",
    "comment",
    "report",
    "warn",
    "tweet",
    "post",
    "call",
    "urge",
    "promise",
    "vow",
    "admit",
    "acknowledge",
    "deny",
    "accuse",
    "describe",
    "mention",
    "repeat",
    "suggest",
    "recall",
    "predict",
    "testify",
    "confirm",
    "speak",
    "spoke",
    "spoken",
    "talk",
    "according",
    "quote",
    "cite",
    "pledge",
    "propose",
    "criticize",
    "praise",
    "blast",
    "slam",
    "mock",
    "joke",
    "boast",
    "complain",
    "concede",
    "contend",
    "assert",
    "maintain",
    "shout",
    "yell",
    "chant",
    "answer",
    "demand",
    "order",
    "instruct",
    "advise",
    "recommend",
    "caution",
    "inform",
    "disclose",
    "reveal",
    "publish",
    "email",
    "conclude",
    "emphasize",
    "stress",
    "charge",
    "allege",
    "attack",
    "blame",
    "question",
    "interview",
    "remarks",
    "told",
    "threaten",
    "apologize",
    "thank",
    "brag",
    "quip",
    "retort",
    "counter",
    "rebut",
    "dismiss",
    "label",
    "dub",
    "refer",
    "address",
    "declare",
    "proclaim",
    "signal",
    "indicate",
    "explain",
    "reiterate",
    "vote",
    "sign",
];

/// Capitalised words that do not make a source a name (sentence-initial pronouns, determiners, titles).
const NOT_NAME: &[&str] = &[
    "I",
    "He",
    "She",
    "It",
    "We",
    "They",
    "You",
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Rep",
    "Gov",
    "President",
    "Senator",
    "Governor",
    "Secretary",
    "Former",
    "Some",
    "Many",
    "Both",
    "Other",
    "One",
];

struct GoldAttr {
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
    /// Capitalised words of the Source that can carry a name (empty for "he", "officials"...).
    source_names: Vec<String>,
    cue: String,
    direct: bool,
    speech: bool,
}

#[derive(Clone)]
struct Pred {
    span: (usize, usize),
    /// Further pieces when this is a unit of several statements merged for unit scoring (see the header).
    extra: Vec<(usize, usize)>,
    /// Who the statement is attributed to: the resolved person, else the source label, else the speaker span text.
    speaker_key: Option<String>,
    quoted: bool,
    kind: StatementKind,
    speaker_span: Option<(usize, usize)>,
    speaker_words: Vec<String>,
    attribution: &'static str,
    /// The id of the rule that produced the statement.
    rule: &'static str,
    cue: Option<String>,
}

impl Pred {
    /// Characters of this prediction (all its pieces) inside the gold fragments.
    fn cover(&self, frags: &[(usize, usize)]) -> usize {
        overlap_frags(self.span, frags) + self.extra.iter().map(|&x| overlap_frags(x, frags)).sum::<usize>()
    }

    fn len(&self) -> usize {
        self.span.1.saturating_sub(self.span.0) + self.extra.iter().map(|x| x.1.saturating_sub(x.0)).sum::<usize>()
    }
}

/// One missed gold item or one false positive, kept for `--verbose`.
struct Example {
    doc: usize,
    start: usize,
    end: usize,
    note: String,
    /// For a false positive: the gold Content it covers most, shown beside it.
    gold: Option<(usize, usize)>,
}

#[derive(Default)]
struct Tally {
    all: Prf,
    direct: Prf,
    all_speaker: (usize, usize),
    direct_speaker: (usize, usize),
    direct_no_speaker_span: usize,
    named: (usize, usize),
    speech_gold: Prf,
    nonspeech_gold: Prf,
    missed_partial: usize,
    missed_untouched: usize,
    fp_by_attribution: BTreeMap<&'static str, usize>,
    /// Per rule (a unit counts as its first statement's rule), over all statements: predictions and matches.
    by_rule: BTreeMap<&'static str, (usize, usize)>,
    fp_touching_gold: usize,
    /// False positives lying mostly inside a gold Content already matched: one gold attribution split in several
    /// statements (split quotes, multi-paragraph quotes), which one-to-one matching cannot credit.
    fp_fragment: usize,
    /// Matches with a gold Source where the prediction has no speaker span at all (vs a wrong one).
    speaker_missing: usize,
    speaker_missing_by: BTreeMap<&'static str, usize>,
    fp_all: Vec<Example>,
    miss_all: Vec<Example>,
    fp_direct: Vec<Example>,
    miss_direct: Vec<Example>,
    wrong_speaker: Vec<Example>,
    wrong_speaker_direct: Vec<Example>,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut root = None;
    let mut split = "dev".to_string();
    let mut verbose = 0usize;
    let mut by_article = 0usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--split" => split = args.next().expect("--split needs dev or train"),
            "--verbose" => verbose = args.next().and_then(|s| s.parse().ok()).expect("--verbose needs a number"),
            "--by-article" => {
                by_article = args.next().and_then(|s| s.parse().ok()).expect("--by-article needs a number")
            }
            _ => root = Some(PathBuf::from(a)),
        }
    }
    let root =
        root.expect("usage: eval_attribution /path/to/polnear [--split dev|train] [--verbose N] [--by-article N]");
    let dir = root.join("data").join(&split);
    let (articles, docs): (Vec<String>, Vec<(String, Vec<GoldAttr>)>) =
        load_split(&dir).into_iter().map(|(a, t, g)| (a, (t, g))).unzip();
    let texts: Vec<Vec<char>> = docs.iter().map(|(t, _)| t.chars().collect()).collect();
    let preds: Vec<Vec<Pred>> = docs.iter().map(|(t, _)| predictions(&newsdb::extract::run("", t))).collect();

    let n_gold: usize = docs.iter().map(|(_, g)| g.len()).sum();
    let n_direct: usize = docs.iter().flat_map(|(_, g)| g).filter(|g| g.direct).count();
    let n_nonspeech: usize = docs.iter().flat_map(|(_, g)| g).filter(|g| !g.speech).count();
    let n_nosource: usize = docs.iter().flat_map(|(_, g)| g).filter(|g| g.source.is_empty()).count();
    let in_title: usize = docs
        .iter()
        .map(|(t, g)| {
            let title_end = t.split('\n').next().map_or(0, |l| l.chars().count());
            g.iter().filter(|a| a.content[0].0 < title_end).count()
        })
        .sum();
    let n_pred: usize = preds.iter().map(Vec::len).sum();
    println!("PolNeAR {split}: {} articles, {n_gold} gold attributions, {n_pred} predicted statements", docs.len());
    println!(
        "gold: {n_direct} direct ({}%), {n_nonspeech} non-speech by cue ({}%), {n_nosource} without source ({}%), \
         {in_title} in the title line",
        pct(ratio(n_direct, n_gold)),
        pct(ratio(n_nonspeech, n_gold)),
        pct(ratio(n_nosource, n_gold))
    );
    println!();

    let marked: Vec<Vec<Pred>> = preds.iter().zip(&texts).map(|(p, t)| with_marks(p, t)).collect();
    let score = |preds: &[Vec<Pred>], unit: bool| -> Vec<Tally> {
        THRESHOLDS
            .iter()
            .map(|&t| {
                let mut tally = Tally::default();
                for (d, ((_, gold), pred)) in docs.iter().zip(preds).enumerate() {
                    score_doc(d, gold, pred, t, unit, &mut tally);
                }
                tally
            })
            .collect()
    };
    let strict = score(&preds, false);
    let unit_bare = score(&preds, true);
    let tallies = score(&marked, true);

    for (title, ts) in [
        ("strict (one statement = one prediction)", &strict),
        ("unit (same-speaker pieces merged)", &unit_bare),
        ("unit, quotation marks counted (headline figures)", &tallies),
    ] {
        println!("{title}:");
        println!(
            "{:<5} {:<7} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>9} {:>9}",
            "T", "set", "gold", "pred", "match", "P%", "R%", "F1%", "speaker%", "named%"
        );
        for (t, tally) in THRESHOLDS.iter().zip(ts) {
            for (name, prf, spk, named) in [
                ("direct", tally.direct, tally.direct_speaker, None),
                ("all", tally.all, tally.all_speaker, Some(tally.named)),
            ] {
                println!(
                    "{:<5} {:<7} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>9} {:>9}",
                    t,
                    name,
                    prf.gold,
                    prf.pred,
                    prf.tp,
                    pct(prf.p()),
                    pct(prf.r()),
                    pct(prf.f1()),
                    format!("{}", pct(ratio(spk.0, spk.1))),
                    named.map_or("-".to_string(), |n| pct(ratio(n.0, n.1)))
                );
            }
        }
        println!();
    }
    println!(
        "speaker% = matches whose predicted speaker span overlaps the gold Source, over matches with a gold Source;"
    );
    println!("named% = predicted person's name shares a capitalised word with a named gold Source (proxy; no coref).");
    println!("Diagnostics below use unit scoring.");
    println!();
    for (t, tally) in THRESHOLDS.iter().zip(&tallies) {
        println!(
            "T={t}: recall speech {}% ({}/{}), non-speech {}% ({}/{}); missed gold: {} partly covered, {} untouched; \
             direct matches without speaker span: {}",
            pct(tally.speech_gold.r()),
            tally.speech_gold.tp,
            tally.speech_gold.gold,
            pct(tally.nonspeech_gold.r()),
            tally.nonspeech_gold.tp,
            tally.nonspeech_gold.gold,
            tally.missed_partial,
            tally.missed_untouched,
            tally.direct_no_speaker_span
        );
        let fps: Vec<String> = tally.fp_by_attribution.iter().map(|(k, v)| format!("{k} {v}")).collect();
        let fp = tally.all.pred - tally.all.tp;
        println!(
            "      false positives (all): {fp}: {} inside a matched gold (split attribution), {} partly cover an \
             unmatched gold Content, {} touch none; by attribution: {}",
            tally.fp_fragment,
            tally.fp_touching_gold - tally.fp_fragment,
            fp - tally.fp_touching_gold,
            fps.join(", ")
        );
        let missing_by: Vec<String> = tally.speaker_missing_by.iter().map(|(k, v)| format!("{k} {v}")).collect();
        println!(
            "      precision (all) not counting split fragments: {}%; speaker disagreements (all): {} ({}) no speaker \
             span, {} a different span",
            pct(ratio(tally.all.tp, tally.all.pred - tally.fp_fragment)),
            tally.speaker_missing,
            missing_by.join(", "),
            tally.all_speaker.1 - tally.all_speaker.0 - tally.speaker_missing
        );
    }

    // Precision per rule: how many of the statements each rule produced match a gold attribution; R% is the share
    // of all gold attributions the rule's statements match (the rule's part of the recall).
    println!();
    println!("per rule (all statements; strict and unit scoring; R% = share of all gold matched by the rule):");
    let groups: Vec<(String, &Tally)> = [("strict", &strict), ("unit", &tallies)]
        .into_iter()
        .flat_map(|(name, ts)| THRESHOLDS.iter().zip(ts.iter()).map(move |(t, tally)| (format!("{name} T={t}"), tally)))
        .collect();
    let mut header = format!("{:<30} {:>5}", "", "");
    let mut columns = format!("{:<30} {:>5}", "rule", "pred");
    for (name, _) in &groups {
        header += &format!(" | {name:<17}");
        columns += &format!(" | {:>5} {:>5} {:>5}", "match", "P%", "R%");
    }
    println!("{header}\n{columns}");
    let mut rules: Vec<&'static str> = strict[0].by_rule.keys().copied().collect();
    rules.sort_by_key(|r| (std::cmp::Reverse(strict[0].by_rule[r].0), *r));
    for rule in rules {
        let mut row = format!("{rule:<30} {:>5}", strict[0].by_rule[rule].0);
        for (_, tally) in &groups {
            let (pred, tp) = tally.by_rule.get(rule).copied().unwrap_or_default();
            row += &format!(" | {tp:>5} {:>5} {:>5}", pct(ratio(tp, pred)), pct(ratio(tp, n_gold)));
        }
        println!("{row}");
    }

    // What the screen costs: the statements each drop rule removes, how many of them would match a gold attribution
    // (T=0.3, alone), and how many gold attributions only they match (the recall the rule gives up).
    println!();
    println!("screen (statements dropped before the figures above; T=0.3):");
    println!("{:<30} {:>7} {:>9} {:>10}", "drop rule", "dropped", "on gold", "gold lost");
    let mut by_drop: BTreeMap<&'static str, (usize, usize, usize)> = BTreeMap::new();
    for (d, (text, gold)) in docs.iter().enumerate() {
        let unscreened = newsdb::extract::run_unscreened("", text);
        let verdicts = newsdb::extract::screen_verdicts(&unscreened.statements);
        let all = with_marks(&predictions(&unscreened), &texts[d]);
        let kept: Vec<&Pred> = all.iter().zip(&verdicts).filter(|(_, v)| v.is_none()).map(|(p, _)| p).collect();
        let covers = |p: &Pred, g: &GoldAttr| ratio(p.cover(&g.content), frags_len(&g.content)) > THRESHOLDS[0];
        for (p, rule) in all.iter().zip(&verdicts).filter_map(|(p, v)| v.map(|r| (p, r))) {
            let entry = by_drop.entry(rule).or_default();
            entry.0 += 1;
            let on_gold: Vec<&GoldAttr> = gold.iter().filter(|g| covers(p, g)).collect();
            entry.1 += usize::from(!on_gold.is_empty());
            let lost = on_gold.iter().filter(|g| !kept.iter().any(|k| covers(k, g))).count();
            entry.2 += lost;
            if verbose > 0 && lost > 0 {
                let speaker = p.speaker_span.map_or(String::new(), |(a, b)| texts[d][a..b].iter().collect());
                println!("  {rule} [{speaker}] {}", context(&texts[d], p.span.0, p.span.1, 40));
            }
        }
    }
    for (rule, (dropped, on_gold, lost)) in &by_drop {
        println!("{rule:<30} {dropped:>7} {on_gold:>9} {lost:>10}");
    }

    if by_article > 0 {
        // Direct quotes at T = 0.8, unit scoring, one article at a time.
        let mut rows: Vec<(usize, usize, usize, &str)> = Vec::new();
        for (d, ((_, gold), pred)) in docs.iter().zip(&marked).enumerate() {
            let mut tally = Tally::default();
            score_doc(d, gold, pred, THRESHOLDS[1], true, &mut tally);
            let (agree, n) = tally.direct_speaker;
            rows.push((n - agree, n, tally.direct.tp, &articles[d]));
        }
        rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.3.cmp(b.3)));
        println!("\n== articles with the most direct speaker disagreements (T={}):", THRESHOLDS[1]);
        for (wrong, n, tp, article) in rows.iter().take(by_article) {
            println!("{wrong:>4} of {n:>4} with a gold source disagree ({tp} direct matches)  {article}");
        }
    }

    if verbose > 0 {
        // Error analysis at the strict threshold for direct quotes, the loose one for everything.
        let names = [
            ("missed direct (T=0.8)", &tallies[1].miss_direct),
            ("false-positive direct (T=0.8)", &tallies[1].fp_direct),
            ("missed attribution (T=0.3)", &tallies[0].miss_all),
            ("false-positive statement (T=0.3)", &tallies[0].fp_all),
            ("wrong speaker (T=0.3)", &tallies[0].wrong_speaker),
            ("wrong speaker, direct (T=0.8)", &tallies[1].wrong_speaker_direct),
        ];
        for (name, list) in names {
            println!("\n== {name}: {} in all; {verbose} shown", list.len());
            for ex in spread(list, verbose) {
                println!("- {} [{}] | {}", ex.note, articles[ex.doc], context(&texts[ex.doc], ex.start, ex.end, 60));
                if let Some((a, b)) = ex.gold {
                    println!("    gold: {}", context(&texts[ex.doc], a, b, 20));
                }
            }
        }
    }
}

/// Reads every article of one split: its name, its text and the gold of its first annotator.
fn load_split(dir: &Path) -> Vec<(String, String, Vec<GoldAttr>)> {
    let anns = common::files_with_ext(&dir.join("attributions"), "ann");
    let mut first: BTreeMap<String, PathBuf> = BTreeMap::new();
    for path in anns {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        // `<article>_<annotator>`: the annotator id never holds `_`, article names may.
        let article = stem.rsplit_once('_').map_or(stem.clone(), |(a, _)| a.to_string());
        first.entry(article).or_insert(path);
    }
    first
        .into_iter()
        .filter_map(|(article, ann)| {
            let text = std::fs::read_to_string(dir.join("text").join(format!("{article}.txt"))).ok()?;
            let ann = std::fs::read_to_string(&ann).expect("readable .ann");
            let chars: Vec<char> = text.chars().collect();
            let gold = parse_ann(&ann, &chars);
            Some((article, text, gold))
        })
        .collect()
}

/// Parses BRAT `T` and `E` lines into attributions. Lines that are not well-formed (an `.ann` text field that ran
/// over a newline leaves stray lines) are skipped.
fn parse_ann(ann: &str, chars: &[char]) -> Vec<GoldAttr> {
    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else { continue };
        if id.starts_with('T') {
            let Some((_, offsets)) = body.split_once(' ') else { continue };
            let frags: Option<Vec<(usize, usize)>> = offsets
                .split(';')
                .map(|f| {
                    let (a, b) = f.trim().split_once(' ')?;
                    Some((a.parse().ok()?, b.parse().ok()?))
                })
                .collect();
            if let Some(frags) = frags {
                spans.insert(id, frags);
            }
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for body in events {
        let (mut content, mut source, mut cue) = (Vec::new(), Vec::new(), Vec::new());
        for arg in body.split_whitespace() {
            let Some((role, tid)) = arg.split_once(':') else { continue };
            let Some(frags) = spans.get(tid) else { continue };
            if role.starts_with("Content") {
                content.extend_from_slice(frags);
            } else if role == "Source" {
                source.extend_from_slice(frags);
            } else if role == "Cue" {
                cue.extend_from_slice(frags);
            }
        }
        if content.is_empty() {
            continue;
        }
        content.sort_unstable();
        let text = |frags: &[(usize, usize)]| {
            frags.iter().map(|&(a, b)| common::char_slice(chars, a, b)).collect::<Vec<_>>().join(" ")
        };
        let content_text = text(&content);
        let cue_text = text(&cue);
        let source_names = name_words(&text(&source));
        out.push(GoldAttr {
            direct: has_quote_mark(&content_text),
            speech: is_speech_cue(&cue_text),
            content,
            source,
            source_names,
            cue: cue_text,
        });
    }
    out.sort_by_key(|g| g.content[0]);
    out
}

/// Whether the text holds a quotation mark; `'` and `’` only as opening marks, since elsewhere they are apostrophes.
fn has_quote_mark(text: &str) -> bool {
    // NYT-style marks: two apostrophes or two backquotes stand for a double quotation mark.
    if text.contains("''") || text.contains("``") {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| match c {
        '"' | '“' | '”' | '«' | '»' | '„' | '‘' => true,
        '\'' | '’' => {
            let before_ok = i == 0 || chars[i - 1].is_whitespace() || "([{—–-".contains(chars[i - 1]);
            let after_ok = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
            before_ok && after_ok
        }
        _ => false,
    })
}

/// Whether a cue is a verb or noun of saying: a word equal to a `SPEECH` entry or a regular inflection of it.
fn is_speech_cue(cue: &str) -> bool {
    cue.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).any(|w| {
        let w = w.to_lowercase();
        SPEECH.iter().any(|base| {
            let stem = base.strip_suffix('e').unwrap_or(base);
            w == *base
                || w == format!("{base}s")
                || w == format!("{base}ed")
                || w == format!("{base}d")
                || w == format!("{stem}ing")
                || w == format!("{base}ing")
                || (base.ends_with('y') && w == format!("{}ied", &base[..base.len() - 1]))
                || (base.ends_with('y') && w == format!("{}ies", &base[..base.len() - 1]))
        })
    })
}

/// Capitalised words of a source that can carry a name.
fn name_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
        .map(|w| w.trim_end_matches(['\'', '’', '.']).trim_end_matches("’s").trim_end_matches("'s"))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && !NOT_NAME.contains(w))
        .map(str::to_string)
        .collect()
}

fn predictions(ex: &Extraction) -> Vec<Pred> {
    ex.statements
        .iter()
        .map(|s| {
            let person = s.speaker.and_then(|i| ex.people.get(i));
            let speaker_words = person
                .map(|p| std::iter::once(&p.name).chain(&p.aliases).flat_map(|n| name_words(n)).collect())
                .unwrap_or_default();
            let speaker_key = match (s.speaker, &s.source_label, &s.speaker_span) {
                (Some(p), _, _) => Some(format!("#{p}")),
                (None, Some(l), _) => Some(l.to_lowercase()),
                (None, None, Some(sp)) => Some(sp.text.to_lowercase()),
                _ => None,
            };
            Pred {
                span: (s.text.start, s.text.end),
                extra: Vec::new(),
                speaker_key,
                quoted: matches!(s.kind, StatementKind::Direct | StatementKind::Mixed),
                kind: s.kind,
                speaker_span: s.speaker_span.as_ref().map(|sp| (sp.start, sp.end)),
                speaker_words,
                attribution: s.attribution.as_str(),
                rule: s.rule,
                cue: s.cue.clone(),
            }
        })
        .collect()
}

/// A quotation's statement text excludes its marks, PolNeAR's Content includes them (`“Denver,”` against `Denver`):
/// each prediction is widened over the marks around it, and over a comma or full stop kept inside closing marks.
fn with_marks(preds: &[Pred], text: &[char]) -> Vec<Pred> {
    let is_mark = |c: char| matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '`');
    preds
        .iter()
        .map(|p| {
            let (mut a, mut b) = p.span;
            while a > 0 && is_mark(text[a - 1]) {
                a -= 1;
            }
            if b + 1 < text.len() && matches!(text[b], ',' | '.' | '!' | '?') && is_mark(text[b + 1]) {
                b += 1;
            }
            while b < text.len() && is_mark(text[b]) {
                b += 1;
            }
            Pred { span: (a, b), ..p.clone() }
        })
        .collect()
}

/// Matches of `gold` to `pred` items: a pair qualifies when the prediction covers more than `t` of the gold characters.
fn match_at(gold: &[&GoldAttr], pred: &[&Pred], t: f64) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let len = frags_len(&g.content);
        for (pi, p) in pred.iter().enumerate() {
            let cover = ratio(p.cover(&g.content), len);
            if cover > t {
                cands.push((gi, pi, cover));
            }
        }
    }
    greedy_match(cands)
}

/// Unit scoring: for each gold attribution, the predicted statements lying mostly inside its Content (all pieces)
/// and attributed to the same speaker are merged into one predicted unit, when there are at least two of them. Each
/// prediction joins at most one unit. Returns the units and which predictions they consumed.
fn merge_units(gold: &[&GoldAttr], pred: &[&Pred]) -> (Vec<Pred>, Vec<bool>) {
    let mut used = vec![false; pred.len()];
    let mut units = Vec::new();
    // Each prediction may only join a unit for its home gold: the one it covers most, ties to the shortest Content,
    // so a long gold Content that happens to contain a smaller attribution does not swallow its pieces.
    let home: Vec<Option<usize>> = pred
        .iter()
        .map(|p| {
            (0..gold.len()).filter(|&gi| p.cover(&gold[gi].content) > 0).max_by(|&a, &b| {
                let key = |gi: usize| (p.cover(&gold[gi].content), std::cmp::Reverse(frags_len(&gold[gi].content)));
                key(a).cmp(&key(b)).then(b.cmp(&a))
            })
        })
        .collect();
    for (gi, g) in gold.iter().enumerate() {
        // Speaker key -> members (prediction indices) and their total overlap.
        let mut groups: BTreeMap<&str, (Vec<usize>, usize)> = BTreeMap::new();
        for (pi, p) in pred.iter().enumerate() {
            let (Some(key), false, true) = (p.speaker_key.as_deref(), used[pi], home[pi] == Some(gi)) else { continue };
            let inside = p.cover(&g.content);
            if 2 * inside > p.len() {
                let e = groups.entry(key).or_default();
                e.0.push(pi);
                e.1 += inside;
            }
        }
        // The largest group (ties: first key in order, so the result is deterministic).
        let Some((members, _)) =
            groups.into_values().filter(|(m, _)| m.len() >= 2).max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        else {
            continue;
        };
        // The unit takes the first member's fields and the speaker span of its first member attributed in place: a
        // continuation piece only repeats the span of the statement it continues, which may lie outside this unit.
        let mut unit = pred[members[0]].clone();
        let mut in_place = members.iter().filter(|&&m| pred[m].attribution != "continuation");
        unit.speaker_span =
            in_place.find_map(|&m| pred[m].speaker_span).or_else(|| members.iter().find_map(|&m| pred[m].speaker_span));
        for &m in &members[1..] {
            unit.extra.push(pred[m].span);
            unit.extra.extend_from_slice(&pred[m].extra);
        }
        for &m in &members {
            used[m] = true;
        }
        units.push(unit);
    }
    (units, used)
}

fn score_doc(doc: usize, gold: &[GoldAttr], pred: &[Pred], t: f64, unit: bool, tally: &mut Tally) {
    let all_gold: Vec<&GoldAttr> = gold.iter().collect();
    let all_pred: Vec<&Pred> = pred.iter().collect();
    let dir_gold: Vec<&GoldAttr> = gold.iter().filter(|g| g.direct).collect();
    let dir_pred: Vec<&Pred> = pred.iter().filter(|p| p.quoted).collect();

    for (direct, gs, ps) in [(false, &all_gold, &all_pred), (true, &dir_gold, &dir_pred)] {
        let (units, used) = if unit { merge_units(gs, ps) } else { (Vec::new(), vec![false; ps.len()]) };
        let merged: Vec<&Pred> = ps.iter().zip(&used).filter(|(_, &u)| !u).map(|(&p, _)| p).chain(&units).collect();
        let ps = &merged;
        let matches = match_at(gs, ps, t);
        let prf = if direct { &mut tally.direct } else { &mut tally.all };
        prf.add(matches.len(), ps.len(), gs.len());
        if !direct {
            for p in ps.iter() {
                tally.by_rule.entry(p.rule).or_default().0 += 1;
            }
            for &(_, pi) in &matches {
                tally.by_rule.entry(ps[pi].rule).or_default().1 += 1;
            }
        }
        let mut g_hit = vec![false; gs.len()];
        let mut p_hit = vec![false; ps.len()];
        for &(gi, pi) in &matches {
            g_hit[gi] = true;
            p_hit[pi] = true;
            let (g, p) = (gs[gi], ps[pi]);
            if !g.source.is_empty() {
                let agree = p.speaker_span.is_some_and(|s| overlap_frags(s, &g.source) > 0);
                let spk = if direct { &mut tally.direct_speaker } else { &mut tally.all_speaker };
                spk.1 += 1;
                spk.0 += usize::from(agree);
                if !direct && p.speaker_span.is_none() {
                    tally.speaker_missing += 1;
                    *tally.speaker_missing_by.entry(p.attribution).or_default() += 1;
                }
                if !agree {
                    let src = g.source.iter().map(|&(a, b)| format!("{a}-{b}")).collect::<Vec<_>>().join(";");
                    let list = if direct { &mut tally.wrong_speaker_direct } else { &mut tally.wrong_speaker };
                    list.push(Example {
                        doc,
                        start: g.source[0].0,
                        end: g.source[g.source.len() - 1].1,
                        gold: None,
                        note: format!(
                            "gold source {src}; predicted speaker span {:?} ({}, cue {:?})",
                            p.speaker_span,
                            p.attribution,
                            p.cue.as_deref().unwrap_or("-")
                        ),
                    });
                }
            }
            if direct && p.speaker_span.is_none() {
                tally.direct_no_speaker_span += 1;
            }
        }
        for (gi, g) in gs.iter().enumerate() {
            if !direct {
                let bucket = if g.speech { &mut tally.speech_gold } else { &mut tally.nonspeech_gold };
                bucket.add(usize::from(g_hit[gi]), 0, 1);
            }
            if g_hit[gi] {
                continue;
            }
            let touched = ps.iter().any(|p| p.cover(&g.content) > 0);
            if !direct {
                if touched {
                    tally.missed_partial += 1;
                } else {
                    tally.missed_untouched += 1;
                }
            }
            let note = format!(
                "{} cue {:?}{}",
                if g.speech { "speech" } else { "non-speech" },
                g.cue,
                if touched { ", partly covered by a prediction" } else { "" }
            );
            // The prediction that covers most of it, shown on the second line (it is not gold there).
            let best = ps.iter().filter(|p| p.cover(&g.content) > 0).max_by_key(|p| p.cover(&g.content));
            let note = match best {
                Some(p) => format!(
                    "{note} ({}% covered; best prediction below)",
                    pct(ratio(p.cover(&g.content), frags_len(&g.content)))
                ),
                None => note,
            };
            let gold = best.map(|p| p.span);
            let ex = Example { doc, start: g.content[0].0, end: g.content[g.content.len() - 1].1, note, gold };
            if direct {
                tally.miss_direct.push(ex);
            } else {
                tally.miss_all.push(ex);
            }
        }
        for (pi, p) in ps.iter().enumerate() {
            if p_hit[pi] {
                continue;
            }
            let touches = gs.iter().any(|g| p.cover(&g.content) > 0);
            let len = p.len().max(1);
            let fragment = gs.iter().enumerate().any(|(gi, g)| g_hit[gi] && 2 * p.cover(&g.content) > len);
            if !direct {
                *tally.fp_by_attribution.entry(p.attribution).or_default() += 1;
                tally.fp_touching_gold += usize::from(touches);
                tally.fp_fragment += usize::from(fragment);
            }
            let note = format!(
                "{} {} cue {:?}{}",
                p.kind.as_str(),
                p.attribution,
                p.cue.as_deref().unwrap_or("-"),
                if fragment {
                    ", inside a matched gold Content"
                } else if touches {
                    ", overlaps a gold Content"
                } else {
                    ""
                }
            );
            let best = gs.iter().filter(|g| p.cover(&g.content) > 0).max_by_key(|g| p.cover(&g.content));
            let gold = best.map(|g| (g.content[0].0, g.content[g.content.len() - 1].1));
            let ex = Example { doc, start: p.span.0, end: p.span.1, note, gold };
            if direct {
                tally.fp_direct.push(ex);
            } else {
                tally.fp_all.push(ex);
            }
        }
        if !direct {
            // Named-source proxy: only gold sources written as names can be checked without coreference.
            for &(gi, pi) in &matches {
                let (g, p) = (gs[gi], ps[pi]);
                if !g.source_names.is_empty() {
                    tally.named.1 += 1;
                    tally.named.0 += usize::from(p.speaker_words.iter().any(|w| g.source_names.contains(w)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pred(start: usize, end: usize) -> Pred {
        Pred {
            span: (start, end),
            extra: Vec::new(),
            speaker_key: None,
            quoted: true,
            kind: StatementKind::Direct,
            speaker_span: None,
            speaker_words: Vec::new(),
            attribution: "none",
            cue: None,
        }
    }

    #[test]
    fn quote_marks_not_apostrophes() {
        assert!(has_quote_mark("“We will win,”"));
        assert!(has_quote_mark("that it was \"a disaster\""));
        assert!(has_quote_mark("called it 'a disaster'"));
        assert!(has_quote_mark("called it ‘a disaster’"));
        assert!(has_quote_mark("''Get a sense of that distinction,''"));
        assert!(has_quote_mark("``We will win,''"));
        assert!(!has_quote_mark("that Trump’s plan won’t work"));
        assert!(!has_quote_mark("the Clintons' foundation didn't"));
    }

    #[test]
    fn speech_cues_and_inflections() {
        assert!(is_speech_cue("said"));
        assert!(is_speech_cue("told reporters"));
        assert!(is_speech_cue("according to"));
        assert!(is_speech_cue("argues"));
        assert!(is_speech_cue("stating"));
        assert!(is_speech_cue("replied"));
        assert!(!is_speech_cue("believes"));
        assert!(!is_speech_cue("endorsed"));
        assert!(!is_speech_cue("shows"));
        assert!(!is_speech_cue(""));
    }

    #[test]
    fn parses_brat_events_with_discontinuous_content() {
        let text: Vec<char> = "“Yes,” he said, “no.” She thinks so.".chars().collect();
        let ann = "T1\tSource 7 9\the\nT2\tCue 10 14\tsaid\nT3\tContent 0 6;16 21\t“Yes,” “no.”\nT4\tAttribution 10 14\tsaid\n\
                   E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT5\tCue 26 32\tthinks\nT6\tContent 33 35\tso\n\
                   T7\tAttribution-no-source 26 32\tthinks\nE2\tAttribution-no-source:T7 Content:T6 Cue:T5\nstray line\n";
        let gold = parse_ann(ann, &text);
        assert_eq!(gold.len(), 2);
        assert_eq!(gold[0].content, vec![(0, 6), (16, 21)]);
        assert_eq!(gold[0].source, vec![(7, 9)]);
        assert!(gold[0].direct && gold[0].speech);
        assert!(gold[1].source.is_empty() && !gold[1].direct && !gold[1].speech);
        assert_eq!(gold[1].cue, "thinks");
    }

    #[test]
    fn coverage_threshold_and_one_to_one() {
        let g = GoldAttr {
            content: vec![(0, 10)],
            source: Vec::new(),
            source_names: Vec::new(),
            cue: String::new(),
            direct: true,
            speech: true,
        };
        let gold = [&g];
        // Covers 5 of 10 characters: matches at T=0.3, not at T=0.8.
        let half = pred(5, 20);
        assert_eq!(match_at(&gold, &[&half], 0.3), vec![(0, 0)]);
        assert!(match_at(&gold, &[&half], 0.8).is_empty());
        // Exactly T is not "more than T".
        let three = pred(0, 3);
        assert!(match_at(&gold, &[&three], 0.3).is_empty());
        // Two candidates for one gold: the better covering one wins, the other stays unmatched.
        let full = pred(0, 10);
        assert_eq!(match_at(&gold, &[&half, &full], 0.3), vec![(0, 1)]);
    }

    #[test]
    fn score_counts_split_fragments_and_speakers() {
        let g = GoldAttr {
            content: vec![(0, 10), (20, 30)],
            source: vec![(12, 14)],
            source_names: vec!["Smith".into()],
            cue: "said".into(),
            direct: true,
            speech: true,
        };
        let mut a = pred(0, 10);
        a.speaker_span = Some((12, 18));
        a.speaker_words = vec!["Smith".into()];
        let b = pred(20, 30);
        let mut tally = Tally::default();
        score_doc(0, &[g], &[a, b], 0.3, false, &mut tally);
        assert_eq!((tally.all.tp, tally.all.pred, tally.all.gold), (1, 2, 1));
        assert_eq!(tally.fp_fragment, 1);
        assert_eq!(tally.all_speaker, (1, 1));
        assert_eq!(tally.named, (1, 1));
        assert_eq!((tally.direct.tp, tally.direct.pred), (1, 2));
    }

    #[test]
    fn name_words_skip_pronouns_and_titles() {
        assert_eq!(name_words("Sen. Ted Cruz’s campaign"), vec!["Ted", "Cruz"]);
        assert!(name_words("He").is_empty());
        assert!(name_words("officials").is_empty());
    }
}
