#!/usr/bin/env python3
"""Inter-annotator agreement on PolNeAR, scored as `dyad eval polnear` scores predictions.

The articles annotated by several annotators: each later annotator's attributions are scored
against the first annotator's (file-name order, the file `dyad eval polnear` reads as gold). A
match needs overlapping cues and at least half of the reference content characters covered by
the other content; pairs are one-to-one, best coverage first. Reference attributions whose
content holds a quotation mark count as direct, the others as indirect (recall only, as in the
eval's split). This is the ceiling the issue-17 targets compare with (docs/evaluation.md).

Usage: scripts/polnear-agreement.py SPLIT_DIR [SPLIT_DIR ...]   (../shared/data/polnear/train)
Reads the corpus; prints figures only, no text of it.
"""
import collections
import glob
import os
import sys


def parse(path):
    """(cue spans, content spans) of every event with both, in code points."""
    spans, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2:
                continue
            if cols[0].startswith("T"):
                parts = cols[1].split(" ", 1)
                if len(parts) < 2:
                    continue
                frags = []
                for piece in parts[1].split(";"):
                    x = piece.split()
                    try:
                        s, e = int(x[0]), int(x[1])
                    except (IndexError, ValueError):
                        continue
                    if s < e:
                        frags.append((s, e))
                spans[cols[0]] = frags
            elif cols[0].startswith("E"):
                events.append([tuple(x.split(":", 1)) for x in cols[1].split() if ":" in x])
    out = []
    for ev in events:
        cue, content = [], []
        for role, tid in ev:
            sp = spans.get(tid)
            if sp is None:
                continue
            if role == "Cue":
                cue += sp
            elif role.startswith("Content"):
                content += sp
        if cue and content:
            out.append((cue, content))
    return out


def overlaps(a, b):
    return any(x[0] < y[1] and y[0] < x[1] for x in a for y in b)


def covered(ref, other):
    r = {i for s, e in ref for i in range(s, e)}
    o = {i for s, e in other for i in range(s, e)}
    return len(r & o), len(r)


def matched(ref, other):
    """Indices of the reference attributions matched one-to-one by `other`."""
    pairs = []
    for gi, (gc, gt) in enumerate(ref):
        for pi, (pc, pt) in enumerate(other):
            if overlaps(gc, pc):
                c, t = covered(gt, pt)
                if t and 2 * c >= t:
                    pairs.append((-c / t, gi, pi))
    pairs.sort()
    gm, pm = set(), set()
    for _, gi, pi in pairs:
        if gi not in gm and pi not in pm:
            gm.add(gi)
            pm.add(pi)
    return gm


def main():
    tot = collections.Counter()
    for split in sys.argv[1:]:
        by_article = collections.defaultdict(list)
        for a in sorted(glob.glob(os.path.join(split, "attributions", "*.ann"))):
            by_article[os.path.basename(a)[:-4].rsplit("_", 1)[0]].append(a)
        for stem, files in sorted(by_article.items()):
            txt = os.path.join(split, "text", stem + ".txt")
            if len(files) < 2 or not os.path.exists(txt):
                continue
            with open(txt, encoding="utf-8") as f:
                text = f.read()
            ref = parse(files[0])
            direct = [any(ch in text[s:e] for s, e in g[1] for ch in "“”\"") for g in ref]
            tot["articles"] += 1
            for other_file in files[1:]:
                other = parse(other_file)
                gm = matched(ref, other)
                tot["pairs"] += 1
                tot["reference"] += len(ref)
                tot["other"] += len(other)
                tot["matched"] += len(gm)
                tot["reference indirect"] += sum(not d for d in direct)
                tot["matched indirect"] += sum(1 for i in gm if not direct[i])
    if not tot["other"]:
        sys.exit("no article with several annotators")
    p = tot["matched"] / tot["other"]
    r = tot["matched"] / tot["reference"]
    ri = tot["matched indirect"] / max(tot["reference indirect"], 1)
    print(", ".join(f"{k} {v}" for k, v in tot.items()))
    print(f"P {p:.3f}  R {r:.3f}  F1 {2 * p * r / (p + r):.3f}  R indirect {ri:.3f}")


if __name__ == "__main__":
    main()
