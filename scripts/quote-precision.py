#!/usr/bin/env python3
"""Quote precision sample: draw quotes of a `dyad code` run at random, judge them, score them.

The companion of scripts/precision-sample.py (events) for the quote stage: of the quotes Dyad
writes for news it was not tuned on, how many are attributions at all, and how many have the right
speaker and content. The committed sheet holds no text of the shared data, only ids, code-point
offsets, short hashes of the spans and the judgements; `show` re-reads the texts from ../shared.

Usage:
  dyad code ../shared/data/newsarticles/NewsArticles.csv -q -o /tmp/news.jsonl
  scripts/quote-precision.py draw /tmp/news.jsonl --seed 1 -n 100 -o data/eval/quote-precision-seed1.tsv
  scripts/quote-precision.py show data/eval/quote-precision-seed1.tsv --jsonl /tmp/news.jsonl
  scripts/quote-precision.py score data/eval/quote-precision-seed1.tsv
  scripts/quote-precision.py selftest          # invented articles, no data needed

Judgements (docs/evaluation.md, "Quote precision on news"): `attribution` y/n (someone's speech,
writing, belief or finding is reported, with its content); for attributions also `speaker` y/n
(the speaker Dyad gives is the source: the right named actor or role when it resolves one, else
the right phrase when the text names nobody better) and `content` y/n (the span is the reported
material, give or take a word); `-` in both for a non-attribution. `class` names the error.
"""
import argparse
import collections
import csv
import importlib.util
import json
import os
import random
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def _events_sheet_module():
    """scripts/precision-sample.py, for the CSV reader and the span hash they share."""
    spec = importlib.util.spec_from_file_location("precision_sample", os.path.join(HERE, "precision-sample.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


ps = _events_sheet_module()

FIELDS = ["n", "doc", "idx", "kind", "q_start", "q_end", "cue_start", "cue_end", "sp_start", "sp_end",
          "resolved", "q_hash"]
JUDGED = ["attribution", "speaker", "content"]
COLUMNS = FIELDS + JUDGED + ["class"]

# Error classes, with the judgement column one of which must be "n" when the class is given.
CLASSES = {
    "not an attribution": {"attribution"},
    "writer's voice": {"attribution"},
    "headline or caption": {"attribution", "speaker", "content"},
    "speaker missed": {"speaker"},
    "speaker from another clause": {"speaker"},
    "speaker resolved wrong": {"speaker"},
    "speaker cut short": {"speaker"},
    "content too long": {"content"},
    "content too short": {"content"},
    "content is the wrong clause": {"content"},
}


def draw(args):
    docs = [json.loads(l) for l in open(args.jsonl, encoding="utf-8") if l.strip()]
    quotes = [(d, i) for d in docs for i in range(len(d["quotes"]))]
    if args.n > len(quotes):
        sys.exit(f"quote-precision: only {len(quotes)} quotes, cannot draw {args.n}")
    picks = random.Random(args.seed).sample(range(len(quotes)), args.n)
    texts = ps.read_texts(args.data) if args.data else {}
    rows = []
    for n, k in enumerate(picks, 1):
        d, i = quotes[k]
        q, text = d["quotes"][i], d["text"]
        if texts and texts.get(d["id"]) != text:
            sys.exit(f"quote-precision: document {d['id']}: text in {args.jsonl} differs from {args.data}")
        cue, sp = q.get("cue") or {}, q.get("speaker") or {}
        rows.append({
            "n": n, "doc": d["id"], "idx": i, "kind": q["kind"], "q_start": q["start"], "q_end": q["end"],
            "cue_start": cue.get("start", -1), "cue_end": cue.get("end", -1),
            "sp_start": sp.get("start", -1), "sp_end": sp.get("end", -1),
            "resolved": int(bool(sp.get("resolved"))), "q_hash": ps.span_hash(text[q["start"]:q["end"]]),
        })
    ps.write_sheet(args.output, [
        f"quote precision sample: seed {args.seed}, {args.n} of {len(quotes)} quotes in "
        f"{len(docs)} documents; dyad commit {args.commit or ps.git_commit()}",
        "judgements y/n (- for speaker and content of a non-attribution); offsets are code points "
        "into the document text; -1 = none",
    ], COLUMNS, rows)
    print(f"quote-precision: drew {args.n} of {len(quotes)} quotes (seed {args.seed})", file=sys.stderr)


def resolve(row, texts):
    """The document text of a row, or an error when the row no longer points at the same quote."""
    text = texts.get(row["doc"])
    if text is None:
        return None, f"unknown document id {row['doc']!r}"
    try:
        offs = {k: int(row[k]) for k in FIELDS[4:10]}
    except ValueError:
        return None, "offsets are not integers"
    for a, b in (("q_start", "q_end"), ("cue_start", "cue_end"), ("sp_start", "sp_end")):
        if offs[a] != -1 and not (0 <= offs[a] < offs[b] <= len(text)):
            return None, f"{a[:-6]} offsets {offs[a]}-{offs[b]} out of range"
    if ps.span_hash(text[offs["q_start"]:offs["q_end"]]) != row["q_hash"]:
        return None, "quote span changed (hash differs)"
    return text, None


def context(row, text, width=300):
    """The quote with `width` characters around it, content in [[ ]], cue in <>, speaker in {S: }."""
    marks = [(int(row["q_start"]), "[["), (int(row["q_end"]), "]]")]
    for key, open_tag, close_tag in (("cue", "<", ">"), ("sp", "{S: ", "}")):
        a, b = int(row[f"{key}_start"]), int(row[f"{key}_end"])
        if a >= 0:
            marks += [(a, open_tag), (b, close_tag)]
    lo = max(0, min(m[0] for m in marks) - width)
    hi = min(len(text), max(m[0] for m in marks) + width // 3)
    pieces, last = [], lo
    for pos, tag in sorted(marks, key=lambda m: (m[0], 0 if m[1] in ("]]", ">", "}") else 1)):
        pieces += [text[last:pos], tag]
        last = pos
    pieces.append(text[last:hi])
    return "".join(pieces).replace("\n", " / ")


def show(args):
    texts = ps.read_texts(args.data)
    names = {}
    if args.jsonl:
        for line in open(args.jsonl, encoding="utf-8"):
            d = json.loads(line)
            names[d["id"]] = [((q.get("speaker") or {}).get("name"), (q.get("speaker") or {}).get("code"))
                              for q in d["quotes"]]
    for row in ps.read_sheet(args.sheet):
        n = int(row["n"])
        if n < args.start or (args.to and n > args.to):
            continue
        text, err = resolve(row, texts)
        if err:
            print(f"#{n} doc {row['doc']}: {err}")
            continue
        name = names.get(row["doc"], [])[int(row["idx"])] if row["doc"] in names else None
        print(f"#{n} doc {row['doc']} {row['kind']} resolved={row['resolved']} name={name} "
              f"judged={[row.get(c, '') for c in JUDGED]} {row.get('class', '')}")
        print("   " + context(row, text))


def check(row):
    """A problem with a row's judgements, or None."""
    marks = {c: row.get(c, "").strip().lower() for c in JUDGED}
    if marks["attribution"] not in ("y", "n"):
        return f"attribution must be y or n, got {marks['attribution']!r}"
    allowed = ("y", "n") if marks["attribution"] == "y" else ("-",)
    for c in ("speaker", "content"):
        if marks[c] not in allowed:
            return f"{c} must be one of {allowed} when attribution is {marks['attribution']}"
    classes = [c.strip() for c in row.get("class", "").split(";") if c.strip()]
    if not classes and "n" in marks.values():
        return "a wrong quote needs an error class"
    for c in classes:
        if c not in CLASSES:
            return f"unknown class {c!r} (known: {', '.join(CLASSES)})"
        if all(marks[col] != "n" for col in CLASSES[c]):
            return f"class {c!r} needs an n in one of {sorted(CLASSES[c])}"
    return None


def score(args):
    texts = ps.read_texts(args.data)
    rows = ps.read_sheet(args.sheet)
    bad, judged = 0, []
    for row in rows:
        problem = resolve(row, texts)[1] or check(row)
        if problem:
            print(f"row {row['n']} (doc {row['doc']}): {problem}", file=sys.stderr)
            bad += 1
        else:
            judged.append(row)
    attr = [r for r in judged if r["attribution"] == "y"]
    rate = lambda k, n: f"{k:4}/{n:<4} {k / n if n else 0:.3f}"
    print(f"{len(rows)} rows, {len(judged)} resolve and are judged")
    print(f"{'attribution (precision of the quote stage)':48} {rate(len(attr), len(judged))}")
    print(f"{'speaker right, of attributions':48} {rate(sum(r['speaker'] == 'y' for r in attr), len(attr))}")
    print(f"{'content right, of attributions':48} {rate(sum(r['content'] == 'y' for r in attr), len(attr))}")
    all_ok = sum(r["speaker"] == "y" and r["content"] == "y" for r in attr)
    print(f"{'all right (attribution, speaker, content)':48} {rate(all_ok, len(judged))}")
    for label, subset in (("resolved", [r for r in judged if r["resolved"] == "1"]),
                          ("unresolved", [r for r in judged if r["resolved"] != "1"])):
        k = sum(r["attribution"] == "y" for r in subset)
        print(f"{'attribution among ' + label + ' speakers':48} {rate(k, len(subset))}")
    classes = collections.Counter(c.strip() for r in judged for c in r.get("class", "").split(";") if c.strip())
    if classes:
        print("error classes:")
        for c, k in classes.most_common():
            print(f"  {k:4}  {c}")
    if bad:
        sys.exit(1)


def selftest(_args):
    """Draw from an invented run, judge, score; a changed text must fail to resolve."""
    body = 'The mayor said the bridge would reopen. "It is safe," she told reporters.'
    run = {"id": "a1", "text": f"Bridge\n\n{body}", "quotes": []}
    t = run["text"]
    for content, cue, sp in (("the bridge would reopen", "said", "The mayor"), ("It is safe", "told", "she")):
        c, k, s = t.index(content), t.index(cue), t.index(sp)
        run["quotes"].append({"start": c, "end": c + len(content), "kind": "indirect",
                              "cue": {"start": k, "end": k + len(cue)},
                              "speaker": {"start": s, "end": s + len(sp), "resolved": sp != "she"}})
    with tempfile.TemporaryDirectory() as tmp:
        data, jl, sheet = (os.path.join(tmp, f) for f in ("a.csv", "run.jsonl", "sheet.tsv"))
        ps.write_test_csv(data, [("a1", "Bridge", body)])
        with open(jl, "w", encoding="utf-8") as f:
            f.write(json.dumps(run) + "\n")
        draw(argparse.Namespace(jsonl=jl, seed=1, n=2, output=sheet, data=data, commit="test"))
        rows = ps.read_sheet(sheet)
        assert len(rows) == 2 and all(resolve(r, ps.read_texts(data))[1] is None for r in rows)
        rows[0].update(attribution="y", speaker="y", content="y")
        rows[1].update(attribution="n", speaker="-", content="-", **{"class": "not an attribution"})
        assert all(check(r) is None for r in rows)
        rows[1]["class"] = ""
        assert check(rows[1]) == "a wrong quote needs an error class"
        rows[0]["speaker"] = "-"
        assert check(rows[0]) is not None
        ps.write_test_csv(data, [("a1", "Bridge", body.replace("safe", "sound"))])
        changed = ps.read_texts(data)
        assert any(resolve(r, changed)[1] for r in rows)
    print("quote-precision selftest: ok")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw", help="sample N quotes of a `dyad code` JSON Lines run into a sheet")
    d.add_argument("jsonl")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("-n", type=int, default=100)
    d.add_argument("-o", "--output")
    d.add_argument("--data", default=ps.DEFAULT_CSV,
                   help="the CSV the run coded; its texts must equal the run's (empty string: skip the check)")
    d.add_argument("--commit", help="dyad commit the run was made with (default: HEAD of this checkout)")
    s = sub.add_parser("show", help="print the sheet's quotes in context")
    s.add_argument("sheet")
    s.add_argument("--data", default=ps.DEFAULT_CSV)
    s.add_argument("--jsonl", help="the run the sheet was drawn from, to show resolved names")
    s.add_argument("--from", dest="start", type=int, default=1)
    s.add_argument("--to", type=int, default=0)
    c = sub.add_parser("score", help="check that the rows resolve and print the judged rates")
    c.add_argument("sheet")
    c.add_argument("--data", default=ps.DEFAULT_CSV)
    sub.add_parser("selftest", help="check draw, check and resolve on an invented article (no data needed)")
    args = ap.parse_args()
    {"draw": draw, "show": show, "score": score, "selftest": selftest}[args.cmd](args)


if __name__ == "__main__":
    main()
