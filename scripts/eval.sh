#!/usr/bin/env bash
# Accuracy evaluations on the public gold sets in ../shared, with the CI floors.
# Usage: scripts/eval.sh [SHARED_DIR]   (default: ../shared relative to the project root)
# Builds the release binary (unless DYAD names one), runs every scorer, exits non-zero if any floor fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${1:-$root/../shared}/data
# The precision-sample script's own check (invented articles; needs no data).
python3 "$root/scripts/precision-sample.py" selftest
python3 "$root/scripts/dedup-pairs.py" selftest
python3 "$root/scripts/quote-precision.py" selftest
if [ ! -d "$SHARED" ]; then
  echo "eval.sh: $SHARED not found; skipping accuracy evaluations" >&2
  exit 0
fi
# DYAD=path/to/dyad skips the release build (.ci/run passes the binary its test build made).
if [ -z "${DYAD:-}" ]; then
  cargo build --release -q -p dyad-cli --manifest-path "$root/Cargo.toml"
  DYAD="${CARGO_TARGET_DIR:-$root/target}/release/dyad"
fi
status=0
# data/cameo/codes.tsv and plover.tsv must be what scripts/extract_cameo.py writes from the shared CAMEO
# tables and data/cameo/plover-overlay.tsv (docs/dictionaries.md, "data/cameo/").
echo "== scripts/extract_cameo.py --check" >&2
python3 "$root/scripts/extract_cameo.py" --check "$SHARED/cameo" >&2 || status=1
run() { echo "== dyad $*" >&2; "$DYAD" "$@" || status=1; }

run eval ud-seg "$SHARED/ud-ewt/test.conllu" --min boundary_f1=0.90 --min token_f1=0.98
run eval timeml "$SHARED/tempeval3/test" --min relaxed_f1=0.80 --min value_accuracy=0.70
# Issue 15: cased CoNLL++ test must stay >= 0.89 (models refitted on train + dev, branch ner2: measured
# 0.8916; docs/models.md, NER).
run eval conll "$SHARED/conllpp/test.txt" --min f1=0.89
# Issue 15: the same test set lower-cased (the caseless NER model; measured 0.868, 0.872 after the refit).
run eval conll "$SHARED/conllpp/test.txt" --lowercase --min f1=0.75
run eval re3d "$SHARED/re3d"
# Issue 17: measured on dev F1 0.736, P 0.826, R 0.663, indirect R 0.601, speaker match 0.973
# (session 20, branch quotes16: participial adjunct cues; main 80b4adb gave 0.735 / 0.826 / 0.662 /
# 0.601 / 0.973); guards just below.
run eval polnear "$SHARED/polnear/dev" --min f1=0.73 --min precision=0.82 --min recall=0.66 \
  --min recall_indirect=0.60 --min speaker_match=0.97
# Quote speakers on the committed fixture corpus (hand-written articles): share of quotes with a
# resolved speaker, and no pronoun/article/clitic among the most frequent speaker names.
echo "== scripts/quote-speakers.py examples/quote-speakers.jsonl" >&2
python3 "$root/scripts/quote-speakers.py" "$root/examples/quote-speakers.jsonl" --dyad "$DYAD" \
  --min-share 0.85 --no-fragments >/dev/null || status=1
