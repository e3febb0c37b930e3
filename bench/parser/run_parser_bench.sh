#!/bin/bash
# Reruns the parser figures of bench/README.md:
#   1. the Google Benchmark suite (whole pipeline, median document, stages,
#      sizes 1 KB to 64 MB), 5 repetitions, medians;
#   2. the 64 MB document alone, for its peak RSS;
#   3. the Python regular-expression baseline (system python3);
#   4. callgrind instruction counts of one pass over the corpus, if valgrind
#      is installed (a stable figure on a noisy machine).
# Benchmarks run pinned to one core (taskset), as the figures are per core.
#
#   bench/parser/run_parser_bench.sh   # corpus: ../shared/corpus/texts, else tests/testdata/corpus
#   CORPUS=DIR CPU=0 BAZEL="bazel --output_base=..." BAZEL_FLAGS=--symlink_prefix=/ \
#       bench/parser/run_parser_bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z "${CORPUS:-}" ]]; then
  if [[ -d ../shared/corpus/texts ]]; then CORPUS=$PWD/../shared/corpus/texts
  else CORPUS=$PWD/tests/testdata/corpus; fi
fi
BAZEL=${BAZEL:-bazel}
BAZEL_FLAGS=${BAZEL_FLAGS:-}
CPU=${CPU:-1}

# shellcheck disable=SC2086  # BAZEL and BAZEL_FLAGS are word lists
$BAZEL build $BAZEL_FLAGS -c opt //bench/parser:parser_benchmark //bench/parser:parse_corpus
# shellcheck disable=SC2086
BIN=$($BAZEL info $BAZEL_FLAGS -c opt bazel-bin 2>/dev/null)
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c "$CPU"); fi

echo "== parser_benchmark (medians of 5)"
"${PIN[@]}" "$BIN/bench/parser/parser_benchmark" --corpus_dir="$CORPUS" \
  --benchmark_repetitions=5 --benchmark_report_aggregates_only=true 2>&1 | grep -v "_mean\|_stddev\|_cv"

echo "== the 64 MB document alone (peak RSS)"
"${PIN[@]}" "$BIN/bench/parser/parser_benchmark" --corpus_dir="$CORPUS" \
  --benchmark_filter='BM_ParseBySize/67108864$' --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true 2>&1 | grep "_median"

# glibc serves blocks over 32 MB (its highest dynamic mmap threshold) with
# fresh mmap()s and unmaps them on free, so each parse of the 64 MB document
# page-faults its buffers in again. With the thresholds raised the memory is
# reused as at 16 MB: the cost per byte is then the same at both sizes.
echo "== the 64 MB document with glibc's mmap and trim thresholds raised"
GLIBC_TUNABLES=glibc.malloc.mmap_threshold=1073741824:glibc.malloc.trim_threshold=4294967295 \
  "${PIN[@]}" "$BIN/bench/parser/parser_benchmark" --corpus_dir="$CORPUS" \
  --benchmark_filter='BM_ParseBySize/(16777216|67108864)$' --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true 2>&1 | grep "_median"

echo "== Python regular-expression splitter"
"${PIN[@]}" python3 bench/python_regex_splitter.py --corpus_dir "$CORPUS" --repeat 7

if command -v valgrind >/dev/null; then
  echo "== callgrind: instructions for one pass over the corpus"
  valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    --toggle-collect='resolute::ParseResolution(*' \
    "$BIN/bench/parser/parse_corpus" --corpus_dir="$CORPUS" --repeat=1 2>&1 | grep -E "Collected|documents"
fi
