//! Scores person-mention finding and within-article clustering against GUM's entity and coreference annotation.
//!
//! `cargo run --release --example eval_people -- /path/to/gum [--verbose N]`
//!
//! GUM files are WebAnno TSV 3.2, one token a line: `sent-tok`, `start-end` (character offsets, verified: every
//! token's length in characters equals `end - start`), the token, then entity | infstat | salience | identity |
//! centering | Coref type | Coref target. There is no POS column and no proper-name layer, so "named" is derived:
//! - A mention is every entity label (`person[16]`; a label without `[n]` is a one-token mention) of type `person`.
//! - Its own tokens are those for which it is the innermost mention: in "NASA Administrator Charles Bolden" the
//!   token NASA belongs to a nested organisation, and in "Bos and colleagues" the token Bos to a nested person.
//! - Its name is the last run of own tokens that are capitalised (plus lower-case particles such as "de", "van"
//!   inside the run), after dropping pronouns/determiners and titles ("Mr.", "President", "Administrator"; also a
//!   title after other words: "Emeritus Professor John Burrows", "Afghan Ambassador Hamdullah Mohib").
//!   Groups are not names of a person: a lone plural demonym in "-ans"/"-ists" ("Palestinians"), or a run whose last
//!   word is in a general lexicon of parties, nationalities, ethnic groups and faiths (`GROUPS`: "Senate Democrats",
//!   "Muslims", "the Inuit"); nor are post-nominal
//!   letters after a comma ("Mark Tedeschi, QC" names "Mark Tedeschi"), nor a sentence's capitalised first word
//!   alone when the corpus writes it in lower case and never capitalises it inside a sentence ("Readers of the
//!   column ...", "Officials tell ..."): capitalisation there says nothing about being a name.
//! - A mention with a name is a gold named mention; its span is the name (what extraction marks), not the NP.
//!
//! Chains: mentions joined by Coref links of an identity type (`coref`, `ana`, `cata`, `appos`, and `pred`, because
//! GUM's chains run on through predicatives: "Mohamed was a VIP guest ... he"; not `bridge:*` or `disc`) or sharing
//! a Wikipedia identity, via union-find. (GUM leaves some headline mentions unlinked; they form their own chain.)
//!
//! Text: tokens are joined with GUM's tokenisation undone where it is safe (no space before `, . ; : ! ? % )` and
//! clitics `'s n't`; none after `( $`; straight double quotes alternate open/close; hyphens joined), sentences by a
//! space, or by a blank line after a sentence without final punctuation (headlines, datelines), so extraction sees
//! ordinary prose; each token's new character offsets are kept to map gold onto the text given to `extract::run`.
//!
//! Scores: exact-span P/R/F1 of predicted mentions (every span in `ExtractedPerson::mentions`) against gold named
//! mentions, and a lenient one (any overlap, one-to-one, best overlap first). Clustering, on exact matches: each
//! predicted person's majority gold chain; accuracy = matched mentions whose gold chain is their person's majority
//! chain (penalises merging different people). Completeness is the mirror: each gold chain's majority predicted
//! person; share of matched mentions in it (penalises splitting one person in several).

#[path = "common/mod.rs"]
mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use common::{context, greedy_match, overlap, pct, ratio, spread, Prf};

/// Capitalised words that are not (part of) a name in a person mention.
const NOT_NAME: &[&str] = &[
    "I",
    "Me",
    "My",
    "Mine",
    "Myself",
    "You",
    "Your",
    "He",
    "Him",
    "His",
    "She",
    "Her",
    "Hers",
    "We",
    "Us",
    "Our",
    "They",
    "Them",
    "Their",
    "It",
    "Its",
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Who",
    "Whom",
    "Whose",
    "Anyone",
    "Everyone",
    "Someone",
    "Somebody",
    "Everybody",
    "Nobody",
    "All",
    "Some",
    "Many",
    "Most",
    "Both",
    "Each",
    "One",
    "Other",
    "Others",
    "People",
    "MP",
    "MPs",
    "Yourself",
    "Himself",
    "Herself",
    "Themselves",
    "Ourselves",
    "Itself",
];

