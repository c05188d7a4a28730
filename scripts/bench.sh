#!/usr/bin/env bash
# Speed and memory of the full job at corpus scale, against a floor and a Python peer,
# all in one run on the same files (issue 12). Figures vary on shared machines: compare
# the ratios of one run, not figures across runs or days.
#
# Usage: scripts/bench.sh [SIZE|DIR] [SEED]
#   SIZE  10MB (default), 100MB, 1GB …: generate (once) .bench/corpus-SIZE-sSEED with
#         scripts/gen-corpus.py and measure it; DIR: measure an existing corpus folder.
#   SEED  generator seed (default 1).
# Environment: SKIP_BUILD=1 uses the existing .build/release/sandboxlens;
#   CLASSIFY_PAGE=… the page for the one-page classify timing (default Corpus/pages/beijing-2020-b1.html).
#
# Measured, one after the other (never in parallel), each with /usr/bin/time -v:
#   floor    Benchmarks/floor.c: libxml2 htmlReadMemory + xmlFreeDoc per file (parse time only)
#   peer     Benchmarks/peer/peer.py: lxml + pyahocorasick, the full job, JSON Lines out
#   jobs1/2  sandboxlens run --jobs 1 / --jobs 2, release build, output to a temp folder
# then `sandboxlens classify` of one page, start to finish, median of 10 runs.
# Nothing here runs in `swift test` or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
arg="${1:-10MB}"
seed="${2:-1}"
mkdir -p .bench

if [[ -d "$arg" ]]; then
    corpus="$arg"
else
    corpus=".bench/corpus-$arg-s$seed"
    if [[ ! -f "$corpus/MANIFEST.tsv" ]]; then
        python3 scripts/gen-corpus.py --size "$arg" --seed "$seed" --out "$corpus"
    fi
fi

# Tools: Debian `time` for peak RSS, the peer's packages, the floor, the release build.
if [[ ! -x /usr/bin/time ]]; then apt-get install -y time >/dev/null; fi
python3 -c 'import lxml, ahocorasick, yaml' 2>/dev/null || pip install -q -r Benchmarks/peer/requirements.txt
cc -O2 -o .bench/floor Benchmarks/floor.c $(pkg-config --cflags --libs libxml-2.0)
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then swift build -c release -j 2 --product sandboxlens >/dev/null; fi
bin=.build/release/sandboxlens

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
pages=$(find "$corpus" -type f \( -name '*.html' -o -name '*.htm' \) | wc -l)
bytes=$(find "$corpus" -type f \( -name '*.html' -o -name '*.htm' \) -printf '%s\n' | awk '{s += $1} END {print s}')
echo "corpus: $corpus — $pages pages, $bytes bytes ($(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# measure NAME CMD… → $tmp/NAME.time (time -v), stdout in $tmp/NAME.out
measure() {
    local name="$1"; shift
    /usr/bin/time -v -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || {
        echo "bench: $name failed:"; tail -5 "$tmp/$name.err"; exit 1; }
}
wall() {  # seconds from time -v's "Elapsed (wall clock) time (h:mm:ss or m:ss): …"
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tmp/$1.time"
}
rss() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/$1.time"; }

measure floor .bench/floor "$corpus"
read -r _ _ floor_parse < "$tmp/floor.out"
measure peer python3 Benchmarks/peer/peer.py --corpus "$corpus" --out "$tmp/peer.jsonl"
measure jobs1 "$bin" run --quiet --jobs 1 --corpus "$corpus" --output "$tmp/out-1"
measure jobs2 "$bin" run --quiet --jobs 2 --corpus "$corpus" --output "$tmp/out-2"

peer_recs=$(wc -l < "$tmp/peer.jsonl")
recs1=$(wc -l < "$tmp/out-1/records.jsonl"); dups1=$(grep -c '"duplicate_id"' "$tmp/out-1/errors.jsonl" || true)
recs2=$(wc -l < "$tmp/out-2/records.jsonl"); dups2=$(grep -c '"duplicate_id"' "$tmp/out-2/errors.jsonl" || true)
same="differ"; cmp -s "$tmp/out-1/records.jsonl" "$tmp/out-2/records.jsonl" && same="identical"

# classify of one page, start to finish (process start, lexicon load, page, output), median of 10
page="${CLASSIFY_PAGE:-Corpus/pages/beijing-2020-b1.html}"
classify_ms=$(for i in $(seq 1 10); do
    s=$(date +%s%N); "$bin" classify "$page" >/dev/null 2>&1; e=$(date +%s%N)
    echo $(( (e - s) / 1000 ))
done | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", (a[5] + a[6]) / 2 / 1000 }')
start_ms=$(for i in $(seq 1 10); do  # process start only, for scale
    s=$(date +%s%N); "$bin" --version >/dev/null 2>&1; e=$(date +%s%N)
    echo $(( (e - s) / 1000 ))
done | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", (a[5] + a[6]) / 2 / 1000 }')

awk -v pages="$pages" -v bytes="$bytes" \
    -v fp="$floor_parse" -v fw="$(wall floor)" -v fr="$(rss floor)" \
    -v pw="$(wall peer)" -v pr="$(rss peer)" -v pn="$peer_recs" \
    -v w1="$(wall jobs1)" -v r1="$(rss jobs1)" -v n1="$recs1" -v d1="$dups1" \
    -v w2="$(wall jobs2)" -v r2="$(rss jobs2)" -v n2="$recs2" -v d2="$dups2" \
    -v same="$same" -v cms="$classify_ms" -v sms="$start_ms" -v page="$page" '
function row(what, s, kb, recs) {
    printf "| %-44s | %8.2f | %8.0f | %6.2f | %8.0f | %-22s |\n", what, s, pages / s, bytes / s / 1e6, kb / 1024, recs
}
BEGIN {
    printf "| %-44s | %8s | %8s | %6s | %8s | %-22s |\n", "what", "time s", "pages/s", "MB/s", "peak MB", "records"
    printf "|%s|---------:|---------:|-------:|---------:|%s|\n", "----------------------------------------------", "------------------------"
    row("libxml2 bare parse (floor.c, parse time)", fp, fr, "-")
    row("  same, whole process (read files + parse)", fw, fr, "-")
    row("Python peer (lxml + pyahocorasick)", pw, pr, pn)
    row("sandboxlens run --jobs 1", w1, r1, n1 " (+" d1 " dup ids)")
    row("sandboxlens run --jobs 2", w2, r2, n2 " (+" d2 " dup ids)")
    printf "\nratios (throughput): jobs1 / peer = %.2f×   jobs1 / floor = %.3f×   jobs2 / jobs1 = %.2f×\n", pw / w1, fp / w1, w1 / w2
    printf "records.jsonl for --jobs 1 and 2: %s\n", same
    printf "classify of one page (%s), start to finish, median of 10: %s ms (process start alone, --version: %s ms)\n", page, cms, sms
}'
