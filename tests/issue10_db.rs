//! Issue 10 (trust), the database's side: concurrent first use, clean interruption, queries that cannot run
//! away, read commands that never create a database, newer schemas refused, online backups. Each test runs the
//! real binary on a real SQLite file.

use std::fs;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Output, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use rusqlite::Connection;
use tempfile::TempDir;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("newsdb")
}

/// The binary on the database `db`.
fn newsdb(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("newsdb").unwrap();
    cmd.env_remove("NEWSDB_DB").arg("--db").arg(db);
    cmd
}

/// The same, as a child process started now.
fn spawn(db: &Path, args: &[&str]) -> Child {
    Process::new(binary())
        .env_remove("NEWSDB_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `n` short distinct articles as JSONL, each with a quotation, numbered from `first`.
fn articles(path: &Path, first: usize, n: usize) -> PathBuf {
    let mut text = String::new();
    for i in first..first + n {
        text += &serde_json::json!({
            "id": format!("a{i}"),
            "title": format!("Council vote {i}"),
            "body": format!("The council met on day {i}. \"We will vote on item {i},\" said Anna Berg, the mayor."),
            "url": format!("https://gen.example/{i}"),
            "outlet": "Gazette",
        })
        .to_string();
        text.push('\n');
    }
    fs::write(path, text).unwrap();
    path.to_path_buf()
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Waits until `sql` on `db` counts more than zero (the file may not exist or be locked at first).
fn wait_for(db: &Path, sql: &str, child: &mut Child) {
    let started = Instant::now();
    loop {
        let n = Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row(sql, [], |r| r.get::<_, i64>(0)))
            .unwrap_or(0);
        if n > 0 {
            return;
        }
        assert!(child.try_wait().unwrap().is_none(), "the child ended before {sql} counted anything");
        assert!(started.elapsed() < Duration::from_secs(120), "timed out waiting for {sql}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn signal(child: &Child, name: &str) {
    let status = Process::new("kill").arg(format!("-{name}")).arg(child.id().to_string()).status().unwrap();
    assert!(status.success());
}

/// Issue 10: two ingests started together on a new database failed 36 times in 60 with "table outlets already
/// exists" and lost their input. Now six at once, three times over: every process succeeds, nothing is lost.
#[test]
fn concurrent_first_use_loses_nothing() {
    let dir = TempDir::new().unwrap();
    let inputs: Vec<PathBuf> = (0..6).map(|i| articles(&dir.path().join(format!("in{i}.jsonl")), i * 20, 20)).collect();
    for trial in 0..3 {
        let db = dir.path().join(format!("new{trial}.sqlite"));
        let children: Vec<Child> =
            inputs.iter().map(|input| spawn(&db, &["--quiet", "ingest", input.to_str().unwrap()])).collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success(), "trial {trial}: {}", stderr(&output));
            assert!(output.stderr.is_empty(), "trial {trial}: {}", stderr(&output));
        }
        assert_eq!(count(&db, "SELECT count(*) FROM articles"), 120, "trial {trial}");
        assert_eq!(count(&db, "SELECT count(*) FROM ingest_runs WHERE status = 'finished'"), 6);
    }
}

/// Issue 10: Ctrl-C during ingest stopped it dead with the run row unfinished. Now SIGINT stores what was read,
/// closes the run as interrupted with its counts, prints the summary and "interrupted", and exits 130; running
/// the same ingest again adds the rest.
#[test]
fn sigint_during_ingest_closes_the_run() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("news.sqlite");
    // Enough articles that the signal lands while they are still being read (1,500 took 0.1 s once extraction
    // got faster, and a signal after the last read finishes the run normally: nothing is left to stop).
    let input = articles(&dir.path().join("in.jsonl"), 0, 20_000);
    let mut child = spawn(&db, &["ingest", input.to_str().unwrap()]);
    wait_for(&db, "SELECT count(*) FROM articles", &mut child);
    signal(&child, "INT");
    let output = child.wait_with_output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(130), "{err}");
    assert!(err.contains("\ninterrupted: ") && err.contains(" new, 0 duplicate, 0 failed;"), "{err}");
    assert!(err.trim_end().ends_with("newsdb: interrupted; everything read before the signal is stored (the same command again goes on from there)"), "{err}");

    let stored = count(&db, "SELECT count(*) FROM articles");
    assert!(stored > 0 && stored < 20_000, "{stored}");
    let conn = Connection::open(&db).unwrap();
    let (status, new, finished): (String, i64, Option<String>) = conn
        .query_row("SELECT status, articles_new, finished_at FROM ingest_runs", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((status.as_str(), new), ("interrupted", stored));
    assert!(finished.is_some());
    assert!(err.contains(&format!("interrupted: {stored} new,")), "{err}");

    newsdb(&db).args(["--quiet", "ingest"]).arg(&input).assert().success();
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 20_000);
}

