#!/usr/bin/env python3
"""Crash harness (issue 10): SIGKILL `newsdb ingest` at random points and check that nothing is ever half-written.

What it does. One clean ingest of the inputs into a reference database gives the expected result. Then, trial
after trial, a fresh database is ingested into and the ingest is killed with SIGKILL at a random moment (from
its first instant, while it creates the schema, to past its usual end), one to three times in a row, each kill
followed by the checks below; then the same ingest runs to completion and its `newsdb export` must equal the
reference's exactly (ingest_runs and ingest_errors, which record each run, and articles.run_id left aside).

Checks after every kill:
  - PRAGMA integrity_check is ok and PRAGMA foreign_key_check is empty;
  - FTS5 'integrity-check' passes for articles_fts and statements_fts;
  - every article has its row in articles_fts and every statement in statements_fts, and the indexes hold no
    other rows (their docsize tables against the content tables);
  - no half-written article: each stored article has exactly the mentions, statements, roles and topics the
    reference stored for the same content;
  - the killed run's row counts exactly the articles it committed (status 'running' until the next writer
    marks it 'interrupted'), and the schema is either absent (killed before the first commit) or complete.

Run it on a release build, from the repository root:
    cargo build --release
    scripts/crash-harness.py --kills 50
    scripts/crash-harness.py --bin target/release/newsdb --kills 100 samples ../shared/samples/stress.jsonl
Inputs default to ../shared/corpora/news-2095/news, ../shared/samples/stress.jsonl and samples/ (those that
exist). Needs python3 only (its sqlite3 module must have FTS5, as Debian's and the python.org builds do).
Prints one line per kill and a summary; exits 1 on the first failed check, leaving its files in --work.
"""

import argparse
import csv
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_bin():
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    return str(Path(target) / "release" / "newsdb")


def default_inputs():
    candidates = [
        ROOT.parent / "shared" / "corpora" / "news-2095" / "news",
        ROOT.parent / "shared" / "samples" / "stress.jsonl",
        ROOT / "samples",
    ]
    return [str(p) for p in candidates if p.exists()]


class Failed(Exception):
    pass


def ingest(bin_, db, inputs, log):
    return subprocess.Popen(
        [bin_, "--db", str(db), "--quiet", "ingest", *inputs],
        stdout=subprocess.DEVNULL,
        stderr=open(log, "w"),
    )


def export(bin_, db, out):
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([bin_, "--db", str(db), "--quiet", "export", "--dir", str(out)], check=True)
    tables = {}
    for path in sorted(Path(out).glob("*.csv")):
        if path.stem in ("ingest_runs", "ingest_errors"):
            continue
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        if path.stem == "articles":
            drop = rows[0].index("run_id")
            rows = [row[:drop] + row[drop + 1 :] for row in rows]
        tables[path.stem] = rows
    return tables


SIGNATURES = """SELECT a.content_hash,
    (SELECT count(*) FROM mentions WHERE article_id = a.id),
    (SELECT count(*) FROM statements WHERE article_id = a.id),
    (SELECT count(*) FROM person_roles WHERE article_id = a.id),
    (SELECT count(*) FROM article_topics WHERE article_id = a.id)
    FROM articles a"""


def signatures(conn):
    return {row[0]: row[1:] for row in conn.execute(SIGNATURES)}