/// Titles and roles that precede a name and are not part of it.
const TITLES: &[&str] = &[
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Dr",
    "Dr.",
    "Prof",
    "Prof.",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Governor",
    "Gov.",
    "Mayor",
    "Judge",
    "Justice",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Saint",
    "St.",
    "General",
    "Gen.",
    "Colonel",
    "Col.",
    "Captain",
    "Capt.",
    "Lieutenant",
    "Lt.",
    "Sergeant",
    "Sgt.",
    "Admiral",
    "Chancellor",
    "Chairman",
    "Chairwoman",
    "Chief",
    "Director",
    "Manager",
    "Attorney",
    "Sheriff",
    "Spokesperson",
    "Administrator",
    "Commissioner",
    "Ambassador",
    "Rev.",
    "Reverend",
    "Father",
    "Brother",
    "Sister",
    "Detective",
    "Officer",
    "Agent",
    "Coach",
    "Councillor",
    "Councilman",
    "Councilwoman",
    "Deputy",
    "Undersecretary",
    "Former",
    "Biologist",
    "Chemist",
    "Physicist",
    "Author",
    "Editor",
    "Founder",
    "CEO",
    "Leader",
    "Spokesman",
    "Spokeswoman",
    "International",
    "Executive",
    "Senior",
];

/// Lower-case words that may sit inside a name ("Jaap de Hoop Scheffer").
const PARTICLES: &[&str] =
    &["de", "van", "von", "der", "den", "da", "di", "del", "la", "le", "du", "dos", "bin", "ibn"];

/// Lower-case words that may follow a name inside a person mention without making the name a modifier.
const FOLLOWERS: &[&str] = &[
    "of", "who", "whom", "whose", "that", "which", "from", "at", "in", "on", "with", "and", "or", "for", "himself",
    "herself", "'s", "’s", "'", "’", "to", "by", "as", "when", "where", "after", "before", "is", "was",
];

/// Plural group words that GUM types as person but that name no one person: parties, and a general lexicon of the
/// nationality, ethnic-group and religion nouns that news writes as plurals not ending in "-ans"/"-ians"/"-ists"
/// (those are caught by their suffix), plus collective ethnonyms written without "-s" ("the Inuit", "one Rohingya").
/// Written from general knowledge of world demonyms, ethnic groups and faiths, not from the corpus; words that are
/// also common surnames or given names ("French", "Karen") are left out.
const GROUPS: &[&str] = &[
    "Democrats",
    "Republicans",
    "Tories",
    "Conservatives",
    "Liberals",
    "Socialists",
    "Greens",
    // Nationalities.
    "Arabs",
    "Jews",
    "Greeks",
    "Turks",
    "Kurds",
    "Poles",
    "Czechs",
    "Slovaks",
    "Serbs",
    "Croats",
    "Bosniaks",
    "Slovenes",
    "Swedes",
    "Danes",
    "Finns",
    "Scots",
    "Brits",
    "Britons",
    "Israelis",
    "Saudis",
    "Iraqis",
    "Kuwaitis",
    "Qataris",
    "Yemenis",
    "Omanis",
    "Emiratis",
    "Bahrainis",
    "Pakistanis",
    "Bangladeshis",
    "Nepalis",
    "Bengalis",
    "Punjabis",
    "Kashmiris",
    "Somalis",
    "Thais",
    "Filipinos",
    "Filipinas",
    "Uzbeks",
    "Kazakhs",
    "Tajiks",
    "Turkmens",
    "Mongols",
    "Tatars",
    "Chechens",
    "Kosovars",
    "Icelanders",
    "Greenlanders",
    "Luxembourgers",
    "Zealanders",
    "Flemings",
    "Walloons",
    "Basques",
    "Hispanics",
    "Latinos",
    "Latinas",
    "Aborigines",
    "Aboriginals",
    // Ethnic groups.
    "Pashtuns",
    "Tamils",
    "Uyghurs",
    "Uighurs",
    "Rohingya",
    "Hutus",
    "Tutsis",
    "Zulus",
    "Xhosa",
    "Berbers",
    "Bedouins",
    "Bedouin",
    "Tuareg",
    "Fulani",
    "Yoruba",
    "Igbo",
    "Hausa",
    "Oromo",
    "Roma",
    "Inuit",
    "Maori",
    "Druze",
    "Hmong",
    "Yazidis",
    "Copts",
    "Gypsies",
    "Celts",
    "Vikings",
    "Saxons",
    "Normans",
    // Faiths.
    "Muslims",
    "Moslems",
    "Hindus",
    "Sikhs",
    "Jains",
    "Mormons",
    "Catholics",
    "Protestants",
    "Evangelicals",
    "Quakers",
    "Amish",
    "Shiites",
    "Shias",
    "Sunnis",
    "Alawites",
    "Maronites",
    "Bahais",
    "Agnostics",
];

