//! Limits that keep every input bounded in time and memory; each has a default and a flag.
//!
//! News arrives hostile or broken often enough that nothing read may take unbounded work: a limit
//! that applies is reported as a warning (truncation) or a per-input error (refusal), never silently.

use std::time::Duration;

/// The bounds one run applies. `Limits::default()` is what the CLI uses when no flag is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input read whole (a text, Markdown, JSON document, feed or page file, or a URL's
    /// response), in bytes. JSONL is streamed, so this caps each of its lines instead.
    pub max_input_bytes: u64,
    /// Longest article body kept, in characters; a longer body is cut at a paragraph or sentence
    /// end before the limit, with a warning, and the rest is not stored.
    pub max_article_chars: usize,
    /// Deepest element nesting an HTML page or feed may have before the rest is refused.
    pub max_html_depth: usize,
    /// Most items read from one feed; later items are skipped with a warning.
    pub max_feed_items: usize,
    /// Wall-clock time one input may take to read and extract; when passed, the rest of that
    /// input is recorded as failed and the run goes on with the next input.
    pub input_deadline: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
            max_article_chars: 1_000_000,
            max_html_depth: 256,
            max_feed_items: 10_000,
            input_deadline: Duration::from_secs(120),
        }
    }
}
