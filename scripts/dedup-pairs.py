#!/usr/bin/env python3
"""Judged pairs of event mentions: pairwise precision and recall of canonical-event grouping.

A database made by `dyad ingest` groups mentions into canonical events (docs/store.md,
"Canonical events and copies"). This script draws pairs of mentions in strata (below), shows the
two evidence sentences of each pair for a judge to say "same real-world event or not", and scores
the grouping against the judgements. The committed sheet holds no text of the shared data, only
document ids, event indices, code-point offsets, codes, days, short hashes of the spans (to check
that they still resolve) and the judgements; the sentences are re-read from the CSV in ../shared
whenever they are shown or checked.

Usage:
  dyad ingest ../shared/data/newsarticles/NewsArticles.csv --db /tmp/news.sqlite -q
  scripts/dedup-pairs.py draw /tmp/news.sqlite --seed 1 -o data/eval/dedup-pairs-seed1.tsv
  scripts/dedup-pairs.py show data/eval/dedup-pairs-seed1.tsv [--from 1 --to 20] [--reveal]
  scripts/dedup-pairs.py score data/eval/dedup-pairs-seed1.tsv
  scripts/dedup-pairs.py draw-diff A.sqlite B.sqlite --seed 14 -o data/eval/dedup-pairs-model14.tsv
  scripts/dedup-pairs.py pool --db /tmp/news.sqlite --seeds 1-10 [--base /tmp/main.sqlite] [--by-span]
  scripts/dedup-pairs.py read-diff A.sqlite B.sqlite [--sample 20 --seed 1]
  scripts/dedup-pairs.py selftest

`pool` scores several sheets on one database (as `score --db` does each) and pools them: the
weighted judged-same pairs grouped, all grouped and all same, summed over the sheets (each sheet
estimates the same corpus, so the pooled figures are ratios of the summed estimates), with each
sheet's figures and their mean; with `--base` it also lists the judged pairs whose grouping differs
between the two databases (a rule change's moves, with each pair's weight and judgement).
`read-diff` counts the pairs of mentions two groupings of one database group differently and
prints a random sample of each side with both evidence spans and their context, read from the
database when run (for a corpus read of what a rule change adds and parts; nothing is written).

`draw-diff` compares two groupings of one database (copies regrouped two ways, e.g. rules alone
in A and with `--link-model` in B): stratum M+ = pairs grouped in B but not in A (B's added
links), M- = pairs grouped in A but not in B (B's splits); it draws --added (60) and --split (20)
of them at random into a sheet of the same columns (`grouped` is B's grouping). Such a sheet is
not a sample of all pairs: `score` does not take it; judge it with `show` and count.

Strata. The population is every unordered pair of distinct mentions that both carry a source
code, a target code and a day (the grouping leaves other mentions alone by design). A pair
belongs to the first stratum it fits:

  G   grouped: the same canonical event
  K1  same key (source code, target code, CAMEO root, negation), days at most 1 apart
  K3  same key, days 2 or 3 apart
  R   same source and target codes, different root or negation, days at most 1 apart
  V   reversed codes (A→B and B→A), same root, days at most 1 apart
  C   same source and target countries but other codes (CHN vs CHNGOV), same root, days at most 1 apart

Pairs in none of these (other countries, other roots across codes, days further apart) are
taken to be different events; recall is measured within the strata. `draw` takes a simple
random sample of fixed size in each stratum (ALLOCATION), records each stratum's population
size in the sheet's header, and shuffles the rows so that a judge reading in order does not see
the strata (`show` hides stratum and grouping unless `--reveal`). `score` weights each stratum
by population / sample: precision = judged-same rate in G; recall = estimated same pairs in G /
estimated same pairs in all strata. It exits 1 if a row does not resolve (document id unknown,
offsets out of range, span hashes differ), a judgement is missing or not y/n, or the header's
population sizes are missing. Judging guidelines: docs/evaluation.md, "Canonical events".
"""
import argparse
import collections
import contextlib
import csv
import datetime
import importlib.util
import io
import math
import os
import random
import sqlite3
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CSV = os.path.join(ROOT, "..", "shared", "data", "newsarticles", "NewsArticles.csv")

# The CSV reading and span hashing of the precision sample: the two sheets must resolve the
# same way (title, blank line, body; repeated ids renamed ID~2, ...).
_spec = importlib.util.spec_from_file_location("precision_sample", os.path.join(ROOT, "scripts", "precision-sample.py"))
_ps = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ps)
read_texts, span_hash, git_commit = _ps.read_texts, _ps.span_hash, _ps.git_commit

# Stratum -> pairs drawn (150 in all). Grouped pairs get the most (precision rests on them
# alone); of the rest, the strata with most pairs (R, C: thousands each, so each judged pair
# weighs most in recall) get more than the small ones.
ALLOCATION = {"G": 55, "K1": 20, "K3": 10, "R": 25, "V": 15, "C": 25}

MENTION = ["doc", "idx", "cameo", "src", "tgt", "day", "sent_start", "sent_end", "ev_start", "ev_end",
           "span_hash", "ev_hash"]
