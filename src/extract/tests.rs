//! Tests of the extraction stage: the seed article, one test per pattern, and the span invariant as a property.

use super::run;
use crate::model::{Attribution, Extraction, ExtractedStatement, Span, StatementKind};

/// Splits the sample file as the reader does: drop front matter, title = first non-empty line, body = the rest.
fn split_article(raw: &str) -> (String, String) {
    let mut rest = raw;
    if let Some(after) = raw.strip_prefix("---\n") {
        if let Some(end) = after.find("\n---\n") {
            rest = &after[end + 5..];
        }
    }
    let rest = rest.trim_start_matches('\n');
    let (title, body) = rest.split_once('\n').unwrap_or((rest, ""));
    (title.trim().to_string(), body.trim().to_string())
}

fn chars(body: &str, s: &Span) -> String {
    body.chars().skip(s.start).take(s.end - s.start).collect()
}

/// Every span of the extraction is the text at its character offsets in the body.
fn check_spans(body: &str, x: &Extraction) {
    let n = body.chars().count();
    let mut spans: Vec<&Span> = Vec::new();
    for p in &x.people {
        spans.extend(p.mentions.iter());
    }
    for s in &x.statements {
        spans.push(&s.text);
        spans.extend(s.speaker_span.iter());
    }
    for s in spans {
        assert!(s.start <= s.end && s.end <= n, "span out of range: {s:?}");
        assert_eq!(chars(body, s), s.text, "span text mismatch");
    }
}

fn speaker_name<'a>(x: &'a Extraction, s: &ExtractedStatement) -> Option<&'a str> {
    s.speaker.map(|p| x.people[p].name.as_str())
}

fn names(x: &Extraction) -> Vec<&str> {
    x.people.iter().map(|p| p.name.as_str()).collect()
}

fn person<'a>(x: &'a Extraction, name: &str) -> &'a crate::model::ExtractedPerson {
    x.people.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no person {name}: {:?}", names(x)))
}

fn run_checked(title: &str, body: &str) -> Extraction {
    let x = run(title, body);
    check_spans(body, &x);
    x
}

fn only_statement(x: &Extraction) -> &ExtractedStatement {
    assert_eq!(x.statements.len(), 1, "{:#?}", x.statements);
    &x.statements[0]
}

#[test]
fn seed_article_gallyamov_channel24() {
    let (title, body) = split_article(include_str!("../../samples/gallyamov-channel24.txt"));
    assert!(title.starts_with("Abbas Gallyamov: Putin wants peace"));
    assert!(body.starts_with("Russian political scientist about why"));
    let x = run_checked(&title, &body);

    // People: exactly these five, with the roles the text gives.
    let mut got = names(&x);
    got.sort();
    assert_eq!(got, ["Abbas Gallyamov", "Kiriyenko", "Pasechkin", "Pushilin", "Putin"], "{:#?}", x.people);
    assert_eq!(person(&x, "Abbas Gallyamov").roles, ["Russian political scientist"]);
    assert_eq!(person(&x, "Kiriyenko").roles, ["the first deputy head of the presidential administration"]);
    for p in ["Putin", "Pushilin", "Pasechkin"] {
        assert!(person(&x, p).roles.is_empty(), "{p}: {:?}", person(&x, p).roles);
    }
    // Kiriyenko is mentioned three times, Putin's body mentions include the quoted ones.
    assert_eq!(person(&x, "Kiriyenko").mentions.len(), 3);
    assert!(person(&x, "Putin").mentions.len() >= 3);

    let st = &x.statements;
    let by_gallyamov: Vec<&ExtractedStatement> =
        st.iter().filter(|s| speaker_name(&x, s) == Some("Abbas Gallyamov")).collect();
    assert_eq!(by_gallyamov.len(), 4, "{st:#?}");

    let s1 = by_gallyamov[0];
    assert_eq!(s1.kind, StatementKind::Direct);
    assert_eq!(s1.cue.as_deref(), Some("says"));
    assert!(s1.text.text.starts_with("Referenda” in the occupied territories was a trap"), "{:?}", s1.text.text);
    assert!(s1.text.text.ends_with("due to its own stupidity"), "{:?}", s1.text.text);
    assert_eq!(s1.speaker_span.as_ref().map(|s| s.text.as_str()), Some("Abbas Gallyamov"));
    assert_eq!(s1.attribution, Attribution::Explicit);

    let s2 = by_gallyamov[1];
    assert_eq!(s2.kind, StatementKind::Direct);
    assert!(s2.text.text.starts_with("Kiriyenko (the first deputy head"), "{:?}", s2.text.text);
    assert!(s2.text.text.ends_with("pulling this topic into the information space."), "{:?}", s2.text.text);
    assert_eq!(s2.attribution, Attribution::Continuation);

    let s3 = by_gallyamov[2];
    assert_eq!(s3.cue.as_deref(), Some("says"));
    assert_eq!(s3.attribution, Attribution::Colon);
    assert!(s3.text.text.starts_with("Putin really needs negotiations."), "{:?}", s3.text.text);
    assert_eq!(s3.speaker_span.as_ref().map(|s| s.text.as_str()), Some("the political scientist"));

    let s4 = by_gallyamov[3];
    assert_eq!(s4.kind, StatementKind::Direct);
    assert!(s4.text.text.starts_with("Putin wants peace that can be sold to the Russians as a victory. Of course,"));
    assert!(s4.text.text.ends_with("So they are stuck in this fork."), "{:?}", s4.text.text);
    assert_eq!(s4.attribution, Attribution::Continuation);

    // No scare quotes; any other statement is the optional Kiriyenko one or has no person speaker.
    for s in st {
        let t = s.text.text.to_lowercase();
        assert!(t != "referenda" && t != "referendums", "scare quote taken as statement: {s:?}");
        match speaker_name(&x, s) {
            Some("Abbas Gallyamov") => {}
            Some("Kiriyenko") => assert!(s.text.text.starts_with("it was impossible to accept territory")),
            other => assert!(other.is_none(), "unexpected statement {s:?}"),
        }
    }

    let codes: Vec<&str> = x.topics.iter().map(|t| t.code.as_str()).collect();
    assert!(codes.contains(&"medtop:16000000"), "{:#?}", x.topics);
    assert!(codes.contains(&"medtop:11000000"), "{:#?}", x.topics);
    assert!(!codes.contains(&"medtop:15000000") && !codes.contains(&"medtop:01000000"), "{:#?}", x.topics);
}

/// Prints the extraction of a file given in NEWSDB_SHOW (title = first line); a debugging aid.
#[test]
#[ignore]
fn show() {
    let Ok(path) = std::env::var("NEWSDB_SHOW") else { return };
    let raw = std::fs::read_to_string(path).unwrap_or_default();
    let (title, body) = split_article(&raw);
    let x = run(&title, &body);
    for p in &x.people {
        println!("PERSON {} {:?} roles={:?} mentions={}", p.name, p.aliases, p.roles, p.mentions.len());
    }
    for s in &x.statements {
        println!(
            "STMT {:?} {:?} cue={:?} speaker={:?} span={:?} label={:?}\n   {}",
            s.kind,
            s.attribution,
            s.cue,
            speaker_name(&x, s),
            s.speaker_span.as_ref().map(|s| &s.text),
            s.source_label,
            s.text.text
        );
    }
    for t in &x.topics {
        println!("TOPIC {} {} {:.2} {:?}", t.code, t.name, t.score, t.evidence);
    }
}
