#!/usr/bin/env python3
"""Speaker figures of the quote stage on a news corpus (issue 17).

Runs `dyad code` on the first N documents of INPUT (a CSV such as NewsArticles.csv, or a JSONL
file of `{"id", "text", "date", ...}` records) and prints:

- how many quotes there are and the share whose speaker is *resolved*: a named actor or a role
  with a country (schema field `speaker.resolved`; for output without it, a non-null `name` or
  `code`);
- the 50 most frequent speaker names among resolved speakers, each flagged when it is (or starts
  with) a pronoun, an article or a clitic — such a "name" is a fragment, not a speaker;
- the most frequent unresolved speaker mentions, for information.

Exit status 1 when the share is below `--min-share` or a flagged name is among the top 50
(with `--no-fragments`). Python standard library only.

Usage:
  scripts/quote-speakers.py INPUT [-n 400] [--dyad target/release/dyad] [--min-share 0.85]
                            [--no-fragments] [--date YYYY-MM-DD]
Examples:
  scripts/quote-speakers.py /work/shared/data/newsarticles/NewsArticles.csv -n 400
  scripts/quote-speakers.py crates/dyad-quotes/tests/fixtures/speakers.jsonl \
      --min-share 0.85 --no-fragments
"""

import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

# Words that must never stand as a speaker name: pronouns (personal, relative, demonstrative),
# articles and clitics.
FRAGMENTS = {
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it",
    "its", "they", "them", "their", "who", "whom", "whose", "which", "that", "this", "these",
    "those", "what", "one", "someone", "somebody", "the", "a", "an", "n't", "'s", "’s", "'re",
    "’re", "'ll", "’ll", "'ve", "’ve", "'d", "’d", "'m", "’m", "s", "t", "there", "here",
}


def is_fragment(name):
    """A pronoun, article or clitic standing alone (or a name that opens with a clitic)."""
    words = name.replace("\u2019", "'").lower().split()
    if not words:
        return True
    return (len(words) == 1 and words[0] in FRAGMENTS) or words[0] in {
        "n't", "'s", "'re", "'ll", "'ve", "'d", "'m"}


def first_records(path, n):
    """Write the first n records of path to a temporary file of the same format; return its path."""
    suffix = ".csv" if path.lower().endswith(".csv") else ".jsonl"
    fd, tmp = tempfile.mkstemp(suffix=suffix)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
        if suffix == ".csv":
            csv.field_size_limit(1 << 30)
            with open(path, encoding="utf-8", newline="") as f:
                reader = csv.reader(f)
                writer = csv.writer(out)
                for i, row in enumerate(reader):
                    if i > n:
                        break
                    writer.writerow(row)
        else:
            with open(path, encoding="utf-8") as f:
                k = 0
                for line in f:
                    if not line.strip():
                        continue
                    if k >= n:
                        break
                    out.write(line)
                    k += 1
    return tmp


def label(sp):
    """What a resolved speaker is listed as: its name, else its actor code, else its mention."""
    return sp.get("name") or sp.get("code") or sp.get("text", "")


def resolved(sp):
    if sp is None:
        return False
    if "resolved" in sp:
        return bool(sp["resolved"])
    return bool(sp.get("name") or sp.get("code"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("-n", type=int, default=400, help="first N documents (default 400)")
    ap.add_argument("--dyad", default=None, help="dyad binary (default target/release/dyad)")
    ap.add_argument("--date", default=None, help="publication date for records without one")
    ap.add_argument("--min-share", type=float, default=None)
    ap.add_argument("--no-fragments", action="store_true",
                    help="fail when a pronoun/article/clitic is among the top 50 names")
    ap.add_argument("--top", type=int, default=50)
    args = ap.parse_args()

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    dyad = args.dyad or os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target")), "release", "dyad")
    tmp = first_records(args.input, args.n)
    try:
        cmd = [dyad, "code", "-q", tmp]
        if args.date:
            cmd += ["--date", args.date]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(tmp)

    docs = quotes = with_speaker = res = 0
    names = collections.Counter()
    unresolved = collections.Counter()
    for line in out.splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        docs += 1
        for q in d.get("quotes", []):
            quotes += 1
            sp = q.get("speaker")
            if sp is not None:
                with_speaker += 1
            # A speaker is counted under the name it is listed by: its name, else (a role with a
            # country) its code, else its mention. A role reached through a pronoun ("they" →
            # `GBRGOV`) is a role with a country; its mention is not its name.
            if resolved(sp) and not is_fragment(label(sp)):
                res += 1
                names[label(sp)] += 1
            elif sp is not None:
                unresolved[sp.get("text", "")] += 1
            else:
                unresolved["(no speaker)"] += 1
            if sp is not None and resolved(sp) and sp.get("name") and is_fragment(sp["name"]):
                names[sp["name"]] += 1

    share = res / quotes if quotes else 0.0
    print(f"documents {docs}, quotes {quotes}, with a speaker {with_speaker}")
    print(f"resolved speaker (named actor or role with a country): {res} ({share:.1%})")
    print(f"\ntop {args.top} speaker names (! = pronoun, article or clitic):")
    top = names.most_common(args.top)
    bad = []
    for name, n in top:
        flag = "!" if is_fragment(name) else " "
        if flag == "!":
            bad.append(name)
        print(f"  {flag} {n:5d}  {name}")
    print("\nmost frequent unresolved speaker mentions:")
    for text, n in unresolved.most_common(15):
        print(f"    {n:5d}  {text}")
    print(f"\nshare={share:.4f} fragments_in_top={len(bad)}")
    ok = True
    if args.min_share is not None and share < args.min_share:
        print(f"FAIL: share {share:.3f} < {args.min_share}", file=sys.stderr)
        ok = False
    if args.no_fragments and bad:
        print(f"FAIL: fragments among the top names: {bad}", file=sys.stderr)
        ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