struct Token {
    sent: usize,
    word: String,
    /// First word of its sentence (after any opening punctuation).
    first_in_sentence: bool,
    /// Offsets in the text we build (characters), not in GUM's space-joined text.
    start: usize,
    end: usize,
}

struct Doc {
    name: String,
    text: String,
    tokens: Vec<Token>,
    /// Gold named mentions: character span in `text`, gold chain id.
    gold: Vec<((usize, usize), usize)>,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut root = None;
    let mut verbose = 0usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--verbose" => verbose = args.next().and_then(|s| s.parse().ok()).expect("--verbose needs a number"),
            _ => root = Some(PathBuf::from(a)),
        }
    }
    let root = root.expect("usage: eval_people /path/to/gum [--verbose N]");
    let files: Vec<(String, String)> = common::files_with_ext(&root, "tsv")
        .iter()
        .map(|p| {
            (p.file_stem().unwrap().to_string_lossy().to_string(), std::fs::read_to_string(p).expect("readable tsv"))
        })
        .collect();
    let lower_vocab = common_nouns(files.iter().map(|(_, tsv)| tsv.as_str()));
    let docs: Vec<Doc> = files.iter().map(|(name, tsv)| parse_doc(name.clone(), tsv, &lower_vocab)).collect();

    let mut exact: BTreeMap<&str, Prf> = BTreeMap::new();
    let mut lenient: BTreeMap<&str, Prf> = BTreeMap::new();
    let (mut clustered, mut complete, mut matched) = (0usize, 0usize, 0usize);
    let (mut n_persons, mut n_chains) = (0usize, 0usize);
    let (mut misses, mut fps, mut cluster_errs) = (Vec::new(), Vec::new(), Vec::new());
    for (d, doc) in docs.iter().enumerate() {
        let ex = newsdb::extract::run("", &doc.text);
        let pred: Vec<((usize, usize), usize)> = ex
            .people
            .iter()
            .enumerate()
            .flat_map(|(p, person)| person.mentions.iter().map(move |m| ((m.start, m.end), p)))
            .collect();
        let genre = if doc.name.contains("_interview_") { "interview" } else { "news" };
        let ex_matches = exact_match(&doc.gold, &pred);
        let len_matches = lenient_match(&doc.gold, &pred);
        for key in [genre, "all"] {
            exact.entry(key).or_default().add(ex_matches.len(), pred.len(), doc.gold.len());
            lenient.entry(key).or_default().add(len_matches.len(), pred.len(), doc.gold.len());
        }
        let pairs: Vec<(usize, usize)> = ex_matches.iter().map(|&(g, p)| (doc.gold[g].1, pred[p].1)).collect();
        let c = cluster_scores(&pairs);
        clustered += c.0;
        complete += c.1;
        matched += pairs.len();
        n_persons += c.2;
        n_chains += c.3;

        let gold_hit: Vec<usize> = ex_matches.iter().map(|m| m.0).collect();
        let pred_hit: Vec<usize> = ex_matches.iter().map(|m| m.1).collect();
        for (g, &(span, _)) in doc.gold.iter().enumerate().filter(|(g, _)| !gold_hit.contains(g)) {
            let near = pred.iter().find(|(p, _)| overlap(*p, span) > 0).map(|(p, _)| char_text(&doc.text, *p));
            let note = near.map_or("no overlapping prediction".to_string(), |t| format!("predicted {t:?}"));
            misses.push((d, span, note, g));
        }
        for (p, &(span, person)) in pred.iter().enumerate().filter(|(p, _)| !pred_hit.contains(p)) {
            let note = format!("person {:?}", ex.people[person].name);
            fps.push((d, span, note, p));
        }
        let majority = majority_of(&pairs);
        for &(g, p) in &ex_matches {
            let (chain, person) = (doc.gold[g].1, pred[p].1);
            if majority.get(&person) != Some(&chain) {
                let note = format!("linked to person {:?}, another gold chain", ex.people[person].name);
                cluster_errs.push((d, doc.gold[g].0, note, g));
            }
        }
    }

    let n_gold = exact["all"].gold;
    println!(
        "GUM: {} documents ({} news, {} interview), {} tokens, {n_gold} gold named-person mentions",
        docs.len(),
        docs.iter().filter(|d| !d.name.contains("_interview_")).count(),
        docs.iter().filter(|d| d.name.contains("_interview_")).count(),
        docs.iter().map(|d| d.tokens.len()).sum::<usize>()
    );
    println!();
    println!(
        "{:<10} {:<8} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "match", "docs", "gold", "pred", "tp", "P%", "R%", "F1%"
    );
    for (name, table) in [("exact", &exact), ("overlap", &lenient)] {
        for key in ["news", "interview", "all"] {
            let Some(prf) = table.get(key) else { continue };
            println!(
                "{:<10} {:<8} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
                name,
                key,
                prf.gold,
                prf.pred,
                prf.tp,
                pct(prf.p()),
                pct(prf.r()),
                pct(prf.f1())
            );
        }
    }
    println!();
    println!(
        "clustering (exact matches, {matched}): accuracy {}% (mention in its person's majority gold chain), \
         completeness {}% (mention in its chain's majority person); {n_persons} predicted persons for {n_chains} \
         gold chains",
        pct(ratio(clustered, matched)),
        pct(ratio(complete, matched))
    );

    if verbose > 0 {
        for (name, list) in [("missed", &misses), ("false positive", &fps), ("clustering error", &cluster_errs)] {
            println!("\n== {name}: {} in all; {verbose} shown", list.len());
            for (d, span, note, _) in spread(list, verbose) {
                let chars: Vec<char> = docs[*d].text.chars().collect();
                println!("- {} {} | {}", docs[*d].name, note, context(&chars, span.0, span.1, 50));
            }
        }
    }
}

