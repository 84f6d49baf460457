#!/usr/bin/env python3
"""Why does the grouping miss judged same-event pairs? Counts by cause over judged sheets.

For every pair of the judged sheets of `scripts/dedup-pairs.py` (docs/evaluation.md, "Canonical
events") that resolves on DB and was judged the same event, but which DB's grouping keeps apart,
this prints the first cause (in the order below) that a rule of `crates/dyad-store/src/dedup/rules.rs`
would cite, approximated from the stored mentions, with each pair's stratum weight (population /
judged) summed per cause, so the counts say both how many judged pairs and how many estimated
corpus pairs each cause holds. With `--pairs` it also lists each missed pair (codes, days, cause,
the judge's note).

Causes (first that applies):
  anchors   the two sides' countries differ (another country, or a side without country)
  sides     same countries, but a side's codes are not compatible under the actor rule: split by the
            kind of pair (sibling state sectors `RUSGOV`/`RUSMIL`, state vs non-state `RUSGOV`/`RUSCVL`,
            bare country vs non-state `RUS`/`RUSCVL`, two non-state sectors, a person on one side)
  reversed  sides line up only reversed, and the act is not joint or mirrored
  negation  one negated, the other not (another block)
  modality  actual vs planned/intent/demand
  time      days too far apart for the time rule (dated vs dated > 0, undated windows)
  root      two roots: of one family with shared words < 0.3, or no family with < 0.3
  statement root 01 (or self or domestic dyad) not echoed / not one story
  words     same root, shared words below the threshold (0.1; 0.25 for a parent code)
  other     none of the above (linkage: LINK_SHARE, a unit's other coding, a place conflict)

With `--linkage` (session 20) each missed pair is also classed by what the grouping itself sees,
from `dyad dedup --pair-features` (binary `$DYAD`, else `target/debug/dyad`) on the pair and on every
pair across the two canonical events it lies in:
  pair:constraint   the pair breaks a constraint (time, statements, modality, place, sides: the
                    names `--pair-features` reports; `codes` when only the actor rule's CAMEO check
                    fails, sibling codes such as 172/174), so no grouping order could join it
  pair:words        the constraints hold but the shared-words evidence does not link it
  groups:constraint the pair is linked, but a pair across its two groups breaks a constraint
  groups:share      every pair across the two groups is allowed, but fewer than LINK_SHARE (0.67)
                    of the mention pairs are linked (the grouping counts units, one span's codings)

Usage:
  scripts/dedup-misses.py DB --seeds 1-9 [--pairs] [--linkage]
"""
import argparse
import collections
import datetime
import importlib.util
import os
import re
import sqlite3
import subprocess
import tempfile
import json

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("dedup_pairs", os.path.join(ROOT, "scripts", "dedup-pairs.py"))
dp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dp)

MENTION = ("SELECT e.doc, e.sentence, e.cameo, e.root, e.source_code, e.target_code, e.source_country, "
           "e.target_country, e.day, e.modality, e.canonical, e.evidence_text, "
           "substr(d.text, sx.start + 1, sx.\"end\" - sx.start), e.negated, e.source_name, e.target_name, "
           "COALESCE(s.story, d.doc), "
           "EXISTS (SELECT 1 FROM entities n WHERE n.doc = e.doc AND n.actor_name = e.source_name AND n.type = 'PER'), "
           "EXISTS (SELECT 1 FROM entities n WHERE n.doc = e.doc AND n.actor_name = e.target_name AND n.type = 'PER'), "
           "e.idx "
           "FROM events e JOIN documents d ON d.doc = e.doc LEFT JOIN doc_signatures s ON s.doc = e.doc "
           "JOIN sentences sx ON sx.doc = e.doc AND sx.idx = e.sentence "
           "WHERE d.id = ? AND e.cameo = ? AND e.source_code = ? AND e.target_code = ? "
           "AND e.evidence_start = ? AND e.evidence_end = ? ORDER BY e.idx LIMIT 1")
KEYS = ["doc", "sentence", "cameo", "root", "src", "tgt", "src_country", "tgt_country", "day", "modality",
        "canonical", "evidence", "sentence_text", "negated", "src_name", "tgt_name", "story", "src_per",
        "tgt_per", "idx"]
STATE = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}
JOINT = {"040", "041", "044", "046", "050", "057", "060", "061", "062", "063", "064", "042", "043"}
FAMILY = {"01": 1, "02": 1, "10": 1, "11": 2, "12": 2, "17": 3, "18": 3, "19": 3, "20": 3}


