#!/usr/bin/env python3
"""Summarise the misses of the quote stage on a PolNeAR split, by kind and cue word.

Reads the TSV that `DYAD_POLNEAR_MISSES=FILE` makes `dyad eval polnear` (or the `cached` example
of dyad-quotes) write: one line per unmatched gold attribution (`miss-cue`: no predicted cue
overlaps it; `miss-content`: a cue was found, too little content) and per unmatched prediction
(`extra`). Prints the counts per kind, then the most frequent cue strings of each kind, the
first word of multi-word cues ("according to", "in a statement") grouped, and a rough
construction class of each missed cue (nominal, passive, belief verb, adjective, preposition,
multi-word). With `--content`, also classes the content misses (a cue was found, too little
content) by what the prediction with the same cue start took: a split quotation PolNeAR joins
across the cue ("“A,” X said. “B.”"), a predicted content inside the gold one (too short; whether
the gold content spans sentences), a content elsewhere (the other side of the cue, another
clause), or none at that cue start (a multi-word cue whose head is later). Use it on train, not
dev: it is a tuning aid.

Usage:
  DYAD_POLNEAR_MISSES=/tmp/misses.tsv dyad eval polnear ../shared/data/polnear/train
  scripts/quote-misses.py /tmp/misses.tsv [--top 30] [--content]
Python standard library only.
"""

import argparse
import collections
import re
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


QUOTE_OPENERS = "\"“'‘"


def content_class(gold_parts, preds):
    """The class of a content miss: `gold_parts` are the gold content's fragments, `preds` the
    contents of the unmatched predictions whose cue starts where the gold cue does."""
    if (len(gold_parts) >= 2 and gold_parts[0][:1] in QUOTE_OPENERS
            and gold_parts[1][:1] in QUOTE_OPENERS):
        return "split quotation continued after the cue"
    if not preds:
        return "no prediction at the cue start (multi-word cue, content with another cue)"
    gold = "".join(gold_parts)
    strip = " \"“”'‘’.,"
    if any(p.strip(strip) and p.strip(strip) in gold for p in preds):
        spans = re.search(r"[.?!][\"”’']? +[\"“]?[A-Z]", " ".join(gold_parts))
        return "predicted content inside the gold one, too short" + (
            " (gold spans sentences)" if spans else "")
    if len(gold_parts) >= 2:
        return "discontinuous gold content, other"
    return "predicted content elsewhere (other side of the cue, another clause)"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tsv")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--content", action="store_true", help="class the content misses")
    args = ap.parse_args()
    kinds = collections.Counter()
    cues = collections.defaultdict(collections.Counter)
    classes = collections.defaultdict(collections.Counter)
    extras = collections.defaultdict(list)
    content_misses = []
    with open(args.tsv, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            if len(parts) >= 5 and parts[0] == "extra":
                extras[(parts[2], parts[3])].append(parts[4])
            elif len(parts) >= 5 and parts[0] == "miss-content":
                content_misses.append(parts)
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
    if args.content:
        by_class = collections.Counter(
            content_class(m[4].partition(" ## ")[0].split(" | "), extras[(m[2], m[3])])
            for m in content_misses)
        print(f"\n== miss-content: by what was predicted ({len(content_misses)}) ==")
        for c, n in by_class.most_common():
            print(f"{n:6}  {c}")


if __name__ == "__main__":
    sys.exit(main())