/// Issue 10: a run left 'running' by a process that is gone (SIGKILL, power cut) is marked 'interrupted' when
/// the database is next opened for writing; a run whose process lives is left alone, and readers change nothing.
#[test]
fn abandoned_runs_are_marked_interrupted() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("news.sqlite");
    newsdb(&db).args(["--quiet", "ingest"]).arg(samples().join("archive.json")).assert().success();
    let mut gone = Process::new("true").spawn().unwrap();
    gone.wait().unwrap();
    let conn = Connection::open(&db).unwrap();
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let insert = "INSERT INTO ingest_runs (id, started_at, inputs, pid) VALUES (?1, ?2, '[]', ?3)";
    conn.execute(insert, rusqlite::params![10, now, None::<i64>]).unwrap();
    conn.execute(insert, rusqlite::params![11, now, gone.id()]).unwrap();
    conn.execute(insert, rusqlite::params![12, now, std::process::id()]).unwrap();
    let statuses = || -> Vec<String> {
        let mut stmt = conn.prepare("SELECT status FROM ingest_runs WHERE id >= 10 ORDER BY id").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };

    newsdb(&db).args(["report", "people"]).assert().success();
    assert_eq!(statuses(), ["running", "running", "running"]);
    newsdb(&db).args(["--quiet", "feed", "add", "http://127.0.0.1:9/feed.xml"]).assert().success();
    assert_eq!(statuses(), ["interrupted", "interrupted", "running"]);
}

/// Issue 10: `sql` ran a recursive CTE forever and a group_concat to 988 MB. Now --timeout, --max-memory and
/// --max-rows stop a query with a message saying which limit and how to change it.
#[test]
fn runaway_queries_stop() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("news.sqlite");
    newsdb(&db).args(["--quiet", "ingest"]).arg(samples()).assert().success();

    let started = Instant::now();
    let forever = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";
    newsdb(&db)
        .args(["sql", "--timeout", "1s", forever])
        .assert()
        .code(1)
        .stdout("")
        .stderr("newsdb: query stopped after 1 s (--timeout)\n");
    assert!(started.elapsed() < Duration::from_secs(8), "{:?}", started.elapsed());

    let big = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 2000)
        SELECT length(group_concat(hex(zeroblob(100000)))) FROM c";
    newsdb(&db)
        .args(["sql", "--max-memory", "32MB", big])
        .assert()
        .code(1)
        .stderr("newsdb: query stopped: it needed more than 32 MB of memory (--max-memory)\n");

    let many = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c";
    newsdb(&db)
        .args(["sql", "--max-rows", "10", many])
        .assert()
        .code(1)
        .stderr("newsdb: query stopped: more than 10 rows (--max-rows); add a LIMIT or raise --max-rows\n");
    let ten = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 10) SELECT x FROM c";
    newsdb(&db).args(["sql", "--max-rows", "10", "-f", "csv", ten]).assert().success();

    newsdb(&db).args(["search", "--max-rows", "2", "the"]).assert().code(1).stderr(
        "newsdb: search stopped: more than 2 hits (--max-rows); narrow the query, add --limit or raise --max-rows\n",
    );
    newsdb(&db).args(["search", "--max-rows", "2", "--limit", "2", "the"]).assert().success();
}

