#!/usr/bin/env python3
"""Experiments with the event check's training on a feature dump (docs/evaluation.md, "Session 15,
branch `events15`"): `dyad train event-check ... --dump DUMP.tsv` writes every matched judged row,
PLV positive and guarded GSR event with its features; this script retrains the check the way
`dyad_events::classifier::Classifier::train` does (two classes, shuffled SGD with the same
generator, rate / (1 + epoch), L2 on the features seen, a count cut-off) on a chosen subset of
the features and prints, leaving one sheet out, the rates of the kept events per threshold, the
pooled AUC, the guard floor (the least probability of a guarded GSR event under the model trained
on every sheet) and the held-out sheets' rates. It reproduces the Rust command's tables.

Usage: scripts/check-lab.py DUMP.tsv [--folds 1,2,...,7] [--holdout 9] [--rate 0.02] [--l2 0.01]
         [--epochs 20] [--min-count 3] [--drop PREFIX,...] [--keep-only PREFIX,...]
"""
import argparse
import collections
import math

THR = [0.0, 0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9]
MASK = (1 << 64) - 1


def load(path):
    ex = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i == 0:
                continue
            c = line.rstrip("\n").split("\t")
            tri = lambda x: None if x == "-" else x == "y"
            ex.append(dict(fold=c[0], ok=c[1] == "y", real=c[2] == "y", root=c[3] == "y",
                           neg=c[4] == "y", src=tri(c[5]), tgt=tri(c[6]), f=c[7:]))
    return ex


def step(r):
    return (r * 6364136223846793005 + 1442695040888963407) & MASK


def train(data, epochs, rate, l2, min_count, seed=1):
    cnt = collections.Counter()
    for e in data:
        cnt.update(e["F"])
    idx = {f: i for i, f in enumerate(sorted(f for f, c in cnt.items() if c >= min_count))}
    xs = [(sorted(set(idx[f] for f in e["F"] if f in idx)), 1.0 if e["ok"] else 0.0) for e in data]
    w = [0.0] * len(idx)
    b = 0.0
    order = list(range(len(xs)))
    r = step(seed)
    for ep in range(epochs):
        for i in range(len(order) - 1, 0, -1):
            r = step(r)
            j = (r >> 33) % (i + 1)
            order[i], order[j] = order[j], order[i]
        lr = rate / (1 + ep)
        for i in order:
            fs, y = xs[i]
            # Two-class softmax with symmetric weights: p(ok) = sigmoid(2 z).
            z = 2 * (b + sum(w[k] for k in fs))
            g = (1 / (1 + math.exp(-z)) if z > -50 else 0.0) - y
            b -= lr * g
            for k in fs:
                w[k] -= lr * (g + l2 * w[k])
    return {f: w[i] for f, i in idx.items()}, b


def prob(m, feats):
    w, b = m
    z = 2 * (b + sum(w.get(f, 0.0) for f in feats))
    return 1 / (1 + math.exp(-z)) if z > -50 else 0.0


class Rates:
    def __init__(self):
        self.total = self.kept = self.ok = self.real = self.root = 0
        self.src, self.tgt, self.all = [0, 0], [0, 0], [0, 0]

    def add(self, e, p, t):
        self.total += 1
        if p < t:
            return
        self.kept += 1
        self.ok += e["ok"]
        self.real += e["real"]
        self.root += e["root"]
        if e["src"] is not None:
            self.src[0] += 1
            self.src[1] += e["src"]
        if e["tgt"] is not None:
            self.tgt[0] += 1
            self.tgt[1] += e["tgt"]
        if e["src"] is not None and e["tgt"] is not None:
            self.all[0] += 1
            self.all[1] += e["real"] and e["root"] and e["src"] and e["tgt"] and e["neg"]

    def values(self):
        r = lambda a, b: a / b if b else 0.0
        return [r(self.real, self.kept), r(self.root, self.kept), r(self.src[1], self.src[0]),
                r(self.tgt[1], self.tgt[0]), r(self.all[1], self.all[0]), r(self.kept, self.total)]

    def net(self):
        return 2 * self.ok - self.kept


def auc(scored):
    s = sorted(scored, key=lambda x: x[0])
    n, pos = len(s), sum(1 for _, y in s if y)
    if pos == 0 or pos == n:
        return float("nan")
    ranks, i = [0.0] * n, 0
    while i < n:
        j = i
        while j < n and s[j][0] == s[i][0]:
            j += 1
        for k in range(i, j):
            ranks[k] = (i + j + 1) / 2
        i = j
    sp = sum(ranks[k] for k in range(n) if s[k][1])
    return (sp - pos * (pos + 1) / 2) / (pos * (n - pos))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump")
    ap.add_argument("--folds", default="1,2,3,4,5,6,7,8")
    ap.add_argument("--holdout", default="9")
    ap.add_argument("--rate", type=float, default=0.02)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--drop", default="", help="feature prefixes left out (comma-separated)")
    ap.add_argument("--keep-only", default="", help="only features with these prefixes")
    a = ap.parse_args()
    drop = [p for p in a.drop.split(",") if p]
    only = [p for p in a.keep_only.split(",") if p]
    ex = load(a.dump)
    for e in ex:
        e["F"] = [f for f in e["f"] if not any(f.startswith(p) for p in drop)
                  and (not only or any(f.startswith(p) for p in only))]
    folds = ["precision-seed" + s for s in a.folds.split(",") if s]
    holds = ["precision-seed" + s for s in a.holdout.split(",") if s]
    opt = dict(epochs=a.epochs, rate=a.rate, l2=a.l2, min_count=a.min_count)
    train_set = [e for e in ex if e["fold"] in folds or e["fold"] == "plv"]
    table = {t: [Rates() for _ in folds] for t in THR}
    scored = []
    for k, fo in enumerate(folds):
        m = train([e for e in train_set if e["fold"] != fo], **opt)
        for e in ex:
            if e["fold"] == fo:
                p = prob(m, e["F"])
                scored.append((p, e["ok"]))
                for t in THR:
                    table[t][k].add(e, p, t)
    full = train(train_set, **opt)
    gsr = [prob(full, e["F"]) for e in ex if e["fold"] == "gsr"]
    floor = min(gsr) if gsr else 1.0
    print(f"leave-one-sheet-out over {len(folds)} sheets: pooled AUC {auc(scored):.3f}; "
          f"guard floor {floor:.3f} ({len(gsr)} GSR events); {len(full[0])} features")
    print("threshold\treal\troot\tsource\ttarget\tall\tkept (means over sheets)\tpooled net")
    for t in THR:
        mean = [sum(r.values()[i] for r in table[t]) / len(folds) for i in range(6)]
        net = sum(r.net() for r in table[t])
        print(f"{t:.2f}\t" + "\t".join(f"{x:.3f}" for x in mean) + f"\t{net}"
              + ("\tguard ok" if t <= floor else ""))
    for h in holds:
        rows = [(prob(full, e["F"]), e) for e in ex if e["fold"] == h]
        if not rows:
            continue
        print(f"held-out {h} ({len(rows)} rows), AUC {auc([(p, e['ok']) for p, e in rows]):.3f}")
        for t in THR:
            r = Rates()
            for p, e in rows:
                r.add(e, p, t)
            print(f"{t:.2f}\t" + "\t".join(f"{x:.3f}" for x in r.values()) + f"\t{r.net()}")


if __name__ == "__main__":
    main()
