#!/usr/bin/env python3
"""Why do judged same-event pairs no longer resolve on a database? (issue 19, session 14)

`scripts/dedup-pairs.py score --db` leaves out a judged pair when one of its mentions is no
longer in the database as drawn (same document, CAMEO code, actor codes and evidence offsets).
For every judged-same pair of the sheets that does not resolve on DB, this says why, per
mention, in this order:

  changed:WHAT      the document still has an event on that evidence span (or one overlapping
                    it: `evidence`), with another code and/or other actor codes
  event check       gone from DB, but `dyad code --min-check 0` writes it: the trained event
                    check (docs/models.md, "Event check") leaves it out
  irrealis          written only with `--min-check 0 --keep-irrealis`: the coder's irrealis
                    rules (announced or unreal acts) leave it out
  not coded         neither writes it: the pipeline no longer codes that act so (patterns,
                    roles, actors)

It re-codes only the documents of the gone mentions (a CSV subset in a temporary directory)
with DYAD. Counts mentions and pairs (a pair by the cause of its first unresolved mention, and
by each cause that touches it).

Usage:
  scripts/dedup-unresolved.py DB --seeds 1-9 [--dyad target/debug/dyad] [-v]
"""
import argparse
import collections
import csv
import importlib.util
import json
import os
import subprocess
import sqlite3
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("dedup_pairs", os.path.join(ROOT, "scripts", "dedup-pairs.py"))
dp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dp)


def lookup(c, r, t):
    """(cause, wanted mention, the changed event or None) of mention `t` of row `r`."""
    want = (r[f"{t}_cameo"], r[f"{t}_src"], r[f"{t}_tgt"], int(r[f"{t}_ev_start"]), int(r[f"{t}_ev_end"]))
    evs = c.execute("SELECT e.cameo, e.source_code, e.target_code, e.evidence_start, e.evidence_end "
                    "FROM events e JOIN documents d ON d.doc = e.doc WHERE d.id = ? ORDER BY e.idx",
                    (r[f"{t}_doc"],)).fetchall()
    if any(tuple(e) == want for e in evs):
        return "ok", want, None
    same_span = [e for e in evs if (e[3], e[4]) == want[3:]]
    overlap = [e for e in evs if e[3] < want[4] and want[3] < e[4]]
    for kind, cands in (("span", same_span), ("overlap", overlap)):
        if cands:
            e, what = cands[0], []
            if e[0] != want[0]:
                what.append("code")
            if (e[1], e[2]) != want[1:3]:
                what.append("actors")
            if kind == "overlap":
                what.append("evidence")
            return "changed:" + "+".join(what), want, e
    return "gone", want, None


def recode(dyad, data, docs):
    """{flags tag: {(doc id, cameo, src, tgt, start, end): check}} for the documents `docs`."""
    with open(data, encoding="utf-8", newline="") as f:
        rd = csv.reader(f)
        header = next(rd)
        rows = [row for row in rd if row and row[0] in {d.split("~")[0] for d in docs}]
    found = {}
    with tempfile.TemporaryDirectory() as tmp:
        sub = os.path.join(tmp, "gone.csv")
        with open(sub, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)
        for tag, flags in (("check", ["--min-check", "0"]), ("irrealis", ["--min-check", "0", "--keep-irrealis"])):
            out = subprocess.run([dyad, "code", sub, "--format", "jsonl", "-q"] + flags,
                                 capture_output=True, text=True, check=True).stdout
            found[tag] = {}
            for line in out.splitlines():
                d = json.loads(line)
                for e in d["events"]:
                    s, t = e["source"] or {}, e["target"] or {}
                    key = (d["id"], e["cameo"], s.get("code"), t.get("code"),
                           e["evidence"]["start"], e["evidence"]["end"])
                    found[tag][key] = e.get("check")
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("--seeds", default="1-9")
    ap.add_argument("--dyad", default=os.path.join(ROOT, "target", "debug", "dyad"))
    ap.add_argument("--data", default=dp.DEFAULT_CSV)
    ap.add_argument("-v", action="store_true", help="list every unresolved mention")
    args = ap.parse_args()
    c = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    rows = []
    for s in dp.seeds_of(args.seeds):
        _, rs = dp.read_sheet(os.path.join(ROOT, "data", "eval", f"dedup-pairs-seed{s}.tsv"))
        rows += [dict(r, seed=s) for r in rs if (r.get("same") or "").strip().lower() == "y"]
    res = {(r["seed"], r["n"], t): lookup(c, r, t) for r in rows for t in "ab"}
    gone = sorted({r[f"{t}_doc"] for r in rows for t in "ab" if res[(r["seed"], r["n"], t)][0] == "gone"})
    found = recode(args.dyad, args.data, gone) if gone else {"check": {}, "irrealis": {}}
    mentions, first, touched = collections.Counter(), collections.Counter(), collections.Counter()
    checks = []
    for r in rows:
        causes = []
        for t in "ab":
            kind, want, e = res[(r["seed"], r["n"], t)]
            if kind == "gone":
                key = (r[f"{t}_doc"],) + want
                kind = ("event check" if key in found["check"] else
                        "irrealis" if key in found["irrealis"] else "not coded")
                if kind == "event check":
                    checks.append(found["check"][key])
            if kind != "ok":
                mentions[kind] += 1
                causes.append(kind)
                if args.v:
                    print(f"seed {r['seed']} #{r['n']} {t}: {kind}: {' '.join(map(str, want))}"
                          + (f" -> now {' '.join(map(str, e))}" if e else ""))
        if causes:
            first[causes[0]] += 1
            for k in set(causes):
                touched[k] += 1
    print(f"{len(rows)} judged-same pairs of seeds {args.seeds}; {sum(first.values())} do not resolve on {args.db}")
    print(f"{'cause':28} {'mentions':>8} {'pairs (first)':>13} {'pairs (any)':>11}")
    for k, _ in mentions.most_common():
        print(f"{k:28} {mentions[k]:8} {first[k]:13} {touched[k]:11}")
    if checks:
        print(f"event check of the mentions it leaves out: {min(checks)}-{max(checks)}")


if __name__ == "__main__":
    main()
