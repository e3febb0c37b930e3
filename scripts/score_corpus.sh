#!/usr/bin/env bash
# Structures the shared evaluation corpus through the real server and the
# reference client, then scores each extraction variant with the corpus
# scorer and its thresholds (tests/corpus_thresholds.txt).
#
#   scripts/score_corpus.sh [--sets=A,B] [--skip=A,B] [OUT_DIR]   # default out/corpus
#
# --sets scores only the named sets of the thresholds file, --skip all but
# those (scripts/score_pdf.sh scores the "pdf" set, .ci/run the others).
#
# The corpus is not part of this repository: it is read from
# $RESOLUTE_CORPUS, default ../shared/corpus next to the checkout. Without
# it, the script says so and exits 0. For every scored set it appends a line
# "corpus-<set> PASS|FAIL" to OUT_DIR/checks.txt.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
corpus=${RESOLUTE_CORPUS:-$root/../shared/corpus}
only="" skip=""
while [[ "${1:-}" == --* ]]; do
  case "$1" in
    --sets=*) only=",${1#--sets=}," ;;
    --skip=*) skip=",${1#--skip=}," ;;
    *) echo "score_corpus: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
out=${1:-$root/out/corpus}

if [[ ! -f "$corpus/score.py" ]]; then
  echo "corpus-wide scoring skipped: no corpus at $corpus (set RESOLUTE_CORPUS)"
  exit 0
fi
corpus=$(cd "$corpus" && pwd)
bazel build //service:resolute_server //client:resolute >/dev/null 2>&1 || {
  echo "corpus scoring: build failed"; exit 1; }
server=$root/bazel-bin/service/resolute_server
client=$root/bazel-bin/client/resolute

rm -rf "$out"
mkdir -p "$out"
log=$out/server.log
"$server" --port=0 --address=127.0.0.1 --metrics_port=0 --shutdown_grace=0s >"$out/server.out" 2>"$log" &
server_pid=$!
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null' EXIT
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$out/server.out" | head -n1)
  [[ -n "$port" ]] && break
  sleep 0.1
done
if [[ -z "$port" ]]; then
  echo "corpus scoring: the server did not start"; cat "$log"; exit 1
fi

# thresholds: one line per set: NAME IDS_FILE FLAGS...
status=0
while read -r set ids flags; do
  [[ -z "$set" || "$set" == \#* ]] && continue
  [[ -n "$only" && "$only" != *",$set,"* ]] && continue
  [[ -n "$skip" && "$skip" == *",$set,"* ]] && continue
  dir=$out/$set
  mkdir -p "$dir/raw"
  files=()
  listed=0
  scripts/corpus_texts.sh "$set" "$corpus/ids/$ids" "$corpus" "$out/texts-$set" > "$out/$set.list" ||
    listed=$?
  if ((listed == 3)); then
    echo "== corpus $set: skipped (its texts cannot be extracted here)"
    continue
  elif ((listed != 0)); then
    echo "corpus-$set FAIL" >> "$out/checks.txt"; status=1; continue
  fi
  mapfile -t files < "$out/$set.list"
  "$client" parse --server "127.0.0.1:$port" --out "$dir/raw" "${files[@]}" >/dev/null
  # The client names outputs after the input file: A_RES_78_100.pymupdf.json
  # (A_RES_78_100.json for A_RES_78_100.pdf).
  for f in "$dir"/raw/*.json; do
    base=$(basename "$f" .json)
    mv "$f" "$dir/${base%.$set}.json"
  done
  rmdir "$dir/raw"
  echo "== corpus $set ($ids): ${#files[@]} documents"
  # shellcheck disable=SC2086
  if python3 "$corpus/score.py" --expected "$corpus/expected" --actual "$dir" \
      --ids "$corpus/ids/$ids" --json "$out/report_$set.json" $flags > "$out/score_$set.txt"; then
    echo "corpus-$set PASS" >> "$out/checks.txt"
  else
    echo "corpus-$set FAIL" >> "$out/checks.txt"
    status=1
  fi
  grep -E 'THRESHOLD NOT MET' "$out/score_$set.txt" || true
  tail -n 1 "$out/score_$set.txt"
done < tests/corpus_thresholds.txt
exit $status
