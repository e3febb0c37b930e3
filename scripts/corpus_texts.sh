#!/usr/bin/env bash
# Lists the text files of one scored set of the shared corpus, one per line,
# for scripts/score_corpus.sh and tests/corpus:corpus_score_test.
#
#   scripts/corpus_texts.sh SET IDS_FILE CORPUS_DIR WORK_DIR
#
# SET is an extraction variant: "pymupdf" and "pdftotext" are stored in
# CORPUS_DIR/texts/<ID>.<SET>.txt, "other" in CORPUS_DIR/texts/<ID>.txt, and
# "pdftotext-layout" and "pdftotext-raw" are extracted here from
# CORPUS_DIR/pdf/<ID>.pdf with `pdftotext -enc UTF-8 -layout` (or -raw) into
# WORK_DIR/<ID>.<SET>.txt. Exits 3 when such a set cannot be made (no
# pdftotext, or no PDFs), so that callers can report it as skipped.
set -euo pipefail
set_name=$1 ids=$2 corpus=$3 work=$4
mode=""
case "$set_name" in
  pdftotext-layout) mode=-layout ;;
  pdftotext-raw) mode=-raw ;;
esac
if [[ -n "$mode" ]]; then
  command -v pdftotext >/dev/null || { echo "no pdftotext (Debian: poppler-utils)" >&2; exit 3; }
  [[ -d "$corpus/pdf" ]] || { echo "no PDFs in $corpus/pdf" >&2; exit 3; }
  mkdir -p "$work"
fi
while read -r id; do
  [[ -z "$id" || "$id" == \#* ]] && continue
  if [[ -n "$mode" ]]; then
    pdftotext -enc UTF-8 "$mode" "$corpus/pdf/$id.pdf" "$work/$id.$set_name.txt"
    echo "$work/$id.$set_name.txt"
  elif [[ "$set_name" == other ]]; then
    echo "$corpus/texts/$id.txt"
  else
    echo "$corpus/texts/$id.$set_name.txt"
  fi
done < "$ids"
