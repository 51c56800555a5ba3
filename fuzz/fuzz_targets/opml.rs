//! Fuzz target: the OPML reader of `newsdb feed import`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = newsdb::source::opml::parse(data);
});