# The store's content words and Jaccard share, as the pair-model check computes them.
_spec = importlib.util.spec_from_file_location("dedup_link_cv", os.path.join(ROOT, "scripts", "dedup-link-cv.py"))
_cv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_cv)
content_words, jaccard = _cv.content_words, _cv.jaccard


def sector(code, country):
    if country and code.startswith(country):
        return code[len(country):]
    return code


def side_kind(a, b, t):
    """How side `t` of mention a relates to side `t` of b."""
    x, y = a[t], b[t]
    xc, yc = a[f"{t}_country"], b[f"{t}_country"]
    if x == y:
        return "equal"
    if (xc or x) != (yc or y):
        return "anchors"
    sx, sy = sector(x, xc), sector(y, yc)
    if (not sx and sy in STATE) or (not sy and sx in STATE):
        return "state-parent"
    per = a[f"{t}_per"] and b[f"{t}_per"] and a[f"{t}_name"] and b[f"{t}_name"]
    if per:
        wx = {w.lower() for w in re.split(r"\W+", a[f"{t}_name"]) if len(w) >= 3}
        wy = {w.lower() for w in re.split(r"\W+", b[f"{t}_name"]) if len(w) >= 3}
        if wx & wy:
            return "one-person"
    if not sx or not sy:
        return "country~nonstate"
    if sx in STATE and sy in STATE:
        return "sibling-state"
    if sx in STATE or sy in STATE:
        return "state~nonstate"
    return "two-nonstate"


OK = {"equal", "state-parent", "one-person"}


def cause(a, b):
    direct = (side_kind(a, b, "src"), side_kind(a, b, "tgt"))
    flip = dict(a, src=a["tgt"], tgt=a["src"], src_country=a["tgt_country"], tgt_country=a["src_country"],
                src_name=a["tgt_name"], tgt_name=a["src_name"], src_per=a["tgt_per"], tgt_per=a["src_per"])
    rev = (side_kind(flip, b, "src"), side_kind(flip, b, "tgt"))
    def good(k):
        return all(x in OK for x in k)
    def anchored(k):
        return all(x != "anchors" for x in k)
    if not anchored(direct) and not anchored(rev):
        return "anchors"
    one_sentence = (a["doc"], a["sentence"]) == (b["doc"], b["sentence"])
    if not good(direct):
        if good(rev):
            joint = a["cameo"][:3].ljust(3, "0") in JOINT and b["cameo"][:3].ljust(3, "0") in JOINT
            if not (joint or (one_sentence and a["cameo"][:3] == b["cameo"][:3])):
                return "reversed"
        else:
            k = direct if anchored(direct) else rev
            bad = sorted({x for x in k if x not in OK})
            return "sides:" + "+".join(bad)
    if a["negated"] != b["negated"]:
        return "negation"
    planned = lambda m: m["modality"] == "actual"
    if planned(a) != planned(b) and not one_sentence:
        return "modality"
    gap = abs((datetime.date.fromisoformat(a["day"]) - datetime.date.fromisoformat(b["day"])).days)
    if gap > 2:
        return "time"
    wa, wb = content_words(a["sentence_text"]), content_words(b["sentence_text"])
    j = jaccard(wa, wb)
    copies = a["story"] == b["story"] and a["doc"] != b["doc"]
    if a["root"] != b["root"]:
        if copies and FAMILY.get(a["root"]) and FAMILY.get(a["root"]) == FAMILY.get(b["root"]):
            pass
        elif j < 0.3 or one_sentence:
            fam = "family" if FAMILY.get(a["root"]) and FAMILY.get(a["root"]) == FAMILY.get(b["root"]) else "no-family"
            return f"root:{fam}"
    dom = lambda m: (m["src_country"] or m["src"]) == (m["tgt_country"] or m["tgt"])
    if not copies:
        if a["src"] == a["tgt"] or b["src"] == b["tgt"]:
            return "statement:self-dyad"
        if a["root"] == "01" or b["root"] == "01":
            if one_sentence or j < 0.3:
                return "statement:root01"
        if (dom(a) or dom(b)) and a["doc"] != b["doc"]:
            return "statement:domestic"
    if gap > 1:
        return "time"
    if not one_sentence and not copies and a["root"] == b["root"]:
        lv = lambda c: c[:2] if len(c) >= 3 and c[2] == "0" else c[:3]
        need = 0.1 if lv(a["cameo"]) == lv(b["cameo"]) else 0.25
        if j < need:
            return "words:parent" if need > 0.1 else "words"
    return "other"


LINK_SHARE = 0.67
EVENT = ("SELECT d.id, e.idx FROM events e JOIN documents d ON d.doc = e.doc WHERE e.canonical = ? "
         "ORDER BY d.id, e.idx")


