#!/usr/bin/env bash
# Fuzzes one entry point with libFuzzer and AddressSanitizer, then prints libFuzzer's final
# stats (executions, exec/s, peak RSS) and the crashing inputs found.
#
# Usage: scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags…]
#   TARGET   ingest  — page bytes → ingest → classify      (Fuzz/IngestFuzzer, Fuzz/html.dict)
#            lexicon — text of one lexicon file → every LexiconLoader parser
#                                                          (Fuzz/LexiconFuzzer, Fuzz/yaml.dict)
#   SECONDS  time limit (-max_total_time), default 1800
# Environment: RUNS (-runs, default 1000000; the run stops at RUNS or SECONDS, whichever
# comes first), MAX_LEN (-max_len, default 16384 for ingest, 4096 for lexicon),
# BUILD_JOBS (swift build -j, default 1: the machine is shared), SANITIZERS (-sanitize=,
# default fuzzer,address; `fuzzer` alone runs several times faster: Swift code traps on
# out-of-bounds access and overflow by itself, and libxml2 and OpenCC are not
# instrumented either way). Each sanitizer set builds into its own folder.
#
# One fuzzer process (no -jobs/-workers: libFuzzer's default is a single process).
# The targets exist only when SANDBOXLENS_FUZZ=1 is set (Package.swift), so `swift build`
# and `swift test` never compile them; they are built into .build-fuzz/.
# Seeds are copied at run time into .build-fuzz/seeds-TARGET/ (nothing is committed twice):
#   ingest:  Corpus/pages, ../shared/corpus-variants/*/*.html (named VARIANT--PAGE),
#            ../shared/cases/pages, Tests/SandboxPipelineTests/Fixtures/{bad-input,regressions}
#   lexicon: Lexicons/*.yaml, Tests/SandboxLexiconTests/Fixtures/regressions
# The corpus libFuzzer grows is kept in .build-fuzz/corpus-TARGET/ (ignored, reused by the
# next run). Crashing or timed-out inputs are written to Fuzz/crashes/ (ignored): keep each
# as a regression fixture with a test (Tests/SandboxPipelineTests/Fixtures/regressions/ for
# pages, Tests/SandboxLexiconTests/Fixtures/regressions/ for lexicon files). Malloc stack
# traces are off for speed (malloc_context_size=0); to see them, re-run the crashing input
# with ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/TARGET Fuzz/crashes/FILE.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/fuzz.sh ingest|lexicon [SECONDS] [libFuzzer flags…]" >&2; exit 64; }
[ $# -ge 1 ] || usage
target="$1"; shift
seconds=1800
if [ $# -ge 1 ] && [[ "$1" =~ ^[0-9]+$ ]]; then seconds="$1"; shift; fi

case "$target" in
    ingest)  product=IngestFuzzer;  dict=Fuzz/html.dict; max_len="${MAX_LEN:-16384}"; timeout=10 ;;
    lexicon) product=LexiconFuzzer; dict=Fuzz/yaml.dict; max_len="${MAX_LEN:-4096}";  timeout=5 ;;
    *) usage ;;
esac

sanitizers="${SANITIZERS:-fuzzer,address}"
build=".build-fuzz"
[ "$sanitizers" = "fuzzer,address" ] || build=".build-fuzz-${sanitizers//,/-}"
SANDBOXLENS_FUZZ=1 swift build -c release --build-path "$build" -j "${BUILD_JOBS:-1}" --product "$product" \
    -Xswiftc -sanitize="$sanitizers" -Xswiftc -parse-as-library

seeds=".build-fuzz/seeds-$target"
corpus=".build-fuzz/corpus-$target"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" Fuzz/crashes
copy_all() { # copy_all DEST_PREFIX FILE… (missing globs are skipped)
    local prefix="$1"; shift
    local f
    for f in "$@"; do [ -f "$f" ] && cp "$f" "$seeds/$prefix$(basename "$f")"; done
    return 0
}
if [ "$target" = ingest ]; then
    copy_all "" Corpus/pages/*.html
    for dir in ../shared/corpus-variants/*/; do
        copy_all "$(basename "$dir")--" "$dir"*.html
    done
    copy_all "cases--" ../shared/cases/pages/*.html
    copy_all "bad-input--" Tests/SandboxPipelineTests/Fixtures/bad-input/*.html
    copy_all "regression--" Tests/SandboxPipelineTests/Fixtures/regressions/*
else
    copy_all "" Lexicons/*.yaml
    copy_all "regression--" Tests/SandboxLexiconTests/Fixtures/regressions/*
fi

log=".build-fuzz/fuzz-$target.log"
marker=".build-fuzz/fuzz-$target.start"
touch "$marker"
echo "fuzz.sh: $product (-sanitize=$sanitizers), $(ls "$seeds" | wc -l) seeds, up to ${RUNS:-1000000} runs or $seconds s; log in $log" >&2
status=0
SANDBOXLENS_LEXICONS=Lexicons ASAN_OPTIONS=detect_leaks=0:malloc_context_size=0 \
    "$build/release/$product" \
    -runs="${RUNS:-1000000}" -max_total_time="$seconds" -max_len="$max_len" -timeout="$timeout" \
    -rss_limit_mb=4096 -detect_leaks=0 -dict="$dict" -artifact_prefix=Fuzz/crashes/ \
    -print_final_stats=1 "$@" "$corpus" "$seeds" >"$log" 2>&1 || status=$?

echo "---- $product: final stats (exit status $status)"
grep -E '^(Done [0-9]+ runs|stat::|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written|ALARM|INFO: libFuzzer disabled)' "$log" || true
found=$(find Fuzz/crashes -type f -newer "$marker" | sort)
if [ -n "$found" ]; then echo "new inputs in Fuzz/crashes/:"; echo "$found"; else echo "new inputs in Fuzz/crashes/: none"; fi
exit "$status"
