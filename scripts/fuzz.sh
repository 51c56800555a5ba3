#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader and of extraction (issue 10). Needs the nightly toolchain;
# installs cargo-fuzz if it is missing. Not part of CI: `cargo test` never builds fuzz/.
#
#   scripts/fuzz.sh                 every target, 600 s each
#   scripts/fuzz.sh -t 60 feed html two targets, 60 s each
#
# One libFuzzer process at a time, one thread, under `nice`: fuzzing shares the machine with builds.
# Each target's corpus (fuzz/corpus/TARGET, not in git) is seeded on first use from fuzz/seeds/TARGET,
# samples/ and, when present, ../shared (the development corpora). A crash, timeout or OOM leaves its
# input in fuzz/artifacts/TARGET/ and stops that target's run; the summary lists it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${NEWSDB_SHARED:-$root/../shared}
seconds=600
all_targets=(text markdown json jsonl feed html opml extract)

usage() {
    echo "usage: scripts/fuzz.sh [-t SECONDS] [TARGET...]   targets: ${all_targets[*]}" >&2
    exit 2
}
while getopts "t:h" opt; do
    case $opt in
        t) seconds=$OPTARG ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
    [[ " ${all_targets[*]} " == *" $t "* ]] || { echo "unknown target: $t" >&2; usage; }
done

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
rustup toolchain list | grep -q '^nightly' || { echo "needs the nightly toolchain: rustup toolchain install nightly" >&2; exit 2; }

# Readers see whole files, so they get room for real feeds and pages; extraction is quadratic-prone by
# nature (issue 10 item 2), and 16 KB is already several long articles.
max_len() { case $1 in extract) echo 16384 ;; *) echo 65536 ;; esac; }
dict() {
    case $1 in
        feed | html | opml) echo xml ;;
        json | jsonl) echo json ;;
        text | markdown) echo text ;;
        extract) echo extract ;;
    esac
}

# A few dozen real inputs per target, picked deterministically (every Nth file of a sorted list).
pick() { # count, then files on stdin
    awk -v n="$1" '{ f[NR] = $0 } END { step = NR > n ? NR / n : 1; for (i = 1; i <= NR && c < n; i += step) { print f[int(i)]; c++ } }'
}
seed() {
    local t=$1 dir=$root/fuzz/corpus/$1
    mkdir -p "$dir"
    [ -n "$(ls -A "$dir")" ] && return 0
    cp "$root/fuzz/seeds/$t"/* "$dir"/
    local news=$shared/corpora/news-2095/news feeds=$shared/corpora/feedparser-tests/tests
    local pages=$shared/corpora/article-extraction-benchmark/html stress=$shared/samples/stress.jsonl
    case $t in
        text)
            cp "$root"/samples/*.txt "$dir"/
            [ -d "$news" ] && find "$news" -name '*.txt' | sort | pick 30 | while read -r f; do cp "$f" "$dir/news-$(basename "$f")"; done
            ;;
        markdown)
            cp "$root"/samples/*.md "$dir"/
            [ -f "$shared/samples/gallyamov-channel24.expected.md" ] && cp "$shared/samples/gallyamov-channel24.expected.md" "$dir"/
            [ -d "$news" ] && find "$news" -name '*.txt' | sort | pick 10 | while read -r f; do cp "$f" "$dir/news-$(basename "$f" .txt).md"; done
            ;;
        json)
            cp "$root"/samples/*.json "$dir"/
            [ -d "$feeds/json" ] && cp "$feeds"/json/* "$dir"/
            ;;
        jsonl)
            cp "$root"/samples/*.jsonl "$dir"/
            [ -f "$stress" ] && head -n 300 "$stress" | split -l 10 - "$dir/stress-"
            ;;
        feed)
            [ -d "$feeds" ] && find "$feeds" -type f \( -name '*.xml' -o -name '*.rss' -o -name '*.atom' -o -name '*.rdf' \) |
                sort | pick 60 | while read -r f; do cp "$f" "$dir/$(echo "${f#"$feeds"/}" | tr / _)"; done
            ;;
        html)
            [ -d "$pages" ] && find "$pages" -name '*.html.gz' | sort | pick 30 | while read -r f; do
                gzip -dc "$f" >"$dir/$(basename "$f" .gz)"
            done
            ;;
        opml) ;;
        extract)
            # Flag byte 2: the first line is the title (see fuzz_targets/extract.rs).
            [ -d "$news" ] && find "$news" -name '*.txt' | sort | pick 20 | while read -r f; do
                { printf '\002'; head -c 16000 "$f"; } >"$dir/news-$(basename "$f")"
            done
            [ -f "$stress" ] && python3 - "$stress" "$dir" <<'EOF'
import json, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    if i >= 40:
        break
    r = json.loads(line)
    data = b"\x03" + (r.get("title") or "").replace("\n", " ").encode() + b"\n" + (r.get("body") or "").encode()
    open(f"{sys.argv[2]}/stress-{i}", "wb").write(data[:16384])
EOF
            ;;
    esac
}

cd "$root/fuzz"
summary=()
for t in "${targets[@]}"; do
    seed "$t"
    mkdir -p "artifacts/$t" logs
    log=logs/$t.log
    echo "== $t: ${seconds}s (log: fuzz/$log)" >&2
    before=$(ls "artifacts/$t" | wc -l)
    # No -jobs/-workers: a plain run is already one process on one thread, and its stats go to the log.
    # Sanitizer none: newsdb is safe Rust, so what is hunted is panics (overflow checks on), timeouts and
    # memory blow-ups; ASan would halve the executions for no new class of bug in this code.
    start=$(date +%s)
    set +e
    nice -n 5 cargo +nightly fuzz run -s none -a "$t" "corpus/$t" -- \
        -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
        -dict="dict/$(dict "$t").dict" -artifact_prefix="artifacts/$t/" -print_final_stats=1 >"$log" 2>&1
    status=$?
    set -e
    # libFuzzer's own count when it ran to the end; wall time (with the build) when it stopped on a finding.
    took=$(grep -aoE '^Done [0-9]+ runs in [0-9]+ second' "$log" | awk '{print $5}' | tail -1)
    took=${took:-$(($(date +%s) - start))}
    execs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
    rate=$(grep -a 'stat::average_exec_per_sec' "$log" | awk '{print $2}' | tail -1)
    cov=$(grep -aoE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1)
    found=$(($(ls "artifacts/$t" | wc -l) - before))
    kinds=$(ls -t "artifacts/$t" | head -n "$found" | sed 's/-.*//' | sort | uniq -c | awk '{printf "%s %s ", $1, $2}')
    summary+=("$(printf '%-9s %6ss %12s execs %8s exec/s  %-28s exit %-3s new artifacts: %s' \
        "$t" "$took" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$status" "${kinds:-none}")")
done
printf '%s\n' "${summary[@]}"