/// Issue 10: `newsdb --db typo.sqlite report people` created and migrated an empty database and printed an empty
/// table. Every read command now refuses a missing file, naming it, and creates nothing.
#[test]
fn read_commands_never_create_a_database() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("typo.sqlite");
    let out = dir.path().join("out");
    let copy = dir.path().join("copy.sqlite");
    let commands: [&[&str]; 8] = [
        &["report", "people"],
        &["report", "quotes"],
        &["search", "peace"],
        &["sql", "SELECT 1"],
        &["export", "--dir", out.to_str().unwrap()],
        &["people", "show", "Anna Berg"],
        &["feed", "list"],
        &["backup", copy.to_str().unwrap()],
    ];
    let expected = format!(
        "newsdb: no database at {} (check --db or NEWSDB_DB; `newsdb ingest` or `newsdb feed add` creates one)\n",
        db.display()
    );
    for args in commands {
        newsdb(&db).args(args).assert().code(1).stdout("").stderr(expected.clone());
    }
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "{left:?}");
}

/// Issue 10: a database made by a newer newsdb is refused by every command, with a message that says what to do,
/// and is left byte for byte as it was (no migration, no journal mode change, no WAL files).
#[test]
fn newer_schema_is_refused_and_left_untouched() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("news.sqlite");
    newsdb(&db).args(["--quiet", "ingest"]).arg(samples().join("archive.json")).assert().success();
    let known = count(&db, "PRAGMA user_version");
    {
        let conn = Connection::open(&db).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", known + 1).unwrap();
    }
    let before = fs::read(&db).unwrap();
    let out = dir.path().join("out");
    let copy = dir.path().join("copy.sqlite");
    let input = samples().join("wire-export.jsonl");
    let commands: [&[&str]; 10] = [
        &["ingest", input.to_str().unwrap()],
        &["report", "people"],
        &["search", "peace"],
        &["sql", "SELECT 1"],
        &["export", "--dir", out.to_str().unwrap()],
        &["people", "show", "Anna Berg"],
        &["people", "rename", "Anna Berg", "Anna B. Berg"],
        &["feed", "add", "http://127.0.0.1:9/feed.xml"],
        &["fetch"],
        &["backup", copy.to_str().unwrap()],
    ];
    let expected = format!(
        "newsdb: database {} was made by a newer newsdb (schema {}, this one knows {known}); upgrade newsdb\n",
        db.display(),
        known + 1
    );
    for args in commands {
        newsdb(&db).args(args).assert().code(1).stdout("").stderr(expected.clone());
    }
    assert!(fs::read(&db).unwrap() == before, "the file changed");
    let mut left: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    left.sort();
    assert_eq!(left, ["news.sqlite"]);
}

/// Checks a database file the way the crash harness does: integrity, foreign keys, both FTS indexes.
fn assert_sound(db: &Path) {
    let conn = Connection::open(db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    assert_eq!(conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get::<_, i64>(0)).unwrap(), 0);
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')", []).unwrap();
    conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')", []).unwrap();
}

