#!/usr/bin/env bash
# Fuzzes with clang's libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer:
#   parser   any bytes as a document's text (tests/fuzz/parser_fuzz.cc)
#   archive  any bytes as a streamed archive (tests/fuzz/archive_fuzz.cc)
#   request  any bytes as a serialized request, through the service's request
#            path in-process (tests/fuzz/request_fuzz.cc)
# each from its seeds (the bundled documents, tests/fuzz/seeds, the inputs
# kept in tests/fuzz/regressions) with its dictionary, for SECONDS each.
# Outside Bazel: Bazel here builds with g++, libFuzzer needs clang; the
# sources of each target come from `bazel query`, so they follow the BUILD
# files. Findings (crash-*, leak-*, timeout-*, slow-unit-*) go to
# out/fuzz/<target>/; fix them, then keep each in tests/fuzz/regressions/<target>/.
#
#   tools/fuzz.sh [SECONDS] [CHECKS_FILE] [TARGET...]   # default 60 s, all three
#
# Prints one line per target (executions, coverage, corpus) and appends
# "fuzz-<target> PASS|FAIL" to CHECKS_FILE (default out/fuzz/checks.txt).
# Needs Debian's clang and libclang-rt-14-dev (scripts/setup.sh --fuzz).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
checks=${2:-out/fuzz/checks.txt}
shift $(( $# < 2 ? $# : 2 ))
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(parser archive request)
out=out/fuzz
# Objects are shared by the targets of one run, never kept across runs (a
# changed header would leave a stale object behind).
rm -rf "$out/obj"
mkdir -p "$out/gen" "$out/obj" "$(dirname "$checks")"

scripts/setup.sh --fuzz >/dev/null || exit 1
protoc --proto_path=proto --cpp_out="$out/gen" proto/resolute/v1/*.proto proto/google/rpc/*.proto
absl_libs=$(pkg-config --list-all | awk '/^absl_/ {print $1}' | tr '\n' ' ')
# shellcheck disable=SC2086
read -r -a cflags <<< "$(pkg-config --cflags protobuf grpc++ re2 libarchive poppler-cpp libxml-2.0 $absl_libs)"
# shellcheck disable=SC2086
read -r -a libs <<< "$(pkg-config --libs protobuf grpc++ re2 libarchive poppler-cpp libxml-2.0 $absl_libs)"
sanitize=(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)

# Compiles one source to out/fuzz/obj (once per run).
compile() {
  local src=$1 obj="$out/obj/${1//\//_}.o"
  if [[ ! -f $obj ]]; then
    clang++ -std=c++17 -O1 -g -fsanitize=fuzzer-no-link "${sanitize[@]}" -I. -I"$out/gen" \
      "${cflags[@]}" -c "$src" -o "$obj" || return 1
  fi
  echo "$obj"
}

status=0
for target in "${targets[@]}"; do
  dir="$out/$target"
  mkdir -p "$dir/corpus"
  # Repository sources of the target (//pkg:path.cc -> pkg/path.cc), then its protos.
  mapfile -t sources < <(bazel query --noshow_progress \
      "kind('source file', deps(//tests/fuzz:${target}_fuzz_target))" 2>/dev/null |
    grep -v '^@' | grep '\.cc$' | sed -e 's|^//||' -e 's|:|/|')
  if [[ ${#sources[@]} -eq 0 ]]; then
    echo "fuzz $target: no sources (bazel query failed)"
    echo "fuzz-$target FAIL" >> "$checks"; status=1; continue
  fi
  for proto in resolute/v1/resolution resolute/v1/resolute_service google/rpc/status \
               google/rpc/error_details google/rpc/code; do
    sources+=("$out/gen/$proto.pb.cc")
  done
  objects=()
  build_ok=1
  for src in "${sources[@]}"; do
    obj=$(compile "$src") || { build_ok=0; break; }
    objects+=("$obj")
  done
  if [[ $build_ok -eq 1 ]]; then
    clang++ -fsanitize=fuzzer "${sanitize[@]}" "${objects[@]}" "${libs[@]}" -o "$dir/fuzzer" ||
      build_ok=0
  fi
  if [[ $build_ok -eq 0 ]]; then
    echo "fuzz $target: build failed"
    echo "fuzz-$target FAIL" >> "$checks"; status=1; continue
  fi

  case $target in
    parser)
      cp tests/testdata/corpus/*.txt "$dir/corpus/"
      [[ -d ../shared/corpus/texts ]] && cp ../shared/corpus/texts/*.txt "$dir/corpus/" 2>/dev/null
      ;;
    archive | request)
      cp tests/fuzz/seeds/"$target"/* "$dir/corpus/"
      python3 tests/fuzz/make_seeds.py "$dir/made" tests/testdata/corpus/A_RES_7*.txt &&
        cp "$dir/made/$target"/* "$dir/corpus/"
      ;;
  esac
  cp tests/fuzz/regressions/"$target"/* "$dir/corpus/" 2>/dev/null

  log="$dir/fuzz.log"
  (cd "$dir" && ASAN_OPTIONS=detect_leaks=1 ./fuzzer -max_total_time="$seconds" \
      -dict="../../../tests/fuzz/$target.dict" -max_len=262144 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix=./ corpus) > "$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 executions in \2 s/p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  corp=$(grep -o 'corp: [0-9]*/[0-9A-Za-z]*' "$log" | tail -1)
  if [[ $rc -eq 0 ]]; then
    echo "fuzz $target: ${runs:-? executions}, ${cov:-cov: ?} edges, ${corp:-corp: ?}, no finding"
    echo "fuzz-$target PASS" >> "$checks"
  else
    echo "fuzz $target: FINDING (exit $rc), see $log and $dir/crash-* etc.:"
    # libprotobuf's own "[libprotobuf ERROR ...]" lines (invalid UTF-8 in a
    # string field, expected while fuzzing) would hide the finding.
    grep -v '^\[libprotobuf' "$log" |
      grep -m8 -E '==[0-9]+==|SUMMARY|deadly signal|runtime error|Test unit written|^    #[0-9]'
    echo "fuzz-$target FAIL" >> "$checks"; status=1
  fi
done
exit $status
