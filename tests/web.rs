//! The web: feed subscriptions, polling and URL ingest against a real HTTP server on 127.0.0.1 started
//! inside each test. Nothing here reaches beyond loopback.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use assert_cmd::Command;
use newsdb::source::http::{self, FetchOptions, FetchResponse};

// ---------------------------------------------------------------------------------------------
// A small HTTP/1.1 server: one thread per connection, `Connection: close`, routes changeable
// while it runs. It answers conditional requests the way a well-behaved feed server does.

#[derive(Clone)]
enum Route {
    /// 200 with this body and content type; answers 304 when If-None-Match matches the ETag.
    Ok {
        body: Vec<u8>,
        content_type: &'static str,
        etag: Option<String>,
        encoding: Option<&'static str>,
    },
    Status(u16, Vec<(&'static str, String)>),
    Redirect(String),
    /// Waits this long before answering with the inner route (past the client's timeout).
    Slow(Duration, Box<Route>),
}

#[derive(Default)]
struct State {
    routes: HashMap<String, Route>,
    /// Request heads per path, in arrival order.
    requests: HashMap<String, Vec<HashMap<String, String>>>,
}

struct Server {
    base: String,
    state: Arc<Mutex<State>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = Arc::clone(&shared);
                std::thread::spawn(move || {
                    let _ = serve(stream, &state);
                });
            }
        });
        Server { base, state }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn route(&self, path: &str, route: Route) {
        self.state.lock().unwrap().routes.insert(path.to_string(), route);
    }

    /// A fixture with {BASE} replaced by this server's address.
    fn fixture(&self, name: &str) -> Vec<u8> {
        fixture_text(name).replace("{BASE}", &self.base).into_bytes()
    }

    fn serve_fixture(&self, path: &str, name: &str, content_type: &'static str, etag: Option<&str>) {
        let body = self.fixture(name);
        self.route(path, Route::Ok { body, content_type, etag: etag.map(str::to_string), encoding: None });
    }

    fn requests(&self, path: &str) -> Vec<HashMap<String, String>> {
        self.state.lock().unwrap().requests.get(path).cloned().unwrap_or_default()
    }
}

fn fixture_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web-server").join(name);
    std::fs::read_to_string(path).unwrap()
}

fn serve(stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    let route = {
        let mut state = state.lock().unwrap();
        state.requests.entry(path.clone()).or_default().push(headers.clone());
        state.routes.get(&path).cloned()
    };
    respond(stream, route, &headers)
}

fn respond(mut stream: TcpStream, route: Option<Route>, headers: &HashMap<String, String>) -> std::io::Result<()> {
    let (status, extra, body): (u16, Vec<(&str, String)>, Vec<u8>) = match route {
        None => (404, vec![], b"not found".to_vec()),
        Some(Route::Slow(wait, inner)) => {
            std::thread::sleep(wait);
            return respond(stream, Some(*inner), headers);
        }
        Some(Route::Redirect(to)) => (302, vec![("Location", to)], vec![]),
        Some(Route::Status(status, extra)) => (status, extra, b"error".to_vec()),
        Some(Route::Ok { body, content_type, etag, encoding }) => {
            if etag.is_some() && headers.get("if-none-match") == etag.as_ref() {
                (304, vec![("ETag", etag.unwrap_or_default())], vec![])
            } else {
                let mut extra = vec![("Content-Type", content_type.to_string())];
                if let Some(etag) = etag {
                    extra.push(("ETag", etag));
                }
                if let Some(encoding) = encoding {
                    extra.push(("Content-Encoding", encoding.to_string()));
                }
                (200, extra, body)
            }
        }
    };
    let mut head = format!("HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(&body)?;
    stream.flush()
}

// ---------------------------------------------------------------------------------------------
// Helpers

fn newsdb(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("newsdb").unwrap();
    cmd.arg("--db").arg(db).env_remove("NEWSDB_DB");
    cmd
}

fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.sqlite");
    (dir, db)
}