/// Issue 10: `newsdb backup FILE` copies a consistent snapshot while another process holds a write transaction
/// open (what it copies is the last commit), refuses to overwrite unless --force, and says what it copied.
#[test]
fn backup_is_consistent_while_another_process_writes() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("news.sqlite");
    let copy = dir.path().join("copy.sqlite");
    newsdb(&db).args(["--quiet", "ingest"]).arg(samples()).assert().success();
    let articles = count(&db, "SELECT count(*) FROM articles");

    let writer = Connection::open(&db).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE; INSERT INTO outlets (name) VALUES ('Uncommitted');").unwrap();
    let output = newsdb(&db).args(["backup"]).arg(&copy).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let line = stderr(&output);
    let prefix = format!("backup: {} -> {}: {articles} articles, ", db.display(), copy.display());
    assert!(line.starts_with(&prefix) && line.ends_with(" s\n") && line.lines().count() == 1, "{line}");
    assert_sound(&copy);
    assert_eq!(count(&copy, "SELECT count(*) FROM articles"), articles);
    assert_eq!(count(&copy, "SELECT count(*) FROM outlets WHERE name = 'Uncommitted'"), 0);
    writer.execute_batch("COMMIT").unwrap();

    let expected = format!("newsdb: backup: {} exists; --force replaces it\n", copy.display());
    newsdb(&db).args(["backup"]).arg(&copy).assert().code(2).stderr(expected);
    assert_eq!(count(&copy, "SELECT count(*) FROM outlets WHERE name = 'Uncommitted'"), 0);
    newsdb(&db).args(["--quiet", "backup", "--force"]).arg(&copy).assert().success().stderr("");
    assert_eq!(count(&copy, "SELECT count(*) FROM outlets WHERE name = 'Uncommitted'"), 1);
    newsdb(&db).args(["backup", "--force"]).arg(&db).assert().code(2);
}

/// Issue 10: a backup taken while an ingest is writing batch after batch is a sound database holding whole
/// batches only (every article with its FTS row and statements).
#[test]
fn backup_during_an_ingest_is_sound() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("news.sqlite");
    let copy = dir.path().join("copy.sqlite");
    let input = articles(&dir.path().join("in.jsonl"), 0, 1500);
    let mut child = spawn(&db, &["--quiet", "ingest", input.to_str().unwrap()]);
    wait_for(&db, "SELECT count(*) FROM articles", &mut child);
    newsdb(&db).args(["--quiet", "backup"]).arg(&copy).assert().success();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_sound(&copy);
    let copied = count(&copy, "SELECT count(*) FROM articles");
    assert!(copied > 0 && copied % 512 == 0 || copied == 1500, "{copied}");
    let without_statement = count(
        &copy,
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.article_id = a.id)",
    );
    assert_eq!(without_statement, 0);
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 1500);
}

/// Serves `body` as an RSS feed to every request, each after `delay`.
fn slow_feed_server(body: &'static str, delay: Duration) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let _ = stream.read(&mut buf);
                std::thread::sleep(delay);
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(body.as_bytes());
            });
        }
    });
    base
}

const FEED: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Harbour strike</title><link>https://gen.example/strike</link><guid>strike</guid>
<description>Workers voted to strike. "We had no choice," said Rene Dubois, the union leader.</description></item>
</channel></rss>"#;

/// Issue 10: SIGTERM during `fetch` stores the feed in progress, skips the rest, closes the run as interrupted
/// and exits 130.
#[test]
fn sigterm_during_fetch_closes_the_run() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("news.sqlite");
    let base = slow_feed_server(FEED, Duration::from_millis(1500));
    for path in ["/a.xml", "/b.xml"] {
        newsdb(&db).args(["--quiet", "feed", "add", &format!("{base}{path}")]).assert().success();
    }
    let mut child = spawn(&db, &["fetch", "--jobs", "1"]);
    wait_for(&db, "SELECT count(*) FROM ingest_runs", &mut child);
    std::thread::sleep(Duration::from_millis(300));
    signal(&child, "TERM");
    let output = child.wait_with_output().unwrap();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(130), "{err}");
    assert!(err.contains("2 feeds: 1 ok,") && err.contains("newsdb: interrupted;"), "{err}");
    let status: String =
        Connection::open(&db).unwrap().query_row("SELECT status FROM ingest_runs", [], |r| r.get(0)).unwrap();
    assert_eq!(status, "interrupted");
    assert_eq!(count(&db, "SELECT count(*) FROM articles"), 1);
}
