#!/usr/bin/env python3
"""Summarise the misses of the quote stage on a PolNeAR split, by kind and cue word.

Reads the TSV that `DYAD_POLNEAR_MISSES=FILE` makes `dyad eval polnear` (or the `cached` example
of dyad-quotes) write: one line per unmatched gold attribution (`miss-cue`: no predicted cue
overlaps it; `miss-content`: a cue was found, too little content) and per unmatched prediction
(`extra`). Prints the counts per kind, then the most frequent cue strings of each kind, the
first word of multi-word cues ("according to", "in a statement") grouped, and a rough
construction class of each missed cue (nominal, passive, belief verb, adjective, preposition,
multi-word). Use it on train, not dev: it is a tuning aid.

Usage:
  DYAD_POLNEAR_MISSES=/tmp/misses.tsv dyad eval polnear ../shared/data/polnear/train
  scripts/quote-misses.py /tmp/misses.tsv [--top 30]
Python standard library only.
"""

import argparse
import collections
import sys

BELIEF = {
    "believe", "believes", "believed", "think", "thinks", "thought", "know", "knows", "knew",
    "fear", "fears", "feared", "hope", "hopes", "hoped", "expect", "expects", "expected",
    "want", "wants", "wanted", "see", "sees", "saw", "feel", "feels", "felt", "worry",
    "worries", "worried", "doubt", "doubts", "doubted", "agree", "agrees", "agreed",
}
NOMINAL_ENDINGS = ("ment", "tion", "sion", "ance", "ence", "ism", "ity", "ure", "cy")
NOMINAL = {"claim", "claims", "statement", "view", "views", "call", "calls", "support",
           "criticism", "question", "questions", "report", "reports", "comment", "comments",
           "argument", "accusations", "remarks", "belief", "promise", "pledge", "warning"}
PREPOSITIONS = {"in", "for", "to", "on", "from", "by", "at", "with", "of", "according"}


def construction(cue):
    """A rough class of a cue string (lower case)."""
    words = cue.split()
    if not words:
        return "empty"
    if words[0] == "according":
        return "according to"
    if cue in (":", "—", "-", "–"):
        return "colon or dash"
    if len(words) >= 2 and words[0] in ("is", "was", "are", "were", "been", "be", "being"):
        return "passive or copula"
    if any(w in BELIEF for w in words):
        return "belief verb"
    if len(words) == 1 and words[0] in PREPOSITIONS:
        return "preposition"
    if any(w in NOMINAL or w.endswith(NOMINAL_ENDINGS) for w in words):
        return "nominal"
    if len(words) >= 3:
        return "multi-word phrase"
    return "other verb or word"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tsv")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    kinds = collections.Counter()
    cues = collections.defaultdict(collections.Counter)
    classes = collections.defaultdict(collections.Counter)
    with open(args.tsv, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            kind, cue = parts[0], parts[1].strip().lower()
            kinds[kind] += 1
            cues[kind][cue] += 1
            classes[kind][construction(cue)] += 1
    for kind, n in kinds.most_common():
        print(f"{kind}\t{n}")
    for kind in sorted(cues):
        print(f"\n== {kind}: construction ==")
        for c, n in classes[kind].most_common():
            print(f"{n:6}  {c}")
        print(f"\n== {kind}: top {args.top} cue strings ({len(cues[kind])} distinct, "
              f"{sum(1 for v in cues[kind].values() if v == 1)} seen once) ==")
        for c, n in cues[kind].most_common(args.top):
            print(f"{n:6}  {c}")


if __name__ == "__main__":
    sys.exit(main())
