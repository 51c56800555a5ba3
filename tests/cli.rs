//! Integration tests: the real binary on samples/ and on bad inputs, with a fresh database each.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// The binary with its database in `dir`.
fn newsdb(dir: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("newsdb").unwrap();
    cmd.env_remove("NEWSDB_DB").arg("--db").arg(dir.path().join("news.sqlite")).arg("--quiet");
    cmd
}

fn ingest_samples(dir: &TempDir) {
    newsdb(dir).arg("ingest").arg(samples()).assert().success();
}

fn json_rows(dir: &TempDir, args: &[&str]) -> Vec<Value> {
    let out = newsdb(dir).args(args).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
}

fn text(row: &Value, key: &str) -> String {
    row[key].as_str().unwrap_or_default().to_string()
}

/// Issue 2: the seed article's four statements, all by Abbas Gallyamov, and none of its scare quotes.
#[test]
fn seed_article_quotes() {
    let dir = TempDir::new().unwrap();
    ingest_samples(&dir);
    let quotes = json_rows(&dir, &["report", "quotes", "--person", "Abbas Gallyamov"]);
    assert_eq!(quotes.len(), 4, "{quotes:#?}");
    for quote in &quotes {
        assert_eq!(text(quote, "speaker"), "Abbas Gallyamov");
        assert_eq!(text(quote, "outlet"), "Channel 24");
    }
    let texts: Vec<String> = quotes.iter().map(|q| text(q, "text")).collect();
    assert!(texts[0].starts_with("Referenda” in the occupied territories was a trap"), "{}", texts[0]);
    assert!(texts[0].ends_with("due to its own stupidity"), "{}", texts[0]);
    assert_eq!(text(&quotes[0], "cue"), "says");
    assert_eq!(text(&quotes[0], "kind"), "direct");
    assert!(texts[1].starts_with("Kiriyenko (the first deputy head"), "{}", texts[1]);
    assert!(texts[1].ends_with("pulling this topic into the information space."), "{}", texts[1]);
    assert_eq!(text(&quotes[1], "kind"), "direct");
    assert!(texts[2].starts_with("Putin really needs negotiations."), "{}", texts[2]);
    assert_eq!(text(&quotes[2], "cue"), "says");
    assert!(texts[3].starts_with("Putin wants peace that can be sold to the Russians as a victory. Of course,"));
    assert!(texts[3].ends_with("stuck in this fork."), "{}", texts[3]);
    assert_eq!(text(&quotes[3], "kind"), "direct");

    let all = json_rows(&dir, &["report", "quotes", "--outlet", "Channel 24"]);
    for quote in &all {
        let t = text(quote, "text").to_lowercase();
        assert!(t != "referenda" && t != "referendums", "scare quote stored as a statement: {quote}");
    }
}

/// Issue 2: the seed article's five people with their two roles, and none of its non-people.
#[test]
fn seed_article_people() {
    let dir = TempDir::new().unwrap();
    ingest_samples(&dir);
    let people = json_rows(&dir, &["report", "people", "--outlet", "Channel 24"]);
    let mut names: Vec<String> = people.iter().map(|p| text(p, "name")).collect();
    names.sort();
    assert_eq!(names, ["Abbas Gallyamov", "Kiriyenko", "Pasechkin", "Pushilin", "Putin"]);
    let role_of = |name: &str| text(people.iter().find(|p| text(p, "name") == name).unwrap(), "roles");
    assert!(role_of("Abbas Gallyamov").contains("Russian political scientist"), "{people:#?}");
    assert!(role_of("Kiriyenko").contains("the first deputy head of the presidential administration"), "{people:#?}");

    let everyone = json_rows(&dir, &["report", "people"]);
    let not_people =
        ["Kremlin", "Channel 24", "SSU", "Kharkiv", "Russia", "Russians", "Ukraine", "Referenda", "February"];
    for person in &everyone {
        assert!(!not_people.contains(&text(person, "name").as_str()), "not a person: {person}");
    }
}