fn query_i64(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |row| row.get(0)).unwrap()
}

fn query_strings(db: &Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut statement = conn.prepare(sql).unwrap();
    let rows = statement.query_map([], |row| row.get::<_, Option<String>>(0)).unwrap();
    rows.map(|r| r.unwrap().unwrap_or_default()).collect()
}

fn add_feed(db: &Path, url: &str, outlet: Option<&str>) {
    let mut cmd = newsdb(db);
    cmd.args(["feed", "add", url]);
    if let Some(outlet) = outlet {
        cmd.args(["--outlet", outlet]);
    }
    cmd.assert().success();
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const RSS: &str = "application/rss+xml";
const ATOM: &str = "application/atom+xml";
const HTML: &str = "text/html; charset=utf-8";

// ---------------------------------------------------------------------------------------------
// Polling

#[test]
fn first_poll_stores_items_second_gets_304_and_a_changed_feed_adds_only_new_items() {
    let server = Server::start();
    server.serve_fixture("/feeds/world.xml", "world.xml", RSS, Some("\"v1\""));
    let (_dir, db) = temp_db();
    add_feed(&db, &server.url("/feeds/world.xml"), Some("Harbour Gazette"));

    let first = newsdb(&db).arg("fetch").output().unwrap();
    assert!(first.status.success(), "{}", stderr_of(&first));
    assert!(
        stderr_of(&first).contains("1 ok, 0 not modified, 0 failed; articles: 3 new, 0 duplicate"),
        "{}",
        stderr_of(&first)
    );
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles WHERE feed_id = 1"), 3);
    // The feed's outlet is the subscription's, not the feed title.
    assert_eq!(
        query_strings(&db, "SELECT DISTINCT o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id"),
        ["Harbour Gazette"]
    );
    assert_eq!(query_strings(&db, "SELECT etag FROM feeds"), ["\"v1\""]);
    assert_eq!(query_i64(&db, "SELECT items_seen FROM feeds"), 3);
    let ua = &server.requests("/feeds/world.xml")[0]["user-agent"];
    assert!(ua.starts_with("newsdb/") && ua.contains("(+https://github.com/newsdb)"), "{ua}");

    let second = newsdb(&db).arg("fetch").output().unwrap();
    assert!(second.status.success(), "{}", stderr_of(&second));
    assert!(
        stderr_of(&second).contains("0 ok, 1 not modified, 0 failed; articles: 0 new, 0 duplicate"),
        "{}",
        stderr_of(&second)
    );
    assert_eq!(server.requests("/feeds/world.xml")[1].get("if-none-match").map(String::as_str), Some("\"v1\""));
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles"), 3);
    assert_eq!(query_i64(&db, "SELECT last_status FROM feeds"), 304);

    server.serve_fixture("/feeds/world.xml", "world-v2.xml", RSS, Some("\"v2\""));
    let third = newsdb(&db).arg("fetch").output().unwrap();
    assert!(third.status.success(), "{}", stderr_of(&third));
    // The three items seen before are skipped (counted as duplicates); only the new one is stored.
    assert!(stderr_of(&third).contains("articles: 1 new, 3 duplicate"), "{}", stderr_of(&third));
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles WHERE feed_id = 1"), 4);
    assert_eq!(
        query_strings(&db, "SELECT title FROM articles ORDER BY id DESC LIMIT 1"),
        ["Fishing fleet returns with record catch"]
    );

    // Forgetting the validators does not duplicate anything either: the store dedups by URL and content.
    rusqlite::Connection::open(&db).unwrap().execute("UPDATE feeds SET etag = NULL", []).unwrap();
    rusqlite::Connection::open(&db).unwrap().execute("DELETE FROM feed_items", []).unwrap();
    let fourth = newsdb(&db).arg("fetch").output().unwrap();
    assert!(stderr_of(&fourth).contains("articles: 0 new, 4 duplicate"), "{}", stderr_of(&fourth));
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles"), 4);
}

#[test]
fn failing_feeds_leave_a_clear_error_and_the_healthy_feed_is_stored() {
    let server = Server::start();
    server.serve_fixture("/feeds/world.xml", "world.xml", RSS, None);
    server.route("/feeds/broken.xml", Route::Status(500, vec![]));
    let slow = Route::Ok { body: server.fixture("world.xml"), content_type: RSS, etag: None, encoding: None };
    server.route("/feeds/slow.xml", Route::Slow(Duration::from_secs(3), Box::new(slow)));
    server.route("/feeds/loop-a.xml", Route::Redirect(server.url("/feeds/loop-b.xml")));
    server.route("/feeds/loop-b.xml", Route::Redirect("/feeds/loop-a.xml".to_string()));
    let big = format!("<rss version=\"2.0\"><channel><title>big</title>{}</channel></rss>", " ".repeat(300_000));
    server.route("/feeds/big.xml", Route::Ok { body: big.into_bytes(), content_type: RSS, etag: None, encoding: None });
    server.route(
        "/feeds/text.xml",
        Route::Ok { body: b"Hello, this is not XML.".to_vec(), content_type: "text/plain", etag: None, encoding: None },
    );
    let (_dir, db) = temp_db();
    for path in ["/feeds/broken.xml", "/feeds/slow.xml", "/feeds/loop-a.xml", "/feeds/big.xml", "/feeds/text.xml"] {
        add_feed(&db, &server.url(path), None);
    }
    add_feed(&db, &server.url("/feeds/world.xml"), None);

    let out = newsdb(&db)
        .args(["fetch", "--timeout", "1s", "--max-bytes", "100KB", "--retry-backoff", "10ms", "--jobs", "3"])
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("1 ok, 0 not modified, 5 failed; articles: 3 new"), "{stderr}");
    assert!(stderr.contains("5 of 6 inputs failed"), "{stderr}");
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles WHERE feed_id = 6"), 3);

    let errors = query_strings(
        &db,
        "SELECT coalesce(last_status, '-') || ' ' || coalesce(last_error, '') FROM feeds ORDER BY id",
    );
    assert_eq!(errors[0], "500 status 500 Internal Server Error after 3 tries");
    assert_eq!(errors[1], "- timed out after 1 s");
    assert!(errors[2].starts_with("302 redirect loop: ") && errors[2].contains("loop-b.xml -> "), "{}", errors[2]);
    assert_eq!(errors[3], "200 response larger than 100 KB");
    assert_eq!(errors[4], "200 not a feed (text/plain)");
    assert_eq!(errors[5], "200 ");
    assert_eq!(server.requests("/feeds/broken.xml").len(), 3, "retried up to 3 tries");
    // Failures are recorded with the run, as ingest records bad inputs.
    assert_eq!(query_i64(&db, "SELECT count(*) FROM ingest_errors WHERE severity = 'error'"), 5);

    // `feed list` shows the same, in every output format.
    let list = newsdb(&db).args(["feed", "list", "-f", "csv"]).output().unwrap();
    let csv = String::from_utf8(list.stdout).unwrap();
    assert!(csv.starts_with("id,url,outlet,title,last_fetched,last_status,items_seen,last_error"), "{csv}");
    assert!(csv.contains("status 500 Internal Server Error after 3 tries"), "{csv}");
    assert!(csv.contains("Harbour Gazette: World"), "the feed's own title is recorded: {csv}");
}

