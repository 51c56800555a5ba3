//! Fuzz target: the feed reader (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed), sniffing and parsing, then normalise.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The sniff decides in production; the parser runs regardless, so bytes the sniff refuses still
    // reach it and the fuzzer need not first learn to write a feed's opening.
    let _ = newsdb::source::feed::looks_like_feed(data);
    if let Ok(parsed) = newsdb::source::feed::parse(data, "fuzz.xml") {
        for item in parsed.items {
            let _ = newsdb::normalise::normalise(item, None);
        }
    }
});
