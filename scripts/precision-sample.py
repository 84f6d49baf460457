#!/usr/bin/env python3
"""Precision sample: draw coded events at random, judge them by hand, score the judgements.

The committed sheet holds no text of the shared data, only ids, code-point offsets, codes, short
hashes of the spans (to check they still resolve) and the judgements. The sentences are re-read
from the CSV in ../shared whenever they are shown or checked.

Usage:
  # 1. code the corpus (once), 2. draw a sheet, 3. judge it while reading, 4. score it
  dyad code ../shared/data/newsarticles/NewsArticles.csv -q -o /tmp/news.jsonl
  scripts/precision-sample.py draw /tmp/news.jsonl --seed 1 -n 200 -o data/eval/precision-seed1.tsv
  scripts/precision-sample.py show data/eval/precision-seed1.tsv [--jsonl /tmp/news.jsonl --from 1 --to 20]
  scripts/precision-sample.py score data/eval/precision-seed1.tsv
  # a fresh sample after changes: the same with --seed 2 -o data/eval/precision-seed2.tsv

`draw` samples N events uniformly from all events of the run (random.Random(SEED).sample over
the events in output order) and writes the sheet with empty judgement columns. `show` prints each
event with its sentence, the evidence in [[ ]], the source in {S: } and the target in {T: }.
`score` checks that every row still resolves to the same spans of the data (document id known,
offsets in range, span hashes equal) and prints the judged rates; it exits 1 if a row does not
resolve or a judgement is missing or malformed. Judging guidelines: docs/evaluation.md.
"""
import argparse
import collections
import csv
import hashlib
import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CSV = os.path.join(ROOT, "..", "shared", "data", "newsarticles", "NewsArticles.csv")

# Columns written by `draw`; the judgement columns are filled by hand.
FIELDS = [
    "n", "doc", "idx", "sent_start", "sent_end", "ev_start", "ev_end", "cameo", "negated",
    "modality", "src_code", "src_start", "src_end", "tgt_code", "tgt_start", "tgt_end",
    "sent_hash", "ev_hash",
]
JUDGED = ["real", "root", "source", "target", "negation"]
COLUMNS = FIELDS + JUDGED + ["error"]

# The error classes a judge may give (docs/evaluation.md describes each), with the judgement
# columns of which at least one must be "n" when the class is given.
CLASSES = {
    "word sense": {"real", "root"},
    "irrealis": {"real"},
    "not an event": {"real"},
    "mental state as statement": {"real"},
    "announced act coded as done": {"real"},
    "wrong root": {"root"},
    "010 where a specific code applies": {"root"},
    "executive order": {"root"},
    "negation": {"negation"},
    "role reversal": {"source", "target"},
    "source from another clause": {"source"},
    "source from the reporting clause": {"source"},
    "place or modifier as source": {"source"},
    "source code wrong": {"source"},
    "coreference wrong": {"source", "target"},
    "target left out": {"target"},
    "target from another clause": {"target"},
    "place or modifier as target": {"target"},
    "headline, caption or list": set(JUDGED),
}


