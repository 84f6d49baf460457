#!/usr/bin/env python3
"""Distributional neighbours of words for the quote cue model (data/models/quotes/neighbours.tsv).

Builds word vectors from unlabeled text (positive PMI of the words two to the left and right,
each position its own context, then a truncated SVD) and writes, for every word seen often
enough, the words of an anchor vocabulary nearest to it and its similarity to the reporting
verbs of the quote lexicon (data/quotes/cues.txt). The cue model (crates/dyad-quotes,
src/cuemodel.rs) uses them as features, so that a cue word seen rarely or never in PolNeAR
shares weights with the frequent words that occur in the same contexts. No labels are read;
the output holds single words and numbers only, no text of the corpora.

Deterministic: a fixed starting vector for the SVD, sorted vocabularies, ties broken by word.
Needs numpy and scipy (PyPI).

    scripts/quote-word-vectors.py                 # writes data/models/quotes/neighbours.tsv
    scripts/quote-word-vectors.py --out FILE --dim 100 --neighbours 5
"""

import argparse
import collections
import csv
import glob
import html
import os
import re
import sys

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import svds

SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")
WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")


def texts(shared):
    """Raw text of every source, one document at a time."""
    csv.field_size_limit(sys.maxsize)
    with open(os.path.join(shared, "newsarticles", "NewsArticles.csv"), encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            yield (row.get("title") or "") + "\n" + (row.get("text") or "")
    for path in sorted(glob.glob(os.path.join(shared, "reuters21578", "reut2-*.sgm"))):
        with open(path, encoding="latin-1") as f:
            data = f.read()
        for body in re.findall(r"<BODY>(.*?)</BODY>", data, flags=re.S):
            yield html.unescape(body)
    for path in sorted(glob.glob(os.path.join(shared, "polnear", "train", "text", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            yield f.read()
    with open(os.path.join(shared, "ud-ewt", "train.conllu"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("# text = "):
                yield line[len("# text = "):]


def tokens(text):
    return [w.replace("’", "'") for w in WORD.findall(text.lower())]


def lexicon_forms(path):
    forms = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#")[0].split()
            if len(line) >= 3:
                forms.update(x for x in line[2:] if not x.startswith("+"))
    return forms


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=SHARED)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "models", "quotes", "neighbours.tsv"))
    ap.add_argument("--lexicon", default=os.path.join(os.path.dirname(__file__), "..", "data", "quotes", "cues.txt"))
    ap.add_argument("--min-count", type=int, default=5, help="words seen fewer times get no line")
    ap.add_argument("--contexts", type=int, default=5000, help="most frequent words used as contexts")
    ap.add_argument("--anchors", type=int, default=3000, help="most frequent words that can be neighbours")
    ap.add_argument("--skip", type=int, default=100, help="most frequent words that are no anchors (function words)")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--neighbours", type=int, default=5)
    ap.add_argument("--window", type=int, default=2)
    args = ap.parse_args()

    docs = [tokens(t) for t in texts(args.shared)]
    count = collections.Counter(w for d in docs for w in d)
    total = sum(count.values())
    print(f"{len(docs)} documents, {total} words, {len(count)} distinct", file=sys.stderr)
    ranked = sorted(count, key=lambda w: (-count[w], w))
    vocab = [w for w in ranked if count[w] >= args.min_count]
    vix = {w: i for i, w in enumerate(vocab)}
    ctx = ranked[: args.contexts]
    cix = {w: i for i, w in enumerate(ctx)}
    nc = len(ctx)
    offsets = [o for o in range(-args.window, args.window + 1) if o != 0]
    # All documents in one array, each followed by a window of -1 (no pair crosses documents).
    pad = [None] * args.window
    seq = [w for d in docs for w in d + pad]
    ids = np.array([vix.get(w, -1) if w else -1 for w in seq], dtype=np.int64)
    cids = np.array([cix.get(w, -1) if w else -1 for w in seq], dtype=np.int64)
    del seq
    n = len(ids)
    rows, cols = [], []
    for slot, o in enumerate(offsets):
        lo, hi = max(0, -o), min(n, n - o)
        a, c = ids[lo:hi], cids[lo + o: hi + o]
        ok = (a >= 0) & (c >= 0)
        rows.append(a[ok])
        cols.append(slot * nc + c[ok])
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    m = sp.coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)),
        shape=(len(vocab), len(offsets) * nc),
    ).tocsr()
    m.sum_duplicates()
    # Positive PMI with context-distribution smoothing (0.75).
    rs = np.asarray(m.sum(axis=1)).ravel()
    cs = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    tot = m.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data * cs.sum() / (rs[coo.row] * cs[coo.col]))
    keep = pmi > 0
    ppmi = sp.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    print(f"{len(vocab)} words, {ppmi.nnz} positive PMI cells of {int(tot)} pairs", file=sys.stderr)
    v0 = np.full(min(ppmi.shape), 1.0 / np.sqrt(min(ppmi.shape)))
    u, s, _ = svds(ppmi, k=args.dim, v0=v0, solver="arpack")
    order = np.argsort(-s)
    vec = u[:, order] * np.sqrt(s[order])
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    # Fix each dimension's sign (SVD signs are arbitrary): largest absolute entry positive.
    signs = np.sign(vec[np.argmax(np.abs(vec), axis=0), np.arange(vec.shape[1])])
    vec *= signs

    anchors = [w for w in ranked[args.skip: args.skip + args.anchors] if w in vix]
    aix = np.array([vix[w] for w in anchors])
    avec = vec[aix]
    forms = sorted(f for f in lexicon_forms(args.lexicon) if f in vix)
    lvec = vec[[vix[f] for f in forms]]
    out = []
    for start in range(0, len(vocab), 2000):
        block = vec[start: start + 2000]
        sims = block @ avec.T
        lsims = block @ lvec.T
        for j in range(block.shape[0]):
            w = vocab[start + j]
            cand = np.argsort(-sims[j], kind="stable")[: args.neighbours + 1]
            nn = [anchors[k] for k in cand if anchors[k] != w][: args.neighbours]
            ls = lsims[j].copy()
            ls[[i for i, f in enumerate(forms) if f == w]] = -1.0
            out.append((w, float(ls.max()), nn))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Word neighbours for the quote cue model (crates/dyad-quotes/src/neighbours.rs), written by\n")
        f.write("# scripts/quote-word-vectors.py from unlabeled text: NewsArticles.csv, Reuters-21578 bodies,\n")
        f.write("# PolNeAR train text, UD EWT train sentences.\n")
        f.write(
            f"# settings: min_count {args.min_count} contexts {args.contexts} window {args.window} "
            f"dim {args.dim} anchors {args.anchors} skip {args.skip} neighbours {args.neighbours}\n"
        )
        f.write("# format: WORD<TAB>LEXICON-SIMILARITY (tenths)<TAB>NEAREST ANCHORS (comma-separated)\n")
        for w, ls, nn in out:
            f.write(f"{w}\t{max(0, int(ls * 10))}\t{','.join(nn)}\n")
    print(f"wrote {len(out)} words to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
