//! Runs the feed reader over feedparser's test suite: robustness counts, and first-entry checks.
//!
//! `cargo run --release --example eval_feeds -- /path/to/feedparser-tests`
//!
//! Every file under tests/{wellformed,illformed,encoding,entities,json} goes through `feed::parse` on its own
//! thread with a 5 s watchdog; we count parsed, errors, panics and hangs per folder. For wellformed files whose
//! `Expect:` comment checks `entries[0]['title'|'link'|'author'|'id'] == '...'`, those simple equalities are
//! evaluated against our first item: once exactly, and once against the expected value converted to text the
//! way we convert HTML (feedparser keeps sanitised HTML in titles; newsdb stores text).

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use newsdb::model::IncomingArticle;
use newsdb::source::feed::{self, ParsedFeed};
use newsdb::source::html::html_to_text;
use regex::Regex;

const FOLDERS: &[&str] = &["wellformed", "illformed", "encoding", "entities", "json"];
const TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Default)]
struct Counts {
    files: usize,
    ok: usize,
    errors: usize,
    panics: usize,
    hangs: usize,
    items: usize,
    skipped: usize,
}

enum Outcome {
    Parsed(Box<ParsedFeed>),
    Failed,
    Panicked(String),
}

#[derive(Default)]
struct Checks {
    total: usize,
    exact: usize,
    as_text: usize,
    by_field: BTreeMap<String, (usize, usize, usize)>,
    misses: Vec<String>,
}

fn main() {
    let Some(root) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: eval_feeds FEEDPARSER_TESTS_DIR");
        std::process::exit(2);
    };
    let verbose = std::env::args().any(|a| a == "--verbose");
    // Panics are counted below; the default hook would print each one in the middle of the table.
    std::panic::set_hook(Box::new(|_| {}));
    let expect_re = Regex::new(
        r#"entries\[0\]\['(title|link|author|id)'\]\s*==\s*u?('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")(\s*\+)?"#,
    )
    .expect("constant regex");

    let tests = if root.join("tests").is_dir() { root.join("tests") } else { root.clone() };
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut checks = Checks::default();
    let mut slowest = (Duration::ZERO, PathBuf::new());
    for folder in FOLDERS {
        let mut files = Vec::new();
        collect(&tests.join(folder), &mut files);
        files.sort();
        let c = counts.entry(folder).or_default();
        for path in files {
            let Ok(bytes) = std::fs::read(&path) else { continue };
            c.files += 1;
            let started = Instant::now();
            let outcome = run_with_watchdog(bytes.clone(), path.display().to_string());
            let took = started.elapsed();
            if took > slowest.0 {
                slowest = (took, path.clone());
            }
            match outcome {
                None => {
                    c.hangs += 1;
                    eprintln!("HANG  {}", path.display());
                }
                Some(Outcome::Panicked(msg)) => {
                    c.panics += 1;
                    eprintln!("PANIC {}: {msg}", path.display());
                }
                Some(Outcome::Failed) => c.errors += 1,
                Some(Outcome::Parsed(parsed)) => {
                    c.ok += 1;
                    c.items += parsed.items.len();
                    c.skipped += parsed.skipped;
                    if *folder == "wellformed" && !path.extension().is_some_and(|e| e == "json") {
                        check_expect(&expect_re, &bytes, &path, parsed.items.first(), &mut checks);
                    }
                }
            }
        }
    }

    println!("folder       files  parsed  errors  panics  hangs   items  skipped");
    let mut total = Counts::default();
    for (folder, c) in &counts {
        println!(
            "{folder:<11} {:>6}  {:>6}  {:>6}  {:>6}  {:>5}  {:>6}  {:>7}",
            c.files, c.ok, c.errors, c.panics, c.hangs, c.items, c.skipped
        );
        total.files += c.files;
        total.ok += c.ok;
        total.errors += c.errors;
        total.panics += c.panics;
        total.hangs += c.hangs;
        total.items += c.items;
        total.skipped += c.skipped;
    }
    println!(
        "{:<11} {:>6}  {:>6}  {:>6}  {:>6}  {:>5}  {:>6}  {:>7}",
        "total", total.files, total.ok, total.errors, total.panics, total.hangs, total.items, total.skipped
    );
    println!("slowest file: {:.1} ms ({})", slowest.0.as_secs_f64() * 1000.0, slowest.1.display());
    println!();
    println!(
        "Expect checks on entries[0] title/link/author/id: {} checks, {} exact ({:.1}%), {} equal as text ({:.1}%)",
        checks.total,
        checks.exact,
        pct(checks.exact, checks.total),
        checks.as_text,
        pct(checks.as_text, checks.total)
    );
    for (field, (n, exact, text)) in &checks.by_field {
        println!("  {field:<7} {n:>4} checks  {exact:>4} exact  {text:>4} as text");
    }
    if verbose {
        for m in &checks.misses {
            println!("  miss: {m}");
        }
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Parses on a worker thread; None when it did not finish within the timeout (the thread is left behind).
fn run_with_watchdog(bytes: Vec<u8>, name: String) -> Option<Outcome> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let outcome = match catch_unwind(AssertUnwindSafe(|| feed::parse(&bytes, &name))) {
            Ok(Ok(parsed)) => Outcome::Parsed(Box::new(parsed)),
            Ok(Err(_)) => Outcome::Failed,
            Err(payload) => Outcome::Panicked(
                payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default(),
            ),
        };
        let _ = tx.send(outcome);
    });
    rx.recv_timeout(TIMEOUT).ok()
}

fn check_expect(re: &Regex, bytes: &[u8], path: &Path, first: Option<&IncomingArticle>, checks: &mut Checks) {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let Some(line) = text.lines().find(|l| l.trim_start().starts_with("Expect:")) else { return };
    for cap in re.captures_iter(line) {
        if cap.get(3).is_some() {
            // A concatenated literal ('a' + 'b'): not a simple equality.
            continue;
        }
        let field = cap[1].to_string();
        let expected = unescape_python(&cap[2]);
        let ours: Option<String> = first.and_then(|a| match field.as_str() {
            "title" => a.title.clone(),
            "link" => a.url.clone(),
            "id" => a.external_id.clone(),
            _ => (!a.authors.is_empty()).then(|| a.authors.join(", ")),
        });
        let ours = ours.unwrap_or_default();
        let exact = ours == expected;
        let expected_text = html_to_text(&expected).split_whitespace().collect::<Vec<_>>().join(" ");
        let as_text = exact || ours.split_whitespace().collect::<Vec<_>>().join(" ") == expected_text;
        checks.total += 1;
        checks.exact += usize::from(exact);
        checks.as_text += usize::from(as_text);
        let f = checks.by_field.entry(field.clone()).or_default();
        f.0 += 1;
        f.1 += usize::from(exact);
        f.2 += usize::from(as_text);
        if !as_text {
            checks.misses.push(format!("{} {field}: expected {expected:?}, got {ours:?}", path.display()));
        }
    }
}

/// Decodes a Python string literal (with its quotes): the escapes feedparser's tests use.
fn unescape_python(lit: &str) -> String {
    let inner = &lit[1..lit.len().saturating_sub(1).max(1)];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(q @ ('\\' | '\'' | '"')) => out.push(q),
            Some(k @ ('x' | 'u' | 'U')) => {
                let len = match k {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = chars.by_ref().take(len).collect();
                if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}