def span_hash(text):
    """Short fingerprint of a span: enough to detect a changed text, says nothing readable."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def read_texts(path):
    """Document id -> analysed text, rebuilt as `dyad code` builds it from the CSV.

    Mirrors crates/dyad-text/src/read/csv_reader.rs: `title + "\\n\\n" + text` when both exist,
    the title alone when the body is blank, ids repeated in the run renamed `ID~2`, `ID~3`, ...
    """
    texts = {}
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        header = [h.strip().lstrip("\ufeff").lower() for h in next(rows)]
        col = {h: i for i, h in enumerate(header)}
        stem = os.path.splitext(os.path.basename(path))[0]
        for row_no, rec in enumerate(rows, 1):
            if len(rec) <= col["text"]:
                continue
            doc_id = rec[col["article_id"]] if "article_id" in col else ""
            doc_id = doc_id or f"{stem}:{row_no}"
            body = rec[col["text"]]
            title = rec[col["title"]].strip() if "title" in col else ""
            if title and body.strip():
                text = f"{title}\n\n{body}"
            else:
                text = title or body
            base, k = doc_id, 1
            while doc_id in texts:
                k += 1
                doc_id = f"{base}~{k}"
            texts[doc_id] = text
    return texts


def locate(sent_text, sent_start, ev_start, mention):
    """Offsets of the mention occurrence nearest the evidence inside the sentence, else (-1, -1).

    Event sources and targets carry their text but no offsets in schema 1, so the sheet records
    where the judged mention is.
    """
    if not mention:
        return -1, -1
    def whole_word(i):
        before = sent_text[i - 1] if i > 0 else " "
        after = sent_text[i + len(mention)] if i + len(mention) < len(sent_text) else " "
        return not before.isalnum() and not after.isalnum()

    # Case-blind search: a pronoun source "he" may be written "He" in the sentence.
    folded, needle = sent_text.lower(), mention.lower()
    best, i = None, folded.find(needle) if len(folded) == len(sent_text) else sent_text.find(mention)
    while i >= 0:
        start = sent_start + i
        # A whole-word occurrence beats a nearer one inside a word ("he" in "The"), and the same
        # case beats another case.
        exact = sent_text[i : i + len(mention)] == mention
        key = (not whole_word(i), not exact, abs(start - ev_start))
        if best is None or key < best[0]:
            best = (key, start)
        i = folded.find(needle, i + 1) if len(folded) == len(sent_text) else sent_text.find(mention, i + 1)
    best = best[1] if best else None
    return (best, best + len(mention)) if best is not None else (-1, -1)


def draw(args):
    docs = []
    with open(args.jsonl, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
    events = [(d, i) for d in docs for i in range(len(d["events"]))]
    if args.n > len(events):
        sys.exit(f"precision-sample: only {len(events)} events, cannot draw {args.n}")
    picks = random.Random(args.seed).sample(range(len(events)), args.n)
    texts = read_texts(args.data) if args.data else {}
    rows = []
    for n, k in enumerate(picks, 1):
        d, i = events[k]
        e = d["events"][i]
        text = d["text"]
        if texts and texts.get(d["id"]) != text:
            sys.exit(f"precision-sample: document {d['id']}: text in {args.jsonl} differs from {args.data}")
        s = d["sentences"][e["sentence"]]
        ev = e["evidence"]
        # The evidence can lie outside the event's sentence (a quote's cue in the next one):
        # actors are looked for in the span that covers both.
        lo, hi = min(s["start"], ev["start"]), max(s["end"], ev["end"])
        row = {
            "n": n, "doc": d["id"], "idx": i, "sent_start": s["start"], "sent_end": s["end"],
            "ev_start": ev["start"], "ev_end": ev["end"], "cameo": e["cameo"],
            "negated": int(bool(e["negated"])), "modality": e["modality"],
            "sent_hash": span_hash(text[s["start"]:s["end"]]),
            "ev_hash": span_hash(text[ev["start"]:ev["end"]]),
        }
        for role, key in (("source", "src"), ("target", "tgt")):
            a = e.get(role) or {}
            start, end = locate(text[lo:hi], lo, ev["start"], a.get("text"))
            if a.get("text") and start < 0:
                # Resolved outside the sentence (e.g. coreference): mark, keep the code.
                start = end = -2
            row[f"{key}_code"] = a.get("code") or ("?" if a else "-")
            row[f"{key}_start"], row[f"{key}_end"] = start, end
        rows.append(row)
    commit = args.commit or git_commit()
    write_sheet(args.output, [
        f"precision sample: seed {args.seed}, {args.n} of {len(events)} events in "
        f"{len(docs)} documents; dyad commit {commit}",
        "judgements y/n; offsets are code points into the document text (title, blank line, body); "
        "src/tgt offsets -1 = no actor, -2 = actor text not in the sentence",
    ], COLUMNS, rows)
    print(f"precision-sample: drew {args.n} of {len(events)} events (seed {args.seed})", file=sys.stderr)


def write_sheet(path, comments, columns, rows):
    """Write a sheet (to stdout without a path): `#` comment lines, then a TSV of `columns` with the
    judgement columns left empty."""
    out = open(path, "w", encoding="utf-8", newline="") if path else sys.stdout
    for c in comments:
        out.write(f"# {c}\n")
    w = csv.DictWriter(out, columns, delimiter="\t", lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({**{c: "" for c in columns}, **r})
    if out is not sys.stdout:
        out.close()


def git_commit():
    try:
        return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short=12", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def read_sheet(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def resolve(row, texts):
    """(start, text) of the span a row is judged on (its sentence, widened to the evidence), or an error."""
    text = texts.get(row["doc"])
    if text is None:
        return None, f"unknown document id {row['doc']!r}"
    try:
        ss, se, es, ee = (int(row[k]) for k in ("sent_start", "sent_end", "ev_start", "ev_end"))
    except ValueError:
        return None, "offsets are not integers"
    if not (0 <= ss < se <= len(text) and 0 <= es < ee <= len(text)):
        return None, f"offsets out of range ({ss}-{se}, evidence {es}-{ee}, text length {len(text)})"
    if span_hash(text[ss:se]) != row["sent_hash"]:
        return None, "sentence span changed (hash differs)"
    if span_hash(text[es:ee]) != row["ev_hash"]:
        return None, "evidence span changed (hash differs)"
    lo, hi = min(ss, es), max(se, ee)
    for key in ("src", "tgt"):
        a, b = int(row[f"{key}_start"]), int(row[f"{key}_end"])
        if a >= 0 and not (lo <= a < b <= hi):
            return None, f"{key} offsets {a}-{b} outside the sentence and evidence"
    return (lo, text[lo:hi]), None


def marked(row, span):
    """The judged span (from `resolve`) with the evidence, source and target marked."""
    ss, text = span
    marks = [(int(row["ev_start"]), "[["), (int(row["ev_end"]), "]]")]
    for key, tag in (("src", "{S: "), ("tgt", "{T: ")):
        a, b = int(row[f"{key}_start"]), int(row[f"{key}_end"])
        if a >= 0:
            marks += [(a, tag), (b, "}")]
    # Closing marks go before opening ones at the same offset.
    pieces, last = [], ss
    for pos, tag in sorted(marks, key=lambda m: (m[0], 0 if m[1] in ("]]", "}") else 1)):
        pieces.append(text[last - ss:pos - ss])
        pieces.append(tag)
        last = pos
    pieces.append(text[last - ss:])
    return "".join(pieces).replace("\n", " / ")


def cameo_names(path):
    names = {}
    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as f:
            for r in csv.DictReader(f):
                code = r.get("code") or r.get("CAMEO") or ""
                names[code.strip()] = (r.get("name") or r.get("Name") or "").strip()
    except OSError:
        pass
    return names


def show(args):
    texts = read_texts(args.data)
    # Optional: the run's JSON Lines, for the actors' resolved names (not stored in the sheet).
    run = {}
    if args.jsonl:
        with open(args.jsonl, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    run[d["id"]] = d["events"]
    names = cameo_names(os.path.join(os.path.dirname(os.path.dirname(args.data)), "cameo", "cameo-codes.csv"))
    for row in read_sheet(args.sheet):
        n = int(row["n"])
        if n < args.start or (args.to and n > args.to):
            continue
        span, err = resolve(row, texts)
        if err:
            print(f"#{n} doc {row['doc']}: DOES NOT RESOLVE: {err}\n")
            continue
        def actor(key):
            a = int(row[f"{key}_start"])
            code = row[f"{key}_code"]
            if code == "-":
                return "none"
            evs = run.get(row["doc"])
            if evs and int(row["idx"]) < len(evs):
                act = evs[int(row["idx"])].get("source" if key == "src" else "target") or {}
                code += f" ({act.get('text')} = {act.get('name')})"
            return code + (" (text outside sentence)" if a == -2 else "")
        name = names.get(row["cameo"], "")
        neg = " NEGATED" if row["negated"] == "1" else ""
        print(f"#{n} doc {row['doc']} ev {row['idx']}: {row['cameo']} {name}{neg} [{row['modality']}]"
              f"  src {actor('src')}  tgt {actor('tgt')}")
        print("   " + marked(row, span))
        judged = [row.get(c, "") for c in JUDGED]
        if any(judged):
            print(f"   judged {' '.join(judged)}  {row.get('error', '')}")
        print()


def is_note(item):
    """A re-judging note in the `error` column ("s18 rejudge: ..."), not an error class."""
    head = item.strip().split(":", 1)[0]
    return ":" in item and head.startswith("s") and head.endswith(" rejudge") and head[1:-8].isdigit()


def error_classes(row):
    """The row's error classes, without re-judging notes."""
    return [c.strip() for c in row.get("error", "").split(";") if c.strip() and not is_note(c)]


