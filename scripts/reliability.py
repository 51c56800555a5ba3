#!/usr/bin/env python3
"""Reruns every row of issue 10's table (hostile and real inputs that used to stop, hang or mislead newsdb) and
prints a Markdown table: the input, what newsdb did, wall time and peak RSS (GNU time's -v figures).

Usage: scripts/reliability.py [--bin target/release/newsdb] [--corpora ../shared/corpora] [--quick]
Needs: a release build (`cargo build --release`), python3, GNU time at /usr/bin/time. Run it from the repository
root. --quick skips the largest inputs (the 200 MB text, the 2 MB sentence, 100k-deep HTML). Nothing here touches
the network beyond 127.0.0.1. The machine is shared: read the times as orders of magnitude, not benchmarks.
"""

import argparse
import http.server
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ARGS = None
WORK = None
ROWS = []


def run(args, db=None, stdin=None, timeout=900):
    """Runs newsdb under /usr/bin/time -v; returns (exit code, stdout, stderr, seconds, peak RSS in MB)."""
    cmd = ["/usr/bin/time", "-v", ARGS.bin]
    if db:
        cmd += ["--db", str(db)]
    cmd += [str(a) for a in args]
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", b"timed out", time.monotonic() - start, 0.0
    seconds = time.monotonic() - start
    err = p.stderr.decode("utf-8", "replace")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    rss_mb = int(rss.group(1)) / 1024 if rss else 0.0
    status = re.search(r"Exit status: (\d+)", err)
    code = int(status.group(1)) if status else p.returncode
    newsdb_err = err.split("\tCommand being timed")[0].strip()
    return code, p.stdout, newsdb_err, seconds, rss_mb


def row(what, result, seconds=None, rss=None):
    ROWS.append((what, result, "" if seconds is None else f"{seconds:.2f} s", "" if rss is None else f"{rss:.0f} MB"))
    print(f"- {what}: {result} ({'' if seconds is None else f'{seconds:.2f} s'}, {'' if rss is None else f'{rss:.0f} MB'})",
          file=sys.stderr)


def q(db, sql):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        return c.execute(sql).fetchall()


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1][:160] if lines else ""


def news_bodies():
    corpus = Path(ARGS.corpora) / "news-2095" / "news"
    out = []
    for p in sorted(corpus.rglob("*.txt")) if corpus.exists() else []:
        title, _, body = p.read_text("utf-8", "replace").strip().partition("\n")
        out.append((title.strip(), body.strip()))
    return out


def export_7600():
    """7,600 JSONL items: news-2095 and stress.jsonl, titles varied so nothing deduplicates, with the item that
    panicked at position 513 and its minimal form."""
    items = []
    stress = Path(ARGS.corpora).parent / "samples" / "stress.jsonl"
    if stress.exists():
        items += [json.loads(l) for l in stress.read_text("utf-8").splitlines() if l.strip()]
    bodies = news_bodies()
    i = 0
    while len(items) < 7598 and bodies:
        t, b = bodies[i % len(bodies)]
        items.append({"title": f"{t} ({i})", "body": f"{b}\n\nCopy {i}.", "url": f"https://example.org/{i}"})
        i += 1
    items.insert(512, {"title": "Testaverde accepts Parcells #39; nomination", "body": "Who would have thought that the "
                       "Dallas Cowboys #39; offense would be the least of coach Bill Parcells problems? After cutting "
                       "their starting quarterback in training camp, signing a controversial "})
    items.insert(1000, {"title": "T", "body": "Who said"})
    path = WORK / "export7600.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items), "utf-8")
    return path, len(items)


def check_export():
    path, n = export_7600()
    db = WORK / "export.sqlite"
    code, _, err, s, rss = run(["ingest", path], db)
    status = q(db, "SELECT status FROM ingest_runs ORDER BY id DESC LIMIT 1")[0][0]
    row(f"{n}-item JSONL export holding the who/which items", f"exit {code}; {last_line(err)}; run {status}", s, rss)


