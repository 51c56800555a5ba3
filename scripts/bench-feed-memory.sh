#!/usr/bin/env bash
# Peak memory (max RSS) of ingesting one large RSS feed: 5,000 items, about 5 MB.
# Usage: scripts/bench-feed-memory.sh [ITEMS]    Needs: python3, GNU time (/usr/bin/time).
set -euo pipefail
items=${1:-5000}
cd "$(dirname "$0")/.."
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$items" "$work/feed.xml" <<'PY'
import sys, html
items, path = int(sys.argv[1]), sys.argv[2]
para = ("The council met on Tuesday to discuss the harbour budget. \u201cWe will not cut the library hours,\u201d "
        "said Mayor Helen Achterberg, who faces re-election in the spring. Councillor David Mensah said that "
        "the plan borrowed from next year. ")
with open(path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            '<channel><title>Load Test Gazette</title><link>https://gazette.example/</link><description>x</description>\n')
    for i in range(items):
        body = "".join(f"<p>{html.escape(para)} Item {i}, paragraph {p}.</p>" for p in range(3))
        f.write(f"<item><title>Budget story number {i}</title><link>https://gazette.example/news/{i}</link>"
                f"<guid>https://gazette.example/news/{i}</guid><pubDate>Mon, 16 Nov 2026 09:15:00 GMT</pubDate>"
                f"<category>Local</category><content:encoded><![CDATA[{body}]]></content:encoded></item>\n")
    f.write("</channel></rss>\n")
PY
echo "feed: $items items, $(du -h "$work/feed.xml" | cut -f1)"
/usr/bin/time -v target/release/newsdb --db "$work/n.sqlite" --quiet ingest "$work/feed.xml" 2>&1 |
    grep -E "Maximum resident set size|Elapsed \(wall clock\)"
echo "articles stored: $(sqlite3 "$work/n.sqlite" 'select count(*) from articles' 2>/dev/null || echo '?')"
