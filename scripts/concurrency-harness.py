#!/usr/bin/env python3
"""Concurrency harness (issue 10): two ingests, a fetch and readers started together on a NEW database.

What it does. A feed of synthetic items is served on 127.0.0.1 (Python's http.server, in this process). The
inputs are split in two disjoint halves. A reference database gets them one after another (ingest half A,
ingest half B, `feed add` + `fetch`), which gives the distinct articles expected. Then, trial after trial, on a
database that does not exist yet, these start at the same instant:
  - `newsdb ingest` of half A and `newsdb ingest` of half B;
  - `newsdb feed add URL` followed by `newsdb fetch`;
  - reader loops (`report people`, `report quotes`, `search`, `sql`, `export`), each running its command again
    and again until the writers are done. Read commands never create a database, so a reader waits for the
    file to exist before its first command.

A trial passes when every process exits 0 with nothing on stderr (so no "database is locked", no migration
error), the articles stored are exactly the reference's (the same set of content hashes: nothing lost, nothing
duplicated), every feed item is recorded, and integrity_check is ok. Any error fails the harness.

Run it on a release build, from the repository root:
    cargo build --release
    scripts/concurrency-harness.py --trials 5
    scripts/concurrency-harness.py --bin target/release/newsdb --trials 10 --readers 4
Inputs default to ../shared/corpora/news-2095/news (categories split in two) with
../shared/samples/stress.jsonl in half B, or samples/ split in two when the corpus is absent. Needs python3.
"""

import argparse
import html
import http.server
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_bin():
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    return str(Path(target) / "release" / "newsdb")


def default_halves():
    corpus = ROOT.parent / "shared" / "corpora" / "news-2095" / "news"
    stress = ROOT.parent / "shared" / "samples" / "stress.jsonl"
    if corpus.exists():
        a = [corpus / c for c in ("business", "entertainment", "politics")]
        b = [corpus / c for c in ("sport", "tech")] + ([stress] if stress.exists() else [])
    else:
        files = sorted((ROOT / "samples").iterdir())
        a, b = files[: len(files) // 2], files[len(files) // 2 :]
    return [str(p) for p in a], [str(p) for p in b]


def feed_xml(items):
    entries = []
    for i in range(items):
        body = (
            f"The harbour board met for session {i}. &quot;We will publish figure {i} next week,&quot; "
            f"said Marta Kowalski, the board's chair. Unions said item {i} was overdue."
        )
        entries.append(
            f"<item><title>Harbour board session {i}</title><link>https://feed.example/{i}</link>"
            f"<guid>feed-{i}</guid><description>{body}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>'
        + html.escape("Harness feed")
        + "</title>"
        + "".join(entries)
        + "</channel></rss>"
    ).encode()


def serve(body):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/feed.xml"


def run(bin_, db, args):
    return subprocess.run([bin_, "--db", str(db), "--quiet", *args], capture_output=True, text=True)


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.processes = 0
        self.errors = []

    def record(self, what, result):
        with self.lock:
            self.processes += 1
            if result.returncode != 0 or result.stderr:
                self.errors.append(f"{what}: exit {result.returncode}: {result.stderr.strip()[:300]}")


def hashes(db):
    conn = sqlite3.connect(db)
    try:
        return {h for (h,) in conn.execute("SELECT content_hash FROM articles")}
    finally:
        conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=default_bin())
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--readers", type=int, default=3)
    parser.add_argument("--feed-items", type=int, default=150)
    args = parser.parse_args()
    half_a, half_b = default_halves()
    url = serve(feed_xml(args.feed_items))
    work = Path(tempfile.mkdtemp(prefix="newsdb-concurrency-"))
    print(f"concurrency harness: {args.bin}; half A {len(half_a)} inputs, half B {len(half_b)}; feed {url}")

    ref = work / "reference.sqlite"
    for step in (["ingest", *half_a], ["ingest", *half_b], ["feed", "add", url], ["fetch"]):
        result = run(args.bin, ref, step)
        if result.returncode != 0:
            sys.exit(f"reference {step[0]} failed: {result.stderr}")
    expected = hashes(ref)
    print(f"reference (one after another): {len(expected)} distinct articles")

    reader_commands = [
        ["report", "people", "--limit", "5"],
        ["report", "quotes", "--limit", "5"],
        ["search", "said", "--limit", "5"],
        ["sql", "SELECT count(*) FROM articles"],
        ["export", "--dir", str(work / "reader-export"), "outlets", "people"],
    ]
    total = Tally()
    failed_trials = 0
    for trial in range(1, args.trials + 1):
        db = work / f"trial-{trial}.sqlite"
        tally = Tally()
        done = threading.Event()

        def writer(what, steps):
            for step in steps:
                result = run(args.bin, db, step)
                tally.record(what, result)
                if result.returncode != 0:
                    return

        def reader(index):
            while not db.exists() and not done.is_set():
                time.sleep(0.005)
            n = 0
            while not done.is_set():
                command = reader_commands[(index + n) % len(reader_commands)]
                tally.record(f"reader {' '.join(command[:2])}", run(args.bin, db, command))
                n += 1

        writers = [
            threading.Thread(target=writer, args=("ingest A", [["ingest", *half_a]])),
            threading.Thread(target=writer, args=("ingest B", [["ingest", *half_b]])),
            threading.Thread(target=writer, args=("feed add + fetch", [["feed", "add", url], ["fetch"]])),
        ]
        readers = [threading.Thread(target=reader, args=(i,)) for i in range(args.readers)]
        started = time.monotonic()
        for thread in writers + readers:
            thread.start()
        for thread in writers:
            thread.join()
        done.set()
        for thread in readers:
            thread.join()
        seconds = time.monotonic() - started

        problems = list(tally.errors)
        stored = hashes(db) if db.exists() else set()
        if stored != expected:
            problems.append(
                f"articles: {len(stored)} stored, {len(expected)} expected; "
                f"{len(expected - stored)} lost, {len(stored - expected)} unexpected"
            )
        conn = sqlite3.connect(db)
        total_rows = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        items = conn.execute("SELECT count(*) FROM feed_items WHERE article_id IS NOT NULL").fetchone()[0]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()
        if total_rows != len(expected):
            problems.append(f"{total_rows} article rows for {len(expected)} distinct articles")
        if items != args.feed_items:
            problems.append(f"{items} of {args.feed_items} feed items recorded")
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        total.processes += tally.processes
        total.errors += problems
        failed_trials += bool(problems)
        verdict = "ok" if not problems else "FAILED: " + "; ".join(problems[:5])
        print(
            f"trial {trial}: {tally.processes} processes ({tally.processes - 4} reader runs), "
            f"{total_rows} articles, {items} feed items, {seconds:.1f} s: {verdict}"
        )
        for stale in work.glob(f"trial-{trial}.sqlite*"):
            stale.unlink()

    print(
        f"concurrency harness: {args.trials} trials, {total.processes} processes, {len(total.errors)} errors, "
        f"{failed_trials} failed trials"
    )
    shutil.rmtree(work)
    sys.exit(1 if total.errors else 0)


if __name__ == "__main__":
    main()