run eval ud "$SHARED/ud-ewt/test.conllu" --min upos=0.945 --min lemma=0.96 --min uas=0.85 --min las=0.81
run eval ud "$SHARED/ud-gum/test.conllu"   # report only: GUM is never used for training
run eval re3d-places "$SHARED/re3d"
# EVALS: one `run eval <suite> "$SHARED/..." --min metric=floor ...` line per suite.
# Pronoun coreference on GUM test (measured 0.597 F1; guard just below it).
run eval coref "$SHARED/ud-gum/test.conllu" --min pronoun_f1=0.55
# Issue 15 (2026-12-06, session 7: places that act, peoples, EU predecessors, more agents): measured
# found 0.933, country 0.863, sector 0.637; floors just below.
# Issues 15/16 (branch gsr: one country a sentence names, ethnic groups, compass adjectives, Palestinian
# territories): measured found 0.936, country 0.901, sector 0.673.
# Issue 16 (branch events7: named organs, units of standalone groups, ICE/CBP/USCIS/DOJ, acronym spellings):
# measured found 0.941, country 0.906, sector 0.679.
run eval actors "$SHARED/plover-gsr/PLOVER_GSR_CAMEO.txt" --min found=0.935 --min country=0.90 --min sector=0.675
# Issue 6 floors: PLOVER GSR type accuracy 0.60 and all-three 0.40; PETRARCH records pass rate 0.60.
# Issues 15/16 (2026-12-06, merged main): measured type 0.7267, all three 0.5031, PETRARCH pass rate 0.7829.
# Issue 16 items 3 and 5 (2026-12-06, branch events, event classifier + word-sense rules): type 0.7329, all three 0.5062.
# Session 7 merged main (classifier + actor changes): type 0.7391, all three 0.5373.
# Issue 16 item 5 role rules (branch events3): type 0.7422, all three 0.5373, PETRARCH pass rate 0.7865.
# Issue 16 re-ranker of pattern events (branch events4): type 0.7516, all three 0.5435.
# Issues 15/16 roles (branch gsr: agents' countries, threat conditions, topics, demanded clauses, PETRARCH
# '%' compounds): type 0.7516, all three 0.6149, PETRARCH pass rate 0.8007.
# Issue 16 (branch events7: named organs, attacks by an unnamed hand, PLOVER types of 0813/0814/0831 from the
# PLOVER manual, charges as 115, investigations by envoy): type 0.8012, all three 0.6366. Merged with the
# irrealis rules of branch prec (no event for questions, conditions, possibilities) and the models
# retrained: type 0.7981, all three 0.6335.
# Session 12 (branch plv2: coverage patterns from the CAMEO codebook, re-ranker retrained): type 0.8012,
# all three 0.6335 (one record more typed right: a refused land allocation, REJECT); floor at the target.
run eval plover "$SHARED/plover-gsr/PLOVER_GSR_CAMEO.txt" --min type_accuracy=0.80 --min all_three=0.63
run eval petrarch "$SHARED/petrarch/PETR.UnitTest.records.xml" --min pass_rate=0.80
# Issue 16 (2026-12-06, merged main): PLV end to end, measured coded 0.842, type 0.668, dyad 0.442.
# With the event classifier and word-sense rules, 5-fold cross-validated (branch events): coded 0.8590, type 0.6895, dyad 0.4486.
# Issue 16 item 5 role and sense rules (branch events3), 5-fold: coded 0.8581, type 0.7029, dyad 0.4781.
# Issue 16 re-ranker of pattern events (branch events4), 5-fold: coded 0.8581, type 0.7133, dyad 0.4838.
# Named targets, mediation, peacekeeping, orders, more patterns (branch events5), 5-fold: coded 0.8648, type 0.7305, dyad 0.5152;
# with the roles of branch gsr merged and the event models retrained: 0.8657 / 0.7324 / 0.5229.
# Standalone group nouns (teachers, employees, critics, the NGO, a suicide bomber, the department; branch events6):
# 0.8743 / 0.7448 / 0.5333; with modified forms taking their head's flag ("federal police"): 0.8762 / 0.7467 / 0.5362.
# Issue 16 targets reached (branch events7: organs, units, contributions, orders, charges, envoys; models
# retrained): 0.9019 / 0.7724 / 0.5571 (targets: coded 0.90, type 0.75, dyad 0.55). Merged with the
# irrealis rules of branch prec and the models retrained (session 11 end): 0.8962 / 0.7657 / 0.5505.
# Session 12 (branch plv2: coverage patterns, re-ranker retrained), 5-fold: 0.9010 / 0.7686 / 0.5514.
# Session 19: after actors19 (another bearer of a known surname is not that person) the cross-validated
# figure fell to 0.8981 / 0.7743 / 0.5514 although in-sample (--folds 1) it rose 0.9333 -> 0.9343; the three
# sentences that lost their event name no person: each fold's classifier, trained on examples whose actor
# features changed, flips them (noise of about 3 sentences). With plv19's nominal aid patterns the merged
# main is back at 0.8990 / 0.7762 / 0.5533, so the floors stay where they were.
# Session 20 (branch plv20: codebook coverage patterns): 0.9010 / 0.7771 / 0.5562. Merged main of session 20
# (events30's rule that a place inside a non-actor subject's phrase is no source costs PLV dyad 3 sentences
# whose gold marks a group in a place as the source; the news judges count such a place wrong), the event
# check retrained: 0.9029 / 0.7800 / 0.5543. Floors just below (dyad back at 0.55).
run eval plv "$SHARED/plv/PLV_train.tsv" --folds 5 --min coded=0.90 --min type_accuracy=0.776 --min dyad_accuracy=0.55
# Issue 16 item 6: the judged precision sample (data/eval/precision-seed1.tsv, ids and offsets only)
# must still resolve to the same NewsArticles spans (ids known, offsets in range, span hashes equal)
# and its judgements and error classes must be well formed. Prints the judged rates; no floor: they
# belong to the commit the sample was drawn from (docs/evaluation.md, "Precision on NewsArticles").
echo "== scripts/precision-sample.py score data/eval/precision-seed1.tsv" >&2
python3 "$root/scripts/precision-sample.py" score "$root/data/eval/precision-seed1.tsv" \
  --data "$SHARED/newsarticles/NewsArticles.csv" || status=1
