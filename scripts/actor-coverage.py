#!/usr/bin/env python3
"""How many event sources, targets and quote speakers carry a country (issue 15's NewsArticles report).

Usage: scripts/actor-coverage.py [--dyad PATH] [--limit N] [INPUT]
  INPUT defaults to ../shared/data/newsarticles/NewsArticles.csv (read in place); any input that
  `dyad code` reads works (JSON Lines, CSV, a directory of .txt files).
Prints the shares and, per way of finding the country (`country_from`), how many sources got it.
"""
import argparse
import collections
import csv
import io
import json
import os
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", nargs="?", default=os.path.join(root, "..", "shared", "data", "newsarticles", "NewsArticles.csv"))
    ap.add_argument("--dyad", default=os.path.join(root, "target", "release", "dyad"))
    ap.add_argument("--limit", type=int, default=400, help="first N documents of a CSV input (0 = all)")
    args = ap.parse_args()
    cmd = [args.dyad, "code", "-q"]
    stdin = None
    if args.input.endswith(".csv") and args.limit:
        # Keep the header and the first N records (csv module: records may span lines).
        with open(args.input, newline="", encoding="utf-8", errors="replace") as f:
            rows = csv.reader(f)
            out = io.StringIO()
            w = csv.writer(out)
            for i, row in enumerate(rows):
                if i > args.limit:
                    break
                w.writerow(row)
        stdin = out.getvalue().encode()
        cmd += ["-", "--input-format", "csv"]
    else:
        cmd += [args.input]
    res = subprocess.run(cmd, input=stdin, capture_output=True, check=True)
    docs = [json.loads(l) for l in res.stdout.decode().splitlines() if l.strip()]
    ev = src = tgt = tgt_any = src_any = 0
    q = spk = spk_country = 0
    from_counts = collections.Counter()
    for d in docs:
        for e in d["events"]:
            ev += 1
            s, t = e.get("source"), e.get("target")
            if s:
                src_any += 1
                if s.get("country"):
                    src += 1
                    from_counts[s.get("country_from") or "(none)"] += 1
            if t:
                tgt_any += 1
                if t.get("country"):
                    tgt += 1
        codes = {}
        for en in d["entities"]:
            a = en.get("actor")
            if a and en.get("cluster") is not None:
                codes.setdefault(en["cluster"], a)
        for qu in d["quotes"]:
            q += 1
            sp = qu.get("speaker")
            if sp and sp.get("code"):
                spk += 1
                a = codes.get(sp.get("cluster"))
                code = sp["code"]
                # A code with a country starts with three upper-case letters that are not a sector.
                if a and a.get("country") or (len(code) >= 3 and code[:3] not in SECTORS):
                    spk_country += 1
    pct = lambda a, b: f"{a}/{b} ({a / b:.3f})" if b else f"{a}/0"
    print(f"documents {len(docs)}, events {ev}, quotes {q}")
    print(f"event sources with a country: {pct(src, ev)}  (with any source actor: {pct(src_any, ev)})")
    print(f"event targets with a country: {pct(tgt, ev)}  (with any target actor: {pct(tgt_any, ev)})")
    print(f"quote speakers with an actor code: {pct(spk, q)}; with a country: {pct(spk_country, q)}")
    print("sources' country_from: " + ", ".join(f"{k} {v}" for k, v in sorted(from_counts.items())))


SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "CVL", "MED", "BUS", "ELI", "SPY", "NGO",
           "EDU", "REL", "LAB", "HLH", "REF", "AGR", "IGO"}

if __name__ == "__main__":
    sys.exit(main())
