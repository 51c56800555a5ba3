#!/usr/bin/env bash
# The 100 most-mentioned people of a corpus, as `newsdb report people` lists them (issue 11's entity-typing check).
#   scripts/people-top100.sh news2095 > top.tsv     # ../shared/corpora/news-2095/news
#   scripts/people-top100.sh polnear  > top.tsv     # ../shared/corpora/polnear, train and dev texts
# Uses target/release/newsdb (or $NEWSDB); columns: name, roles, mentions. The committed evaluation files
# (eval/people-top100-*.tsv) add a verdict per row by hand.
set -euo pipefail
corpora="${CORPORA:-$(cd "$(dirname "$0")/../.." && pwd)/shared/corpora}"
newsdb="${NEWSDB:-${CARGO_TARGET_DIR:-target}/release/newsdb}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
case "${1:-}" in
  news2095) inputs=("$corpora/news-2095/news") ;;
  polnear)
    # The PolNeAR texts are .txt files whose first line is the title: ingest them as they are.
    mkdir "$work/polnear"
    for f in "$corpora"/polnear/data/{train,dev}/text/*.txt; do ln -s "$f" "$work/polnear/"; done
    inputs=("$work/polnear") ;;
  *) echo "usage: $0 news2095|polnear" >&2; exit 2 ;;
esac
"$newsdb" -q --db "$work/db.sqlite" ingest "${inputs[@]}"
"$newsdb" --db "$work/db.sqlite" report people --limit 100 -f tsv | cut -f1-3
