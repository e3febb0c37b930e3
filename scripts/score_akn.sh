#!/usr/bin/env bash
# Checks the Akoma Ntoso output on the whole shared evaluation corpus:
#
#   scripts/score_akn.sh [OUT_DIR]      # default out/akn
#
# For every scored set of tests/corpus_thresholds.txt (text variants, and the
# PDF extractions where their tools exist) it parses each text in-process with
# the batch tool (//tools:resolute_parse --akn), which writes the JSON and the
# AKN XML of the same model; validates every XML file with
# `xmllint --schema` against the Akoma Ntoso 3.0 schema; turns our XML into
# JSON with the corpus's own converter (tools/akn_expected.py, the one that
# made the expected JSON from the UN's markup); and scores both with the
# corpus scorer. The AKN path must score exactly as the JSON path (the whole
# score.py report identical), and every file must be valid. Texts of the
# corpus outside the scored sets are validated too. tools/akn_diff.py then
# reports, for the pymupdf set, what differs from the UN's own markup beyond
# what the converter reads.
#
# The corpus is read from $RESOLUTE_CORPUS, default ../shared/corpus next to
# the checkout; without it the script says so and exits 0. The schema is
# ../shared/akn/akomantoso30.xsd, else the copy in tests/testdata/akn. It
# appends "akn-<set> PASS|FAIL" and "akn-valid PASS|FAIL" to
# OUT_DIR/checks.txt and ends with a summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
corpus=${RESOLUTE_CORPUS:-$root/../shared/corpus}
out=${1:-$root/out/akn}

if [[ ! -f "$corpus/score.py" || ! -f "$corpus/tools/akn_expected.py" ]]; then
  echo "AKN scoring skipped: no corpus at $corpus (set RESOLUTE_CORPUS)"
  exit 0
fi
corpus=$(cd "$corpus" && pwd)
schema=$root/../shared/akn/akomantoso30.xsd
[[ -f "$schema" ]] || schema=$root/tests/testdata/akn/akomantoso30.xsd
rm -rf "$out"
mkdir -p "$out"
: > "$out/checks.txt"
if ! command -v xmllint >/dev/null; then
  echo "AKN scoring: no xmllint (Debian: libxml2-utils; run scripts/setup.sh)"
  echo "akn-valid FAIL" >> "$out/checks.txt"
  exit 1
fi
bazel build //tools:resolute_parse >/dev/null 2>&1 || {
  echo "AKN scoring: build failed"; echo "akn-valid FAIL" >> "$out/checks.txt"; exit 1; }
parse=$root/bazel-bin/tools/resolute_parse

valid=0
invalid=0
# validate DIR: counts the valid and invalid *.akn.xml files of DIR.
validate() {
  local files=("$1"/*.akn.xml) log
  [[ -e "${files[0]}" ]] || return 0
  log=$(xmllint --noout --nonet --schema "$schema" "${files[@]}" 2>&1)
  valid=$((valid + $(grep -c ' validates$' <<< "$log")))
  invalid=$((invalid + $(grep -c ' fails to validate$' <<< "$log")))
  grep -v ' validates$' <<< "$log" >> "$out/xmllint.log"
}

# parse_set DIR SUFFIX FILE...: DIR/json/<ID>.json and DIR/akn/<ID>.akn.xml.
parse_set() {
  local dir=$1 suffix=$2
  shift 2
  mkdir -p "$dir/raw" "$dir/json" "$dir/akn"
  "$parse" --akn --out_dir="$dir/raw" "$@" 2>> "$out/parse.log"
  local f base
  for f in "$dir"/raw/*.json; do
    [[ -e "$f" ]] || continue
    base=$(basename "$f" .json)
    base=${base%"$suffix"}
    mv "$f" "$dir/json/$base.json"
  done
  for f in "$dir"/raw/*.akn.xml; do
    [[ -e "$f" ]] || continue
    base=$(basename "$f" .akn.xml)
    base=${base%"$suffix"}
    mv "$f" "$dir/akn/$base.akn.xml"
  done
  rm -rf "$dir/raw"
}

status=0
covered=$out/covered.txt
: > "$covered"
while read -r set ids _; do
  [[ -z "$set" || "$set" == \#* ]] && continue
  dir=$out/$set
  listed=0
  scripts/corpus_texts.sh "$set" "$corpus/ids/$ids" "$corpus" "$out/texts-$set" \
    > "$out/$set.list" || listed=$?
  if ((listed == 3)); then
    echo "== AKN $set: skipped (its texts cannot be extracted here)"
    continue
  elif ((listed != 0)); then
    echo "akn-$set FAIL" >> "$out/checks.txt"; status=1; continue
  fi
  mapfile -t files < "$out/$set.list"
  cat "$out/$set.list" >> "$covered"
  suffix=".$set"
  [[ "$set" == other ]] && suffix=""
  parse_set "$dir" "$suffix" "${files[@]}"
  validate "$dir/akn"
  python3 "$corpus/tools/akn_expected.py" --batch "$dir/akn" --out-dir "$dir/from_akn" \
    2>> "$out/convert.log"
  python3 "$corpus/score.py" --expected "$corpus/expected" --actual "$dir/json" \
    --ids "$corpus/ids/$ids" > "$out/score_${set}_json.txt"
  python3 "$corpus/score.py" --expected "$corpus/expected" --actual "$dir/from_akn" \
    --ids "$corpus/ids/$ids" > "$out/score_${set}_akn.txt"
  echo "== AKN $set ($ids): ${#files[@]} documents"
  echo "json: $(tail -n 1 "$out/score_${set}_json.txt")"
  echo "akn:  $(tail -n 1 "$out/score_${set}_akn.txt")"
  if cmp -s "$out/score_${set}_json.txt" "$out/score_${set}_akn.txt"; then
    echo "akn-$set PASS" >> "$out/checks.txt"
  else
    echo "AKN $set: the AKN path does not score as the JSON path:"
    diff "$out/score_${set}_json.txt" "$out/score_${set}_akn.txt" | head -n 20
    echo "akn-$set FAIL" >> "$out/checks.txt"
    status=1
  fi
done < tests/corpus_thresholds.txt

# What the converter does not see (FRBR, eIds, note placement, conclusions,
# attachments): reported against the UN's markup, not a gate.
if [[ -d "$out/pymupdf/akn" && -d "$corpus/akn" ]]; then
  python3 tools/akn_diff.py "$out/pymupdf/akn" --un-dir "$corpus/akn" --details -1 \
    > "$out/akn_diff_pymupdf.txt"
  echo "== AKN vs the UN's markup (pymupdf; details in $out/akn_diff_pymupdf.txt)"
  grep '^== ' "$out/akn_diff_pymupdf.txt"
fi

# The texts no scored set covers (no gold): validated only.
mapfile -t rest < <(ls "$corpus"/texts/*.txt | grep -vxF -f "$covered")
if ((${#rest[@]} > 0)); then
  parse_set "$out/unscored" "" "${rest[@]}"
  validate "$out/unscored/akn"
fi
echo "== AKN schema: $valid valid, $invalid invalid (xmllint --schema $schema)"
if ((invalid == 0 && valid > 0)); then
  echo "akn-valid PASS" >> "$out/checks.txt"
else
  head -n 20 "$out/xmllint.log" 2>/dev/null
  echo "akn-valid FAIL" >> "$out/checks.txt"
  status=1
fi
exit $status