/// Issue 2: a second ingest of the same inputs adds nothing and counts every article as a duplicate.
#[test]
fn reingest_adds_nothing() {
    let dir = TempDir::new().unwrap();
    ingest_samples(&dir);
    let count = |dir: &TempDir| {
        let rows = json_rows(dir, &["sql", "select (select count(*) from articles) a, (select count(*) from statements) s, (select count(*) from mentions) m"]);
        rows[0].clone()
    };
    let before = count(&dir);
    let out = Command::cargo_bin("newsdb")
        .unwrap()
        .env_remove("NEWSDB_DB")
        .arg("--db")
        .arg(dir.path().join("news.sqlite"))
        .arg("ingest")
        .arg(samples())
        .output()
        .unwrap();
    assert!(out.status.success());
    let summary = String::from_utf8_lossy(&out.stderr);
    let articles = before["a"].as_i64().unwrap();
    assert!(summary.contains(&format!("0 new, {articles} duplicate, 0 failed")), "{summary}");
    assert_eq!(count(&dir), before);
}

/// Issue 2: ids follow input order, so the number of extraction threads changes nothing in the database.
#[test]
fn jobs_do_not_change_results() {
    let exports: Vec<Vec<(String, Vec<u8>)>> = ["1", "4"]
        .iter()
        .map(|jobs| {
            let dir = TempDir::new().unwrap();
            newsdb(&dir).args(["ingest", "--jobs", jobs]).arg(samples()).assert().success();
            let out_dir = dir.path().join("export");
            // ingest_runs holds the run's wall-clock times; everything else must match byte for byte.
            let tables = [
                "outlets",
                "articles",
                "people",
                "person_aliases",
                "mentions",
                "person_roles",
                "statements",
                "topics",
                "article_topics",
                "ingest_errors",
            ];
            newsdb(&dir).arg("export").args(tables).arg("--dir").arg(&out_dir).assert().success();
            let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(&out_dir)
                .unwrap()
                .map(|e| {
                    let e = e.unwrap();
                    (e.file_name().to_string_lossy().to_string(), fs::read(e.path()).unwrap())
                })
                .collect();
            files.sort();
            files
        })
        .collect();
    assert_eq!(exports[0].len(), 10);
    assert!(exports[0] == exports[1], "export differs between --jobs 1 and --jobs 4");
}

/// Issue 2: user SQL runs read-only; a write fails clearly and changes nothing.
#[test]
fn sql_refuses_writes() {
    let dir = TempDir::new().unwrap();
    ingest_samples(&dir);
    let out = newsdb(&dir).args(["sql", "drop table articles"]).output().unwrap();
    assert!(!out.status.success());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("read-only"), "{message}");
    let rows = json_rows(&dir, &["sql", "select count(*) as n from articles"]);
    assert!(rows[0]["n"].as_i64().unwrap() > 0);
}

fn char_slice(body: &str, start: usize, end: usize) -> String {
    body.chars().skip(start).take(end - start).collect()
}

