#!/usr/bin/env python3
"""Build data/quotes/frames.tsv: which (lemma, POS, frame) triples are attribution cues.

Runs `dyad code --tokens` on the texts of a PolNeAR split (default: train), and for every token
counts how often its (lemma, upos, frame) occurs and how often the token lies inside a gold cue
span. The frame is the token's strongest complement in the parse: `ccomp` > `xcomp` > `obj` >
`acl` > `none`. Triples seen at least --min-count times whose cue share is at least --min-share
are written, one per line, sorted; the quote stage reads them as cues when a parse is present.
Tokens inside the content of another attribution are not counted (PolNeAR annotates no nested
attribution, and the quote stage skips cues inside content it has already claimed).

Only lemmas, tags and counts reach the output (no text of the corpus). Python standard library.

Usage:
  scripts/quote-cue-frames.py ../shared/data/polnear/train > data/quotes/frames.tsv
  scripts/quote-cue-frames.py DIR --min-share 0.7 --min-count 2 --dyad target/release/dyad
"""

import argparse
import collections
import json
import os
import subprocess
import sys

KEPT_UPOS = {"VERB", "NOUN", "ADJ"}


def frame(kids):
    for f in ("ccomp", "xcomp", "obj", "acl"):
        if f in kids:
            return f
    return "none"


def gold_cues(ann_path):
    """Cue and content spans (code points) of the attributions with content in a BRAT file."""
    spans, out, contents = {}, [], []
    with open(ann_path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0].startswith("T") and len(p) >= 2 and " " in p[1]:
                _, off = p[1].split(" ", 1)
                try:
                    spans[p[0]] = [tuple(map(int, x.split())) for x in off.split(";")]
                except ValueError:
                    continue
            elif p[0].startswith("E") and len(p) >= 2:
                roles = [x.split(":", 1) for x in p[1].split() if ":" in x]
                cue = [s for r, t in roles if r == "Cue" for s in spans.get(t, [])]
                content = [s for r, t in roles if r.startswith("Content") for s in spans.get(t, [])]
                if cue and content:
                    out.extend(cue)
                    contents.extend(content)
    return out, contents


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("split")
    ap.add_argument("--dyad", default=None)
    ap.add_argument("--min-share", type=float, default=0.7)
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    dyad = args.dyad or os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target")), "release", "dyad")

    anns = {}
    for f in sorted(os.listdir(os.path.join(args.split, "attributions"))):
        if f.endswith(".ann"):
            anns.setdefault(f.rsplit("_", 1)[0], os.path.join(args.split, "attributions", f))
    seen, cue = collections.Counter(), collections.Counter()
    proc = subprocess.run([dyad, "code", "-q", "--tokens", os.path.join(args.split, "text")],
                          check=True, capture_output=True, text=True)
    for line in proc.stdout.splitlines():
        d = json.loads(line)
        if d["id"] not in anns:
            continue
        cues, contents = gold_cues(anns[d["id"]])
        toks = d.get("tokens", [])
        kids = collections.defaultdict(set)
        for t in toks:
            if t["head"] is not None:
                kids[t["head"]].add(t["deprel"].split(":")[0])
        for i, t in enumerate(toks):
            if t["upos"] not in KEPT_UPOS:
                continue
            # Inside another attribution's content a cue is never annotated (PolNeAR is univocal),
            # and the quote stage skips cues in content it has claimed: count only outside.
            if any(t["start"] < e and t["end"] > s for s, e in contents) and not any(
                    t["start"] < e and t["end"] > s for s, e in cues):
                continue
            key = (t["lemma"].lower(), t["upos"], frame(kids[i]))
            seen[key] += 1
            if any(t["start"] < e and t["end"] > s for s, e in cues):
                cue[key] += 1
    print("# Attribution cues by parse frame, counted on PolNeAR train by scripts/quote-cue-frames.py")
    print(f"# (--min-share {args.min_share} --min-count {args.min_count}); edit by hand freely.")
    print("# Columns: LEMMA UPOS FRAME SHARE COUNT. FRAME is the token's strongest complement in the")
    print("# parse: ccomp > xcomp > obj > acl > none. SHARE = how often the triple was a cue (tokens")
    print("# inside the content of another attribution not counted). COUNT = occurrences counted.")
    rows = []
    for key, n in seen.items():
        if n >= args.min_count and cue[key] / n >= args.min_share:
            if not key[0].isalpha() or not key[0].islower():
                continue
            rows.append((key, cue[key] / n, n))
    for (lemma, upos, fr), share, n in sorted(rows):
        print(f"{lemma}\t{upos}\t{fr}\t{share:.2f}\t{n}")
    print(f"{len(rows)} triples", file=sys.stderr)


if __name__ == "__main__":
    main()
