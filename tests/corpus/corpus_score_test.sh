#!/usr/bin/env bash
# Parses every text of the shared corpus with the in-process parser and scores
# each set against the floors in tests/corpus_thresholds.txt; any drop fails.
set -uo pipefail
runfiles=${TEST_SRCDIR:?}
parse=$runfiles/resolute/tools/resolute_parse
thresholds=$runfiles/resolute/tests/corpus_thresholds.txt
texts=$runfiles/resolute/scripts/corpus_texts.sh
corpus=$runfiles/corpus
if [[ ! -f "$corpus/score.py" ]]; then
  echo "SKIPPED: the shared corpus (../shared/corpus) is not next to this checkout"
  exit 0
fi
work=${TEST_TMPDIR:-$(mktemp -d)}
status=0
while read -r set ids flags; do
  [[ -z "$set" || "$set" == \#* ]] && continue
  out=$work/$set
  mkdir -p "$out/raw"
  files=()
  listed=0
  "$texts" "$set" "$corpus/ids/$ids" "$corpus" "$work/texts-$set" > "$work/$set.list" || listed=$?
  if ((listed == 3)); then
    echo "== $set: SKIPPED (its texts cannot be extracted here)"
    continue
  elif ((listed != 0)); then
    echo "== $set: cannot list its texts"; status=1; continue
  fi
  mapfile -t files < "$work/$set.list"
  "$parse" --out_dir="$out/raw" "${files[@]}" || status=1
  for f in "$out"/raw/*.json; do
    base=$(basename "$f" .json)
    mv "$f" "$out/${base%.$set}.json"
  done
  echo "== $set (${#files[@]} documents): floors $flags"
  # shellcheck disable=SC2086
  if ! python3 "$corpus/score.py" --expected "$corpus/expected" --actual "$out" \
      --ids "$corpus/ids/$ids" $flags > "$out/score.txt"; then
    status=1
    cat "$out/score.txt"
  fi
  tail -n 1 "$out/score.txt"
done < "$thresholds"
exit $status
