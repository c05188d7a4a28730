#!/usr/bin/env python3
"""Compares the peer's labels with sandboxlens' by record id (issue 12).

    python3 Benchmarks/peer/check.py PEER.jsonl [Output/records.jsonl]

Compared per id: technologies, inclusive_markers, primary. Prints each disagreement and
`agreement: N of M` (M = ids in sandboxlens' output); exit 1 unless all agree and the
peer has no extra ids.
"""
import json
import sys

FIELDS = ("technologies", "inclusive_markers", "primary")


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out[r["id"]] = r
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    peer = load(sys.argv[1])
    ours = load(sys.argv[2] if len(sys.argv) > 2 else "Output/records.jsonl")
    agree = 0
    for rid in sorted(ours):
        p = peer.get(rid)
        if p is None:
            print(f"{rid}: missing in the peer's output")
            continue
        diffs = [f"{k}: run={ours[rid].get(k)} peer={p.get(k)}" for k in FIELDS if ours[rid].get(k) != p.get(k)]
        if diffs:
            print(f"{rid}: " + "; ".join(diffs))
        else:
            agree += 1
    extra = sorted(set(peer) - set(ours))
    for rid in extra:
        print(f"{rid}: only in the peer's output")
    print(f"agreement: {agree} of {len(ours)} records (technologies, inclusive_markers, primary); "
          f"{len(extra)} ids only in the peer")
    sys.exit(0 if agree == len(ours) and not extra else 1)


if __name__ == "__main__":
    main()