fn char_text(text: &str, span: (usize, usize)) -> String {
    text.chars().skip(span.0).take(span.1 - span.0).collect()
}

/// Exact-span matches `(gold index, pred index)`; a span predicted twice matches once.
fn exact_match(gold: &[((usize, usize), usize)], pred: &[((usize, usize), usize)]) -> Vec<(usize, usize)> {
    let cands = gold
        .iter()
        .enumerate()
        .flat_map(|(g, gs)| pred.iter().enumerate().filter(move |(_, ps)| ps.0 == gs.0).map(move |(p, _)| (g, p, 1.0)))
        .collect();
    greedy_match(cands)
}

/// Any-overlap matches, one-to-one, best overlap (Jaccard) first.
fn lenient_match(gold: &[((usize, usize), usize)], pred: &[((usize, usize), usize)]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (g, &(gs, _)) in gold.iter().enumerate() {
        for (p, &(ps, _)) in pred.iter().enumerate() {
            let o = overlap(gs, ps);
            if o > 0 {
                let union = gs.1.max(ps.1) - gs.0.min(ps.0);
                cands.push((g, p, o as f64 / union as f64));
            }
        }
    }
    greedy_match(cands)
}

/// Majority gold chain of each predicted person over `(chain, person)` pairs; ties go to the smaller chain id.
fn majority_of(pairs: &[(usize, usize)]) -> HashMap<usize, usize> {
    let mut counts: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for &(chain, person) in pairs {
        *counts.entry((person, chain)).or_default() += 1;
    }
    let mut best: HashMap<usize, (usize, usize)> = HashMap::new();
    for (&(person, chain), &n) in &counts {
        let e = best.entry(person).or_insert((chain, n));
        if n > e.1 {
            *e = (chain, n);
        }
    }
    best.into_iter().map(|(p, (c, _))| (p, c)).collect()
}

/// (mentions in their person's majority chain, mentions in their chain's majority person, persons, chains) over
/// matched `(gold chain, predicted person)` pairs of one document.
fn cluster_scores(pairs: &[(usize, usize)]) -> (usize, usize, usize, usize) {
    let by_person = majority_of(pairs);
    let flipped: Vec<(usize, usize)> = pairs.iter().map(|&(c, p)| (p, c)).collect();
    let by_chain = majority_of(&flipped);
    let acc = pairs.iter().filter(|&&(c, p)| by_person[&p] == c).count();
    let comp = pairs.iter().filter(|&&(c, p)| by_chain[&c] == p).count();
    (acc, comp, by_person.len(), by_chain.len())
}

