#!/usr/bin/env bash
# Fuzzes the parser with clang's libFuzzer, AddressSanitizer and UBSan for a
# while, starting from the bundled documents (and the shared corpus if
# present). Outside Bazel: Bazel here builds with g++, libFuzzer needs clang.
#
#   tools/fuzz.sh [SECONDS]        # default 60; findings go to out/fuzz/
#
# Needs Debian's clang and libclang-rt-14-dev (apt-get install clang
# libclang-rt-14-dev).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=out/fuzz
mkdir -p "$out/corpus" "$out/build"
protoc --proto_path=proto --cpp_out="$out/build" proto/resolute/v1/resolution.proto
# shellcheck disable=SC2046
clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I. -I"$out/build" parser/*.cc tests/fuzz/parser_fuzz.cc "$out/build/resolute/v1/resolution.pb.cc" \
  $(pkg-config --cflags --libs protobuf re2 absl_strings absl_status absl_statusor absl_str_format \
    absl_hash absl_raw_hash_set) \
  -o "$out/parser_fuzz"
cp tests/testdata/corpus/*.txt tests/fuzz/regressions/*.txt "$out/corpus/"
[[ -d ../shared/corpus/texts ]] && cp ../shared/corpus/texts/*.txt "$out/corpus/" 2>/dev/null || true
cd "$out"
./parser_fuzz -max_total_time="$seconds" -max_len=131072 -timeout=5 -rss_limit_mb=2048 \
  -artifact_prefix=./ corpus
