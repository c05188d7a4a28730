#!/usr/bin/env bash
# Fuzzes the ingestion entry point (page bytes → ingest → classify) with libFuzzer and
# AddressSanitizer, seeded with the corpus pages and the bad-input fixtures.
# Usage: scripts/fuzz.sh [SECONDS] [extra libFuzzer flags…]     (default 1800 s)
# Builds the IngestFuzzer target into .build-fuzz/ (SANDBOXLENS_FUZZ=1 adds it to
# Package.swift; normal builds never see it). Crashing inputs are written to
# Fuzz/crashes/; keep each one as a regression fixture (Tests/SandboxPipelineTests/Fixtures/regressions/).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-1800}"
shift || true

SANDBOXLENS_FUZZ=1 swift build -c release --build-path .build-fuzz -j 2 --product IngestFuzzer \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

work=".build-fuzz/corpus"
mkdir -p "$work" Fuzz/crashes
cp Corpus/pages/*.html Tests/SandboxPipelineTests/Fixtures/bad-input/*.html "$work"/
if [ -d Tests/SandboxPipelineTests/Fixtures/regressions ]; then
    cp Tests/SandboxPipelineTests/Fixtures/regressions/* "$work"/ 2>/dev/null || true
fi

SANDBOXLENS_LEXICONS=Lexicons ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/IngestFuzzer \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix=Fuzz/crashes/ -print_final_stats=1 "$@" "$work"
