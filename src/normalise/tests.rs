//! Tests of `normalise` as a whole, including agreement with the readers.

use super::*;
use crate::cli::InputFormat;
use crate::source::{read, Input};

fn incoming(body: &str) -> IncomingArticle {
    IncomingArticle { source: "t.txt".into(), body: body.into(), ..Default::default() }
}

const ENGLISH: &str = "The government announced on Tuesday that negotiations with the opposition would resume \
    next week, after months of deadlock over the budget and the reform of the electoral law. Officials said \
    they expected the talks to be difficult but productive, and that a first agreement could come before the end \
    of the year.";

#[test]
fn whitespace_and_nfc() {
    let mut a = incoming("  Cafe\u{301}  au\tlait \r\n line two\u{7}\r\n\r\n\r\n\n  Second   para.  \u{2029}Third");
    a.title = Some("  Cafe\u{301}\n news ".into());
    let n = normalise(a, None).unwrap();
    assert_eq!(n.body, "Café au lait\nline two\n\nSecond para.\n\nThird");
    assert_eq!(n.title, "Café news");
    assert_eq!(n.word_count, 8);
}

#[test]
fn verbatim_body_is_untouched_but_hashed_normalised() {
    let body = "  Para one.\r\n\r\nPara  two.\n";
    let mut a = incoming(body);
    a.title = Some("T".into());
    a.verbatim_body = true;
    let v = normalise(a.clone(), None).unwrap();
    assert_eq!(v.body, body);
    a.verbatim_body = false;
    let n = normalise(a, None).unwrap();
    assert_eq!(n.body, "Para one.\n\nPara two.");
    assert_eq!(v.content_hash, n.content_hash);
    assert_eq!(v.content_hash.len(), 64);
}

#[test]
fn empty_body_is_an_error() {
    let err = normalise(incoming(" \n\u{0}\t\n "), None).unwrap_err();
    assert_eq!(err.to_string(), "t.txt: no article text");
}

#[test]
fn title_derived_from_body() {
    let n = normalise(incoming("Short first line.\n\nMore."), None).unwrap();
    assert_eq!(n.title, "Short first line.");
    let long = "word ".repeat(60);
    let n = normalise(incoming(&long), None).unwrap();
    assert!(n.title.ends_with("word…"), "{}", n.title);
    assert!(n.title.chars().count() <= 121);
    let n = normalise(incoming(&"x".repeat(300)), None).unwrap();
    assert_eq!(n.title.chars().count(), 121);
}

#[test]
fn fields() {
    let mut a = incoming(ENGLISH);
    a.url = Some("HTTPS://Example.com/a?utm_source=rss#top".into());
    a.published = Some("Wed, 05 Oct 2022 14:30:00 +0300".into());
    a.authors = vec![" Jane  Doe ".into(), "John Roe".into(), "jane doe".into(), "".into()];
    a.language = Some("en-GB".into());
    a.external_id = Some(" 42 ".into());
    a.warnings = vec!["earlier".into()];
    let n = normalise(a, Some("Default Outlet")).unwrap();
    assert_eq!(n.url.as_deref(), Some("https://example.com/a"));
    assert_eq!(n.published_at.as_deref(), Some("2022-10-05T11:30:00Z"));
    assert_eq!(n.published_raw, None);
    assert_eq!(n.byline.as_deref(), Some("Jane Doe, John Roe"));
    assert_eq!(n.language.as_deref(), Some("en"));
    assert_eq!(n.outlet.as_deref(), Some("Default Outlet"));
    assert_eq!(n.external_id.as_deref(), Some("42"));
    assert_eq!(n.warnings, vec!["earlier".to_string()]);
}

#[test]
fn bad_url_and_date_warn() {
    let mut a = incoming("Body.");
    a.url = Some("not a url".into());
    a.published = Some("sometime last week".into());
    a.outlet = Some(" The  Times ".into());
    let n = normalise(a, Some("Default")).unwrap();
    assert_eq!(n.url, None);
    assert_eq!(n.published_at, None);
    assert_eq!(n.published_raw.as_deref(), Some("sometime last week"));
    assert_eq!(n.outlet.as_deref(), Some("The Times"));
    assert_eq!(n.byline, None);
    assert_eq!(n.warnings.len(), 2);
    assert!(n.warnings[0].starts_with("invalid URL \"not a url\""));
    assert_eq!(n.warnings[1], "unparseable date: sometime last week");
}

#[test]
fn language_guess_only_when_reliable() {
    assert_eq!(normalise(incoming(ENGLISH), None).unwrap().language.as_deref(), Some("en"));
    assert_eq!(normalise(incoming("Hi there."), None).unwrap().language, None);
    let mut a = incoming(ENGLISH);
    a.language = Some("Klingon".into());
    let n = normalise(a, None).unwrap();
    assert_eq!(n.language.as_deref(), Some("en"));
    assert_eq!(n.warnings, vec!["unknown language: Klingon; guessing from the text".to_string()]);
}

