#!/usr/bin/env python3
"""Train the canonical-event pair model (`data/dedup/link.tsv`) on judged pair sheets, cross-validated by sheet.

The grouping (`crates/dyad-store/src/dedup/rules.rs`) links two mentions of one block when its rules
say so, or when the pair model says so (`model_links`): a logistic regression over the features of
`rules::pair_features` for pairs the rules leave apart that the model may link (`model_candidate`:
time, modality, place and underspecified codings hold, the sides line up, whatever the codes).
This script asks `dyad dedup --pair-features` what the grouping sees of every judged pair of the
development sheets (docs/evaluation.md, "Canonical events") on a `--no-dedup` ingest, fits the model
on the candidate pairs (each weighted by its stratum's population / judged pairs, so that the fit
counts corpus pairs as `scripts/dedup-pairs.py score` does), and picks the threshold with the
highest mean recall over the training sheets whose mean precision is at least --min-precision
(pair by pair: the rules' grouping of the pair, or the model's link).

Leave one sheet out (--cv): for each development sheet the model is fitted and its threshold chosen
on the other sheets, a copy of DB is regrouped with it (`dyad dedup --rebuild --link-model`), and
the held-out sheet is scored on that grouping (`scripts/dedup-pairs.py score --db`). Without --cv it
fits on all the sheets and writes the model (-o).

Usage:
  dyad ingest ../shared/data/newsarticles/NewsArticles.csv --db /tmp/nd.sqlite -q --no-dedup
  scripts/dedup-link-train.py /tmp/nd.sqlite --seeds 1-10 --cv          # cross-validated figures
  scripts/dedup-link-train.py /tmp/nd.sqlite --seeds 1-10 -o data/dedup/link.tsv
"""
import argparse
import importlib.util
import json
import math
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("dedup_pairs", os.path.join(ROOT, "scripts", "dedup-pairs.py"))
dp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dp)

FEATURES = ["bias", "sentence_jaccard", "echo", "evidence_jaccard", "shared_words", "same_code", "parent_code",
            "sibling_code", "actor_rule", "day_gap", "both_dated", "one_sentence", "same_document", "same_people",
            "statement"]
THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]


def current(c, row, tag):
    """(document id, event index) of a sheet mention in the database: by index, else by codes and
    evidence offsets (as `dedup-pairs.py score --db`), else by the evidence offsets alone."""
    want = (row[f"{tag}_cameo"], row[f"{tag}_src"], row[f"{tag}_tgt"], int(row[f"{tag}_ev_start"]),
            int(row[f"{tag}_ev_end"]))
    doc = row[f"{tag}_doc"]
    hit = c.execute("SELECT e.idx, e.cameo, e.source_code, e.target_code, e.evidence_start, e.evidence_end "
                    "FROM events e JOIN documents d ON d.doc = e.doc WHERE d.id = ? AND e.idx = ?",
                    (doc, int(row[f"{tag}_idx"]))).fetchone()
    if hit and tuple(hit[1:]) == want:
        return doc, hit[0], True
    hit = c.execute("SELECT e.idx FROM events e JOIN documents d ON d.doc = e.doc WHERE d.id = ? AND e.cameo = ? "
                    "AND e.source_code = ? AND e.target_code = ? AND e.evidence_start = ? AND e.evidence_end = ? "
                    "ORDER BY e.idx LIMIT 1", (doc,) + want).fetchone()
    if hit:
        return doc, hit[0], True
    hit = c.execute("SELECT e.idx FROM events e JOIN documents d ON d.doc = e.doc WHERE d.id = ? "
                    "AND e.evidence_start = ? AND e.evidence_end = ? ORDER BY e.idx LIMIT 1",
                    (doc,) + want[3:]).fetchone()
    return (doc, hit[0], False) if hit else None


def load(db, grouped_db, seeds, dyad):
    """Every judged pair of the sheets that resolves on db, with what the grouping sees of it."""
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    g = sqlite3.connect(f"file:{grouped_db}?mode=ro", uri=True)
    pairs = []
    for s in seeds:
        pops, rows = dp.read_sheet(os.path.join(ROOT, "data", "eval", f"dedup-pairs-seed{s}.tsv"))
        weight = dp.stratum_weights(pops, rows)
        for r in rows:
            a, b = current(c, r, "a"), current(c, r, "b")
            if not a or not b or r["same"].strip().lower() not in ("y", "n"):
                continue
            canon = [g.execute("SELECT e.canonical FROM events e JOIN documents d ON d.doc = e.doc "
                               "WHERE d.id = ? AND e.idx = ?", m[:2]).fetchone()[0] for m in (a, b)]
            pairs.append({"seed": s, "n": r["n"], "y": r["same"].strip().lower() == "y",
                          "w": weight[r["stratum"]], "by_codes": a[2] and b[2],
                          "grouped": canon[0] is not None and canon[0] == canon[1], "a": a[:2], "b": b[:2]})
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        for p in pairs:
            f.write(f"{p['a'][0]}\t{p['a'][1]}\t{p['b'][0]}\t{p['b'][1]}\n")
        name = f.name
    out = subprocess.run([dyad, "dedup", "--db", db, "--pair-features", name], check=True, capture_output=True,
                         text=True).stdout.splitlines()
    os.unlink(name)
    for p, line in zip(pairs, out):
        p["view"] = json.loads(line)
    return pairs


