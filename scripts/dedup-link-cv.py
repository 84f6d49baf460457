#!/usr/bin/env python3
"""Would a small trained pair model link more same-event mentions than the grouping rules?

A cross-validated check on the judged development sheets of `scripts/dedup-pairs.py` (docs/evaluation.md,
"Canonical events", session 12). For every judged pair that still resolves on DB, it computes a few
description features of the two mentions (the share of their sentences' content words, the share of
their evidence spans' content words, the same three-digit code, the same day, the people named in both
sentences) and fits a weighted logistic regression (weights: each stratum's population / judged pairs)
on the candidate pairs the rules leave apart for want of shared words (different sentences, same root,
sides lined up, days at most 1 apart, same modality, no statements). Leave one sheet out: the model is
fitted on the other sheets, its threshold is the one with the highest mean recall there whose mean
precision is at least 0.90 (the issue's target), and the held-out sheet is scored with the DB's grouping
plus the model's links, pair by pair (a simulation: the grouping's linkage over whole groups is not
replayed). Prints each fold and the means beside the grouping alone.

Usage:
  dyad ingest ../shared/data/newsarticles/NewsArticles.csv --db /tmp/base.sqlite -q --no-dedup
  cp /tmp/base.sqlite /tmp/g.sqlite && dyad dedup --db /tmp/g.sqlite --rebuild
  scripts/dedup-link-cv.py /tmp/g.sqlite --seeds 1-8
"""
import argparse
import datetime
import importlib.util
import math
import os
import re
import sqlite3
import statistics

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("dedup_pairs", os.path.join(ROOT, "scripts", "dedup-pairs.py"))
dp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dp)

MENTION = ("SELECT e.doc, e.sentence, e.cameo, e.root, e.source_code, e.target_code, e.source_country, "
           "e.target_country, e.day, e.modality, e.canonical, e.evidence_text, "
           "substr(d.text, sx.start + 1, sx.\"end\" - sx.start), "
           "(SELECT group_concat(n.actor_name, '|') FROM entities n WHERE n.doc = e.doc AND n.type = 'PER' "
           " AND n.actor_name IS NOT NULL AND n.start >= sx.start AND n.\"end\" <= sx.\"end\") "
           "FROM events e JOIN documents d ON d.doc = e.doc "
           "JOIN sentences sx ON sx.doc = e.doc AND sx.idx = e.sentence "
           "WHERE d.id = ? AND e.cameo = ? AND e.source_code = ? AND e.target_code = ? "
           "AND e.evidence_start = ? AND e.evidence_end = ? ORDER BY e.idx LIMIT 1")
KEYS = ["doc", "sentence", "cameo", "root", "src", "tgt", "src_country", "tgt_country", "day", "modality",
        "canonical", "evidence", "sentence_text", "people"]
STATE = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}


def stopwords():
    words = set()
    with open(os.path.join(ROOT, "data", "dedup", "stopwords.txt"), encoding="utf-8") as f:
        for line in f:
            words.update(line.split("#")[0].split())
    return words


STOP = stopwords()


def content_words(text):
    """As the store's `content_words`: lower-case alphabetic words of 3+ letters minus stop words."""
    return {w.lower() for w in re.split(r"[^\w]+|[\d_]+", text or "") if len(w) >= 3} - STOP


def jaccard(a, b):
    return len(a & b) / len(a | b) if a | b else 0.0


def side_ok(x, xc, y, yc):
    """The store's code rule: equal, or a country and one of its state sectors."""
    def parent(p, c, cc):
        return cc == p and c.startswith(p) and c[len(p):] in STATE
    return x == y or parent(x, y, yc) or parent(y, x, xc)


def load(db, seeds):
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    pairs = []
    for s in seeds:
        pops, rows = dp.read_sheet(os.path.join(ROOT, "data", "eval", f"dedup-pairs-seed{s}.tsv"))
        weight = dp.stratum_weights(pops, rows)
        for r in rows:
            ms = []
            for t in "ab":
                hit = c.execute(MENTION, (r[f"{t}_doc"], r[f"{t}_cameo"], r[f"{t}_src"], r[f"{t}_tgt"],
                                          int(r[f"{t}_ev_start"]), int(r[f"{t}_ev_end"]))).fetchone()
                ms.append(dict(zip(KEYS, hit)) if hit else None)
            if None in ms or r["same"].strip().lower() not in ("y", "n"):
                continue
            a, b = ms
            pairs.append({"seed": s, "y": r["same"].strip().lower() == "y",
                          "w": weight[r["stratum"]],
                          "grouped": a["canonical"] is not None and a["canonical"] == b["canonical"],
                          "a": a, "b": b})
    return pairs


