//! Measures extraction throughput alone (no I/O, no database) over a directory of plain-text articles.
//!
//! `cargo run --release --example eval_speed -- /path/to/news-2095/news [--runs 5]`
//!
//! Every `.txt` under the directory is read first (first line title, the rest body, leading blank lines dropped);
//! then each run calls `extract::run` on every article in turn on one thread. MB/s counts UTF-8 bytes of title and
//! body, MB = 10^6 bytes. One untimed warm-up pass first, so lazily built lexicons and cold caches don't land in
//! run 1; the median is the figure to quote, min/max show the noise (the machine is shared).
//!
//! It sets the same global allocator as the newsdb binary (mimalloc, see src/main.rs), so the figure is what
//! `newsdb` itself gets; a library user on the system allocator gets less.

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

/// The newsdb binary's allocator (src/main.rs): measure what it runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut root = None;
    let mut runs = 5usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().and_then(|s| s.parse().ok()).filter(|&n| n > 0).expect("--runs needs N > 0"),
            _ => root = Some(PathBuf::from(a)),
        }
    }
    let root = root.expect("usage: eval_speed /path/to/news [--runs N]");
    let articles: Vec<(String, String)> = common::files_with_ext(&root, "txt")
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|text| split_article(&text))
        .collect();
    let bytes: usize = articles.iter().map(|(t, b)| t.len() + b.len()).sum();
    let mb = bytes as f64 / 1e6;

    for (t, b) in &articles {
        black_box(newsdb::extract::run(t, b));
    }
    let mut secs: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            for (t, b) in &articles {
                black_box(newsdb::extract::run(black_box(t), black_box(b)));
            }
            start.elapsed().as_secs_f64()
        })
        .collect();
    secs.sort_by(f64::total_cmp);
    let median = median(&secs);
    println!("{} articles, {:.2} MB, {runs} runs, single thread", articles.len(), mb);
    println!(
        "extract::run: median {:.3} s = {:.2} MB/s, {:.0} articles/s (min {:.2}, max {:.2} MB/s)",
        median,
        mb / median,
        articles.len() as f64 / median,
        mb / secs[secs.len() - 1],
        mb / secs[0]
    );
}

/// Title is the first line; the body the rest, without the blank line(s) between them.
fn split_article(text: &str) -> (String, String) {
    let (title, body) = text.split_once('\n').unwrap_or((text, ""));
    (title.trim().to_string(), body.trim_start_matches(['\n', '\r']).to_string())
}

/// Median of sorted values; the mean of the middle two for an even count.
fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_title_and_body() {
        assert_eq!(split_article("Title\n\nBody one.\n"), ("Title".into(), "Body one.\n".into()));
        assert_eq!(split_article("Only title"), ("Only title".into(), String::new()));
    }

    #[test]
    fn median_odd_and_even() {
        assert_eq!(median(&[1.0, 2.0, 9.0]), 2.0);
        assert_eq!(median(&[1.0, 2.0, 4.0, 9.0]), 3.0);
    }
}