def domain(p):
    """The pairs the model decides: candidates the rules do not link."""
    v = p["view"]
    return v is not None and v["candidate"] and not v["compatible"]


def fit(pairs, l2, rounds=3000):
    """Weighted logistic regression (L2 on every weight but the bias) by Newton-free gradient
    descent with a fixed step; deterministic."""
    xs = [p["view"]["features"] for p in pairs]
    total = sum(p["w"] for p in pairs)
    k = len(FEATURES)
    theta = [0.0] * k
    for _ in range(rounds):
        grad = [0.0] * k
        for x, p in zip(xs, pairs):
            z = sum(t * v for t, v in zip(theta, x))
            q = 1 / (1 + math.exp(-max(min(z, 30), -30)))
            d = p["w"] * (q - p["y"]) / total
            for j in range(k):
                grad[j] += d * x[j]
        theta = [t - 1.0 * (g + (l2 * t if j else 0.0)) for j, (t, g) in enumerate(zip(theta, grad))]
    return theta


def prob(theta, p):
    z = sum(t * v for t, v in zip(theta, p["view"]["features"]))
    return 1 / (1 + math.exp(-max(min(z, 30), -30)))


def sheet_score(pairs, seed, link):
    """Weighted precision and recall of one sheet: grouped by the rules, or linked."""
    ps = [p for p in pairs if p["seed"] == seed]
    same = sum(p["w"] for p in ps if p["y"])
    grouped = [p for p in ps if p["grouped"] or link(p)]
    tp = sum(p["w"] for p in grouped if p["y"])
    wg = sum(p["w"] for p in grouped)
    return (tp / wg if wg else 1.0), (tp / same if same else 0.0)


def choose(pairs, seeds, theta, min_precision):
    best = None
    for t in THRESHOLDS:
        prs = [sheet_score(pairs, s, lambda p: domain(p) and prob(theta, p) >= t) for s in seeds]
        mp, mr = statistics.mean(x for x, _ in prs), statistics.mean(y for _, y in prs)
        if mp >= min_precision and (best is None or mr > best[1]):
            best = (t, mr, mp)
    return best


def write_model(path, theta, t, command):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Canonical events: the pair model (crates/dyad-store/src/dedup/lexicon.rs, `LinkModel`;\n"
                "# rules.rs, `pair_features`, `model_links`). A logistic regression over the features of two\n"
                "# mentions of one block that the rules leave apart; the pair is linked when its probability\n"
                "# reaches the threshold. Format: `threshold P` once and `weight FEATURE W` for every feature,\n"
                "# tab separated; `#` starts a comment. A file with neither is no model (the rules alone).\n"
                f"# Made by: {command}\n")
        if theta is None:
            return
        f.write(f"threshold\t{t}\n")
        for name, w in zip(FEATURES, theta):
            f.write(f"weight\t{name}\t{w:.4f}\n")


