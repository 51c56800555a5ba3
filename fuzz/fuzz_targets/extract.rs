//! Fuzz target: normalise then extraction, checking the offset rule on every span extraction returns.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsdb::model::{IncomingArticle, Span};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the shape: bit 0 keeps the body verbatim (as JSON input does, so control
    // characters and odd spacing reach extraction), bit 1 takes the first line as the title, bit 2 repeats
    // the body past 64 KB, where extraction reads a body in parts and shifts each part's offsets (the
    // inputs themselves stay short, so the fuzzer still mutates quickly).
    let Some((&flags, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let (title, mut body) = match text.split_once('\n') {
        Some((title, body)) if flags & 2 != 0 => (Some(title.to_string()), body.to_string()),
        _ => (None, text.into_owned()),
    };
    if flags & 4 != 0 && !body.is_empty() {
        let copies = 70_000 / (body.len() + 2) + 1;
        body = vec![body.as_str(); copies].join("\n\n");
    }
    let incoming = IncomingArticle {
        source: "fuzz".to_string(),
        title,
        body,
        verbatim_body: flags & 1 != 0,
        ..Default::default()
    };
    let Ok(article) = newsdb::normalise::normalise(incoming, None) else { return };
    let extraction = newsdb::extract::run(&article.title, &article.body);

    // The documented rule (DESIGN.md): a span's text is recoverable from the body by character offsets.
    let chars: Vec<char> = article.body.chars().collect();
    let check = |what: &str, span: &Span| {
        assert!(
            span.start <= span.end && span.end <= chars.len(),
            "{what} span {}..{} outside a body of {} chars",
            span.start,
            span.end,
            chars.len()
        );
        let got: String = chars[span.start..span.end].iter().collect();
        assert_eq!(got, span.text, "{what} span {}..{} is not its text", span.start, span.end);
    };
    for person in &extraction.people {
        for mention in &person.mentions {
            check("mention", mention);
        }
    }
    for statement in &extraction.statements {
        check("statement", &statement.text);
        if let Some(speaker) = &statement.speaker_span {
            check("speaker", speaker);
        }
        if let Some(index) = statement.speaker {
            assert!(index < extraction.people.len(), "speaker index {index} of {} people", extraction.people.len());
        }
    }
});
