//! Scores article-page extraction on the article-extraction-benchmark corpus, the benchmark's own way.
//!
//! `cargo run --release --example eval_pages -- /path/to/article-extraction-benchmark [--extractor NAME]`
//!
//! Scoring follows the benchmark's evaluate.py: `\w+` tokens, 4-token shingles counted as a multiset, per-page
//! tp/fp/fn normalised to sum 1, precision and recall averaged over pages (pages with no predicted or no true
//! shingles left out of the respective mean), F1 from the two means.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use newsdb::source::html;
use regex::Regex;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut root: Option<PathBuf> = None;
    let mut extractor = "default".to_string();
    let mut show_worst = 0usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--extractor" => extractor = args.next().unwrap_or_default(),
            "--worst" => show_worst = args.next().and_then(|s| s.parse().ok()).unwrap_or(10),
            _ => root = Some(PathBuf::from(a)),
        }
    }
    let Some(root) = root else {
        eprintln!("usage: eval_pages CORPUS_DIR [--extractor default|trafilatura|smoothie] [--worst N]");
        std::process::exit(2);
    };
    if let Err(e) = run(&root, &extractor, show_worst) {
        eprintln!("eval_pages: {e}");
        std::process::exit(1);
    }
}

fn run(root: &Path, extractor: &str, show_worst: usize) -> Result<(), String> {
    let truth_text = std::fs::read_to_string(root.join("ground-truth.json")).map_err(|e| e.to_string())?;
    let truth: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&truth_text).map_err(|e| e.to_string())?;
    let token_re = Regex::new(r"\w+").map_err(|e| e.to_string())?;

    let mut keys: Vec<&String> = truth.keys().collect();
    keys.sort();
    let mut scores = Vec::new();
    let mut times = Vec::new();
    let mut errors = 0usize;
    for key in keys {
        let path = root.join("html").join(format!("{key}.html.gz"));
        let bytes = gunzip(&path)?;
        let url = truth[key].get("url").and_then(|u| u.as_str());
        let started = Instant::now();
        let predicted = match extract(extractor, &bytes, url) {
            Ok(text) => text,
            Err(e) => {
                errors += 1;
                eprintln!("{key}: {e}");
                String::new()
            }
        };
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        let expected = truth[key].get("articleBody").and_then(|b| b.as_str()).unwrap_or("");
        let s = shingle_match(&token_re, expected, &predicted);
        scores.push((key.clone(), s));
    }

    let (p, r, f1) = metrics(scores.iter().map(|(_, s)| *s));
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let median = if sorted.is_empty() { 0.0 } else { sorted[sorted.len() / 2] };
    let mean = times.iter().sum::<f64>() / times.len().max(1) as f64;
    println!("extractor        pages  errors  F1     precision  recall  median ms  mean ms");
    println!(
        "{:<16} {:>5}  {:>6}  {:.3}  {:.3}      {:.3}   {:>9.2}  {:>7.2}",
        extractor,
        scores.len(),
        errors,
        f1,
        p,
        r,
        median,
        mean
    );
    if show_worst > 0 {
        scores.sort_by(|a, b| f1_of(a.1).total_cmp(&f1_of(b.1)));
        for (key, s) in scores.iter().take(show_worst) {
            println!("  {key}  F1 {:.3}  (tp {:.2} fp {:.2} fn {:.2})", f1_of(*s), s.0, s.1, s.2);
        }
    }
    Ok(())
}

fn extract(extractor: &str, bytes: &[u8], url: Option<&str>) -> Result<String, String> {
    let which = match extractor {
        "default" => html::Extractor::default(),
        "trafilatura" => html::Extractor::Trafilatura,
        "smoothie" => html::Extractor::Smoothie,
        "combo" => html::Extractor::Combo,
        "trafilatura-text" => html::Extractor::TrafilaturaText,
        other => return Err(format!("unknown extractor {other}")),
    };
    html::parse_page_with(bytes, None, url, "page", which).map(|a| a.body).map_err(|e| e.to_string())
}

fn gunzip(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file).read_to_end(&mut out).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(out)
}

type TpFpFn = (f64, f64, f64);

fn shingles(re: &Regex, text: &str) -> HashMap<Vec<String>, usize> {
    let tokens: Vec<String> = re.find_iter(text).map(|m| m.as_str().to_string()).collect();
    let mut counts = HashMap::new();
    // evaluate.py: range(max(1, len - n + 1)), keeping non-empty slices, so short texts yield one short shingle.
    let n = 4;
    let windows = std::cmp::max(1, tokens.len().saturating_sub(n - 1));
    for i in 0..windows {
        let end = std::cmp::min(i + n, tokens.len());
        if i < end {
            *counts.entry(tokens[i..end].to_vec()).or_insert(0) += 1;
        }
    }
    counts
}

fn shingle_match(re: &Regex, truth: &str, pred: &str) -> TpFpFn {
    let t = shingles(re, truth);
    let p = shingles(re, pred);
    let (mut tp, mut fp, mut fneg) = (0.0, 0.0, 0.0);
    for key in t.keys().chain(p.keys().filter(|k| !t.contains_key(*k))) {
        let tc = *t.get(key).unwrap_or(&0) as f64;
        let pc = *p.get(key).unwrap_or(&0) as f64;
        tp += tc.min(pc);
        fp += (pc - tc).max(0.0);
        fneg += (tc - pc).max(0.0);
    }
    let s = tp + fp + fneg;
    if s > 0.0 {
        (tp / s, fp / s, fneg / s)
    } else {
        (tp, fp, fneg)
    }
}

fn precision((tp, fp, fneg): TpFpFn) -> f64 {
    if fp == 0.0 && fneg == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall((tp, fp, fneg): TpFpFn) -> f64 {
    if fp == 0.0 && fneg == 0.0 {
        1.0
    } else if tp == 0.0 && fneg == 0.0 {
        0.0
    } else {
        tp / (tp + fneg)
    }
}

fn f1_of(s: TpFpFn) -> f64 {
    let (p, r) = (precision(s), recall(s));
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Mean precision over pages with tp + fp > 0, mean recall over pages with tp + fn > 0, as evaluate.py does.
fn metrics(all: impl Iterator<Item = TpFpFn>) -> (f64, f64, f64) {
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    for s in all {
        if s.0 + s.1 > 0.0 {
            ps.push(precision(s));
        }
        if s.0 + s.2 > 0.0 {
            rs.push(recall(s));
        }
    }
    let p = ps.iter().sum::<f64>() / ps.len().max(1) as f64;
    let r = rs.iter().sum::<f64>() / rs.len().max(1) as f64;
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f1)
}
