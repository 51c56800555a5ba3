//! Fuzz target: the plain-text (with front matter) reader, by the same path a `.txt` file takes (`source::read_bytes`), then normalise.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdb::cli::InputFormat;
use newsdb::limits::Limits;

fuzz_target!(|data: &[u8]| {
    for article in
        newsdb::source::read_bytes("fuzz.txt", data, InputFormat::Auto, &Limits::default()).into_iter().flatten()
    {
        // Normalise consumes every field the reader filled (dates, URLs, language), so its parsers are
        // fuzzed with reader-shaped values too; an error here (no text) is an answer, not a failure.
        let _ = newsdb::normalise::normalise(article, None);
    }
});
