//! Tests of `expand` and `read` on real files in temporary directories.

use std::fs;
use std::path::Path;

use super::*;

fn write(dir: &Path, rel: &str, data: &[u8]) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, data).unwrap();
}

fn names(inputs: &[Result<Input>], root: &Path) -> Vec<String> {
    inputs
        .iter()
        .map(|r| match r {
            Ok(Input::Path(p)) => p.strip_prefix(root).unwrap().display().to_string(),
            Ok(input) => input.name(),
            Err(e) => format!("ERR {e}"),
        })
        .collect()
}

fn read_all(path: &Path, format: InputFormat) -> Vec<Result<IncomingArticle>> {
    read(&Input::Path(path.to_path_buf()), format).collect()
}

#[test]
fn expand_directory_recursively_sorted_skipping_hidden() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for rel in ["b.txt", "a/z.txt", "a/b/c.json", "a/a.md", ".hidden.txt", ".git/config", "a/photo.JPG", "c"] {
        write(root, rel, b"x");
    }
    let got = expand(&[root.display().to_string()]);
    assert_eq!(names(&got, root), vec!["a/a.md", "a/b/c.json", "a/z.txt", "b.txt", "c"]);
}

#[test]
fn expand_glob_missing_and_stdin() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for rel in ["x2.json", "x1.json", "y.txt", ".x0.json"] {
        write(root, rel, b"x");
    }
    let missing = root.join("nope.txt").display().to_string();
    let no_match = root.join("*.md").display().to_string();
    let args = vec![root.join("*.json").display().to_string(), "-".to_string(), missing.clone(), no_match.clone()];
    let got = expand(&args);
    assert_eq!(
        names(&got, root),
        vec![
            "x1.json".to_string(),
            "x2.json".to_string(),
            "-".to_string(),
            format!("ERR {missing}: no such file or directory"),
            format!("ERR {no_match}: glob matched nothing"),
        ]
    );
}

#[test]
fn expand_empty_directory_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), ".only-hidden", b"x");
    let arg = tmp.path().display().to_string();
    let got = expand(std::slice::from_ref(&arg));
    assert_eq!(names(&got, tmp.path()), vec![format!("ERR {arg}: no input files in directory")]);
}

#[test]
fn expand_explicit_file_is_always_read() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), ".hidden.png", b"x");
    let arg = tmp.path().join(".hidden.png").display().to_string();
    assert!(matches!(&expand(&[arg])[..], [Ok(Input::Path(_))]));
}

#[test]
fn read_text_with_front_matter_and_legacy_encoding() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.txt", b"---\noutlet: Le Monde\n---\nLe caf\xE9\n\nIl a dit \x93non\x94 au caf\xE9 na\xEFf du coin, encore une fois.\n");
    let out = read_all(&tmp.path().join("a.txt"), InputFormat::Auto);
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.title.as_deref(), Some("Le café"));
    assert_eq!(a.body, "Il a dit “non” au café naïf du coin, encore une fois.");
    assert_eq!(a.outlet.as_deref(), Some("Le Monde"));
    assert_eq!(a.warnings, vec!["not UTF-8; decoded as windows-1252".to_string()]);
    assert!(!a.verbatim_body);
}

#[test]
fn read_errors_name_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "empty.txt", b"  \n");
    write(root, "blob.txt", &[0u8, 1, 2, 3, 200, 100, 0, 7]);
    write(root, "fm.md", b"---\ntitle: T\n---\n");
    write(root, "empty.jsonl", b"\n\n");
    write(root, "blob.jsonl", &[0u8, 1, 2, 3, 200, 100, 0, 7]);
    write(root, "catalog", b"<?xml version=\"1.0\"?><catalog><book id=\"1\"/></catalog>");
    for (file, msg) in [
        ("empty.txt", "empty file"),
        ("blob.txt", "binary file, not text"),
        ("fm.md", "no article text"),
        ("empty.jsonl", "empty file"),
        ("blob.jsonl", "binary file, not text"),
        ("missing.txt", "no such file or directory"),
        ("catalog", "looks like XML but is neither an RSS/Atom feed nor an HTML page"),
    ] {
        let p = root.join(file);
        let out = read_all(&p, InputFormat::Auto);
        assert_eq!(out.len(), 1, "{file}");
        assert_eq!(out[0].as_ref().unwrap_err().to_string(), format!("{}: {msg}", p.display()));
    }
}

