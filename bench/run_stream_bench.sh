#!/usr/bin/env bash
# Throughput of resolute on this machine: the parser in-process, then unary
# calls with concurrency, the document stream and the archive stream, all on
# the same documents. The server runs on one core (SERVER_CPU, with one
# worker thread) and the client on another (CLIENT_CPU); the in-process
# baseline runs on the server's core, so the percentages compare like with
# like.
#
#   bench/run_stream_bench.sh [CORPUS_DIR]
#
# CORPUS_DIR defaults to the dev corpus (../shared/corpus/texts) if present,
# else tests/testdata/corpus. Environment: REPEAT (passes per
# measurement, default 3), RUNS (measurements per mode, the best is shown;
# default 3), CONCURRENCY (default 16), SERVER_CPU (0), CLIENT_CPU (1), BAZEL_STARTUP
# (bazel startup options, e.g. --output_base=...), BAZEL_FLAGS.
set -euo pipefail

cd "$(dirname "$0")/.."
corpus="${1:-}"
if [[ -z "$corpus" ]]; then
  if [[ -d ../shared/corpus/texts ]]; then corpus=../shared/corpus/texts
  else corpus=tests/testdata/corpus; fi
fi
corpus="$(cd "$corpus" && pwd)"
repeat="${REPEAT:-3}"
runs="${RUNS:-3}"
concurrency="${CONCURRENCY:-16}"
server_cpu="${SERVER_CPU:-0}"
client_cpu="${CLIENT_CPU:-1}"
# shellcheck disable=SC2206
startup=(${BAZEL_STARTUP:-})
# shellcheck disable=SC2206
flags=(${BAZEL_FLAGS:-})

bazel "${startup[@]}" build "${flags[@]}" -c opt //service:resolute_server //bench:stream_bench >&2
bin="$(bazel "${startup[@]}" info "${flags[@]}" -c opt bazel-bin 2>/dev/null)"

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

taskset -c "$server_cpu" "$bin/service/resolute_server" --address=127.0.0.1 --port=0 \
  --worker_threads=1 --metrics_port=-1 --shutdown_grace=0s --log_level=warning \
  >"$tmp/server.out" 2>"$tmp/server.err" &
server_pid=$!
for _ in $(seq 100); do
  grep -q '^listening on ' "$tmp/server.out" 2>/dev/null && break
  sleep 0.1
done
port="$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$tmp/server.out")"
[[ -n "$port" ]] || { echo "the server did not start" >&2; cat "$tmp/server.err" >&2; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "server on cpu $server_cpu (1 worker thread), client on cpu $client_cpu, concurrency $concurrency"
baseline_line="$(taskset -c "$server_cpu" "$bin/bench/stream_bench" --mode=inprocess \
  --corpus="$corpus" --repeat="$repeat" --runs="$runs")"
echo "$baseline_line"
baseline="$(echo "$baseline_line" | sed -n 's/.* \([0-9.]*\) docs\/s.*/\1/p' | tail -1)"
taskset -c "$client_cpu" "$bin/bench/stream_bench" --mode=unary,stream,archive \
  --corpus="$corpus" --repeat="$repeat" --runs="$runs" --server="127.0.0.1:$port" \
  --concurrency="$concurrency" --baseline_docs_per_s="$baseline" | grep -v '^corpus:'