/// Issue 2: every offset extract prints points at its text in `body`, counted in characters.
#[test]
fn extract_offsets_match_body() {
    let dir = TempDir::new().unwrap();
    let out = newsdb(&dir).arg("extract").arg(samples()).args(["--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let articles: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(articles.len() >= 5);
    let mut statements = 0;
    for article in &articles {
        let body = article["body"].as_str().unwrap();
        for statement in article["statements"].as_array().unwrap() {
            let (start, end) =
                (statement["start"].as_u64().unwrap() as usize, statement["end"].as_u64().unwrap() as usize);
            assert_eq!(char_slice(body, start, end), statement["text"].as_str().unwrap());
            statements += 1;
        }
        for person in article["people"].as_array().unwrap() {
            for mention in person["mentions"].as_array().unwrap() {
                let (start, end) = (mention[0].as_u64().unwrap() as usize, mention[1].as_u64().unwrap() as usize);
                let surface = char_slice(body, start, end);
                assert!(!surface.trim().is_empty(), "empty mention of {person}");
            }
        }
    }
    assert!(statements >= 10, "only {statements} statements in the samples");
}

/// Issue 2: an empty file, a binary file and malformed JSON each fail with one line naming the file,
/// while the good files of the same run are stored; a Windows-1252 article is decoded with a warning.
#[test]
fn bad_inputs_are_reported_and_good_ones_kept() {
    let dir = TempDir::new().unwrap();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).unwrap();
    fs::write(inputs.join("empty.txt"), "").unwrap();
    fs::write(inputs.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 255, 254, 0, 7].repeat(20)).unwrap();
    fs::write(inputs.join("broken.json"), "{\"title\": \"Half\", \"body\": \"cut off").unwrap();
    fs::write(inputs.join("good.txt"), "Mayor opens bridge\n\nThe new bridge opened on Friday, the mayor said.\n")
        .unwrap();
    fs::write(
        inputs.join("legacy.txt"),
        b"Caf\xe9 owners protest\n\n\x93We are not na\xefve,\x94 said Ren\xe9 Dubois, who runs a caf\xe9.\n",
    )
    .unwrap();

    let out = newsdb(&dir).arg("ingest").arg(&inputs).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in ["empty.txt", "binary.txt", "broken.json"] {
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(name) && l.starts_with("error")).collect();
        assert_eq!(lines.len(), 1, "{name}: {stderr}");
    }
    assert!(stderr.lines().any(|l| l.starts_with("warning") && l.contains("legacy.txt")), "{stderr}");

    let titles = json_rows(&dir, &["sql", "select title, body from articles order by id"]);
    assert_eq!(titles.len(), 2, "{titles:#?}");
    let legacy = titles.iter().find(|r| text(r, "title") == "Café owners protest").expect("legacy article stored");
    assert!(text(legacy, "body").contains("“We are not naïve,” said René Dubois"), "{legacy}");
    let errors = json_rows(&dir, &["sql", "select source, severity from ingest_errors where severity = 'error'"]);
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

/// Every subcommand answers --help.
#[test]
fn every_subcommand_has_help() {
    for args in [
        vec!["ingest"],
        vec!["extract"],
        vec!["report", "people"],
        vec!["report", "quotes"],
        vec!["report", "topics"],
        vec!["report", "timeline"],
        vec!["report", "outlets"],
        vec!["report", "cooccurrence"],
        vec!["search"],
        vec!["sql"],
        vec!["export"],
    ] {
        Command::cargo_bin("newsdb").unwrap().args(&args).arg("--help").assert().success();
    }
}

/// Issue 2: `newsdb ... | head` closes stdout early; that is the reader's choice, not a failure (exit 0).
#[test]
fn closed_stdout_pipe_exits_cleanly() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = TempDir::new().unwrap();
    // Issue 10: sql never creates a database, so there must be one.
    ingest_samples(&dir);
    for format in ["csv", "json", "markdown"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdb"))
            .arg("--db")
            .arg(dir.path().join("news.sqlite"))
            .args([
                "sql",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) SELECT i FROM n",
            ])
            .args(["--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // stdout is dropped here: the pipe is closed while newsdb still has rows to write.
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stderr.is_empty(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

/// Issue 2: full-text search finds articles and statements written by ingest (the writer indexes each batch).
#[test]
fn search_finds_ingested_articles_and_statements() {
    let dir = TempDir::new().unwrap();
    ingest_samples(&dir);
    let hits = json_rows(&dir, &["search", "negotiations NEAR/5 peace", "--in", "articles"]);
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(text(&hits[0], "outlet"), "Channel 24");
    assert!(text(&hits[0], "snippet").contains("[negotiations]"), "{hits:#?}");
    let said = json_rows(&dir, &["search", "library", "--in", "statements"]);
    assert!(said.iter().any(|h| text(h, "speaker") == "Helen Achterberg"), "{said:#?}");
    let check = "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)";
    let conn = rusqlite::Connection::open(dir.path().join("news.sqlite")).unwrap();
    conn.execute(check, []).expect("articles_fts matches articles");
    conn.execute(&check.replace("articles_fts", "statements_fts"), []).expect("statements_fts matches statements");
}
