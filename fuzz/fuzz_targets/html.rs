//! Fuzz target: the article-page reader (charset, readability main text, metadata), then normalise.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = newsdb::source::html::looks_like_html(data);
    // A page URL as `fetch` passes one, so relative canonical links are resolved too.
    if let Ok(article) = newsdb::source::html::parse_page(data, None, Some("https://example.com/news/a.html"), "fuzz") {
        let _ = newsdb::normalise::normalise(article, None);
    }
});