COLUMNS = (["n", "stratum", "grouped"] + [f"a_{c}" for c in MENTION] + [f"b_{c}" for c in MENTION]
           + ["same", "note"])


def day_gap(a, b):
    return abs((datetime.date.fromisoformat(a[:10]) - datetime.date.fromisoformat(b[:10])).days)


def load_mentions(db):
    """Mentions with both actor codes and a day, in (document, index) order."""
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = c.execute(
        "SELECT e.event, d.id, e.idx, e.cameo, e.root, e.negated, e.source_code, e.target_code, "
        "e.source_country, e.target_country, e.day, e.canonical, s.start, s.\"end\", "
        "e.evidence_start, e.evidence_end, e.evidence_text "
        "FROM events e JOIN documents d ON d.doc = e.doc "
        "JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence "
        "WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL AND e.day IS NOT NULL "
        "ORDER BY e.doc, e.idx").fetchall()
    keys = ["event", "doc", "idx", "cameo", "root", "negated", "src", "tgt", "src_country", "tgt_country",
            "day", "canonical", "sent_start", "sent_end", "ev_start", "ev_end", "ev_text"]
    return [dict(zip(keys, r)) for r in rows]


def stratum(a, b):
    """The stratum of a pair of mentions (module doc), or None."""
    if a["canonical"] is not None and a["canonical"] == b["canonical"]:
        return "G"
    gap = day_gap(a["day"], b["day"])
    if gap > 3:
        return None
    same_codes = (a["src"], a["tgt"]) == (b["src"], b["tgt"])
    same_key = same_codes and (a["root"], a["negated"]) == (b["root"], b["negated"])
    if same_key:
        return "K1" if gap <= 1 else "K3"
    if gap > 1:
        return None
    if same_codes:
        return "R"
    if a["root"] != b["root"]:
        return None
    if (a["src"], a["tgt"]) == (b["tgt"], b["src"]):
        return "V"
    if a["src_country"] and a["tgt_country"] and \
            (a["src_country"], a["tgt_country"]) == (b["src_country"], b["tgt_country"]):
        return "C"
    return None


def candidate_pairs(mentions):
    """Every pair (i, j), i < j, that can fall in a stratum, by bucketing instead of all pairs."""
    buckets = collections.defaultdict(list)
    for i, m in enumerate(mentions):
        buckets[("codes", m["src"], m["tgt"])].append(i)
        if m["canonical"] is not None:
            buckets[("canon", m["canonical"])].append(i)
        if m["src_country"] and m["tgt_country"]:
            buckets[("countries", m["src_country"], m["tgt_country"], m["root"])].append(i)
    seen = set()
    for key, idx in buckets.items():
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                seen.add((idx[x], idx[y]))
    # Reversed codes: pair A→B mentions with B→A ones.
    for key, idx in buckets.items():
        if key[0] == "codes" and key[1] < key[2]:
            for i in idx:
                for j in buckets.get(("codes", key[2], key[1]), []):
                    seen.add((min(i, j), max(i, j)))
    return sorted(seen)


def draw(args):
    mentions = load_mentions(args.db)
    texts = read_texts(args.data)
    by_stratum = collections.defaultdict(list)
    for i, j in candidate_pairs(mentions):
        s = stratum(mentions[i], mentions[j])
        if s:
            by_stratum[s].append((i, j))
    rng = random.Random(args.seed)
    picks = []
    for s, n in ALLOCATION.items():
        pop = by_stratum[s]
        if len(pop) < n:
            sys.exit(f"dedup-pairs: stratum {s} has {len(pop)} pairs, cannot draw {n}")
        picks += [(s, p) for p in rng.sample(pop, n)]
    rng.shuffle(picks)
    commit = args.commit or git_commit()
    pops = " ".join(f"{s}={len(by_stratum[s])}" for s in ALLOCATION)
    head = [f"# dedup pairs: seed {args.seed}, {len(picks)} pairs of {len(mentions)} mentions with both codes "
            f"and a day; dyad commit {commit}", f"# population {pops}"]
    rows = write_rows(args.output, [(s, int(s == "G"), p) for s, p in picks], mentions, texts, args.db, head)
    print(f"dedup-pairs: drew {len(rows)} pairs (seed {args.seed}); population {pops}", file=sys.stderr)


def grouped_pairs(mentions):
    """Every pair (i, j), i < j, of mentions sharing a canonical event."""
    groups = collections.defaultdict(list)
    for i, m in enumerate(mentions):
        if m["canonical"] is not None:
            groups[m["canonical"]].append(i)
    return {(g[x], g[y]) for g in groups.values() for x in range(len(g)) for y in range(x + 1, len(g))}