def check_endless_sentence():
    sentence = "the minister said that talks would resume "
    for size in ([128 * 1024, 1024 * 1024] + ([] if ARGS.quick else [2 * 1024 * 1024])):
        path = WORK / f"endless{size}.txt"
        path.write_text("Endless\n\n" + sentence * (size // len(sentence)), "utf-8")
        db = WORK / f"endless{size}.sqlite"
        code, _, err, s, rss = run(["--quiet", "ingest", path], db)
        mb = os.path.getsize(db) / 1e6 if db.exists() else 0
        row(f"one endless sentence of 'said that', {size // 1024} KB", f"exit {code}; database {mb:.1f} MB", s, rss)


def check_long_article():
    bodies = news_bodies()
    joined = "\n\n".join(b for _, b in bodies) or ("A sentence of news. " * 100)
    sizes = [1, 4, 16, 32] + ([] if ARGS.quick else [200])
    for mb in sizes:
        path = WORK / f"long{mb}.txt"
        with open(path, "w", encoding="utf-8") as f:
            f.write("Long article\n\n")
            written = 0
            while written < mb * 1024 * 1024:
                f.write(joined + "\n\n")
                written += len(joined) + 2
        db = WORK / f"long{mb}.sqlite"
        code, _, err, s, rss = run(["ingest", path], db)
        row(f"one long article (BBC bodies joined), {mb} MB", f"exit {code}; {last_line(err)}", s, rss)
        path.unlink()


def check_deep_html():
    for depth in [1000, 3000, 10000, 30000] + ([] if ARGS.quick else [100000]):
        path = WORK / f"deep{depth}.html"
        path.write_text("<html><head><title>Deep</title></head><body>" + "<div>" * depth +
                        "<p>The minister said the talks would resume next week in the capital.</p>" + "</div>" * depth +
                        "</body></html>", "utf-8")
        db = WORK / f"deep{depth}.sqlite"
        code, _, err, s, rss = run(["ingest", path], db)
        row(f"HTML nested {depth} deep", f"exit {code}; {last_line(err) or 'stored'}", s, rss)


def check_concurrent_first_open(trials=20):
    src = WORK / "conc"
    src.mkdir(exist_ok=True)
    for i in range(40):
        (src / f"a{i}.txt").write_text(f"Article {i}\n\nThe mayor said on day {i} that the new bridge will open.\n")
    failures = lost = 0
    for t in range(trials):
        db = WORK / f"conc{t}.sqlite"
        procs = [subprocess.Popen([ARGS.bin, "--db", db, "--quiet", "ingest", src], stderr=subprocess.PIPE)
                 for _ in range(3)]
        for p in procs:
            _, err = p.communicate()
            if p.returncode != 0:
                failures += 1
        if q(db, "SELECT count(*) FROM articles")[0][0] != 40:
            lost += 1
    row(f"three ingests started together on a new database, {trials} trials",
        f"{failures} failed processes of {3 * trials}; {lost} trials with a lost or duplicated article")


def check_runaway_sql():
    db = WORK / "export.sqlite"
    code, out, err, s, rss = run(["sql", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"], db)
    row("sql: endless recursive CTE (default --timeout)", f"exit {code}; {last_line(err)}", s, rss)
    code, out, err, s, rss = run(["sql", "--timeout", "100s", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) "
                                  "SELECT length(group_concat(printf('%050d', x))) FROM c"], db, timeout=200)
    row("sql: endless group_concat (memory)", f"exit {code}; {last_line(err)}", s, rss)


def check_interrupt():
    db = WORK / "interrupt.sqlite"
    path, _ = export_7600()
    p = subprocess.Popen([ARGS.bin, "--db", db, "ingest", path], stderr=subprocess.PIPE)
    time.sleep(1.5)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate()
    runs = q(db, "SELECT status, articles_new FROM ingest_runs")
    stored = q(db, "SELECT count(*) FROM articles")[0][0]
    row("Ctrl-C during ingest", f"exit {p.returncode}; '{last_line(err.decode())}'; run rows {runs}; {stored} articles")


def check_typo_db():
    db = WORK / "typo.sqlite"
    code, _, err, s, rss = run(["report", "people"], db)
    row("--db typo.sqlite report people", f"exit {code}; {last_line(err)}; file created: {db.exists()}", s, rss)


class Feeds(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):
        Feeds.hits += 1
        body = Path(WORK / "feed.xml").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *a):
        pass


def check_fetch_every():
    (WORK / "feed.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>A'
                                   '</title><link>http://127.0.0.1/a</link><description>The mayor said the bridge '
                                   'opens.</description></item></channel></rss>', "utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Feeds)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    db = WORK / "fetch.sqlite"
    url = f"http://127.0.0.1:{server.server_port}/feed.xml"
    run(["--quiet", "feed", "add", url], db)
    code, _, err, s, rss = run(["fetch", "--every", "0s"], db, timeout=30)
    row("fetch --every 0s", f"exit {code}; {last_line(err)}; {Feeds.hits} GETs", s, rss)
    server.shutdown()


def feed_file(name, data):
    path = WORK / name
    path.write_bytes(data)
    db = WORK / (name + ".sqlite")
    code, _, err, s, rss = run(["ingest", path], db)
    stored = q(db, "SELECT count(*) FROM articles")[0][0] if db.exists() else 0
    return code, stored, err, s, rss


def check_feeds():
    items = "".join(f"<item><title>Новость {i}</title><link>http://example.ru/{i}</link><description>Министр заявил, "
                    f"что переговоры возобновятся в понедельник {i}.</description></item>" for i in range(10))
    xml = f'<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Лента</title>{items}</channel></rss>'
    code, stored, err, s, rss = feed_file("cp1251.xml", xml.encode("cp1251"))
    row("windows-1251 RSS feed (prolog), 10 items", f"exit {code}; {stored} stored; {last_line(err)}", s, rss)
    items = "".join(f"<item><title>Headline {i}</title><link>http://example.org/h{i}</link></item>" for i in range(5))
    code, stored, err, s, rss = feed_file("headlines.xml", f'<rss version="2.0"><channel><title>H</title>{items}</channel></rss>'.encode())
    row("feed of 5 headline-only items (title + link)", f"exit {code}; {stored} stored; {last_line(err)}", s, rss)
    items = "".join(f"<item><title>Item {i}</title><link>http://example.org/m{i}</link><description>Rates rose {i}% & the "
                    f"bank said more may follow.</description></item>" for i in range(3))
    code, stored, err, s, rss = feed_file("amp.xml", f'<rss version="2.0"><channel><title>A</title>{items}</channel></rss>'.encode())
    row("feed with unescaped & (3 items)", f"exit {code}; {stored} stored; {last_line(err)}", s, rss)


def check_hygiene():
    path = WORK / "nul.jsonl"
    path.write_text(json.dumps({"title": "Talks", "body": "Officials met.\u0000 “Talks resume Monday,” the minister said. "
                                "Anna Berg said the union agreed."}) + "\n", "utf-8")
    db = WORK / "nul.sqlite"
    code, _, err, s, rss = run(["--quiet", "ingest", path], db)
    bad = q(db, 'SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id '
                'WHERE substr(a.body, s.start + 1, s."end" - s.start) <> s.text')[0][0]
    row("NUL inside a JSON body", f"exit {code}; spans breaking the offset rule: {bad}", s, rss)
    path = WORK / "nul.txt"
    path.write_bytes(b"Title\n\nThe mayor said\x00 the bridge opens on Monday.\n")
    code, _, err, s, rss = run(["ingest", path], WORK / "nultxt.sqlite")
    row("NUL inside a text file", f"exit {code}; {last_line(err) or 'stored'}", s, rss)
    path = WORK / "zw.txt"
    path.write_text("Talks\n\nVladimir\u200b Putin said “the talks will go on,” in Moscow.\n", "utf-8")
    db = WORK / "zw.sqlite"
    code, _, err, s, rss = run(["--quiet", "ingest", path], db)
    row("zero-width space inside a name", f"people: {[r[0] for r in q(db, 'SELECT name FROM people')]}", s, rss)
    code, out, err, s, rss = run(["sql", "SELECT '=1+1' AS cell", "--format", "tsv"], db)
    row("--format tsv cell starting with =", f"output {out.decode().splitlines()[-1]!r}", s, rss)


def main():
    global ARGS, WORK
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default="target/release/newsdb")
    parser.add_argument("--corpora", default="../shared/corpora")
    parser.add_argument("--quick", action="store_true")
    ARGS = parser.parse_args()
    ARGS.bin = str(Path(ARGS.bin).resolve())
    with tempfile.TemporaryDirectory() as work:
        WORK = Path(work)
        for check in [check_export, check_endless_sentence, check_long_article, check_deep_html,
                      check_concurrent_first_open, check_runaway_sql, check_interrupt, check_typo_db,
                      check_fetch_every, check_feeds, check_hygiene]:
            try:
                check()
            except Exception as e:  # a check that cannot run is a row too, never a silent gap
                row(check.__name__, f"check failed: {e!r}")
    print("| input | result | time | peak RSS |\n|---|---|---|---|")
    for r in ROWS:
        print("| " + " | ".join(x.replace("|", "\\|") for x in r) + " |")


if __name__ == "__main__":
    main()