#[test]
fn retry_after_is_honoured_and_a_later_success_is_used() {
    let server = Server::start();
    server.route("/busy.xml", Route::Status(429, vec![("Retry-After", "0".to_string())]));
    let options = FetchOptions { retry_backoff: Duration::from_millis(5), ..FetchOptions::default() };
    let err = http::fetch(&server.url("/busy.xml"), &options, None).unwrap_err().to_string();
    assert_eq!(err, format!("{}: status 429 Too Many Requests after 3 tries", server.url("/busy.xml")));

    // A Retry-After longer than the retry budget gives up at once instead of hanging.
    server.route("/later.xml", Route::Status(503, vec![("Retry-After", "3600".to_string())]));
    let err = http::fetch(&server.url("/later.xml"), &options, None).unwrap_err().to_string();
    assert!(
        err.contains(
            "status 503 Service Unavailable after 1 try (waiting 3600 s more would pass the 60 s retry budget)"
        ),
        "{err}"
    );
    assert_eq!(server.requests("/later.xml").len(), 1);
}

#[test]
fn http_client_decodes_gzip_and_deflate_and_reports_the_final_url() {
    use flate2::write::{GzEncoder, ZlibEncoder};
    let server = Server::start();
    let text = server.fixture("world.xml");
    let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&text).unwrap();
    server.route(
        "/gz.xml",
        Route::Ok { body: gz.finish().unwrap(), content_type: RSS, etag: None, encoding: Some("gzip") },
    );
    let mut zlib = ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zlib.write_all(&text).unwrap();
    server.route(
        "/deflate.xml",
        Route::Ok {
            body: zlib.finish().unwrap(),
            content_type: RSS,
            etag: Some("\"d\"".into()),
            encoding: Some("deflate"),
        },
    );
    server.route("/moved.xml", Route::Redirect("/deflate.xml".to_string()));
    let options = FetchOptions::default();

    let FetchResponse::Body(page) = http::fetch(&server.url("/gz.xml"), &options, None).unwrap() else { panic!() };
    assert_eq!(page.body, text);
    assert_eq!(page.content_type.as_deref(), Some(RSS));
    let FetchResponse::Body(page) = http::fetch(&server.url("/moved.xml"), &options, None).unwrap() else { panic!() };
    assert_eq!(page.body, text);
    assert_eq!(page.final_url, server.url("/deflate.xml"));
    assert_eq!(page.etag.as_deref(), Some("\"d\""));
    let accept = &server.requests("/gz.xml")[0]["accept-encoding"];
    assert!(accept.contains("gzip") && accept.contains("deflate") && accept.contains("br"), "{accept}");

    let not_modified = http::fetch(&server.url("/deflate.xml"), &options, Some((Some("\"d\""), None))).unwrap();
    assert_eq!(not_modified, FetchResponse::NotModified);

    // The size cap applies to the decompressed body, so a small compressed bomb is refused.
    let small = FetchOptions { max_bytes: 1000, ..FetchOptions::default() };
    let err = http::fetch(&server.url("/gz.xml"), &small, None).unwrap_err().to_string();
    assert!(err.ends_with("response larger than 1000 bytes"), "{err}");
    let err = http::fetch("ftp://example.com/feed.xml", &options, None).unwrap_err().to_string();
    assert!(err.contains("unsupported URL scheme"), "{err}");
}