#[test]
fn same_article_from_text_and_json_hashes_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let txt = tmp.path().join("a.txt");
    let json = tmp.path().join("a.json");
    std::fs::write(&txt, "Talks to resume\n\nFirst paragraph of the story.\n\nSecond  paragraph, “quoted”.\n").unwrap();
    let record = serde_json::json!({
        "title": "Talks to resume",
        "body": "First paragraph of the story.\nSecond paragraph, “quoted”.",
    });
    std::fs::write(&json, record.to_string()).unwrap();
    let from = |p: &std::path::Path| {
        let incoming = read(&Input::Path(p.to_path_buf()), InputFormat::Auto).next().unwrap().unwrap();
        normalise(incoming, None).unwrap()
    };
    let (t, j) = (from(&txt), from(&json));
    assert_eq!(t.body, "First paragraph of the story.\n\nSecond paragraph, “quoted”.");
    assert_eq!(j.body, "First paragraph of the story.\nSecond paragraph, “quoted”.");
    assert_eq!(t.content_hash, j.content_hash);
    assert_eq!(t.word_count, j.word_count);
}

mod no_panic {
    use proptest::prelude::*;

    use super::super::{canon_url, dates, lang, normalise};
    use crate::model::IncomingArticle;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn dates_any_string(s in "([0-9]{1,5}|[:./, -]|T|Z|[+-][0-9]{2}:?[0-9]{2}|am|pm|nov|may|wed|utc|est|.){0,30}") {
            if let Some(out) = dates::parse(&s) {
                prop_assert_eq!(out.len(), 20, "{}", out);
                prop_assert!(out.ends_with('Z'));
            }
        }

        #[test]
        fn urls_and_languages_any_string(s in "(https?://|[a-zA-Z0-9]{1,6}|[.:/?&=#%_-]|.){0,40}") {
            let _ = canon_url::canonical(&s);
            let _ = lang::from_declared(&s);
        }

        #[test]
        fn normalise_any_article(body in "\\PC{0,300}", title in proptest::option::of("\\PC{0,50}"), verbatim in any::<bool>()) {
            let incoming = IncomingArticle {
                source: "p".into(), body: body.clone(), title, verbatim_body: verbatim,
                published: Some(body.chars().take(30).collect()), url: Some(body.chars().take(40).collect()),
                language: Some(body.chars().take(5).collect()), ..Default::default()
            };
            if let Ok(a) = normalise(incoming, None) {
                prop_assert!(!a.title.is_empty());
                if verbatim { prop_assert_eq!(&a.body, &body); }
                else { prop_assert!(!a.body.starts_with(char::is_whitespace) && !a.body.contains("\n\n\n")); }
            }
        }
    }
}

/// Issue 10: a NUL inside a JSON body was kept, and SQLite's substr stops at a NUL, so every later span broke
/// the offset rule. Control characters go before offsets are computed; line ends and tabs stay.
#[test]
fn verbatim_body_loses_nul_and_controls_only() {
    let mut a = incoming("Before\u{0}after.\r\n\tNext\u{1b}[31m line\u{7f}.");
    a.title = Some("T".into());
    a.verbatim_body = true;
    let n = normalise(a, None).unwrap();
    assert_eq!(n.body, "Beforeafter.\r\n\tNext[31m line.");
    assert!(n.warnings.iter().any(|w| w.contains("removed 3 control characters")), "{:?}", n.warnings);
}

/// Issue 10: a body over --max-article-chars is cut at a paragraph end before the limit, with a warning, and
/// hashed as kept; a body within the limit is untouched.
#[test]
fn long_body_is_cut_at_a_paragraph_end() {
    let para = "A sentence of the article. ".repeat(10);
    let body = format!("{para}\n\n{para}\n\n{para}");
    let mut n = normalise(incoming(&body), None).unwrap();
    let whole = n.clone();
    assert!(!limit_body(&mut n, 10_000));
    assert_eq!(n, whole);
    assert!(limit_body(&mut n, para.len() * 2 + 10));
    assert_eq!(n.body, format!("{}\n\n{}", para.trim_end(), para.trim_end()));
    assert_ne!(n.content_hash, whole.content_hash);
    assert!(n.warnings.last().unwrap().contains("--max-article-chars"), "{:?}", n.warnings);
    // One giant word is cut hard at the limit.
    let mut giant = normalise(incoming(&"x".repeat(5000)), None).unwrap();
    assert!(limit_body(&mut giant, 1000));
    assert_eq!(giant.body.chars().count(), 1000);
}

/// Issue 10: a headline feed item (title and link, no text) is kept with an empty body and marked; without a
/// valid link it is still "no article text"; two headlines with the same words at different addresses differ.
#[test]
fn headline_only_items_are_kept_and_marked() {
    let headline = |url: Option<&str>| IncomingArticle {
        source: "feed.xml:1".into(),
        title: Some("Talks resume in Geneva".into()),
        url: url.map(str::to_string),
        ..Default::default()
    };
    let a = normalise(headline(Some("https://e.example/a?utm_source=x")), None).unwrap();
    assert!(a.headline_only);
    assert_eq!(a.body, "");
    assert_eq!(a.word_count, 0);
    assert_eq!(a.url.as_deref(), Some("https://e.example/a"));
    let b = normalise(headline(Some("https://e.example/b")), None).unwrap();
    assert_ne!(a.content_hash, b.content_hash);
    let again = normalise(headline(Some("https://e.example/a")), None).unwrap();
    assert_eq!(a.content_hash, again.content_hash, "the canonical address is hashed");
    for url in [None, Some(""), Some("not a url"), Some("ftp://e.example/x")] {
        let err = normalise(headline(url), None).unwrap_err().to_string();
        assert_eq!(err, "feed.xml:1: no article text", "{url:?}");
    }
    let with_text = IncomingArticle { body: "Some text.".into(), ..headline(Some("https://e.example/a")) };
    assert!(!normalise(with_text, None).unwrap().headline_only);
}
