//! Issue 10 (trust): the real binary on inputs that used to stop a run, lose data or break the offset rule.

use std::fs;

use assert_cmd::Command;
use serde_json::{json, Value};
use tempfile::TempDir;

fn newsdb(dir: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("newsdb").unwrap();
    cmd.env_remove("NEWSDB_DB").arg("--db").arg(dir.path().join("news.sqlite")).arg("--quiet");
    cmd
}

fn sql(dir: &TempDir, query: &str) -> Vec<Value> {
    let out = newsdb(dir).args(["sql", query, "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{query}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn count(dir: &TempDir, query: &str) -> i64 {
    sql(dir, query)[0].as_object().unwrap().values().next().unwrap().as_i64().unwrap()
}

/// The item of a real 7,600-item export that panicked at item 513 and ended the run, every re-run dying at
/// the same place, and its minimal form; with ordinary items before and after. All are stored; exit 0.
#[test]
fn who_said_items_no_longer_end_the_run() {
    let dir = TempDir::new().unwrap();
    let mut lines = Vec::new();
    for i in 0..20 {
        lines.push(
            json!({"title": format!("Item {i}"), "body": format!("The mayor said on day {i} that the bridge opens.")}),
        );
    }
    lines.push(json!({"title": "T", "body": "Who said"}));
    lines.push(
        json!({"title": "Testaverde accepts Parcells #39; nomination", "body": "Who would have thought that the \
        Dallas Cowboys #39; offense would be the least of coach Bill Parcells problems? After cutting their starting \
        quarterback in training camp, signing a controversial "}),
    );
    for i in 20..40 {
        lines.push(
            json!({"title": format!("Item {i}"), "body": format!("The mayor said on day {i} that the bridge opens.")}),
        );
    }
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let input = dir.path().join("export.jsonl");
    fs::write(&input, text).unwrap();
    newsdb(&dir).arg("ingest").arg(&input).assert().success();
    assert_eq!(count(&dir, "SELECT count(*) FROM articles"), 42);
    assert_eq!(count(&dir, "SELECT count(*) FROM ingest_errors WHERE severity = 'error'"), 0);
    assert_eq!(count(&dir, "SELECT count(*) FROM ingest_runs WHERE status = 'finished' AND articles_new = 42"), 1);
}

/// A NUL inside a JSON body was kept, and SQLite's substr stops at a NUL, so later spans broke the documented
/// rule substr(body, start + 1, end - start) = text. Now the NUL is gone and every span holds.
#[test]
fn nul_in_a_json_body_keeps_the_offset_rule() {
    let dir = TempDir::new().unwrap();
    let body = "Officials met.\u{0} “Talks will resume on Monday,” the minister said. Anna Berg said the union agreed.";
    let input = dir.path().join("nul.json");
    fs::write(&input, json!({"title": "Talks", "body": body}).to_string()).unwrap();
    newsdb(&dir).arg("ingest").arg(&input).assert().success();
    assert_eq!(count(&dir, "SELECT count(*) FROM articles WHERE instr(body, char(0)) > 0"), 0);
    assert!(count(&dir, "SELECT count(*) FROM statements") >= 2);
    let broken = "SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id
        WHERE substr(a.body, s.start + 1, s.\"end\" - s.start) <> s.text";
    assert_eq!(count(&dir, broken), 0);
}

/// "Vladimir\u{200b} Putin" became the person "Vladimir".
#[test]
fn zero_width_space_inside_a_name() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("zw.txt");
    fs::write(&input, "Talks\n\nVladimir\u{200b} Putin said “the talks will go on,” in Moscow.\n").unwrap();
    newsdb(&dir).arg("ingest").arg(&input).assert().success();
    let names = sql(&dir, "SELECT name FROM people");
    assert_eq!(names, vec![json!({"name": "Vladimir Putin"})]);
}

/// A body over --max-article-chars is cut with a warning recorded for the run, not dropped.
#[test]
fn long_body_is_cut_with_a_warning() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("long.txt");
    fs::write(&input, format!("Long\n\n{}", "A sentence of the report. ".repeat(400))).unwrap();
    let out = Command::cargo_bin("newsdb")
        .unwrap()
        .env_remove("NEWSDB_DB")
        .arg("--db")
        .arg(dir.path().join("news.sqlite"))
        .args(["ingest", "--max-article-chars", "1000"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cut to"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(count(&dir, "SELECT count(*) FROM articles WHERE length(body) <= 1000 AND length(body) > 900"), 1);
    assert_eq!(
        count(&dir, "SELECT count(*) FROM ingest_errors WHERE severity = 'warning' AND message LIKE '%cut to%'"),
        1
    );
}

/// One sentence that never ends, full of "said that": each cue made a statement to the sentence's end, so the
/// database grew with the square of the input (168 KB made 399 MB). Statements now total at most twice the body.
#[test]
fn endless_sentence_stores_a_bounded_amount() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("endless.txt");
    fs::write(&input, format!("Endless\n\n{}", "the minister said that talks would resume ".repeat(2000))).unwrap();
    newsdb(&dir).arg("ingest").arg(&input).assert().success();
    let body = count(&dir, "SELECT length(body) FROM articles");
    let statements = count(&dir, "SELECT coalesce(sum(length(text)), 0) FROM statements");
    assert!(statements > 0 && statements <= 2 * body + 1000, "{statements} statement characters for a body of {body}");
}

/// TSV output now guards spreadsheet formulas as CSV does.
#[test]
fn tsv_output_guards_formulas() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, "=HYPERLINK(\"http://x\")\n\nBody text of the article.\n").unwrap();
    newsdb(&dir).arg("ingest").arg(&input).assert().success();
    let out = newsdb(&dir).args(["sql", "SELECT title FROM articles", "--format", "tsv"]).output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "title\n'=HYPERLINK(\"http://x\")\n");
}