# The fresh sample after the issue 16 event changes (seed 2, drawn from main fd31259), checked the same way.
echo "== scripts/precision-sample.py score data/eval/precision-seed2.tsv" >&2
python3 "$root/scripts/precision-sample.py" score "$root/data/eval/precision-seed2.tsv" \
  --data "$SHARED/newsarticles/NewsArticles.csv" || status=1
# Seed 3, drawn from main f8e42f3 (after the events4 re-ranker), checked the same way.
echo "== scripts/precision-sample.py score data/eval/precision-seed3.tsv" >&2
python3 "$root/scripts/precision-sample.py" score "$root/data/eval/precision-seed3.tsv" \
  --data "$SHARED/newsarticles/NewsArticles.csv" || status=1
# Seeds 5 (development sheet, drawn from fe067ca) and 6 (held out, drawn from 8ac9ed5 after the precision rules of
# branch prec), 120 events each, checked the same way.
# Seed 4: the blind sheet drawn by the lead from the merged main of session 11 (fe436d1), same check.
# Seed 7: drawn once from branch events8 (session 12, 6d3528e) after its rules, judged blind, same check.
# Seed 8: drawn from main aba0cca of session 13 after the event check (default --min-check), judged blind, same check.
# Seed 9: drawn from main 449ab43 (session 14, event check retrained, default 0.20), judged blind, same check.
# Seed 10: drawn from main e8c8422 (end of session 14, check retrained after events12/13, default), judged blind, same check.
# Seed 11: drawn from main cabd96e (end of session 15, check retrained on seeds 1-8, default 0.40), judged blind, same check.
# Seed 12: drawn from main fcd3533 (end of session 16, check retrained on seeds 1-10, default 0.35), judged blind, same check.
# Seed 13: drawn from main 3f0c75c (end of session 17, check retrained on seeds 1-10, default 0.35), judged blind by the
# session-18 target guideline, same check. Seeds 1-12 carry `s18 rejudge:` notes (re-judged for that guideline).
# Seed 14: drawn from main 5db399a (end of session 18, check retrained on seeds 1-11, default 0.40), judged blind by
# the session-18 target guideline, same check.
# Seed 15: drawn from main b77216e (session 19 base, check retrained after country18, default 0.40), judged blind by
# the session-18 target guideline, same check.
# Seed 16: drawn from main 80b4adb (session 20 base, check retrained on seeds 1-14 and the merged tree, default 0.35),
# judged blind by the session-18 target guideline, same check.
for seed in 4 5 6 7 8 9 10 11 12 13 14 15 16; do
  echo "== scripts/precision-sample.py score data/eval/precision-seed$seed.tsv" >&2
  python3 "$root/scripts/precision-sample.py" score "$root/data/eval/precision-seed$seed.tsv" \
    --data "$SHARED/newsarticles/NewsArticles.csv" || status=1
