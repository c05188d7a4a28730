#!/usr/bin/env python3
"""Make a benchmark corpus of a given size, reproducibly from a seed (issue 12).

The pages are the 8 pages of Corpus/pages/ and the 72 pages of
../shared/corpus-variants/<family>/ (9 layout families; UTF-8, UTF-8 with BOM, GBK,
gb2312-labelled, Big5, GB18030), recombined: each output page is a byte copy of one
source page, picked in a seeded order, under a seeded file name, in folders of at most
1,000 pages. Every source page appears once in each round of 80 pages, so every layout
family and every encoding is present in any corpus of 80 pages or more (10 MB ≈ 900).

The page's bytes are kept as they are, so each page stays valid in its own encoding;
the only change is one ASCII comment `<!-- bench seed=S n=N -->` inserted before
`</body>` (the bytes `</` cannot be part of a GBK, Big5 or GB18030 multi-byte character,
so the insertion point is always a character boundary). Pages without `</body>` are
copied unchanged. The comment makes every page's SHA-256 distinct; record ids still
repeat across copies of the same page (the pipeline reports those as `duplicate_id`
and does the full work for every page before dropping them).

Same --seed and --size → the same file names, order and bytes (a manifest
`MANIFEST.tsv` lists name, source and size, and its SHA-256 is printed).

Usage: scripts/gen-corpus.py --size 10MB --seed 1 --out .bench/corpus-10MB
       (sizes: 10MB, 100MB, 1GB, 500KB, or a plain byte count; 1 MB = 10^6 bytes)
Python 3 standard library only.
"""
import argparse
import hashlib
import os
import random
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9}
PER_FOLDER = 1000
ADJECTIVES = ["notice", "gongshi", "fintech", "sandbox", "pilot", "repost", "archive", "mirror"]


def parse_size(text):
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", text.upper())
    if not m:
        raise argparse.ArgumentTypeError(f"bad size {text!r} (use e.g. 10MB, 100MB, 1GB)")
    return int(float(m.group(1)) * UNITS[m.group(2)])


def source_pages(variants_dir):
    """(label, family, bytes) for every source page, in a fixed order."""
    out = []
    corpus = os.path.join(ROOT, "Corpus", "pages")
    for name in sorted(os.listdir(corpus)):
        if name.endswith((".html", ".htm")):
            with open(os.path.join(corpus, name), "rb") as f:
                out.append((f"corpus/{name}", "corpus", f.read()))
    for family in sorted(os.listdir(variants_dir)):
        fdir = os.path.join(variants_dir, family)
        if not os.path.isdir(fdir):
            continue
        for name in sorted(os.listdir(fdir)):
            if name.endswith((".html", ".htm")):
                with open(os.path.join(fdir, name), "rb") as f:
                    out.append((f"{family}/{name}", family, f.read()))
    return out


def stamp(data, seed, n):
    """Inserts an ASCII comment before the last </body> (case-insensitive)."""
    i = data.lower().rfind(b"</body>")
    if i < 0:
        return data
    return data[:i] + b"<!-- bench seed=%d n=%d -->\n" % (seed, n) + data[i:]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=parse_size, required=True, help="target total bytes: 10MB, 100MB, 1GB …")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output folder (emptied first; keep it out of git: .bench/ or /tmp)")
    ap.add_argument("--variants", default=os.path.join(ROOT, "..", "shared", "corpus-variants"))
    args = ap.parse_args()

    sources = source_pages(args.variants)
    if not sources:
        sys.exit("gen-corpus: no source pages found")
    rng = random.Random(args.seed)
    if os.path.exists(args.out):
        if os.path.exists(os.path.join(args.out, "MANIFEST.tsv")) or not os.listdir(args.out):
            shutil.rmtree(args.out)
        else:
            sys.exit(f"gen-corpus: {args.out} exists and is not a generated corpus; not touching it")
    os.makedirs(args.out)

    total = 0
    n = 0
    manifest = []
    order = []
    while total < args.size:
        if not order:  # a new round: every source page once, in a seeded order
            order = list(range(len(sources)))
            rng.shuffle(order)
        label, family, data = sources[order.pop()]
        page = stamp(data, args.seed, n)
        folder = f"d{n // PER_FOLDER:04d}"
        city = os.path.basename(label).rsplit(".", 1)[0]
        name = f"{rng.choice(ADJECTIVES)}-{rng.getrandbits(32):08x}-{city}-{family}.html"
        os.makedirs(os.path.join(args.out, folder), exist_ok=True)
        with open(os.path.join(args.out, folder, name), "wb") as f:
            f.write(page)
        manifest.append(f"{folder}/{name}\t{label}\t{len(page)}\n")
        total += len(page)
        n += 1
    text = "".join(manifest)
    # MANIFEST.tsv has no .html extension, so the pipeline does not read it.
    with open(os.path.join(args.out, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write(text)
    digest = hashlib.sha256(text.encode()).hexdigest()
    print(f"{args.out}: {n} pages, {total} bytes ({total / 1e6:.1f} MB), "
          f"{len(sources)} source pages, seed {args.seed}, manifest sha256 {digest}")


if __name__ == "__main__":
    main()
