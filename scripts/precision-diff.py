#!/usr/bin/env python3
"""Compare two `dyad code` runs over NewsArticles event by event, and against the judged sheets.

Measures a coding rule before it is kept (docs/evaluation.md, "Precision on NewsArticles"):

  dyad-before code ../shared/data/newsarticles/NewsArticles.csv -q -o /tmp/before.jsonl
  dyad-after  code ../shared/data/newsarticles/NewsArticles.csv -q -o /tmp/after.jsonl
  scripts/precision-diff.py /tmp/before.jsonl /tmp/after.jsonl [--sheets data/eval/precision-seed*.tsv]
      [--show N]

1. All events: an event is keyed by (document, code, evidence start, source text and code, target
   text and code); prints how many keys are only in the first run (gone) and only in the second (new).
2. Judged rows: a row of a sheet counts when the first run still writes its event (same document,
   evidence start and end, code, source code and target code as the sheet records); then the second
   run either writes it unchanged, writes an event at the same evidence and code with another source
   or target (changed), or none (gone). Counts are split by the row's judgement (right on all five
   counts, or wrong somewhere; and by the column the change touches). `--show` prints the affected
   rows' numbers and error classes (no text of the data).
"""
import argparse
import collections
import csv
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(path):
    """doc id -> list of events (dicts), in output order."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out[d["id"]] = d["events"]
    return out


def actor(a):
    a = a or {}
    return (a.get("text") or "", a.get("code") or "")


def key(doc, e):
    return (doc, e["cameo"], e["evidence"]["start"], actor(e.get("source")), actor(e.get("target")))


def read_sheet(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def code_of(a):
    """The sheet's code column for an event actor: '-' no actor, '?' an actor without a code."""
    if not a:
        return "-"
    return a.get("code") or "?"


def find(events, row):
    """Events at the row's evidence with the row's code."""
    es, ee = int(row["ev_start"]), int(row["ev_end"])
    return [e for e in events
            if e["evidence"]["start"] == es and e["evidence"]["end"] == ee and e["cameo"] == row["cameo"]]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--sheets", nargs="*",
                    default=sorted(glob.glob(os.path.join(ROOT, "data", "eval", "precision-seed*.tsv"))))
    ap.add_argument("--show", type=int, default=0, help="list up to N affected judged rows")
    ap.add_argument("--rates", action="store_true",
                    help="per sheet, the judged rates of the rows the second run writes unchanged")
    args = ap.parse_args()
    a, b = load(args.before), load(args.after)
    ka = collections.Counter(key(d, e) for d, evs in a.items() for e in evs)
    kb = collections.Counter(key(d, e) for d, evs in b.items() for e in evs)
    gone, new = ka - kb, kb - ka
    print(f"events: {sum(ka.values())} -> {sum(kb.values())}; {sum(gone.values())} only before, "
          f"{sum(new.values())} only after; documents touched: "
          f"{len({k[0] for k in gone} | {k[0] for k in new})}")
    counts = collections.Counter()
    shown = []
    cols = ("real", "root", "source", "target", "negation")
    kept = collections.defaultdict(list)  # sheet -> marks of the rows both runs write unchanged
    for sheet in args.sheets:
        seed = os.path.basename(sheet).removeprefix("precision-").removesuffix(".tsv")
        for row in read_sheet(sheet):
            marks = {c: row.get(c, "").strip() for c in ("real", "root", "source", "target", "negation")}
            if not all(m in ("y", "n") for m in marks.values()):
                continue
            ok = all(m == "y" for m in marks.values())
            sig = (row["src_code"], row["tgt_code"])
            before = [e for e in find(a.get(row["doc"], []), row)
                      if (code_of(e.get("source")), code_of(e.get("target"))) == sig]
            if not before:
                continue
            counts["judged rows still written"] += 1
            after = find(b.get(row["doc"], []), row)
            if any((code_of(e.get("source")), code_of(e.get("target"))) == sig for e in after):
                kept[seed].append(marks)
                continue
            if after:
                srcs = {code_of(e.get("source")) for e in after}
                tgts = {code_of(e.get("target")) for e in after}
                what = "changed " + "/".join(
                    x for x, c in (("source", row["src_code"] not in srcs), ("target", row["tgt_code"] not in tgts)) if c
                )
            else:
                what = "gone"
            verdict = "right on all" if ok else "wrong somewhere"
            counts[(what, verdict)] += 1
            for col in ("real", "source", "target"):
                if marks[col] == "n":
                    counts[(what, f"{col} judged n")] += 1
            shown.append(f"  {seed} #{row['n']} {row['cameo']} {row['src_code']}->{row['tgt_code']} {what}: "
                         f"{' '.join(marks.values())} {row.get('error', '')}")
    print(f"judged rows ({len(args.sheets)} sheets) whose event the first run writes: "
          f"{counts.pop('judged rows still written', 0)}")
    for k in sorted(counts):
        print(f"  {k[0]:24} {k[1]:18} {counts[k]}")
    for s in shown[: args.show]:
        print(s)
    if args.rates:
        print("unchanged rows\t" + "\t".join(cols) + "\tall")
        for seed, rows in kept.items():
            n = len(rows)
            rates = [sum(r[c] == "y" for r in rows) / n for c in cols]
            rates.append(sum(all(r[c] == "y" for c in cols) for r in rows) / n)
            print(f"{seed} ({n})\t" + "\t".join(f"{x:.3f}" for x in rates))


if __name__ == "__main__":
    sys.exit(main())