done
# Issue 17: the judged quote sample (data/eval/quote-precision-seed1.tsv, ids and offsets only) must
# still resolve to the same NewsArticles quotes and be well judged; prints its rates, no floor (they
# belong to the commit it was drawn from; docs/evaluation.md, "Quote precision on news").
# Seed 2: drawn from the final main of session 11 (after the speaker rules), held out, same check.
# Seed 3: drawn from branch speakers4 of session 12 (after its post-filter of unsourced candidates),
# held out, same check.
# Seed 4: drawn from the merged main of session 18 (5db399a), judged blind by branch judgeq4, same check.
# Seed 5: drawn from main b77216e of session 19, judged blind by branch judgeq5, same check.
for seed in 1 2 3 4 5; do
  echo "== scripts/quote-precision.py score data/eval/quote-precision-seed$seed.tsv" >&2
  python3 "$root/scripts/quote-precision.py" score "$root/data/eval/quote-precision-seed$seed.tsv" \
    --data "$SHARED/newsarticles/NewsArticles.csv" || status=1
done
# Issue 19 item 5: the judged pairs of event mentions (data/eval/dedup-pairs-seed1.tsv, ids and
# offsets only) must still resolve to the same NewsArticles spans and be judged y/n; prints the
# pairwise precision and recall of the grouping they were drawn from (docs/evaluation.md,
# "Canonical events"). The grouping is the one recorded at draw time (commit in the sheet), not
# re-run here; the floors sit at the measured 0.655 / 0.152 so that an edited sheet cannot pass silently.
echo "== scripts/dedup-pairs.py score data/eval/dedup-pairs-seed1.tsv" >&2
python3 "$root/scripts/dedup-pairs.py" score "$root/data/eval/dedup-pairs-seed1.tsv" --min-precision 0.65 --min-recall 0.15 \
  --data "$SHARED/newsarticles/NewsArticles.csv" || status=1
# Seeds 2-10: each drawn after a round of the block rules (docs/evaluation.md, "Canonical events"),
# judged blind; seed 10 is the held-out figure of the final rules (session 12, branch dedup8: 0.909 /
# 0.312; seed 9, round 8: 0.945 / 0.489). Floors just below each sheet's measured precision / recall
# (each at its draw-time grouping). Seed 11: drawn blind from a fresh ingest of main cabd96e (session 16,
# branch judge11: 0.873 / 0.416). Seed 12: drawn blind from a fresh ingest of main fcd3533 (session 17,
# branch judgep12: 0.891 / 0.458). Seed 13: drawn blind from main 3f0c75c's --no-dedup ingest regrouped by
# dyad dedup --rebuild (session 18, branch judgep13: 0.818 / 0.386). Seed 14: drawn blind the same way from
# main b77216e (session 19, branch judgep14: 0.855 / 0.352). Seed 15: drawn blind from the lead's ingest
# with dedup of main 80b4adb (session 20, branch judgep15: 0.836 / 0.259).
for sheet_floor in "2 0.67 0.36" "3 0.63 0.35" "4 0.76 0.22" "5 0.90 0.34" "6 0.90 0.48" "7 0.88 0.46" "8 0.85 0.24" \
    "9 0.94 0.48" "10 0.90 0.31" "11 0.87 0.41" "12 0.89 0.45" "13 0.81 0.38" "14 0.85 0.35" \
    "15 0.83 0.25"; do
  set -- $sheet_floor
  echo "== scripts/dedup-pairs.py score data/eval/dedup-pairs-seed$1.tsv" >&2
  python3 "$root/scripts/dedup-pairs.py" score "$root/data/eval/dedup-pairs-seed$1.tsv" --min-precision "$2" --min-recall "$3" \
    --data "$SHARED/newsarticles/NewsArticles.csv" || status=1
done

exit $status
