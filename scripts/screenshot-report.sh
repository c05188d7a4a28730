#!/usr/bin/env bash
# Renders an HTML report to PNG with headless Chromium.
# Usage: scripts/screenshot-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
#   OUT.png defaults to REPORT.png beside the HTML; size defaults to 1280x6000 (the whole report).
# Installs only what is missing of Debian's chromium and fonts-noto-cjk (needs root), with
# --no-install-recommends and without upgrading anything else, and says so before it starts.
set -euo pipefail

if [[ $# -lt 1 || ! -f "$1" ]]; then
    echo "usage: $0 REPORT.html [OUT.png] [WIDTHxHEIGHT]" >&2
    exit 2
fi
html="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="${2:-${html%.html}.png}"
size="${3:-1280x6000}"
width="${size%x*}"
height="${size#*x}"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Read fc-list whole: `fc-list | grep -q` can die of SIGPIPE, which pipefail reports as failure.
families="$(fc-list : family 2>/dev/null || true)"
[[ $families == *"Noto Sans CJK SC"* ]] || need+=(fonts-noto-cjk)
if [[ ${#need[@]} -gt 0 ]]; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "$0: missing ${need[*]}; run as root or: sudo apt-get install -y ${need[*]}" >&2
        exit 1
    fi
    echo "$0: about to install ${need[*]} (apt-get install --no-install-recommends --no-upgrade; nothing else is upgraded)" >&2
    apt-get update
    # Dependencies may still need newer versions of installed packages: list them first.
    plan="$(apt-get -s install --no-install-recommends --no-upgrade "${need[@]}" | sed -n 's/^Inst /  /p')"
    echo "$0: apt-get will install or upgrade $(grep -c . <<<"$plan") package(s):" >&2
    echo "$plan" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends --no-upgrade "${need[@]}"
fi

# A throwaway profile keeps Chromium from touching the user's one.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --disable-gpu --no-sandbox --hide-scrollbars \
    --user-data-dir="$profile" \
    --screenshot="$out" --window-size="$width,$height" "file://$html" 2>/dev/null
[[ -s "$out" ]] || { echo "$0: no screenshot written" >&2; exit 1; }
echo "$out"