#[test]
fn full_text_replaces_summaries_with_the_page_text() {
    let server = Server::start();
    server.serve_fixture("/feeds/summaries.xml", "summaries.xml", ATOM, None);
    server.serve_fixture("/pages/bridge.html", "bridge.html", HTML, None);
    server.serve_fixture("/pages/library.html", "library.html", HTML, None);

    let (_dir, db) = temp_db();
    add_feed(&db, &server.url("/feeds/summaries.xml"), None);
    let out = newsdb(&db).args(["fetch", "--full-text"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles"), 2);
    let bodies = query_strings(&db, "SELECT body FROM articles ORDER BY id");
    assert!(bodies[0].contains("Engineers replaced more than four hundred rivets"), "{}", bodies[0]);
    assert!(bodies[1].contains("head librarian Clara Novak"), "{}", bodies[1]);
    assert!(!bodies[0].contains("All rights reserved"), "page chrome is not article text: {}", bodies[0]);
    assert_eq!(
        query_strings(&db, "SELECT title FROM articles ORDER BY id"),
        ["Bridge reopens after repairs", "Library extends opening hours"]
    );
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles WHERE extra LIKE '%feed_summary_only%'"), 0);

    // Without --full-text the summaries are stored and no page is requested.
    let (_dir2, db2) = temp_db();
    add_feed(&db2, &server.url("/feeds/summaries.xml"), None);
    let before = server.requests("/pages/bridge.html").len();
    newsdb(&db2).arg("fetch").assert().success();
    assert_eq!(server.requests("/pages/bridge.html").len(), before);
    assert_eq!(
        query_strings(&db2, "SELECT body FROM articles ORDER BY id")[0],
        "The old river bridge reopened on Friday."
    );

    // A re-poll with --full-text downloads no page again: the items were seen.
    let before = server.requests("/pages/bridge.html").len();
    newsdb(&db).args(["fetch", "--full-text"]).assert().success();
    assert_eq!(server.requests("/pages/bridge.html").len(), before);
}

#[test]
fn fetch_selects_feeds_by_id_or_url_and_refuses_unknown_ones() {
    let server = Server::start();
    server.serve_fixture("/feeds/world.xml", "world.xml", RSS, None);
    server.serve_fixture("/feeds/summaries.xml", "summaries.xml", ATOM, None);
    let (_dir, db) = temp_db();
    add_feed(&db, &server.url("/feeds/world.xml"), None);
    add_feed(&db, &server.url("/feeds/summaries.xml"), None);
    newsdb(&db).args(["fetch", "--feed", "2"]).assert().success();
    assert_eq!(server.requests("/feeds/world.xml").len(), 0);
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles WHERE feed_id = 2"), 2);
    newsdb(&db).args(["fetch", "--feed", &server.url("/feeds/world.xml")]).assert().success();
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles WHERE feed_id = 1"), 3);
    let out = newsdb(&db).args(["fetch", "--feed", "99"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("--feed 99: no such feed"), "{}", stderr_of(&out));
}

#[test]
fn every_keeps_polling_until_interrupted() {
    let server = Server::start();
    server.serve_fixture("/feeds/world.xml", "world.xml", RSS, Some("\"v1\""));
    let (_dir, db) = temp_db();
    add_feed(&db, &server.url("/feeds/world.xml"), None);
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsdb"))
        .arg("--db")
        .arg(&db)
        .args(["fetch", "--every", "200ms", "--force"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while server.requests("/feeds/world.xml").len() < 3 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    // SIGINT, as Ctrl-C sends: the loop stops cleanly after the poll in progress.
    let status = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(server.requests("/feeds/world.xml").len() >= 3);
    assert_eq!(query_i64(&db, "SELECT count(*) FROM articles"), 3);
    assert!(stderr_of(&out).contains("1 not modified"), "{}", stderr_of(&out));
}

// ---------------------------------------------------------------------------------------------
// Subscriptions

#[test]
fn feed_add_list_remove() {
    let (_dir, db) = temp_db();
    add_feed(&db, "https://Example.com/feed.xml", Some("Example News"));
    let again = newsdb(&db).args(["feed", "add", "https://example.com/feed.xml"]).output().unwrap();
    assert!(again.status.success());
    assert!(stderr_of(&again).contains("already subscribed: feed 1"), "{}", stderr_of(&again));
    let bad = newsdb(&db).args(["feed", "add", "file:///etc/passwd"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr_of(&bad).contains("not an http or https URL"));
    add_feed(&db, "http://example.org/rss", None);

    let json = newsdb(&db).args(["feed", "list", "-f", "json"]).output().unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(rows[0]["url"], "https://example.com/feed.xml");
    assert_eq!(rows[0]["outlet"], "Example News");
    assert_eq!(rows[1]["outlet"], serde_json::Value::Null);
    assert_eq!(rows[1]["items_seen"], 0);

    newsdb(&db).args(["feed", "remove", "1"]).assert().success();
    newsdb(&db).args(["feed", "remove", "http://example.org/rss"]).assert().success();
    let missing = newsdb(&db).args(["feed", "remove", "1"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(query_i64(&db, "SELECT count(*) FROM feeds"), 0);
}

#[test]
fn opml_import_export_round_trip() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let opml = dir.path().join("subscriptions.opml");
    std::fs::write(&opml, server.fixture("subscriptions.opml")).unwrap();
    let (_d1, db) = temp_db();
    let out = newsdb(&db).args(["feed", "import"]).arg(&opml).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("3 feeds added, 1 already subscribed, 0 skipped"), "{}", stderr_of(&out));
    let feeds = |db: &Path| {
        query_strings(db, "SELECT f.url || ' | ' || coalesce(o.name, '') FROM feeds f LEFT JOIN outlets o ON o.id = f.outlet_id ORDER BY f.url")
    };
    let imported = feeds(&db);
    assert_eq!(
        imported,
        [
            format!("{} | ", server.url("/feeds/plain.xml")),
            format!("{} | Valley Courier & Friends", server.url("/feeds/summaries.xml")),
            format!("{} | Harbour Gazette", server.url("/feeds/world.xml")),
        ]
    );

    let exported = dir.path().join("out.opml");
    newsdb(&db).args(["feed", "export", "-o"]).arg(&exported).assert().success();
    let text = std::fs::read_to_string(&exported).unwrap();
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"), "{text}");
    assert!(text.contains("Valley Courier &amp; Friends"), "{text}");
    let (_d2, db2) = temp_db();
    newsdb(&db2).args(["feed", "import"]).arg(&exported).assert().success();
    assert_eq!(feeds(&db2), imported);

    let stdout = newsdb(&db).args(["feed", "export"]).output().unwrap().stdout;
    assert_eq!(String::from_utf8(stdout).unwrap().lines().count(), text.lines().count());

    std::fs::write(&opml, "<rss/>").unwrap();
    let bad = newsdb(&db).args(["feed", "import"]).arg(&opml).output().unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr_of(&bad).contains("not an OPML file"), "{}", stderr_of(&bad));
}

// ---------------------------------------------------------------------------------------------
// One URL given to ingest

#[test]
fn read_url_tells_feeds_from_pages() {
    let server = Server::start();
    server.serve_fixture("/pages/bridge.html", "bridge.html", HTML, None);
    // Served with a generic type: the content decides.
    server.serve_fixture("/feeds/world.xml", "world.xml", "text/plain", None);
    let articles = http::read_url(&server.url("/feeds/world.xml"), newsdb::cli::InputFormat::Auto);
    assert_eq!(articles.len(), 3);
    let page = http::read_url(&server.url("/pages/bridge.html"), newsdb::cli::InputFormat::Auto);
    let page = page.into_iter().next().unwrap().unwrap();
    assert_eq!(page.title.as_deref(), Some("Bridge reopens after repairs"));
    assert!(page.body.contains("four hundred rivets"));
    let missing = http::read_url(&server.url("/nothing"), newsdb::cli::InputFormat::Auto);
    assert_eq!(
        missing[0].as_ref().unwrap_err().to_string(),
        format!("{}: status 404 Not Found", server.url("/nothing"))
    );
}

#[test]
fn ingest_a_page_url() {
    let server = Server::start();
    server.serve_fixture("/pages/bridge.html", "bridge.html", HTML, None);
    let (_dir, db) = temp_db();
    let out = newsdb(&db).args(["ingest", &server.url("/pages/bridge.html")]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(query_strings(&db, "SELECT title FROM articles"), ["Bridge reopens after repairs"]);
    assert_eq!(query_strings(&db, "SELECT url FROM articles"), [server.url("/pages/bridge.html")]);
}