def write_rows(output, picks, mentions, texts, db, head):
    """Write a sheet of (stratum, grouped, (i, j)) picks with the standard header and columns."""
    rows = []
    for n, (s, grouped, (i, j)) in enumerate(picks, 1):
        row = {"n": n, "stratum": s, "grouped": grouped, "same": "", "note": ""}
        for tag, m in (("a", mentions[i]), ("b", mentions[j])):
            text = texts.get(m["doc"])
            if text is None or text[m["ev_start"]:m["ev_end"]] != m["ev_text"]:
                sys.exit(f"dedup-pairs: document {m['doc']}: evidence in {db} differs from the CSV")
            lo, hi = min(m["sent_start"], m["ev_start"]), max(m["sent_end"], m["ev_end"])
            row.update({f"{tag}_{k}": m[k] for k in MENTION if k in m})
            row[f"{tag}_span_hash"] = span_hash(text[lo:hi])
            row[f"{tag}_ev_hash"] = span_hash(text[m["ev_start"]:m["ev_end"]])
        rows.append(row)
    with open(output, "w", encoding="utf-8", newline="") if output else contextlib.nullcontext(sys.stdout) as out:
        for line in head:
            out.write(line + "\n")
        out.write("# same: y/n (same real-world event); offsets are code points into the document text "
                  "(title, blank line, body); note: the judge's reason, in own words\n")
        w = csv.DictWriter(out, COLUMNS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return rows


def grouping_diff(a_db, b_db):
    """(B's mentions, pairs grouped in B only, pairs grouped in A only) of two groupings of one
    database (index pairs into B's mentions, sorted)."""
    a, b = load_mentions(a_db), load_mentions(b_db)
    if [(m["doc"], m["idx"]) for m in a] != [(m["doc"], m["idx"]) for m in b]:
        sys.exit("dedup-pairs: the two databases do not hold the same mentions")
    ga, gb = grouped_pairs(a), grouped_pairs(b)
    return b, sorted(gb - ga), sorted(ga - gb)


def draw_diff(args):
    """Pairs grouped differently by two groupings of one database (module doc, `draw-diff`)."""
    b, added, split = grouping_diff(args.a_db, args.b_db)
    rng = random.Random(args.seed)
    picks = [("M+", 1, p) for p in rng.sample(added, min(args.added, len(added)))]
    picks += [("M-", 0, p) for p in rng.sample(split, min(args.split, len(split)))]
    rng.shuffle(picks)
    commit = args.commit or git_commit()
    head = [f"# dedup pairs: diff seed {args.seed}, {len(picks)} pairs of {len(b)} mentions with both codes and a "
            f"day, grouped in B={os.path.basename(args.b_db)} but not A={os.path.basename(args.a_db)} (M+) or the "
            f"reverse (M-); grouped: in B; dyad commit {commit}",
            f"# population M+={len(added)} M-={len(split)}"]
    rows = write_rows(args.output, picks, b, read_texts(args.data), args.b_db, head)
    print(f"dedup-pairs: drew {len(rows)} pairs (seed {args.seed}); population M+={len(added)} M-={len(split)}",
          file=sys.stderr)


def seeds_of(text):
    """Sheet seeds of a list such as `1-10` or `11,12,13`."""
    out = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        out += list(range(int(lo), int(hi or lo) + 1))
    return out


def pool(args):
    """Pooled precision and recall of several sheets on one database (module doc, `pool`)."""
    texts = read_texts(args.data)
    num = grouped = same = 0.0
    per = []
    for seed in seeds_of(args.seeds):
        pops, rows = read_sheet(os.path.join(ROOT, "data", "eval", f"dedup-pairs-seed{seed}.tsv"))
        good = [{**r, "same": r["same"].strip().lower()} for r in rows
                if r.get("same", "").strip().lower() in ("y", "n")
                and all(resolve(r, tag, texts)[1] is None for tag in ("a", "b"))]
        lost = {e.split(":")[0][len("row "):] for e in regrouped(args.db, good, args.by_span)}
        good = [r for r in good if r["n"] not in lost]
        if not good:
            continue
        w = stratum_weights(pops, good)
        if args.base:
            before = [dict(r) for r in good]
            regrouped(args.base, before, args.by_span)
            for r, b in zip(good, before):
                if r["now"] != b["now"]:
                    print(f"seed {seed} #{r['n']} [{r['stratum']}, weight {w[r['stratum']]:.0f}] judged {r['same']}: "
                          f"{'joined' if r['now'] else 'parted'}  {r['a_cameo']} {r['a_src']}>{r['a_tgt']} | "
                          f"{r['b_cameo']} {r['b_src']}>{r['b_tgt']}  {r.get('note', '')}")
        _, _, est, p, rc = estimate(pops, good)
        num += sum(w[r["stratum"]] for r in good if r["now"] and r["same"] == "y")
        grouped += sum(w[r["stratum"]] for r in good if r["now"])
        same += sum(est.values())
        per.append((seed, p, rc, len(good)))
    print("  ".join(f"seed {s}: {p:.3f} / {r:.3f} ({n})" for s, p, r, n in per))
    if per:
        print(f"pooled seeds {args.seeds}: precision {num / grouped if grouped else 0.0:.3f}, "
              f"recall {num / same if same else 0.0:.3f}; mean {sum(x[1] for x in per) / len(per):.3f} / "
              f"{sum(x[2] for x in per) / len(per):.3f}")


def read_diff(args):
    """Print pairs two groupings of one database group differently (module doc, `read-diff`)."""
    b, added, split = grouping_diff(args.a_db, args.b_db)
    print(f"grouped in B only: {len(added)} pairs; in A only: {len(split)} pairs")
    c = sqlite3.connect(f"file:{args.b_db}?mode=ro", uri=True)
    rng = random.Random(args.seed)

    def line(m):
        text = c.execute("SELECT d.text FROM documents d WHERE d.id = ?", (m["doc"],)).fetchone()[0]
        lo, hi = m["ev_start"], m["ev_end"]
        context = f"{text[max(0, lo - args.context):lo]}[[{text[lo:hi]}]]{text[hi:hi + args.context]}"
        return f"  {m['cameo']} {m['src']}>{m['tgt']} {m['day']} doc {m['doc']}: " + context.replace("\n", " / ")

    for tag, pairs in (("B only", added), ("A only", split)):
        for i, j in rng.sample(pairs, min(args.sample, len(pairs))):
            print(f"{tag}\n{line(b[i])}\n{line(b[j])}")


def stratum_weights(pops, rows):
    """Weight of one judged row per stratum: the stratum's population over its judged rows."""
    judged = collections.Counter(r["stratum"] for r in rows)
    return {k: pops[k] / n for k, n in judged.items() if k in pops}


def read_sheet(path):
    """(population by stratum, rows) of a sheet; population is {} when the header lacks it."""
    pops, body = {}, []
    with open(path, encoding="utf-8", newline="") as f:
        for line in f:
            if line.startswith("# population "):
                for part in line[len("# population "):].split():
                    s, _, k = part.partition("=")
                    if k.isdigit():
                        pops[s] = int(k)
            elif not line.startswith("#"):
                body.append(line)
    return pops, list(csv.DictReader(body, delimiter="\t"))


def resolve(row, tag, texts):
    """(start, text) of one mention's sentence widened to its evidence, or (None, error)."""
    text = texts.get(row[f"{tag}_doc"])
    if text is None:
        return None, f"unknown document id {row[f'{tag}_doc']!r}"
    try:
        ss, se, es, ee = (int(row[f"{tag}_{k}"]) for k in ("sent_start", "sent_end", "ev_start", "ev_end"))
    except (TypeError, ValueError):
        return None, "offsets are not integers"
    if not (0 <= ss < se <= len(text) and 0 <= es < ee <= len(text)):
        return None, f"offsets out of range ({ss}-{se}, evidence {es}-{ee}, text length {len(text)})"
    lo, hi = min(ss, es), max(se, ee)
    if span_hash(text[lo:hi]) != row[f"{tag}_span_hash"]:
        return None, "sentence span changed (hash differs)"
    if span_hash(text[es:ee]) != row[f"{tag}_ev_hash"]:
        return None, "evidence span changed (hash differs)"
    return (lo, text[lo:hi]), None


def show(args):
    texts = read_texts(args.data)
    _, rows = read_sheet(args.sheet)
    for row in rows:
        n = int(row["n"])
        if n < args.start or (args.to and n > args.to):
            continue
        extra = f"  [{row['stratum']}, grouped {row['grouped']}]" if args.reveal else ""
        print(f"#{n}{extra}")
        for tag in ("a", "b"):
            span, err = resolve(row, tag, texts)
            head = (f"  {tag}: doc {row[f'{tag}_doc']} ev {row[f'{tag}_idx']} {row[f'{tag}_cameo']} "
                    f"{row[f'{tag}_src']}→{row[f'{tag}_tgt']} {row[f'{tag}_day']}")
            if err:
                print(f"{head}  DOES NOT RESOLVE: {err}")
                continue
            lo, text = span
            es, ee = int(row[f"{tag}_ev_start"]) - lo, int(row[f"{tag}_ev_end"]) - lo
            marked = f"{text[:es]}[[{text[es:ee]}]]{text[ee:]}".replace("\n", " / ")
            print(f"{head}\n     {marked}")
        if row.get("same"):
            print(f"  judged {row['same']}  {row.get('note', '')}")
        print()


def estimate(pops, rows):
    """Per-stratum counts and the weighted precision and recall (module doc). A row with a
    `now` field (0/1, set by `score --db`) is scored by that grouping instead of its stratum's:
    each judged pair then stands for population / judged pairs of its stratum, grouped or not
    (a Horvitz-Thompson estimate over the strata)."""
    judged = collections.Counter()
    same = collections.Counter()
    for r in rows:
        judged[r["stratum"]] += 1
        same[r["stratum"]] += r["same"] == "y"
    est = {s: pops[s] * same[s] / judged[s] for s in judged}
    if rows and "now" in rows[0]:
        w = {s: pops[s] / judged[s] for s in judged}
        grouped = sum(w[r["stratum"]] for r in rows if r["now"])
        tp = sum(w[r["stratum"]] for r in rows if r["now"] and r["same"] == "y")
        total = sum(est.values())
        return judged, same, est, (tp / grouped if grouped else 0.0), (tp / total if total else 0.0)
    precision = same["G"] / judged["G"] if judged["G"] else 0.0
    total = sum(est.values())
    recall = est.get("G", 0.0) / total if total else 0.0
    return judged, same, est, precision, recall


def bootstrap(pops, rows, rounds=2000, which=4):
    """2.5% and 97.5% points of the recall (`which` 4; 3: precision) over resamples drawn with
    replacement within each stratum (the strata are sampled independently, so they are
    resampled independently)."""
    by = collections.defaultdict(list)
    for r in rows:
        by[r["stratum"]].append(r)
    rng, values = random.Random(0), []
    for _ in range(rounds):
        sample = [rng.choice(rs) for rs in by.values() for _ in rs]
        values.append(estimate(pops, sample)[which])
    values.sort()
    return values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]