def check_classes(row, marks, ok):
    """None if the row's error classes are known and agree with its judgements, else why not."""
    classes = error_classes(row)
    if ok:
        return f"judged right but has error classes {classes}" if classes else None
    if not classes:
        return "judged wrong somewhere but no error class"
    for c in classes:
        if c not in CLASSES:
            return f"unknown error class {c!r} (known: {', '.join(CLASSES)})"
        if all(marks[col] == "y" for col in CLASSES[c]):
            return f"error class {c!r} needs an n in one of {sorted(CLASSES[c])}"
    return None


def score(args):
    texts = read_texts(args.data)
    rows = read_sheet(args.sheet)
    bad = 0
    counts = collections.Counter()
    errors = collections.Counter()
    for row in rows:
        _, err = resolve(row, texts)
        if err:
            print(f"row {row['n']} (doc {row['doc']}): {err}", file=sys.stderr)
            bad += 1
            continue
        marks = [row.get(c, "").strip().lower() for c in JUDGED]
        if args.unjudged_ok and not any(marks):
            continue
        if any(m not in ("y", "n") for m in marks):
            print(f"row {row['n']}: judgements must be y or n, got {marks}", file=sys.stderr)
            bad += 1
            continue
        counts["judged"] += 1
        for c, m in zip(JUDGED, marks):
            counts[c] += m == "y"
        ok = all(m == "y" for m in marks)
        counts["all"] += ok
        problem = check_classes(row, dict(zip(JUDGED, marks)), ok)
        if problem:
            print(f"row {row['n']}: {problem}", file=sys.stderr)
            bad += 1
            continue
        for c in error_classes(row):
            errors[c] += 1
    total = counts["judged"]
    print(f"{len(rows)} rows, {len(rows) - bad} resolve and are well formed, {total} judged")
    labels = [("real", "event of this kind really happens (or is announced, for intent)"),
              ("root", "CAMEO root"), ("source", "source actor"), ("target", "target actor"),
              ("negation", "negation"), ("all", "all of these")]
    for key, label in labels:
        rate = counts[key] / total if total else 0.0
        print(f"{label:66} {counts[key]:4}/{total}  {rate:.3f}")
    if errors:
        print(f"error classes ({total - counts['all']} events wrong somewhere; an event may have several):")
        for cls, k in errors.most_common():
            print(f"  {k:4}  {cls}")
    if bad:
        sys.exit(1)


