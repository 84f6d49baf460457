#!/usr/bin/env python3
"""One-off: extract the bare CAMEO facts (code, short name, Goldstein value, PLOVER type/mode/context)
from ../shared/data/cameo into Dyad's own tables data/cameo/codes.tsv and data/cameo/plover.tsv, the
latter with Dyad's hand-made rows of data/cameo/plover-overlay.tsv applied.
Descriptions, usage notes and examples are deliberately NOT extracted.
Reproduces the committed tables byte for byte (scripts/eval.sh checks it with --check).
Usage: python3 scripts/extract_cameo.py [--check] [SHARED_CAMEO_DIR]"""
import csv, filecmp, os, re, shutil, sys, tempfile

args = [a for a in sys.argv[1:] if a != "--check"]
check = "--check" in sys.argv[1:]
src = args[0] if args else os.path.join(os.path.dirname(__file__), "../../shared/data/cameo")
data = os.path.join(os.path.dirname(__file__), "../data/cameo")
# --check writes into a scratch folder and compares it with the committed tables.
out = tempfile.mkdtemp() if check else data

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

def read_overlay(path):
    """Dyad's hand-made rows (data/cameo/plover-overlay.tsv): code -> (comment lines, row). The `#` lines
    directly above a row belong to it; a comment block ended by a blank line documents the file only."""
    rows, pending = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                pending = []
            elif line.startswith("#"):
                pending.append(line)
            else:
                code = line.split("\t")[0]
                if code in rows or len(line.split("\t")) != 4:
                    sys.exit(f"{path}: bad or repeated row {line!r}")
                rows[code] = (pending, line)
                pending = []
    return rows

# The 2021 table also maps 1214 (reject intelligence cooperation), which CAMEO's code table lacks: only
# codes of codes.tsv are written, so that every PLOVER row names a known code.
known = {c for c, _, _ in rows}
overlay = read_overlay(os.path.join(data, "plover-overlay.tsv"))
with open(os.path.join(src, "CAMEO2PLOVER-2021.txt"), encoding="utf-8") as f, \
     open(os.path.join(out, "plover.tsv"), "w", encoding="utf-8") as w:
    w.write("# CAMEO code -> PLOVER (2021): code<TAB>type<TAB>mode<TAB>context (mode/context may be empty;\n")
    w.write("# several contexts are separated by ';')\n")
    seen = set()
    for line in f:
        line = line.split("#")[0].strip()
        m = re.match(r"^(\d{3,4}):\s*(.*)$", line)
        if not m or m.group(1) in seen or m.group(1) not in known:
            continue
        seen.add(m.group(1))
        if m.group(1) in overlay:
            comments, row = overlay[m.group(1)]
            w.writelines(c + "\n" for c in comments)
            w.write(row + "\n")
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        parts += [""] * (3 - len(parts))
        ctx = ";".join(p.strip() for p in parts[2].split(";") if p.strip())
        w.write(f"{m.group(1)}\t{parts[0]}\t{parts[1]}\t{ctx}\n")
    for code, (comments, row) in overlay.items():
        if code not in seen:
            w.writelines(c + "\n" for c in comments)
            w.write(row + "\n")

if check:
    bad = [n for n in ("codes.tsv", "plover.tsv") if not filecmp.cmp(os.path.join(out, n), os.path.join(data, n), shallow=False)]
    shutil.rmtree(out)
    if bad:
        sys.exit(f"extract_cameo.py --check: {', '.join(bad)} differ from what the script writes")
    print("extract_cameo.py --check: codes.tsv and plover.tsv reproduced byte for byte")
