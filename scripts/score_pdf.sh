#!/usr/bin/env bash
# Structures every PDF of the shared corpus (../shared/corpus/pdf) through the
# real server and the reference client (sent as application/pdf), and scores
# the result with the corpus scorer against the "pdf" floors of
# tests/corpus_thresholds.txt.
#
#   scripts/score_pdf.sh [OUT_DIR]      # default out/corpus-pdf
#
# Writes OUT_DIR/pdf/<ID>.json, OUT_DIR/score_pdf.txt (the scorer's report),
# OUT_DIR/report_pdf.json, and "corpus-pdf PASS|FAIL" in OUT_DIR/checks.txt.
# Without the corpus it says so and exits 0 (see scripts/score_corpus.sh,
# which does the work).
set -uo pipefail
cd "$(dirname "$0")/.."
exec scripts/score_corpus.sh --sets=pdf "${1:-out/corpus-pdf}"
