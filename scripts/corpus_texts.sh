#!/usr/bin/env bash
# Lists the text files of one scored set of the shared corpus, one per line,
# for scripts/score_corpus.sh and tests/corpus:corpus_score_test.
#
#   scripts/corpus_texts.sh SET IDS_FILE CORPUS_DIR WORK_DIR
#
# SET is an extraction variant: "pymupdf" and "pdftotext" are stored in
# CORPUS_DIR/texts/<ID>.<SET>.txt, "other" in CORPUS_DIR/texts/<ID>.txt, and
# three more are extracted here from CORPUS_DIR/pdf/<ID>.pdf into
# WORK_DIR/<ID>.<SET>.txt: "pdftotext-layout" and "pdftotext-raw" with
# poppler's `pdftotext -enc UTF-8 -layout` (or -raw), "mutool" with MuPDF's
# `mutool draw -F txt`. Exits 3 when such a set cannot be made (the tool or
# the PDFs missing), so that callers can report it as skipped.
set -euo pipefail
set_name=$1 ids=$2 corpus=$3 work=$4

# extract PDF OUT: the set's extraction of one PDF.
extract() {
  case "$set_name" in
    pdftotext-layout) pdftotext -enc UTF-8 -layout "$1" "$2" ;;
    pdftotext-raw) pdftotext -enc UTF-8 -raw "$1" "$2" ;;
    mutool) mutool draw -q -F txt -o "$2" "$1" 2>/dev/null ;;
  esac
}

tool=""
case "$set_name" in
  pdftotext-*) tool=pdftotext ;;
  mutool) tool=mutool ;;
esac
if [[ "$set_name" == pdf ]]; then
  [[ -d "$corpus/pdf" ]] || { echo "no PDFs in $corpus/pdf" >&2; exit 3; }
fi
if [[ -n "$tool" ]]; then
  command -v "$tool" >/dev/null || {
    echo "no $tool (Debian: poppler-utils, mupdf-tools)" >&2; exit 3; }
  [[ -d "$corpus/pdf" ]] || { echo "no PDFs in $corpus/pdf" >&2; exit 3; }
  mkdir -p "$work"
fi
while read -r id; do
  [[ -z "$id" || "$id" == \#* ]] && continue
  if [[ -n "$tool" ]]; then
    extract "$corpus/pdf/$id.pdf" "$work/$id.$set_name.txt"
    echo "$work/$id.$set_name.txt"
  elif [[ "$set_name" == pdf ]]; then
    echo "$corpus/pdf/$id.pdf"
  elif [[ "$set_name" == other ]]; then
    echo "$corpus/texts/$id.txt"
  else
    echo "$corpus/texts/$id.$set_name.txt"
  fi
done < "$ids"