def pair_features(db, pairs):
    """`dyad dedup --pair-features` on (doc id, idx, doc id, idx) pairs: one dict (or None) each."""
    binary = os.environ.get("DYAD", os.path.join(ROOT, "target", "debug", "dyad"))
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        f.write("".join(f"{a}\t{i}\t{b}\t{j}\n" for a, i, b, j in pairs))
        path = f.name
    try:
        out = subprocess.run([binary, "dedup", "--db", db, "--pair-features", path], check=True,
                             capture_output=True, text=True).stdout.splitlines()
    finally:
        os.unlink(path)
    return [json.loads(line) for line in out]


def linkage(db, c, a, b, ka, kb):
    """What the grouping sees of a missed pair (module doc, `--linkage`): a class name."""
    me = pair_features(db, [ka + kb])[0]
    if me is None:
        return "unresolved"
    if not me["hard"]:
        return "pair:constraint:" + (",".join(f for f in me["failed"] if f not in ("roots", "said")) or "codes")
    if not me["compatible"]:
        return "pair:words"
    ga = c.execute(EVENT, (a["canonical"],)).fetchall() if a["canonical"] is not None else [ka]
    gb = c.execute(EVENT, (b["canonical"],)).fetchall() if b["canonical"] is not None else [kb]
    cross = pair_features(db, [tuple(x) + tuple(y) for x in ga for y in gb])
    broken = collections.Counter()
    for f in cross:
        if f is not None and not f["hard"]:
            broken[",".join(x for x in f["failed"] if x not in ("roots", "said")) or "codes"] += 1
    if broken:
        return "groups:constraint:" + "+".join(sorted(broken))
    linked = sum(1 for f in cross if f is not None and f["compatible"])
    return f"groups:share<{LINK_SHARE}" if linked < LINK_SHARE * len(cross) else "groups:other"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--seeds", default="1-9")
    ap.add_argument("--pairs", action="store_true")
    ap.add_argument("--linkage", action="store_true")
    args = ap.parse_args()
    seeds = []
    for part in args.seeds.split(","):
        lo, _, hi = part.partition("-")
        seeds += list(range(int(lo), int(hi or lo) + 1))
    c = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    count, weight = collections.Counter(), collections.Counter()
    link_count, link_weight = collections.Counter(), collections.Counter()
    same_total, missed_total, unresolved = 0, 0, 0
    lines = []
    for s in seeds:
        pops, rows = dp.read_sheet(os.path.join(ROOT, "data", "eval", f"dedup-pairs-seed{s}.tsv"))
        row_weight = dp.stratum_weights(pops, rows)
        for r in rows:
            if r["same"].strip().lower() != "y":
                continue
            ms = []
            for t in "ab":
                hit = c.execute(MENTION, (r[f"{t}_doc"], r[f"{t}_cameo"], r[f"{t}_src"], r[f"{t}_tgt"],
                                          int(r[f"{t}_ev_start"]), int(r[f"{t}_ev_end"]))).fetchone()
                ms.append(dict(zip(KEYS, hit)) if hit else None)
            if None in ms:
                unresolved += 1
                continue
            same_total += 1
            a, b = ms
            if a["canonical"] is not None and a["canonical"] == b["canonical"]:
                continue
            missed_total += 1
            why = cause(a, b)
            w = row_weight[r["stratum"]]
            count[why] += 1
            weight[why] += w
            if args.linkage:
                how = linkage(args.db, c, a, b, (r["a_doc"], a["idx"]), (r["b_doc"], b["idx"]))
                link_count[how] += 1
                link_weight[how] += w
                why = f"{why} [{how}]"
            lines.append(f"seed {s} #{r['n']} [{r['stratum']}] {a['cameo']} {a['src']}->{a['tgt']} {a['day']} | "
                         f"{b['cameo']} {b['src']}->{b['tgt']} {b['day']}: {why}; {r['note']}")
    print(f"{same_total} judged-same pairs resolve on {args.db} ({unresolved} do not); "
          f"{missed_total} of them kept apart")
    print(f"{'cause':36} {'pairs':>5} {'est. corpus pairs':>18}")
    for why, n in sorted(count.items(), key=lambda kv: -weight[kv[0]]):
        print(f"{why:36} {n:5} {weight[why]:18.0f}")
    if args.linkage:
        print(f"\n{'what the grouping sees':36} {'pairs':>5} {'est. corpus pairs':>18}")
        for how, n in sorted(link_count.items(), key=lambda kv: -link_weight[kv[0]]):
            print(f"{how:36} {n:5} {link_weight[how]:18.0f}")
    if args.pairs:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