def score_sheet(dyad_db, seed, by_span):
    cmd = [sys.executable, os.path.join(ROOT, "scripts", "dedup-pairs.py"), "score",
           os.path.join(ROOT, "data", "eval", f"dedup-pairs-seed{seed}.tsv"), "--db", dyad_db]
    if by_span:
        cmd.append("--by-span")
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    p = r = None
    for line in out.splitlines():
        if line.startswith("pairwise precision"):
            p = float(line.split()[2])
        if line.startswith("pairwise recall"):
            r = float(line.split()[2])
    return p, r


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", help="a --no-dedup ingest (never modified)")
    ap.add_argument("--seeds", default="1-10")
    ap.add_argument("--dyad", default=os.path.join(ROOT, "target", "debug", "dyad"))
    ap.add_argument("--l2", type=float, default=0.1)
    ap.add_argument("--min-precision", type=float, default=0.90)
    ap.add_argument("--cv", action="store_true", help="leave one sheet out, regroup and score each")
    ap.add_argument("--work", default=None, help="directory for the regrouped copies (default: a temporary one)")
    ap.add_argument("-o", "--output", help="write the model fitted on all the sheets here")
    ap.add_argument("--misses", action="store_true",
                    help="classify the judged same pairs the rules' grouping keeps apart, and stop")
    args = ap.parse_args()
    seeds = dp.seeds_of(args.seeds)
    work = args.work or tempfile.mkdtemp(prefix="dedup-link-")
    os.makedirs(work, exist_ok=True)
    # The rules alone (an empty model file), the grouping the model adds to.
    empty = os.path.join(work, "empty.tsv")
    write_model(empty, None, None, "(no model)")
    rules_db = os.path.join(work, "rules.sqlite")
    shutil.copyfile(args.db, rules_db)
    subprocess.run([args.dyad, "dedup", "--db", rules_db, "--rebuild", "--link-model", empty], check=True,
                   capture_output=True)
    pairs = load(args.db, rules_db, seeds, args.dyad)
    dom = [p for p in pairs if domain(p)]
    print(f"{len(pairs)} judged pairs resolve ({sum(p['by_codes'] for p in pairs)} by codes); "
          f"{len(dom)} in the model's domain ({sum(p['y'] for p in dom)} judged same)")
    if args.misses:
        classes, weights = {}, {}
        for p in pairs:
            if not p["y"] or p["grouped"]:
                continue
            v = p["view"]
            if not v["block"]:
                why = "different block (anchors or negation)"
            elif v["compatible"]:
                why = "compatible, groups not joined (linkage)"
            elif v["candidate"]:
                f = dict(zip(FEATURES, v["features"]))
                kind = "sibling code" if f["sibling_code"] else "sectors" if not f["actor_rule"] else "words"
                why = f"model domain: {kind}" + ("" if v["hard"] else " (a hard constraint breaks)")
            else:
                why = "not a candidate: " + "+".join(v["failed"])
            classes[why] = classes.get(why, 0) + 1
            weights[why] = weights.get(why, 0) + p["w"]
        total = sum(p["w"] for p in pairs if p["y"])
        print(f"judged same: {sum(p['y'] for p in pairs)} ({total:.0f} est. corpus pairs); kept apart by the rules:")
        for why in sorted(classes, key=lambda k: -weights[k]):
            print(f"  {why:58} {classes[why]:4} {weights[why]:8.0f} ({weights[why] / total:.3f})")
        return
    if args.cv:
        rows = []
        for s in seeds:
            train = [t for t in seeds if t != s]
            theta = fit([p for p in dom if p["seed"] != s], args.l2)
            best = choose(pairs, train, theta, args.min_precision)
            model = os.path.join(work, f"fold{s}.tsv")
            write_model(model, theta if best else None, best[0] if best else None, f"fold {s}")
            db = os.path.join(work, f"fold{s}.sqlite")
            shutil.copyfile(args.db, db)
            subprocess.run([args.dyad, "dedup", "--db", db, "--rebuild", "--link-model", model], check=True,
                           capture_output=True)
            base, base_span = score_sheet(rules_db, s, False), score_sheet(rules_db, s, True)
            got, got_span = score_sheet(db, s, False), score_sheet(db, s, True)
            os.unlink(db)
            rows.append((base, got, base_span, got_span))
            print(f"seed {s}: threshold {best[0] if best else '-'} (training mean "
                  f"{best[2] if best else 0:.3f} / {best[1] if best else 0:.3f}); rules {base[0]:.3f} / {base[1]:.3f}, "
                  f"with the model {got[0]:.3f} / {got[1]:.3f}; by span {base_span[0]:.3f} / {base_span[1]:.3f} -> "
                  f"{got_span[0]:.3f} / {got_span[1]:.3f}", flush=True)
        for name, k in (("rules", 0), ("with the model", 1), ("rules, by span", 2), ("with the model, by span", 3)):
            print(f"mean over held-out sheets, {name}: precision {statistics.mean(r[k][0] for r in rows):.3f}, "
                  f"recall {statistics.mean(r[k][1] for r in rows):.3f}")
    if args.output:
        theta = fit(dom, args.l2)
        best = choose(pairs, seeds, theta, args.min_precision)
        cmd = (f"scripts/dedup-link-train.py NODEDUP.sqlite --seeds {args.seeds} --l2 {args.l2} "
               f"--min-precision {args.min_precision} -o {args.output}")
        write_model(args.output, theta if best else None, best[0] if best else None, cmd)
        print(f"threshold {best[0] if best else '-'}: training mean precision {best[2] if best else 0:.3f}, "
              f"recall {best[1] if best else 0:.3f}; weights " + ", ".join(
                  f"{n} {w:.2f}" for n, w in zip(FEATURES, theta)))
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