/// Mention key: its `[n]` id, or `t<token id>` for a one-token mention written without one.
fn mention_key(label_id: Option<&str>, token_id: &str) -> String {
    match label_id {
        Some(id) if id != "0" => id.to_string(),
        _ => format!("t{token_id}"),
    }
}

/// Splits `person[16]` into ("person", Some("16")).
fn split_label(label: &str) -> (&str, Option<&str>) {
    match label.split_once('[') {
        Some((name, rest)) => (name, Some(rest.trim_end_matches(']'))),
        None => (label, None),
    }
}

struct Mention {
    kind: String,
    tokens: Vec<usize>,
}

fn parse_doc(name: String, tsv: &str, lower_vocab: &HashSet<String>) -> Doc {
    let mut tokens: Vec<Token> = Vec::new();
    let mut mentions: BTreeMap<String, Mention> = BTreeMap::new();
    let mut identity: HashMap<String, String> = HashMap::new();
    let mut links: Vec<(String, String)> = Vec::new();
    let mut token_index: HashMap<String, usize> = HashMap::new();
    for line in tsv.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            continue;
        }
        let tid = cols[0];
        let sent = tid.split('-').next().and_then(|s| s.parse().ok()).unwrap_or(0);
        let t = tokens.len();
        token_index.insert(tid.to_string(), t);
        let first_in_sentence =
            tokens.iter().rev().take_while(|t| t.sent == sent).all(|t| !t.word.chars().any(char::is_alphanumeric));
        tokens.push(Token { sent, word: cols[2].to_string(), first_in_sentence, start: 0, end: 0 });
        if cols[3] != "_" {
            let labels: Vec<&str> = cols[3].split('|').collect();
            let idents: Vec<&str> = cols[6].split('|').collect();
            for (i, label) in labels.iter().enumerate() {
                let (kind, id) = split_label(label);
                let key = mention_key(id, tid);
                mentions.entry(key.clone()).or_insert_with(|| Mention { kind: kind.to_string(), tokens: Vec::new() });
                mentions.get_mut(&key).unwrap().tokens.push(t);
                // Identity labels carry the mention id when stacked; a lone unbracketed one belongs to the lone mention.
                if let Some(ident) = idents.get(i) {
                    let (wiki, iid) = split_label(ident);
                    if wiki != "_" && (iid == id || labels.len() == 1) {
                        identity.insert(key, wiki.to_string());
                    }
                }
            }
        }
        if cols[8] != "_" {
            for (kind, target) in cols[8].split('|').zip(cols[9].split('|')) {
                if !matches!(kind, "coref" | "ana" | "cata" | "appos" | "pred") {
                    continue;
                }
                // `3-1[17_1]`: target token 3-1, target mention 17, source mention 1 (0 = one-token mention).
                let (ttok, ids) = target.split_once('[').unwrap_or((target, "0_0]"));
                let (to, from) = ids.trim_end_matches(']').split_once('_').unwrap_or(("0", "0"));
                links.push((mention_key(Some(from), tid), mention_key(Some(to), ttok)));
            }
        }
    }
    let text = layout(&mut tokens);

    // Chains by union-find over mention keys.
    let keys: Vec<&String> = mentions.keys().collect();
    let index: HashMap<&String, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    for (a, b) in &links {
        if let (Some(&a), Some(&b)) = (index.get(a), index.get(b)) {
            union(&mut parent, a, b);
        }
    }
    let mut by_identity: HashMap<&String, usize> = HashMap::new();
    for (key, wiki) in &identity {
        let Some(&i) = index.get(key) else { continue };
        match by_identity.get(wiki) {
            Some(&j) => union(&mut parent, i, j),
            None => {
                by_identity.insert(wiki, i);
            }
        }
    }

    // Innermost mention of each token: the one with fewest tokens.
    let mut innermost: Vec<Option<usize>> = vec![None; tokens.len()];
    for (i, m) in mentions.values().enumerate() {
        for &t in &m.tokens {
            if innermost[t].is_none_or(|j| mentions[keys[j]].tokens.len() > m.tokens.len()) {
                innermost[t] = Some(i);
            }
        }
    }
    let mut gold = Vec::new();
    for (i, m) in mentions.values().enumerate() {
        if m.kind != "person" {
            continue;
        }
        let own: Vec<usize> = m.tokens.iter().copied().filter(|&t| innermost[t] == Some(i)).collect();
        if let Some((a, b)) = name_run(&tokens, &own, lower_vocab) {
            gold.push(((tokens[a].start, tokens[b].end), find(&mut parent, i)));
        }
    }
    gold.sort_unstable();
    gold.dedup_by_key(|g| g.0);
    Doc { name, text, tokens, gold }
}

