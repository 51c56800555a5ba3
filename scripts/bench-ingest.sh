#!/usr/bin/env bash
# Ingest throughput of newsdb on a directory of article text files, next to the sqlite3 shell loading the
# same titles and bodies into a table with an FTS5 index (the floor: storage alone, no parsing or extraction).
# Usage: scripts/bench-ingest.sh CORPUS_DIR [RUNS]   e.g. scripts/bench-ingest.sh ../shared/corpora/news-2095/news
# Needs: a release build (made here), sqlite3, awk and python3 (to prepare the baseline's JSON, untimed).
set -euo pipefail
corpus=${1:?usage: $0 CORPUS_DIR [RUNS]}
runs=${2:-5}
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/newsdb
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

files=$(find "$corpus" -type f -name '*.txt' | wc -l)
bytes=$(find "$corpus" -type f -name '*.txt' -print0 | xargs -0 cat | wc -c)

# The baseline's input: the same files as one JSON array of {title, body} (first line is the title).
python3 - "$corpus" "$work/articles.json" <<'PY'
import json, pathlib, sys
rows = []
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    title, _, body = text.partition("\n")
    rows.append({"title": title.strip(), "body": body.strip()})
pathlib.Path(sys.argv[2]).write_text(json.dumps(rows))
PY

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); calc "$end - $start"; }
calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

newsdb_times=() sqlite_times=()
for _ in $(seq "$runs"); do
    rm -f "$work"/n.sqlite* "$work"/s.sqlite*
    newsdb_times+=("$(seconds "$bin" --db "$work/n.sqlite" --quiet ingest "$corpus")")
    sqlite_times+=("$(seconds sqlite3 "$work/s.sqlite" \
        "PRAGMA journal_mode=WAL;
         CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT);
         CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id');
         INSERT INTO articles (title, body) SELECT value->>'title', value->>'body' FROM json_each(readfile('$work/articles.json'));
         INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');")")
done
stored=$(sqlite3 "$work/n.sqlite" "select count(*) from articles")
n=$(printf '%s\n' "${newsdb_times[@]}" | median)
s=$(printf '%s\n' "${sqlite_times[@]}" | median)
echo "corpus: $files files, $bytes bytes; newsdb stored $stored articles; $runs runs each"
echo "newsdb ingest:  median ${n}s  $(calc "$files / $n") articles/s  $(calc "$bytes / $n / 1048576") MB/s"
echo "sqlite3 + FTS5: median ${s}s  $(calc "$files / $s") articles/s  $(calc "$bytes / $s / 1048576") MB/s"
echo "time ratio newsdb/sqlite3: $(calc "$n / $s")x"
