#!/usr/bin/env python3
"""Draw a reproducible random sample of speech statements from a newsdb database for hand judging.

Issue 11 asks for the precision of speech statements as an analyst reads them: a sample of
statements, each judged "correct statement with the correct speaker" or not. This script only
draws and lays out the sample; the verdicts are written by a person into the TSV afterwards.

Sampling is uniform over `cue_class = 'speech'` statements and deterministic: every statement id
is ranked by SHA-256 of "<seed>:<id>" and the lowest N are taken, so the same database and seed
always give the same sample, and a larger N extends a smaller one.

Columns: id, article_id, kind, cue, rule, speaker (the person's canonical name, else source_label),
speaker_as_written (the body at speaker_start..speaker_end), text, context, verdict, note.
`context` is the article body around the statement (whole sentences, about 250 characters beyond
the statement and speaker spans, newlines as spaces) with the statement marked [[...]] and the
speaker as written marked {{...}}. Offsets in newsdb are character (Unicode scalar) offsets,
which is what Python string indexing uses.

Re-running over an existing TSV keeps the verdict and note of rows whose id is still sampled,
so the script can be re-run without losing judgements.

Usage: scripts/sample-statements.py DB [--seed 11] [-n 200] [-o eval/statements-sample-news2095.tsv]
"""

import argparse
import csv
import hashlib
import os
import re
import sqlite3
import sys

COLUMNS = [
    "id", "article_id", "kind", "cue", "rule", "speaker", "speaker_as_written",
    "text", "context", "verdict", "note",
]

# Characters of body kept on each side of the marked spans before trimming to sentence edges.
CONTEXT_CHARS = 250

QUERY = """
SELECT s.id, s.article_id, s.kind, s.cue, s.rule, p.name, s.source_label,
       s.text, s.start, s.end, s.speaker_start, s.speaker_end, a.body
FROM statements s
JOIN articles a ON a.id = s.article_id
LEFT JOIN people p ON p.id = s.speaker_id
WHERE s.cue_class = 'speech'
"""


def rank(seed, statement_id):
    return hashlib.sha256(f"{seed}:{statement_id}".encode()).hexdigest()


def one_line(value):
    """TSV cells hold no tabs or newlines: a judged file stays one row per statement."""
    if value is None:
        return ""
    return re.sub(r"[\t\r\n]+", " ", str(value)).strip()


# A sentence boundary: whitespace after a stop (or a closing quote) before a capital or an opening
# quote, or a line break.
BOUNDARY = re.compile(r"(?<=[.!?\"'])\s+(?=[A-Z\"'])|\n+")
# The end of a sentence: a stop, with its closing quote, before whitespace; or a line break.
SENTENCE_END = re.compile(r"[.!?][\"']?(?=\s)|\n")


def sentence_start(body, pos, floor):
    """Start of the earliest whole sentence at or after floor that begins at or before pos
    (floor itself when no sentence begins in between)."""
    if floor == 0:
        return 0
    # endpos pos + 1 lets the lookahead see a sentence that begins exactly at pos.
    for m in BOUNDARY.finditer(body, floor, min(len(body), pos + 1)):
        if m.end() <= pos:
            return m.end()
    return floor


def sentence_end(body, pos, ceiling):
    """End of the last whole sentence that ends after pos and before ceiling (after its final
    stop); ceiling when no sentence ends in between."""
    if ceiling >= len(body):
        return len(body)
    best = None
    for m in SENTENCE_END.finditer(body, pos, min(len(body), ceiling + 1)):
        best = m.end()
    return best if best is not None else ceiling


def context(body, start, end, sp_start, sp_end):
    spans = [(start, end)]
    if sp_start is not None and sp_end is not None:
        spans.append((sp_start, sp_end))
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    # Whole sentences around the spans: the first begins at most CONTEXT_CHARS / 2 before them, the
    # last ends at most CONTEXT_CHARS / 2 after them.
    left = sentence_start(body, lo, max(0, lo - CONTEXT_CHARS // 2))
    right = sentence_end(body, hi, min(len(body), hi + CONTEXT_CHARS // 2))
    marks = [(start, "[["), (end, "]]")]
    if sp_start is not None and sp_end is not None:
        marks += [(sp_start, "{{"), (sp_end, "}}")]
    # Insert from the back so earlier offsets stay valid; at one offset close before open.
    order = {"]]": 0, "}}": 1, "{{": 2, "[[": 3}
    text = body[left:right]
    for pos, mark in sorted(marks, key=lambda m: (m[0], order[m[1]]), reverse=True):
        text = text[: pos - left] + mark + text[pos - left:]
    prefix = "... " if left > 0 else ""
    suffix = " ..." if right < len(body) else ""
    return prefix + one_line(text) + suffix


def read_verdicts(path):
    if not os.path.exists(path):
        return {}
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {r["id"]: (r.get("verdict", ""), r.get("note", "")) for r in rows}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", help="newsdb SQLite database")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("-n", type=int, default=200, help="sample size (default 200)")
    ap.add_argument("-o", "--output", default="eval/statements-sample-news2095.tsv")
    args = ap.parse_args()

    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    rows = db.execute(QUERY).fetchall()
    if len(rows) < args.n:
        sys.exit(f"only {len(rows)} speech statements, fewer than the sample size {args.n}")
    sample = sorted(rows, key=lambda r: rank(args.seed, r[0]))[: args.n]
    sample.sort(key=lambda r: (r[1], r[8]))  # article, then position: neighbours read together

    kept = read_verdicts(args.output)
    os.makedirs(os.path.dirname(args.output) or ".", exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("\t".join(COLUMNS) + "\n")
        for (sid, article_id, kind, cue, rule, name, label, text, start, end,
             sp_start, sp_end, body) in sample:
            written = body[sp_start:sp_end] if sp_start is not None and sp_end is not None else ""
            verdict, note = kept.get(str(sid), ("", ""))
            cells = [sid, article_id, kind, cue, rule, name if name else label, written, text,
                     context(body, start, end, sp_start, sp_end), verdict, note]
            out.write("\t".join(one_line(c) for c in cells) + "\n")
    print(f"{args.n} of {len(rows)} speech statements (seed {args.seed}) -> {args.output}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
