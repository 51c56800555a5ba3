//! Fingerprints extraction output, so a speed change can prove it left every result byte-identical.
//!
//! `cargo run --release --example extract_hash -- DIR [DIR ...] [--dump FILE] [--without-rule]`
//!
//! Every `.txt` under each directory (sorted) is split as eval_speed does (first line title, the rest body) and run
//! through `extract::run`; each `Extraction` is serialised to one JSON line (f64s print exactly, shortest round-trip)
//! and all lines are hashed with BLAKE3. `--dump` also writes the lines, so two versions can be diffed when the
//! hashes differ. `--without-rule` blanks every statement's `rule` before hashing, so a change that only renames
//! or splits attribution rules can prove the rest of the output unchanged.

#[path = "common/mod.rs"]
mod common;

use std::io::Write;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dirs = Vec::new();
    let mut dump = None;
    let mut without_rule = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dump" => dump = Some(PathBuf::from(args.next().expect("--dump needs a file"))),
            "--without-rule" => without_rule = true,
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    assert!(!dirs.is_empty(), "usage: extract_hash DIR [DIR ...] [--dump FILE] [--without-rule]");
    let mut out = dump.map(|p| std::io::BufWriter::new(std::fs::File::create(p).expect("create dump file")));
    let mut hasher = blake3::Hasher::new();
    let mut n = 0usize;
    for dir in &dirs {
        for path in common::files_with_ext(dir, "txt") {
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let (title, body) = split_article(&text);
            let mut extraction = newsdb::extract::run(&title, &body);
            if without_rule {
                extraction.statements.iter_mut().for_each(|s| s.rule = "");
            }
            let line = serde_json::to_string(&extraction).expect("serialise extraction");
            hasher.update(line.as_bytes());
            hasher.update(b"\n");
            if let Some(o) = out.as_mut() {
                writeln!(o, "{}\t{line}", path.display()).expect("write dump");
            }
            n += 1;
        }
    }
    println!("{n} articles, extraction hash {}", hasher.finalize().to_hex());
}

/// Same split as eval_speed: title is the first line; the body the rest, without the blank line(s) between them.
fn split_article(text: &str) -> (String, String) {
    let (title, body) = text.split_once('\n').unwrap_or((text, ""));
    (title.trim().to_string(), body.trim_start_matches(['\n', '\r']).to_string())
}