#[test]
fn read_detects_by_content_and_override() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(root, "export", b"{\"title\": \"a\", \"body\": \"one\"}\n{\"title\": \"b\", \"body\": \"two\"}\n");
    write(root, "doc", b"[{\"title\": \"a\", \"body\": \"one\"}]");
    write(root, "story", b"Title\n\nBody text.");
    let jsonl = read_all(&root.join("export"), InputFormat::Auto);
    assert_eq!(jsonl.len(), 2);
    assert!(jsonl[1].as_ref().unwrap().source.ends_with("export:2"));
    let json = read_all(&root.join("doc"), InputFormat::Auto);
    assert!(json[0].as_ref().unwrap().source.ends_with("doc:1"));
    let text = read_all(&root.join("story"), InputFormat::Auto);
    assert_eq!(text[0].as_ref().unwrap().title.as_deref(), Some("Title"));
    // Forced text: the JSON is read as a text article.
    let forced = read_all(&root.join("doc"), InputFormat::Text);
    assert_eq!(forced[0].as_ref().unwrap().body, "[{\"title\": \"a\", \"body\": \"one\"}]");
}

#[test]
fn read_utf16_jsonl_is_decoded_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let s = "{\"body\": \"один\"}\n{\"body\": \"два\"}\n";
    let mut bytes = vec![0xFF, 0xFE];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    write(tmp.path(), "x.jsonl", &bytes);
    let out = read_all(&tmp.path().join("x.jsonl"), InputFormat::Auto);
    let bodies: Vec<_> = out.iter().map(|r| r.as_ref().unwrap().body.clone()).collect();
    assert_eq!(bodies, vec!["один", "два"]);
}

#[test]
fn read_is_lazy() {
    // Nothing is opened before the first next(): a missing file only errors when iterated.
    let it = read(&Input::Path("/definitely/not/here.txt".into()), InputFormat::Auto);
    assert_eq!(it.count(), 1);
}

mod no_panic {
    use proptest::prelude::*;

    use super::super::{decode, detect, json, markdown, text};

    proptest! {
        // Few cases: generating these strings is the slow part, and the suite should stay quick.
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn decode_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = decode::decode(&bytes);
            let _ = decode::looks_binary(&bytes);
            let _ = detect::by_content(&bytes);
        }

        #[test]
        fn text_and_markdown_any_string(s in "(---\n|[a-z]{1,8}: ?['\"]?|# |\\*|_|\\[|\\]|\\(|\\)|!|`|>|-|\n|\r| |\\\\|.){0,200}") {
            let _ = text::parse("x.txt", &s, false);
            let _ = text::parse("x.md", &s, true);
            let _ = markdown::strip_inline(&s);
        }

        #[test]
        fn json_any_string(s in "(\\{|\\}|\\[|\\]|\"|:|,|[a-z]{1,6}|[0-9]{1,4}|\n| |.){0,200}") {
            let _ = json::parse_document("x.json", &s, &[]);
            let _: Vec<_> = json::JsonlReader::new("x.jsonl".into(), s.as_bytes()).collect();
        }
    }
}

/// JSONL in a file named .json is read record by record, not lost to a "trailing characters" error.
#[test]
fn jsonl_named_json_is_read_as_jsonl() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "export.json",
        b"{\"title\": \"a\", \"body\": \"one\"}\n{\"title\": \"b\", \"body\": \"two\"}\nnot json\n",
    );
    let out = read_all(&tmp.path().join("export.json"), InputFormat::Auto);
    assert_eq!(out.len(), 3, "{out:?}");
    assert_eq!(out[0].as_ref().unwrap().body, "one");
    assert_eq!(out[1].as_ref().unwrap().body, "two");
    assert!(out[2].as_ref().unwrap_err().to_string().contains("export.json:3"), "{:?}", out[2]);
}

