#!/usr/bin/env python3
"""Build data/actors/source-nouns.txt: the common nouns that stand in annotated attribution sources.

Runs `dyad code --tokens` on the texts of a PolNeAR split (default: train) and collects the lemma
(lower case) of every token tagged NOUN inside a gold *Source* span of the first annotator's file of
each article ("the campaign", "a poll", "Trump's spokesman", "voters in Iowa"). The quote speaker
filter (crates/dyad-actors/src/speaker_filter.rs) reads the list: an unresolved speaker phrase
headed by a common noun that never stands in such a source, and that is no agent noun, is taken
for no source ("the sound echoed", "New images show", "temperatures remained").

Only lemmas reach the output (no text of the corpus), one per line, sorted. Python standard library.

Usage:
  scripts/quote-source-nouns.py ../shared/data/polnear/train > data/actors/source-nouns.txt
  scripts/quote-source-nouns.py DIR --dyad target/debug/dyad
"""

import argparse
import json
import os
import subprocess

HEADER = """\
# Dyad quote source nouns: common nouns (lemmas, lower case) that stand inside an attribution's
# source in PolNeAR train (gold Source spans, first annotator's file per article; tags and lemmas
# from `dyad code --tokens`). Written by scripts/quote-source-nouns.py (docs/data.md); lines may be
# added or removed by hand. One lemma a line; `#` comments and blank lines are ignored.
# Read by crates/dyad-actors/src/speaker_filter.rs: an unresolved speaker headed by a common noun
# not listed here (and no agent noun) is no source, and its candidate is dropped. Lines after
# `# by hand` are added by hand (the script keeps them when it rewrites the file).
"""


MARKER = "# by hand"


def gold_sources(ann_path):
    """Source spans (code points) of a BRAT file."""
    out = []
    with open(ann_path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 2 and p[0].startswith("T") and p[1].startswith("Source "):
                for seg in p[1].split(" ", 1)[1].split(";"):
                    try:
                        a, b = map(int, seg.split())
                    except ValueError:
                        continue
                    out.append((a, b))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("split")
    ap.add_argument("--dyad", default=None)
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    dyad = args.dyad or os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target")), "release", "dyad")
    anns = {}
    for f in sorted(os.listdir(os.path.join(args.split, "attributions"))):
        if f.endswith(".ann"):
            anns.setdefault(f.rsplit("_", 1)[0], os.path.join(args.split, "attributions", f))
    proc = subprocess.run([dyad, "code", "-q", "--tokens", os.path.join(args.split, "text")],
                          check=True, capture_output=True, text=True)
    nouns = set()
    for line in proc.stdout.splitlines():
        d = json.loads(line)
        if d["id"] not in anns:
            continue
        spans = gold_sources(anns[d["id"]])
        for t in d.get("tokens", []):
            if t["upos"] != "NOUN":
                continue
            if any(a <= t["start"] and t["end"] <= b for a, b in spans):
                lemma = t["lemma"].lower()
                if lemma and not any(c.isspace() for c in lemma) and not lemma.startswith("#"):
                    nouns.add(lemma)
    # Lines after the `# by hand` marker of the current file are kept as they are.
    current = os.path.join(root, "data", "actors", "source-nouns.txt")
    by_hand = []
    if os.path.exists(current):
        with open(current, encoding="utf-8") as f:
            lines = f.read().splitlines()
        if MARKER in lines:
            by_hand = lines[lines.index(MARKER):]
    print(HEADER, end="")
    for n in sorted(nouns - {w.strip() for w in by_hand}):
        print(n)
    for line in by_hand:
        print(line)


if __name__ == "__main__":
    main()
