#!/usr/bin/env python3
"""How many event sources, targets and quote speakers carry a country (issue 15's NewsArticles report).

Usage: scripts/actor-coverage.py [--dyad PATH] [--limit N] [--jsonl RUN] [INPUT]
  INPUT defaults to ../shared/data/newsarticles/NewsArticles.csv (read in place); any input that
  `dyad code` reads works (JSON Lines, CSV, a directory of .txt files). `--jsonl RUN` reads an
  existing `dyad code` output instead of running dyad (its first N documents; 0 = all).
Prints the shares and, per way of finding the country (`country_from`), how many sources got it;
then (issue 19) how many persons carry more than one actor code within one document: person
entities grouped by document and resolved name, once over all their mentions and once over the
persons that stand as an event's source or target or a quote's speaker.
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
    ap.add_argument("--jsonl", help="read this `dyad code` output instead of running dyad")
    args = ap.parse_args()
    if args.jsonl:
        with open(args.jsonl) as f:
            docs = [json.loads(l) for l in f if l.strip()]
        if args.limit:
            docs = docs[: args.limit]
        report(docs)
        return 0
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
    report(docs)
    return 0


def report(docs):
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
    persons, multi, role_persons, role_multi = codes_per_person(docs)
    print(f"persons (document, resolved name) with more than one code: {pct(multi, persons)}; "
          f"of those in an event role or speaking: {pct(role_multi, role_persons)}")


def codes_per_person(docs):
    """Persons per document (PER entities by resolved actor name) and how many carry several codes."""
    persons = multi = role_persons = role_multi = 0
    for d in docs:
        by_name = collections.defaultdict(set)
        for en in d["entities"]:
            a = en.get("actor")
            if en.get("type") == "PER" and a and a.get("name"):
                by_name[a["name"]].add(a.get("code"))
        in_role = collections.defaultdict(set)
        for e in d["events"]:
            for r in ("source", "target"):
                a = e.get(r)
                if a and a.get("name") in by_name:
                    in_role[a["name"]].add(a.get("code"))
        for qu in d["quotes"]:
            sp = qu.get("speaker")
            if sp and sp.get("resolved") and sp.get("name") in by_name:
                in_role[sp["name"]].add(sp.get("code"))
        for name, codes in by_name.items():
            persons += 1
            multi += len(codes) > 1
        for name, codes in in_role.items():
            role_persons += 1
            role_multi += len(codes | by_name[name]) > 1
    return persons, multi, role_persons, role_multi


SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "CVL", "MED", "BUS", "ELI", "SPY", "NGO",
           "EDU", "REL", "LAB", "HLH", "REF", "AGR", "IGO"}

if __name__ == "__main__":
    sys.exit(main())
