#!/usr/bin/env python3
"""Canonical events vs mentions in a corpus database (docs/store.md, "Canonical events").

Usage:
  dyad ingest ../shared/data/newsarticles/NewsArticles.csv --db /tmp/news.sqlite
  scripts/dedup-report.py /tmp/news.sqlite [--top 10] [--evidence]

Prints the counts (documents, copies, mentions, canonical events, how many events have 1, 2, …
mentions) and the largest canonical events: codes, day, counts and the documents of their
mentions. `--evidence` also prints each mention's evidence span, read from the database at run
time (for reading; the text of the shared data is never written into the project).
"""
import argparse
import collections
import sqlite3


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--evidence", action="store_true")
    a = ap.parse_args()
    c = sqlite3.connect(f"file:{a.db}?mode=ro", uri=True)
    one = lambda sql: c.execute(sql).fetchone()[0]
    docs, copies = one("SELECT COUNT(*) FROM documents"), one("SELECT COUNT(*) FROM doc_signatures WHERE copy_of IS NOT NULL")
    mentions, canon = one("SELECT COUNT(*) FROM events"), one("SELECT COUNT(*) FROM canonical_events")
    ungrouped = one("SELECT COUNT(*) FROM events WHERE canonical IS NULL")
    print(f"documents {docs}, copies of an earlier article {copies}")
    print(f"mentions {mentions}, canonical events {canon} ({mentions / max(canon, 1):.3f} mentions per event), ungrouped {ungrouped}")
    dist = c.execute("SELECT num_mentions, COUNT(*) FROM canonical_events GROUP BY 1 ORDER BY 1").fetchall()
    print("events by mentions: " + ", ".join(f"{n}: {k}" for n, k in dist))
    multi = one("SELECT COUNT(*) FROM canonical_events WHERE num_articles > 1")
    print(f"events reported by more than one article: {multi}")
    by_root = c.execute(
        "SELECT root, COUNT(*), SUM(num_mentions) FROM canonical_events GROUP BY root ORDER BY root").fetchall()
    print("root: events / mentions: " + ", ".join(f"{r} {e}/{m}" for r, e, m in by_root))
    print()
    print("| # | source → target | CAMEO | day | mentions | articles | stories | outlets | documents |")
    print("|---|---|---|---|---|---|---|---|---|")
    top = c.execute(
        "SELECT canonical, source_code, target_code, cameo, day, num_mentions, num_articles, num_stories, num_sources "
        "FROM canonical_events ORDER BY num_mentions DESC, num_articles DESC, canonical LIMIT ?", (a.top,)).fetchall()
    for i, (cid, s, t, code, day, n, art, sto, src) in enumerate(top, 1):
        ds = [r[0] for r in c.execute(
            "SELECT DISTINCT d.id FROM events e JOIN documents d ON d.doc = e.doc WHERE e.canonical = ? ORDER BY d.doc", (cid,))]
        print(f"| {i} | {s} → {t} | {code} | {day} | {n} | {art} | {sto} | {src} | {', '.join(ds)} |")
        if a.evidence:
            for d, ev in c.execute(
                    "SELECT d.id, e.evidence_text FROM events e JOIN documents d ON d.doc = e.doc WHERE e.canonical = ?", (cid,)):
                print(f"|   | {d}: {ev} |")


if __name__ == "__main__":
    main()