/// Issue 10: an input read whole that is larger than --max-input-size is refused, naming the limit and the flag.
#[test]
fn issue10_an_input_over_the_size_limit_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "big.txt", &b"Title\n\nSome words of news. ".repeat(100));
    write(tmp.path(), "big.xml", format!("<rss>{}</rss>", " ".repeat(5000)).as_bytes());
    let limits = Limits { max_input_bytes: 1024, ..Limits::default() };
    for name in ["big.txt", "big.xml"] {
        let path = tmp.path().join(name);
        let out: Vec<_> = read_with(&Input::Path(path.clone()), InputFormat::Auto, &limits).collect();
        assert_eq!(out.len(), 1);
        let err = out[0].as_ref().unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("{}: input larger than the 1 KB limit (this one is ", path.display())),
            "{err}"
        );
        assert!(err.ends_with("raise it with --max-input-size"), "{err}");
    }
    // At the limit exactly, it is read.
    write(tmp.path(), "fits.txt", &b"x".repeat(1024));
    let out: Vec<_> = read_with(&Input::Path(tmp.path().join("fits.txt")), InputFormat::Auto, &limits).collect();
    assert!(out[0].is_ok(), "{out:?}");
    assert_eq!(read_rest(b"abc".to_vec(), &b"defg"[..], 6), Err(too_large(None, 6)));
    assert_eq!(read_rest(b"abc".to_vec(), &b"def"[..], 6), Ok(b"abcdef".to_vec()));
}

/// Issue 10: a JSONL line longer than the limit is an error naming file:line; the lines after it are read.
#[test]
fn issue10_an_over_long_jsonl_line_is_skipped_and_reading_resumes() {
    let tmp = tempfile::tempdir().unwrap();
    let long = format!("{{\"title\": \"long\", \"body\": \"{}\"}}\n", "word ".repeat(2000));
    let data = format!("{{\"title\": \"a\", \"body\": \"one\"}}\n{long}{{\"title\": \"c\", \"body\": \"three\"}}\n");
    write(tmp.path(), "x.jsonl", data.as_bytes());
    let limits = Limits { max_input_bytes: 1000, ..Limits::default() };
    let out: Vec<_> = read_with(&Input::Path(tmp.path().join("x.jsonl")), InputFormat::Auto, &limits).collect();
    assert_eq!(out.len(), 3, "{out:?}");
    assert_eq!(out[0].as_ref().unwrap().body, "one");
    let err = out[1].as_ref().unwrap_err().to_string();
    assert!(err.contains("x.jsonl:2: line of 10030 bytes is longer than the 1000 bytes limit; skipped"), "{err}");
    assert_eq!(out[2].as_ref().unwrap().body, "three");
    assert_eq!(out[2].as_ref().unwrap().source, format!("{}:3", tmp.path().join("x.jsonl").display()));
    // The file as a whole is larger than the limit, and that is fine for a stream.
    assert!(data.len() > 1000);
}

#[test]
fn read_bytes_gives_what_reading_the_file_gives() {
    // The fuzz targets (issue 10) reach the readers through read_bytes; they fuzz the file path only
    // if both agree, on every sample format.
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    for entry in fs::read_dir(samples).unwrap() {
        let path = entry.unwrap().path();
        let name = path.display().to_string();
        let from_file = format!("{:?}", read_all(&path, InputFormat::Auto));
        let from_bytes =
            format!("{:?}", read_bytes(&name, &fs::read(&path).unwrap(), InputFormat::Auto, &Limits::default()));
        assert_eq!(from_bytes, from_file, "{name}");
    }
}