/// Words of the corpus files written in lower case and never capitalised inside a sentence (after a word), to
/// tell a sentence's capitalised first word that is a common noun ("Readers", "Officials") from a name.
fn common_nouns<'a>(files: impl Iterator<Item = &'a str>) -> HashSet<String> {
    let (mut lower, mut capitalised) = (HashSet::new(), HashSet::new());
    for tsv in files {
        let mut prev = String::new();
        for line in tsv.lines() {
            if line.is_empty() || line.starts_with('#') {
                prev.clear();
                continue;
            }
            let Some(w) = line.split('\t').nth(2) else { continue };
            if w.chars().next().is_some_and(char::is_lowercase) {
                lower.insert(w.to_string());
            } else if w.chars().next().is_some_and(char::is_uppercase) && prev.chars().any(char::is_alphanumeric) {
                capitalised.insert(w.to_lowercase());
            }
            prev = w.to_string();
        }
    }
    lower.retain(|w| !capitalised.contains(w));
    lower
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    parent[ra.max(rb)] = ra.min(rb);
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The name inside a mention's own tokens: first and last token index of its last run of name words.
fn name_run(tokens: &[Token], own: &[usize], lower_vocab: &HashSet<String>) -> Option<(usize, usize)> {
    let is_name = |t: usize| {
        let w = tokens[t].word.as_str();
        // "d'Ettorre", "al-Assad": a lower-case prefix joined to a capitalised name.
        let prefixed = w
            .split_once(['\'', '’', '-'])
            .is_some_and(|(a, b)| a.len() <= 2 && b.chars().next().is_some_and(char::is_uppercase));
        (w.chars().next().is_some_and(char::is_uppercase) || prefixed) && !NOT_NAME.contains(&w)
    };
    // A hyphen joining two words inside a run ("Lee Cheuk - yan" from "Cheuk-yan") keeps the run going.
    let joins = |t: usize| {
        t > 0
            && tokens[t].word == "-"
            && own.contains(&(t + 1))
            && tokens[t + 1].word.chars().next().is_some_and(char::is_alphabetic)
            && tokens[t].start == tokens[t - 1].end
    };
    // Runs of consecutive own tokens that are names, particles allowed inside.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for &t in own {
        let w = tokens[t].word.as_str();
        let contiguous = cur.is_some_and(|(_, e)| e + 1 == t);
        if contiguous && (joins(t) || (t > 0 && joins(t - 1))) {
            cur = cur.map(|(s, _)| (s, t));
        } else if is_name(t) {
            cur = Some(match cur {
                Some((s, e)) if contiguous || (e + 2 == t && PARTICLES.contains(&tokens[e + 1].word.as_str())) => {
                    (s, t)
                }
                _ => {
                    if let Some(r) = cur {
                        runs.push(r);
                    }
                    (t, t)
                }
            });
        } else if !(contiguous && PARTICLES.contains(&w)) {
            if let Some(r) = cur.take() {
                runs.push(r);
            }
        }
    }
    runs.extend(cur);
    let (mut s, mut e) = runs.pop()?;
    // Post-nominal letters after a comma are not the name: "Mark Tedeschi, QC".
    let post_nominal = |t: usize| {
        let w = tokens[t].word.as_str();
        (2..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
    };
    if let Some(&(ps, pe)) = runs.last() {
        if s == e && post_nominal(s) && pe + 2 == s && tokens[pe + 1].word == "," {
            (s, e) = (ps, pe);
        }
    }
    // A name followed by a common noun modifies it ("Australian woman", "Republican voters"): not the head.
    if let Some(&next) = own.iter().find(|&&t| t > e) {
        let w = tokens[next].word.as_str();
        if next == e + 1 && w.chars().next().is_some_and(char::is_lowercase) && !FOLLOWERS.contains(&w) {
            return None;
        }
    }
    while s <= e && TITLES.contains(&tokens[s].word.as_str()) {
        s += 1;
    }
    if s > e {
        return None;
    }
    // A title after other words starts the name too: "Emeritus Professor John Burrows", "Afghan Ambassador
    // Hamdullah Mohib" (not a last word: "Carole King").
    if let Some(t) = (s..e).rev().find(|&t| TITLES.contains(&tokens[t].word.as_str())) {
        s = t + 1;
    }
    // A sentence's first word is capitalised whatever it is: alone, and written in lower case elsewhere in the
    // corpus ("Readers of the column ...", "Officials tell ..."), it is a common noun, not a name.
    if s == e && tokens[s].first_in_sentence && lower_vocab.contains(&tokens[s].word.to_lowercase()) {
        return None;
    }
    // A lone plural demonym ("Palestinians", "Magicians") is a group, not a person's name; so is a run whose head is
    // a group noun ("Senate Democrats", "hostility toward Muslims").
    let w = tokens[s].word.as_str();
    if s == e && (w.ends_with("ians") || w.ends_with("ans") || w.ends_with("ists"))
        || GROUPS.contains(&tokens[e].word.as_str())
    {
        return None;
    }
    Some((s, e))
}

/// Joins GUM tokens into prose and records each token's character offsets in it.
fn layout(tokens: &mut [Token]) -> String {
    const NO_SPACE_BEFORE: &[&str] = &[",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "n't", "N'T", "...", "-"];
    const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$", "-", "“", "‘"];
    let mut text = String::new();
    let mut len = 0usize;
    let mut open_double = false;
    for i in 0..tokens.len() {
        let w = tokens[i].word.clone();
        let sep = if i == 0 {
            ""
        } else if tokens[i].sent != tokens[i - 1].sent {
            let last = tokens[i - 1].word.as_str();
            if [".", "!", "?", "\"", "”", "'", "’", ":", ";", ")"].contains(&last) {
                " "
            } else {
                "\n\n"
            }
        } else {
            let prev = tokens[i - 1].word.as_str();
            let clitic = (w.starts_with('\'') || w.starts_with('’')) && w.len() > 1 && w.chars().count() <= 3;
            let closing_quote = (w == "\"" && open_double) || w == "”";
            let after_open = NO_SPACE_AFTER.contains(&prev) || (prev == "\"" && open_double);
            if NO_SPACE_BEFORE.contains(&w.as_str()) || clitic || closing_quote || after_open {
                ""
            } else {
                " "
            }
        };
        if w == "\"" {
            open_double = !open_double;
        }
        text.push_str(sep);
        len += sep.chars().count();
        tokens[i].start = len;
        text.push_str(&w);
        len += w.chars().count();
        tokens[i].end = len;
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "#FORMAT=WebAnno TSV 3.2\n\n#Text=NASA Administrator Charles Bolden said \" hi \" .\n\
1-1\t0-4\tNASA\tperson[1]|organization[2]\tnew[1]|new[2]\t_\tCharles_Bolden[1]|NASA[2]\t_\t_\t_\t\n\
1-2\t5-18\tAdministrator\tperson[1]\tnew[1]\t_\tCharles_Bolden[1]\t_\t_\t_\t\n\
1-3\t19-26\tCharles\tperson[1]\tnew[1]\t_\tCharles_Bolden[1]\t_\t_\t_\t\n\
1-4\t27-33\tBolden\tperson[1]\tnew[1]\t_\tCharles_Bolden[1]\t_\tcoref\t2-1[0_1]\t\n\
1-5\t34-38\tsaid\t_\t_\t_\t_\t_\t_\t_\t\n\
1-6\t39-40\t\"\t_\t_\t_\t_\t_\t_\t_\t\n\
1-7\t41-43\thi\t_\t_\t_\t_\t_\t_\t_\t\n\
1-8\t44-45\t\"\t_\t_\t_\t_\t_\t_\t_\t\n\
1-9\t46-47\t.\t_\t_\t_\t_\t_\t_\t_\t\n\n\
#Text=Bolden 's team\n\
2-1\t48-54\tBolden\tperson\tgiv\t_\t_\t_\t_\t_\t\n\
2-2\t55-57\t's\t_\t_\t_\t_\t_\t_\t_\t\n\
2-3\t58-62\tteam\t_\t_\t_\t_\t_\t_\t_\t\n";

    #[test]
    fn layout_detokenises_and_keeps_offsets() {
        let doc = parse_doc("GUM_news_x".into(), TSV, &HashSet::new());
        assert_eq!(doc.text, "NASA Administrator Charles Bolden said \"hi\". Bolden's team");
        for t in &doc.tokens {
            assert_eq!(char_text(&doc.text, (t.start, t.end)), t.word);
        }
    }

    #[test]
    fn gold_names_drop_titles_and_nested_mentions_and_follow_coref() {
        let doc = parse_doc("GUM_news_x".into(), TSV, &HashSet::new());
        let spans: Vec<String> = doc.gold.iter().map(|g| char_text(&doc.text, g.0)).collect();
        assert_eq!(spans, vec!["Charles Bolden", "Bolden"]);
        // The coref link from mention 1 to the one-token mention at 2-1 puts both in one chain.
        assert_eq!(doc.gold[0].1, doc.gold[1].1);
    }

    #[test]
    fn name_run_rules() {
        let toks = |ws: &[&str]| -> Vec<Token> {
            ws.iter()
                .enumerate()
                .map(|(i, w)| Token { sent: 1, word: w.to_string(), first_in_sentence: i == 0, start: 0, end: 0 })
                .collect()
        };
        let t = toks(&["the", "Palestinians"]);
        assert_eq!(name_run(&t, &[0, 1], &HashSet::new()), None);
        let t = toks(&["Senate", "Democrats"]);
        assert_eq!(name_run(&t, &[0, 1], &HashSet::new()), None);
        let t = toks(&["toward", "Sikhs"]);
        assert_eq!(name_run(&t, &[0, 1], &HashSet::new()), None);
        let t = toks(&["Jaap", "de", "Hoop", "Scheffer"]);
        assert_eq!(name_run(&t, &[0, 1, 2, 3], &HashSet::new()), Some((0, 3)));
        let t = toks(&["He"]);
        assert_eq!(name_run(&t, &[0], &HashSet::new()), None);
        let t = toks(&["Mr.", "Smith", "of", "the", "firm"]);
        assert_eq!(name_run(&t, &[0, 1, 2, 3, 4], &HashSet::new()), Some((1, 1)));
        let t = toks(&["Australian", "woman"]);
        assert_eq!(name_run(&t, &[0, 1], &HashSet::new()), None);
        let t = toks(&["Emeritus", "Professor", "John", "Burrows"]);
        assert_eq!(name_run(&t, &[0, 1, 2, 3], &HashSet::new()), Some((2, 3)));
        let t = toks(&["Carole", "King"]);
        assert_eq!(name_run(&t, &[0, 1], &HashSet::new()), Some((0, 1)));
        let t = toks(&["Mark", "Tedeschi", ",", "QC"]);
        assert_eq!(name_run(&t, &[0, 1, 2, 3], &HashSet::new()), Some((0, 1)));
        let t = toks(&["Readers"]);
        let vocab: HashSet<String> = ["readers".to_string()].into();
        assert_eq!(name_run(&t, &[0], &vocab), None);
        assert_eq!(name_run(&t, &[0], &HashSet::new()), Some((0, 0)));
        let t = toks(&["Prof.", "Patrizia", "d'Ettorre"]);
        assert_eq!(name_run(&t, &[0, 1, 2], &HashSet::new()), Some((1, 2)));
    }

    #[test]
    fn matching_exact_and_overlap() {
        let gold = vec![((0, 14), 0), ((20, 26), 0)];
        let pred = vec![((0, 14), 0), ((18, 26), 1), ((30, 35), 1)];
        assert_eq!(exact_match(&gold, &pred), vec![(0, 0)]);
        assert_eq!(lenient_match(&gold, &pred), vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn clustering_majority_both_ways() {
        // Person 0 holds two mentions of chain 7 and one of chain 8 (a merge error); chain 7 also appears as person 1
        // (a split error).
        // Accuracy misses the chain-8 mention, completeness the person-1 one.
        let pairs = [(7, 0), (7, 0), (8, 0), (7, 1)];
        assert_eq!(cluster_scores(&pairs), (3, 3, 2, 2));
        // Perfect clustering of a split chain: three persons for one chain keeps accuracy, halves completeness.
        let pairs = [(7, 0), (7, 1), (7, 2), (7, 2)];
        assert_eq!(cluster_scores(&pairs), (4, 2, 3, 1));
    }
}
