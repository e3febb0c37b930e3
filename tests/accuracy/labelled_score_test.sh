#!/usr/bin/env bash
# Accuracy against labels the parser did not write, in any clone: parses the
# bundled labelled texts (tests/testdata/labelled/ and the three in
# tests/testdata/corpus/ with expected JSON), scores each extraction set with
# score.py (CI's scorer, vendored) against tests/testdata/expected/, and
# checks the floors in labelled_floors.txt. Where the shared corpus is next
# to the checkout, also checks that the vendored scorer is CI's.
set -uo pipefail
runfiles=${TEST_SRCDIR:?}/resolute
parse=$runfiles/tools/resolute_parse
scorer=$runfiles/tests/accuracy/score.py
floors=$runfiles/tests/accuracy/labelled_floors.txt
expected=$runfiles/tests/testdata/expected
shared_scorer=${TEST_SRCDIR}/corpus/score.py
work=${TEST_TMPDIR:-$(mktemp -d)}
status=0

if [[ -f "$shared_scorer" ]] && ! cmp -s "$scorer" "$shared_scorer"; then
  echo "FAIL: tests/accuracy/score.py differs from ../shared/corpus/score.py; copy it again"
  status=1
fi

# The texts of set $1 ("pymupdf", "pdftotext" or "other") that have labels.
texts_of() {
  local set=$1 f id
  for f in "$runfiles"/tests/testdata/labelled/*.txt "$runfiles"/tests/testdata/corpus/*.txt; do
    [[ -f "$f" ]] || continue
    id=$(basename "$f" .txt)
    case "$set" in
      other) [[ "$id" == *.* ]] && continue ;;
      *) [[ "$id" == *."$set" ]] || continue; id=${id%."$set"} ;;
    esac
    [[ -f "$expected/$id.json" ]] && echo "$f"
  done
}

while read -r set flags; do
  [[ -z "$set" || "$set" == \#* ]] && continue
  mapfile -t files < <(texts_of "$set")
  if ((${#files[@]} == 0)); then
    echo "== $set: no labelled texts"; status=1; continue
  fi
  out=$work/$set
  mkdir -p "$out/raw"
  "$parse" --out_dir="$out/raw" "${files[@]}" > "$out/parse.log" 2>&1 || { cat "$out/parse.log"; status=1; }
  : > "$out/ids.txt"
  for f in "$out"/raw/*.json; do
    base=$(basename "$f" .json)
    id=${base%."$set"}
    mv "$f" "$out/$id.json"
    echo "$id" >> "$out/ids.txt"
  done
  echo "== $set (${#files[@]} documents): floors $flags"
  # shellcheck disable=SC2086
  if ! python3 "$scorer" --expected "$expected" --actual "$out" --ids "$out/ids.txt" $flags \
      > "$out/score.txt"; then
    status=1
    cat "$out/score.txt"
  fi
  tail -n 1 "$out/score.txt"
done < "$floors"
exit $status