def wilson(pops, rows, which):
    """95% Wilson interval of the precision (`which` 3) or the recall (4) of a stratified sample:
    the ratio estimate's variance by linearisation (per stratum, the population variance of
    x - ratio * y over its judged rows, weighted by population squared / judged), turned into an
    effective sample size n = ratio (1 - ratio) / variance, then Wilson's score interval at that
    n. For the draw-time precision (only stratum G grouped) this is Wilson's interval of
    same/judged in G exactly."""
    by = collections.defaultdict(list)
    for r in rows:
        by[r["stratum"]].append(r)
    ratio = estimate(pops, rows)[which]
    grouped = (lambda r: r["now"]) if rows and "now" in rows[0] else (lambda r: int(r["stratum"] == "G"))
    num, den, var = 0.0, 0.0, 0.0
    for s, rs in by.items():
        w = pops[s] / len(rs)
        xs = [int(grouped(r) and r["same"] == "y") for r in rs]
        ys = [grouped(r) if which == 3 else int(r["same"] == "y") for r in rs]
        den += w * sum(ys)
        zs = [x - ratio * y for x, y in zip(xs, ys)]
        mean = sum(zs) / len(zs)
        var += pops[s] ** 2 * sum((z - mean) ** 2 for z in zs) / len(zs) / len(zs)
    if den == 0 or var == 0:
        return None
    n = ratio * (1 - ratio) / (var / den ** 2)
    z = 1.959964
    centre = (ratio + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(ratio * (1 - ratio) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half, n


def regrouped(db, rows, by_span=False):
    """Set each row's `now` to whether a database groups its two mentions today (found by
    document id and event index, else by document id, codes and evidence offsets: the index
    shifts when the pipeline adds or drops an earlier event of the document; codes and evidence
    offsets must agree either way). With `by_span`, a mention whose codes changed is still found
    by document id and evidence offsets alone (the first coding of that span): the judgement is
    about the two sentences' acts, whatever codes the pipeline gives them today."""
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    errors = []
    for r in rows:
        canon = []
        for tag in ("a", "b"):
            want = (r[f"{tag}_cameo"], r[f"{tag}_src"], r[f"{tag}_tgt"], int(r[f"{tag}_ev_start"]),
                    int(r[f"{tag}_ev_end"]))
            hit = c.execute(
                "SELECT e.canonical, e.cameo, e.source_code, e.target_code, e.evidence_start, e.evidence_end "
                "FROM events e JOIN documents d ON d.doc = e.doc WHERE d.id = ? AND e.idx = ?",
                (r[f"{tag}_doc"], int(r[f"{tag}_idx"]))).fetchone()
            if hit is None or tuple(hit[1:]) != want:
                # The event index shifts when the pipeline adds or drops an earlier event of the
                # document; the mention itself is its codes and evidence span.
                hit = c.execute(
                    "SELECT e.canonical, e.cameo, e.source_code, e.target_code, e.evidence_start, e.evidence_end "
                    "FROM events e JOIN documents d ON d.doc = e.doc WHERE d.id = ? AND e.cameo = ? "
                    "AND e.source_code = ? AND e.target_code = ? AND e.evidence_start = ? AND e.evidence_end = ? "
                    "ORDER BY e.idx LIMIT 1", (r[f"{tag}_doc"],) + want).fetchone()
            if (hit is None or tuple(hit[1:]) != want) and by_span:
                hit = c.execute(
                    "SELECT e.canonical FROM events e JOIN documents d ON d.doc = e.doc WHERE d.id = ? "
                    "AND e.evidence_start = ? AND e.evidence_end = ? ORDER BY e.idx LIMIT 1",
                    (r[f"{tag}_doc"],) + want[3:]).fetchone()
                if hit is not None:
                    canon.append(hit[0])
                    continue
            if hit is None or tuple(hit[1:]) != want:
                errors.append(f"row {r['n']}: mention {tag} ({r[f'{tag}_doc']} #{r[f'{tag}_idx']}) "
                              f"is not in {db} as drawn")
            canon.append(hit[0] if hit else None)
        r["now"] = int(canon[0] is not None and canon[0] == canon[1])
    return errors


def score(args):
    texts = read_texts(args.data)
    pops, rows = read_sheet(args.sheet)
    bad, good = 0, []
    for row in rows:
        errs = [f"{tag}: {e}" for tag in ("a", "b") for _, e in [resolve(row, tag, texts)] if e]
        mark = (row.get("same") or "").strip().lower()
        if row.get("stratum") not in ALLOCATION:
            errs.append(f"unknown stratum {row.get('stratum')!r}")
        elif row["stratum"] not in pops:
            errs.append(f"no population size for stratum {row['stratum']} in the header")
        if row.get("grouped") != str(int(row.get("stratum") == "G")):
            errs.append("grouped disagrees with the stratum")
        if mark not in ("y", "n"):
            errs.append(f"judgement must be y or n, got {mark!r}")
        if errs:
            print(f"row {row.get('n')}: " + "; ".join(errs), file=sys.stderr)
            bad += 1
        else:
            good.append({**row, "same": mark})
    if args.db and good:
        missing = regrouped(args.db, good, getattr(args, "by_span", False))
        for e in missing:
            print(e, file=sys.stderr)
        bad += len(missing)
        # A pair whose mentions are not in the database as drawn cannot be scored on it.
        lost = {e.split(":")[0][len("row "):] for e in missing}
        good = [r for r in good if r["n"] not in lost]
        print(f"grouping of {args.db} (not the one recorded at draw time): "
              f"{sum(r['now'] for r in good)} of {len(good)} judged pairs grouped")
    judged, same, est, precision, recall = estimate(pops, good) if good else ({}, {}, {}, 0.0, 0.0)
    print(f"{len(rows)} pairs, {len(good)} resolve and are judged")
    print(f"{'stratum':8} {'population':>10} {'judged':>6} {'same':>5} {'rate':>6} {'est. same pairs':>16}")
    for s in ALLOCATION:
        if s in judged:
            print(f"{s:8} {pops[s]:10} {judged[s]:6} {same[s]:5} {same[s] / judged[s]:6.3f} {est[s]:16.1f}")
    if args.db and good:
        lo, hi = bootstrap(pops, good, which=3)
        print(f"pairwise precision {precision:.3f} (weighted over the strata; 95% interval {lo:.3f}-{hi:.3f}, "
              "stratified bootstrap)")
        print(f"pairwise recall {recall:.3f} (estimated same pairs grouped / in all strata)")
    else:
        if "G" in judged:
            p, k = precision, judged["G"]
            print(f"pairwise precision {same['G']}/{k} = {p:.3f} (±{1.96 * math.sqrt(p * (1 - p) / k):.3f}, "
                  "95% normal approx.)")
            if good:
                lo, hi = bootstrap(pops, good, which=3)
                print(f"precision 95% interval {lo:.3f}-{hi:.3f} (stratified bootstrap, 2000 resamples, seed 0)")
        print(f"pairwise recall {est.get('G', 0.0):.1f}/{sum(est.values()):.1f} = {recall:.3f} "
              "(estimated same pairs grouped / in all strata)")
    if good:
        lo, hi = bootstrap(pops, good)
        print(f"recall 95% interval {lo:.3f}-{hi:.3f} (stratified bootstrap, 2000 resamples, seed 0)")
    if good and getattr(args, "wilson", False):
        for name, which in (("precision", 3), ("recall", 4)):
            w = wilson(pops, good, which)
            if w:
                print(f"{name} 95% Wilson interval {w[0]:.3f}-{w[1]:.3f} (effective sample size {w[2]:.1f})")
    for name, value, floor in (("precision", precision, args.min_precision), ("recall", recall, args.min_recall)):
        if floor is not None and value < floor:
            print(f"pairwise {name} {value:.3f} is below the floor {floor}", file=sys.stderr)
            bad += 1
    if bad:
        sys.exit(1)


def selftest(_args):
    """Ingest-free check: draw, judge and score a sheet over an invented database and CSV; then
    break the sheet in the ways `score` must catch."""
    arts = [("a1", "Talks held", "Ruritania's minister met Freedonia's envoy on Monday. Ruritania met Freedonia."),
            ("a2", "Envoy visit", "The Ruritanian minister met the Freedonian envoy. Freedonia met Ruritania."),
            ("a3", "Later", "Ruritania met Freedonia again on Thursday.")]
    with tempfile.TemporaryDirectory() as tmp:
        csv_path, db, sheet = (os.path.join(tmp, f) for f in ("a.csv", "a.sqlite", "s.tsv"))

        def write_csv(items):
            _ps.write_test_csv(csv_path, items)

        write_csv(arts)
        c = sqlite3.connect(db)
        c.executescript(
            "CREATE TABLE documents (doc INTEGER PRIMARY KEY, id TEXT);"
            "CREATE TABLE sentences (doc INT, idx INT, start INT, \"end\" INT);"
            "CREATE TABLE events (event INTEGER PRIMARY KEY, doc INT, idx INT, sentence INT, cameo TEXT, root TEXT,"
            " negated INT, source_code TEXT, target_code TEXT, source_country TEXT, target_country TEXT, day TEXT,"
            " canonical INT, evidence_start INT, evidence_end INT, evidence_text TEXT);")
        # (doc, sentence, source, target, day, canonical): two grouped meetings, a reversed one,
        # one three days later, one in a country-level code.
        events = [(1, 1, "RURGOV", "FREGOV", "2020-01-06", 1), (2, 1, "RURGOV", "FREGOV", "2020-01-06", 1),
                  (1, 2, "RUR", "FRE", "2020-01-06", 2), (2, 2, "FRE", "RUR", "2020-01-06", 3),
                  (3, 1, "RUR", "FRE", "2020-01-09", 4)]
        for d, (doc_id, title, body) in enumerate(arts, 1):
            c.execute("INSERT INTO documents VALUES (?, ?)", (d, doc_id))
            text, pos = f"{title}\n\n{body}", len(title) + 2
            c.execute("INSERT INTO sentences VALUES (?, 0, 0, ?)", (d, len(title)))
            for k, part in enumerate(body.split(". "), 1):
                part = part if part.endswith(".") else part + "."
                c.execute("INSERT INTO sentences VALUES (?, ?, ?, ?)", (d, k, pos, pos + len(part)))
                pos += len(part) + 1
        for idx, (d, sent, src, tgt, day, canon) in enumerate(events):
            text = f"{arts[d - 1][1]}\n\n{arts[d - 1][2]}"
            start = c.execute("SELECT start FROM sentences WHERE doc = ? AND idx = ?", (d, sent)).fetchone()[0]
            es = text.index("met", start)
            c.execute("INSERT INTO events VALUES (NULL, ?, ?, ?, '040', '04', 0, ?, ?, ?, ?, ?, ?, ?, ?, 'met')",
                      (d, idx, sent, src, tgt, src[:3], tgt[:3], day, canon, es, es + 3))
        c.commit()
        c.close()
        mentions = load_mentions(db)
        strata = collections.Counter(stratum(mentions[i], mentions[j]) for i, j in candidate_pairs(mentions))
        assert {k: v for k, v in strata.items() if k} == {"G": 1, "K3": 1, "V": 1, "C": 2}, strata
        global ALLOCATION
        saved, ALLOCATION = ALLOCATION, {"G": 1, "K1": 0, "K3": 1, "R": 0, "V": 1, "C": 2}
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                draw(argparse.Namespace(db=db, data=csv_path, seed=1, output=sheet, commit="test"))
            lines = open(sheet, encoding="utf-8").read().splitlines()
            assert "# population G=1 K1=0 K3=1 R=0 V=1 C=2" in lines, lines[:3]

            def score_with(marks, items=arts, drop_pop=False, floor=None, db_arg=None):
                out = []
                for line in lines:
                    cells = line.split("\t")
                    if line.startswith("# population") and drop_pop:
                        continue
                    if not line.startswith("#") and cells[0] != "n":
                        cells[-2] = marks.get(cells[1], "y")
                    out.append("\t".join(cells))
                with open(sheet, "w", encoding="utf-8") as f:
                    f.write("\n".join(out) + "\n")
                write_csv(items)
                buf = io.StringIO()
                try:
                    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
                        score(argparse.Namespace(sheet=sheet, data=csv_path, min_precision=floor, min_recall=None,
                                                 db=db_arg))
                    return buf.getvalue()
                except SystemExit:
                    return None

            # Same: G, V, C (both); not: K3 -> recall 1 / (1 + 1 + 2) = 0.25.
            out = score_with({"K3": "n"})
            assert out and "precision 1/1 = 1.000" in out and "= 0.250" in out, out
            assert score_with({"K3": "n"}, floor=1.0) is not None
            assert score_with({"G": "n"}, floor=0.5) is None  # precision 0 below the floor
            assert score_with({"G": "maybe"}) is None
            assert score_with({"G": ""}) is None
            assert score_with({}, drop_pop=True) is None
            assert score_with({}, items=[arts[0], arts[1], ("a3", "Later", arts[2][2].replace("met", "saw"))]) is None
            assert score_with({}, items=arts[:2] + [("a9",) + arts[2][1:]]) is None
            # Re-scored on a database that groups everything (weights 1): the 4 same pairs are
            # all grouped (recall 1.0), and so is the K3 pair judged different (precision 4/5).
            c = sqlite3.connect(db)
            c.execute("UPDATE events SET canonical = 1")
            c.commit()
            c.close()
            out = score_with({"K3": "n"}, db_arg=db)
            assert out and "pairwise precision 0.800" in out and "recall 1.000" in out, out
            c = sqlite3.connect(db)
            c.execute("UPDATE events SET cameo = '041' WHERE event = 1")
            c.commit()
            c.close()
            assert score_with({"K3": "n"}, db_arg=db) is None  # the drawn mention changed
            # draw-diff: A groups the two meetings (events 1, 2); B splits them and joins the
            # reversed pair (3, 4) instead: one added (M+), one split (M-).
            write_csv(arts)
            b_db = os.path.join(tmp, "b.sqlite")
            c = sqlite3.connect(db)
            c.execute("UPDATE events SET cameo = '040', canonical = event")
            c.execute("UPDATE events SET canonical = 1 WHERE event IN (1, 2)")
            c.commit()
            c.close()
            with open(db, "rb") as f, open(b_db, "wb") as g:
                g.write(f.read())
            c = sqlite3.connect(b_db)
            c.execute("UPDATE events SET canonical = event")
            c.execute("UPDATE events SET canonical = 3 WHERE event IN (3, 4)")
            c.commit()
            c.close()
            with contextlib.redirect_stderr(io.StringIO()):
                draw_diff(argparse.Namespace(a_db=db, b_db=b_db, data=csv_path, seed=1, added=5, split=5,
                                             output=sheet, commit="test"))
            pops, rows = read_sheet(sheet)
            assert pops == {"M+": 1, "M-": 1}, pops
            got = sorted((r["stratum"], r["grouped"], r["a_doc"], r["a_idx"], r["b_doc"], r["b_idx"]) for r in rows)
            assert got == [("M+", "1", "a1", "2", "a2", "3"), ("M-", "0", "a1", "0", "a2", "1")], got
        finally:
            ALLOCATION = saved
    # Wilson: the draw-time precision is Wilson's interval of same/judged in G (8 of 10:
    # 0.490-0.943); the recall's effective sample size shrinks when a large stratum has same pairs.
    rows = [{"stratum": "G", "same": m} for m in "yyyyyyyynn"] + [{"stratum": "C", "same": m} for m in "ynnn"]
    lo, hi, n = wilson({"G": 100, "C": 1000}, rows, 3)
    assert (round(lo, 3), round(hi, 3), round(n, 6)) == (0.49, 0.943, 10.0), (lo, hi, n)
    lo, hi, n = wilson({"G": 100, "C": 1000}, rows, 4)
    assert lo < 80 / 330 < hi and n < 14, (lo, hi, n)
    print("dedup-pairs selftest: ok")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw", help="sample pairs of mentions of a `dyad ingest` database into a sheet")
    d.add_argument("db")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("-o", "--output")
    d.add_argument("--data", default=DEFAULT_CSV, help="the CSV the database was ingested from")
    d.add_argument("--commit", help="dyad commit the database was made with (default: HEAD of this checkout)")
    s = sub.add_parser("show", help="print the sheet's pairs with their two evidence sentences")
    s.add_argument("sheet")
    s.add_argument("--data", default=DEFAULT_CSV)
    s.add_argument("--from", dest="start", type=int, default=1)
    s.add_argument("--to", type=int, default=0)
    s.add_argument("--reveal", action="store_true", help="also print each pair's stratum and grouping")
    c = sub.add_parser("score", help="check that the rows resolve and print precision and recall")
    c.add_argument("sheet")
    c.add_argument("--data", default=DEFAULT_CSV)
    c.add_argument("--min-precision", type=float, help="exit 1 if the pairwise precision is below this")
    c.add_argument("--min-recall", type=float, help="exit 1 if the pairwise recall is below this")
    c.add_argument("--by-span", action="store_true",
                   help="with --db: find a mention whose codes changed by its document and evidence offsets")
    c.add_argument("--db", help="score the grouping of this `dyad ingest` database (same CSV) instead of the "
                   "one recorded at draw time: a re-score of an older sheet after the rules changed")
    c.add_argument("--wilson", action="store_true",
                   help="also print 95%% Wilson intervals (at the stratified estimate's effective sample size)")
    f = sub.add_parser("draw-diff", help="sample pairs that two groupings of one database group differently")
    f.add_argument("a_db")
    f.add_argument("b_db")
    f.add_argument("--seed", type=int, default=14)
    f.add_argument("--added", type=int, default=60, help="pairs drawn of those grouped in B only (M+)")
    f.add_argument("--split", type=int, default=20, help="pairs drawn of those grouped in A only (M-)")
    f.add_argument("-o", "--output")
    f.add_argument("--data", default=DEFAULT_CSV)
    f.add_argument("--commit", help="dyad commit the databases were grouped with (default: HEAD of this checkout)")
    o = sub.add_parser("pool", help="score several sheets on one database and pool them")
    o.add_argument("--db", required=True)
    o.add_argument("--seeds", default="1-10")
    o.add_argument("--base", help="also list the judged pairs this database groups differently")
    o.add_argument("--by-span", action="store_true")
    o.add_argument("--data", default=DEFAULT_CSV)
    r = sub.add_parser("read-diff", help="print a sample of the pairs two groupings group differently")
    r.add_argument("a_db")
    r.add_argument("b_db")
    r.add_argument("--sample", type=int, default=20)
    r.add_argument("--seed", type=int, default=1)
    r.add_argument("--context", type=int, default=200, help="characters of context each side of the evidence")
    sub.add_parser("selftest", help="check draw and score on an invented database (no data needed)")
    args = ap.parse_args()
    {"draw": draw, "draw-diff": draw_diff, "show": show, "score": score, "pool": pool, "read-diff": read_diff,
     "selftest": selftest}[args.cmd](args)


if __name__ == "__main__":
    main()
