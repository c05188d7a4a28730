#!/usr/bin/env bash
# Throughput of the main job: copies the corpus pages N times (default 100) into a
# temporary corpus, runs the release build with --jobs 1 and --jobs 2, and prints pages/s,
# MB/s and peak memory of each run. Figures vary on shared machines: compare runs made
# together, not across days.
# Usage: scripts/bench.sh [COPIES]
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-100}"
swift build -c release -j 2 --product sandboxlens >/dev/null
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/corpus"
for i in $(seq 1 "$copies"); do
    for f in Corpus/pages/*.html; do cp "$f" "$tmp/corpus/$(basename "$f" .html)-$i.html"; done
done
pages=$(ls "$tmp/corpus" | wc -l)
bytes=$(du -sb "$tmp/corpus" | cut -f1)
echo "corpus: $pages pages, $bytes bytes"
for jobs in 1 2; do
    /usr/bin/time -f "%e %M" -o "$tmp/time" .build/release/sandboxlens run --quiet --jobs "$jobs" \
        --corpus "$tmp/corpus" --output "$tmp/out-$jobs"
    read -r secs kb < "$tmp/time"
    awk -v p="$pages" -v b="$bytes" -v s="$secs" -v k="$kb" -v j="$jobs" \
        'BEGIN { printf "--jobs %d: %.2f s, %.0f pages/s, %.2f MB/s, peak RSS %.0f MB\n", j, s, p / s, b / s / 1e6, k / 1024 }'
done
cmp -s "$tmp/out-1/records.jsonl" "$tmp/out-2/records.jsonl" && echo "records.jsonl identical for --jobs 1 and 2"
