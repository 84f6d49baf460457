#!/usr/bin/env python3
"""One-off: extract the bare CAMEO facts (code, short name, Goldstein value, PLOVER type/mode/context)
from ../shared/data/cameo into Dyad's own tables data/cameo/codes.tsv and data/cameo/plover.tsv.
Descriptions, usage notes and examples are deliberately NOT extracted.
Usage: python3 scripts/extract_cameo.py [SHARED_CAMEO_DIR]"""
import csv, os, re, sys

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../shared/data/cameo")
out = os.path.join(os.path.dirname(__file__), "../data/cameo")

def quad(code):
    r = int(code[:2])
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4

rows = []
with open(os.path.join(src, "cameo-codes.csv"), encoding="utf-8", errors="replace") as f:
    for r in csv.DictReader(f):
        rows.append((r["code"], float(r["goldstein"]), r["name"].strip()))
# Codes present only in GDELT's Goldstein table (kept for completeness).
known = {c for c, _, _ in rows}
with open(os.path.join(src, "CAMEO.goldsteinscale.txt"), encoding="utf-8") as f:
    next(f)
    for line in f:
        c, g = line.split()
        if c not in known:
            rows.append((c, float(g), ""))
rows.sort(key=lambda r: (r[0][:2], r[0]))
with open(os.path.join(out, "codes.tsv"), "w", encoding="utf-8") as w:
    w.write("# CAMEO event codes: code<TAB>goldstein<TAB>quad<TAB>name\n")
    w.write("# quad: 1 verbal cooperation (01-05), 2 material cooperation (06-09),\n")
    w.write("#       3 verbal conflict (10-14), 4 material conflict (15-20)\n")
    for c, g, n in rows:
        w.write(f"{c}\t{g:g}\t{quad(c)}\t{n}\n")

# Where the 2021 table contradicts the PLOVER manual (PLOVER_MANUAL.tex, CONCEDE: "easing of
# administrative or legal restrictions on persons and organizations, removing curfews, suspending
# protests"), the manual wins: easing a curfew or a state of emergency is a concession, as the PLOVER
# GSR codes it, not a (military or material) retreat; a resignation (0831) is the manual's RETREAT
# mode "resign" (the mode is written by hand in data/cameo/plover.tsv).
OVERRIDES = {"0813": "CONCEDE", "0814": "CONCEDE", "0831": "RETREAT"}

with open(os.path.join(src, "CAMEO2PLOVER-2021.txt"), encoding="utf-8") as f, \
     open(os.path.join(out, "plover.tsv"), "w", encoding="utf-8") as w:
    w.write("# CAMEO code -> PLOVER (2021): code<TAB>type<TAB>mode<TAB>context (mode/context may be empty;\n")
    w.write("# several contexts are separated by ';')\n")
    seen = set()
    for line in f:
        line = line.split("#")[0].strip()
        m = re.match(r"^(\d{3,4}):\s*(.*)$", line)
        if not m or m.group(1) in seen:
            continue
        seen.add(m.group(1))
        parts = [p.strip() for p in m.group(2).split(",")]
        parts += [""] * (3 - len(parts))
        parts[0] = OVERRIDES.get(m.group(1), parts[0])
        ctx = ";".join(p.strip() for p in parts[2].split(";") if p.strip())
        w.write(f"{m.group(1)}\t{parts[0]}\t{parts[1]}\t{ctx}\n")