def candidate(p):
    a, b = p["a"], p["b"]
    gap = abs((datetime.date.fromisoformat(a["day"]) - datetime.date.fromisoformat(b["day"])).days)
    return ((a["doc"], a["sentence"]) != (b["doc"], b["sentence"]) and a["root"] == b["root"] and gap <= 1
            and a["modality"] == b["modality"] and a["root"] != "01"
            and side_ok(a["src"], a["src_country"], b["src"], b["src_country"])
            and side_ok(a["tgt"], a["tgt_country"], b["tgt"], b["tgt_country"]))


def features(p):
    a, b = p["a"], p["b"]
    people = [set(filter(None, (m["people"] or "").split("|"))) for m in (a, b)]
    return [1.0,
            jaccard(content_words(a["sentence_text"]), content_words(b["sentence_text"])),
            jaccard(content_words(a["evidence"]), content_words(b["evidence"])),
            float(a["cameo"][:3] == b["cameo"][:3]),
            float(a["day"] == b["day"]),
            min(len(people[0] & people[1]), 2) / 2]


def fit(pairs, l2=1.0, rounds=1500, rate=0.5):
    xs = [features(p) for p in pairs]
    total = sum(p["w"] for p in pairs)
    theta = [0.0] * len(xs[0])
    for _ in range(rounds):
        grad = [0.0] * len(theta)
        for x, p in zip(xs, pairs):
            q = 1 / (1 + math.exp(-sum(t * v for t, v in zip(theta, x))))
            for j, v in enumerate(x):
                grad[j] += p["w"] * (q - p["y"]) * v
        theta = [t - rate * (g + (l2 * t if j else 0.0)) / total for j, (t, g) in enumerate(zip(theta, grad))]
    return theta


def score(pairs, seed, link):
    ps = [p for p in pairs if p["seed"] == seed]
    same = sum(p["w"] for p in ps if p["y"])
    grouped = [p for p in ps if p["grouped"] or link(p)]
    tp = sum(p["w"] for p in grouped if p["y"])
    wg = sum(p["w"] for p in grouped)
    return (tp / wg if wg else 0.0), (tp / same if same else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--seeds", default="1-8", help="development sheets, e.g. 1-8 or 2,3,5")
    ap.add_argument("--min-precision", type=float, default=0.90)
    args = ap.parse_args()
    seeds = []
    for part in args.seeds.split(","):
        lo, _, hi = part.partition("-")
        seeds += list(range(int(lo), int(hi or lo) + 1))
    pairs = load(args.db, seeds)
    cands = [p for p in pairs if candidate(p) and not p["grouped"]]
    print(f"{len(pairs)} judged pairs resolve; {len(cands)} candidates left apart "
          f"({sum(p['y'] for p in cands)} judged same)")
    held = []
    for s in seeds:
        others = [t for t in seeds if t != s]
        theta = fit([p for p in cands if p["seed"] != s])

        def link(p, t):
            return candidate(p) and 1 / (1 + math.exp(-sum(a * v for a, v in zip(theta, features(p))))) >= t
        best = None
        for t in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            prs = [score(pairs, o, lambda p: link(p, t)) for o in others]
            mp, mr = statistics.mean(x for x, _ in prs), statistics.mean(y for _, y in prs)
            if mp >= args.min_precision and (best is None or mr > best[1]):
                best = (t, mr)
        t = best[0] if best else math.inf
        base = score(pairs, s, lambda p: False)
        model = score(pairs, s, lambda p: link(p, t))
        held.append((base, model))
        print(f"seed {s}: threshold {t}, weights {[round(x, 2) for x in theta]}; grouping {base[0]:.3f} / "
              f"{base[1]:.3f}, with the model's links {model[0]:.3f} / {model[1]:.3f}")
    for name, k in (("grouping", 0), ("with the model's links", 1)):
        print(f"mean over held-out sheets, {name}: precision {statistics.mean(h[k][0] for h in held):.3f}, "
              f"recall {statistics.mean(h[k][1] for h in held):.3f}")
    # The evidence-word rule without a model: a candidate pair is linked when its two evidence spans
    # share at least N content words (trigger or object), the same three-digit code.
    for n in (1, 2):
        def rule(p, n=n):
            return (candidate(p) and p["a"]["cameo"][:3] == p["b"]["cameo"][:3]
                    and len(content_words(p["a"]["evidence"]) & content_words(p["b"]["evidence"])) >= n)
        prs = [score(pairs, s, rule) for s in seeds]
        print(f"rule: evidence spans share >= {n} content words, one three-digit code: mean precision "
              f"{statistics.mean(x for x, _ in prs):.3f}, recall {statistics.mean(y for _, y in prs):.3f}")


if __name__ == "__main__":
    main()