def write_test_csv(path, rows):
    """A NewsArticles-shaped CSV of invented (id, title, body) rows, for the self-tests."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["article_id", "publish_date", "title", "text"])
        for doc_id, title, body in rows:
            w.writerow([doc_id, "2020/1/1", title, body])


def selftest(_args):
    """Draw, judge and score a sheet over two invented articles; then break it in the ways `score`
    must catch (changed text, unknown id, unknown or inconsistent error class)."""
    import contextlib
    import io
    import tempfile

    # Mentions: whole words first, then the same case, then the nearest to the evidence.
    assert locate("The talks ended. He said so.", 0, 20, "he") == (17, 19)
    assert locate("He met them; he left.", 0, 15, "he") == (13, 15)
    assert locate("The talks ended.", 0, 5, "he") == (1, 3)

    body1 = "Ruritania accused Freedonia of shelling the border. Talks are planned."
    body2 = "The envoy of Grand Fenwick met officials in Ruritania on Monday."
    arts = [("a1", "Border row", body1), ("a2", "Envoy visit", body2)]

    def run_doc(doc_id, title, body):
        text = f"{title}\n\n{body}"
        sents, pos = [{"start": 0, "end": len(title)}], len(title) + 2
        for part in body.split(". "):
            part = part if part.endswith(".") else part + "."
            sents.append({"start": pos, "end": pos + len(part)})
            pos += len(part) + 1
        return {"id": doc_id, "text": text, "sentences": sents, "events": []}

    docs = [run_doc(*a) for a in arts]
    t0, t1 = docs[0]["text"], docs[1]["text"]
    ev = lambda text, sent, word, src, tgt: {
        "sentence": sent, "cameo": "112", "negated": False, "modality": "actual",
        "evidence": {"start": text.index(word), "end": text.index(word) + len(word)},
        "source": {"text": src, "code": "RUR"} if src else None,
        "target": {"text": tgt, "code": "FRE"} if tgt else None}
    docs[0]["events"] = [ev(t0, 1, "accused", "Ruritania", "Freedonia"), ev(t0, 2, "Talks", None, None)]
    docs[1]["events"] = [ev(t1, 1, "met", "envoy", "officials")]
    with tempfile.TemporaryDirectory() as tmp:
        csv_path, jsonl, sheet = (os.path.join(tmp, f) for f in ("a.csv", "run.jsonl", "s.tsv"))

        def write_csv(rows):
            write_test_csv(csv_path, rows)

        write_csv(arts)
        with open(jsonl, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d) + "\n")
        ns = argparse.Namespace
        with contextlib.redirect_stderr(io.StringIO()):
            draw(ns(jsonl=jsonl, seed=3, n=3, output=sheet, data=csv_path, commit="test"))
        rows = read_sheet(sheet)
        assert sorted((r["doc"], r["idx"]) for r in rows) == [("a1", "0"), ("a1", "1"), ("a2", "0")]
        first = next(r for r in rows if r["doc"] == "a1" and r["idx"] == "0")
        src = t0[int(first["src_start"]):int(first["src_end"])]
        assert src == "Ruritania" and int(first["tgt_start"]) == t0.index("Freedonia"), first
        lines = open(sheet, encoding="utf-8").read().splitlines()

        def score_with(edit=None, texts=arts):
            out = []
            for line in lines:
                cells = line.split("\t")
                if not line.startswith("#") and cells[0] != "n":
                    cells[18:24] = ["y"] * 5 + [""]
                    if edit and cells[1] == "a2":
                        cells[18:24] = edit
                out.append("\t".join(cells))
            with open(sheet, "w", encoding="utf-8") as f:
                f.write("\n".join(out) + "\n")
            write_csv(texts)
            buf, err = io.StringIO(), io.StringIO()
            try:
                with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(err):
                    score(ns(sheet=sheet, data=csv_path, unjudged_ok=False))
                return buf.getvalue()
            except SystemExit:
                return None

        good = score_with(["y", "y", "y", "n", "y", "target left out"])
        assert good and "2/3  0.667" in good and "1  target left out" in good, good
        # A re-judging note ("sNN rejudge: ...") is no error class: allowed on a right row, not counted.
        noted = score_with(["y"] * 5 + ["s18 rejudge: owner of the thing acted on is the target"])
        assert noted and "3/3  1.000" in noted and "rejudge" not in noted, noted
        noted = score_with(["y", "y", "y", "n", "y", "target left out;s18 rejudge: owner is the target"])
        assert noted and "1  target left out" in noted and "rejudge" not in noted, noted
        assert score_with(["y", "y", "y", "n", "y", "s18 rejudge: a note is no class"]) is None
        assert score_with(["y", "y", "y", "n", "y", "no such class"]) is None
        assert score_with(["y", "y", "y", "n", "y", "word sense"]) is None  # needs real or root n
        assert score_with(["y", "y", "y", "n", "y", ""]) is None  # wrong without a class
        changed = [arts[0], ("a2", "Envoy visit", body2.replace("met", "saw"))]
        assert score_with(texts=changed) is None  # evidence span changed
        assert score_with(texts=[arts[0], ("a3", "Envoy visit", body2)]) is None  # id gone
    print("precision-sample selftest: ok")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw", help="sample N events of a `dyad code` JSON Lines run into a sheet")
    d.add_argument("jsonl")
    d.add_argument("--seed", type=int, default=1)
    d.add_argument("-n", type=int, default=200)
    d.add_argument("-o", "--output")
    d.add_argument("--data", default=DEFAULT_CSV,
                   help="the CSV the run coded; its texts must equal the run's (empty string: skip the check)")
    d.add_argument("--commit", help="dyad commit the run was made with (default: HEAD of this checkout)")
    s = sub.add_parser("show", help="print the sheet's events with their sentences")
    s.add_argument("sheet")
    s.add_argument("--data", default=DEFAULT_CSV)
    s.add_argument("--jsonl", help="the run the sheet was drawn from, to show actor names")
    s.add_argument("--from", dest="start", type=int, default=1)
    s.add_argument("--to", type=int, default=0)
    c = sub.add_parser("score", help="check that the rows resolve and print the judged rates")
    c.add_argument("sheet")
    c.add_argument("--data", default=DEFAULT_CSV)
    c.add_argument("--unjudged-ok", action="store_true", help="skip rows not judged yet")
    sub.add_parser("selftest", help="check draw and score on two invented articles (no data needed)")
    args = ap.parse_args()
    {"draw": draw, "show": show, "score": score, "selftest": selftest}[args.cmd](args)


if __name__ == "__main__":
    main()