def check(db, reference, expected_version):
    """The checks after a kill; returns the number of articles stored."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=30)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").fetchone()[0]
        if version == 0:
            if tables:
                raise Failed(f"schema version 0 with {tables} tables: a migration was half-applied")
            return 0
        if version != expected_version:
            raise Failed(f"schema version {version}, expected {expected_version}")
        ok = conn.execute("PRAGMA integrity_check").fetchall()
        if ok != [("ok",)]:
            raise Failed(f"integrity_check: {ok[:5]}")
        bad = conn.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise Failed(f"foreign_key_check: {bad[:5]}")
        for fts in ("articles_fts", "statements_fts"):
            try:
                conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as e:
                raise Failed(f"{fts} integrity-check: {e}")
        for content, fts in (("articles", "articles_fts"), ("statements", "statements_fts")):
            missing = conn.execute(
                f"SELECT count(*) FROM {content} c WHERE NOT EXISTS (SELECT 1 FROM {fts}_docsize d WHERE d.id = c.id)"
            ).fetchone()[0]
            extra = conn.execute(
                f"SELECT count(*) FROM {fts}_docsize d WHERE NOT EXISTS (SELECT 1 FROM {content} c WHERE c.id = d.id)"
            ).fetchone()[0]
            if missing or extra:
                raise Failed(f"{fts}: {missing} rows of {content} not indexed, {extra} index rows without content")
        stored = signatures(conn)
        for content_hash, signature in stored.items():
            if reference.get(content_hash) != signature:
                raise Failed(
                    f"half-written article {content_hash}: mentions, statements, roles, topics {signature}, "
                    f"reference {reference.get(content_hash)}"
                )
        runs = conn.execute(
            """SELECT id, status, articles_new, (SELECT count(*) FROM articles WHERE run_id = r.id)
               FROM ingest_runs r WHERE status <> 'finished'"""
        ).fetchall()
        for run_id, status, counted, actual in runs:
            if counted != actual:
                raise Failed(f"run {run_id} ({status}) counts {counted} new articles, {actual} are stored")
        conn.rollback()
        return len(stored)
    finally:
        conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", default=None)
    parser.add_argument("--bin", default=default_bin())
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--work", default=None, help="directory for the databases (default: a temporary one)")
    args = parser.parse_args()
    inputs = args.inputs or default_inputs()
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    work = Path(args.work or tempfile.mkdtemp(prefix="newsdb-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"crash harness: {args.bin} on {' '.join(inputs)}; seed {seed}; work {work}")

    ref_db = work / "reference.sqlite"
    for stale in work.glob("reference.sqlite*"):
        stale.unlink()
    started = time.monotonic()
    clean = ingest(args.bin, ref_db, inputs, work / "reference.log").wait()
    clean_seconds = time.monotonic() - started
    ref_conn = sqlite3.connect(ref_db)
    reference = signatures(ref_conn)
    version = ref_conn.execute("PRAGMA user_version").fetchone()[0]
    ref_conn.close()
    ref_export = export(args.bin, ref_db, work / "reference-export")
    print(f"reference: exit {clean}, {len(reference)} articles, {clean_seconds:.2f} s, schema {version}")

    kills = trials = finished_early = 0
    try:
        while kills < args.kills:
            trials += 1
            db = work / f"trial-{trials}.sqlite"
            for stale in work.glob(f"trial-{trials}.sqlite*"):
                stale.unlink()
            for _ in range(rng.randint(1, 3)):
                process = ingest(args.bin, db, inputs, work / f"trial-{trials}.log")
                delay = rng.uniform(0, clean_seconds * 1.1)
                time.sleep(delay)
                if process.poll() is not None:
                    finished_early += 1
                    break
                process.send_signal(signal.SIGKILL)
                process.wait()
                kills += 1
                stored = check(db, reference, version)
                print(f"kill {kills}: trial {trials} at {delay:.2f} s: {stored} articles stored, checks pass")
            status = ingest(args.bin, db, inputs, work / f"trial-{trials}.log").wait()
            if status != clean:
                raise Failed(f"trial {trials}: the completing run exited {status}, the clean run {clean}")
            check(db, reference, version)
            conn = sqlite3.connect(db)
            runs = conn.execute("SELECT status FROM ingest_runs ORDER BY id").fetchall()
            conn.close()
            # A run killed after it closed (while emptying the WAL) is rightly 'finished'; none may stay 'running'.
            if [s for (s,) in runs[:-1] if s == "running"] or runs[-1][0] != "finished":
                raise Failed(f"trial {trials}: run statuses {runs}")
            if export(args.bin, db, work / f"trial-{trials}-export") != ref_export:
                raise Failed(f"trial {trials}: the export differs from the clean run's (see {work})")
            print(f"trial {trials}: completed after the kills; export equals the clean run's")
            shutil.rmtree(work / f"trial-{trials}-export")
            for done in work.glob(f"trial-{trials}.sqlite*"):
                done.unlink()
    except Failed as failure:
        print(f"FAILED after {kills} kills: {failure}")
        sys.exit(1)
    print(
        f"crash harness: {kills} kills in {trials} trials ({finished_early} ingests ended before their kill), "
        f"all checks passed, every trial converged to the clean run's export"
    )
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
