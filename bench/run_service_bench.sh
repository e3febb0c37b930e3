#!/usr/bin/env bash
# Reruns the service figures of bench/README.md on this machine:
#   1. the parser in-process on the server's core (the baseline: a new
#      message per document, text included, as the server builds them), and
#      with the protobuf work of a server added (request parsed, response
#      serialised: stream_bench --mode=wire);
#   2. the real server (one worker thread, pinned to SERVER_CPU) driven by
#      `resolute bench` (pinned to CLIENT_CPU): unary calls with the median
#      document and with the whole corpus, the document stream and the
#      archive stream, at several concurrency levels; the server's resident
#      set at idle and its peak after the runs;
#   3. the same gRPC path with the parse left out (bench:transport_server):
#      the transport limit, what `cat` of the corpus through gRPC costs.
# Ends with a summary: stream / in-process ratio and the stream's ceiling on
# one core, unary peak, p99 near half of the peak load, server RSS.
#
#   bench/run_service_bench.sh [CORPUS_DIR]
#
# CORPUS_DIR defaults to ../shared/corpus/texts if present, else the bundled
# tests/testdata/corpus. Environment: DURATION (window per level, default 5s),
# LEVELS (unary and stream concurrency levels, default 1,2,4,8,16,64),
# SERVER_CPU (0), CLIENT_CPU (1), OUT (folder for the JSON results; default a
# temporary one), BAZEL (default bazel), BAZEL_FLAGS.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus="${1:-}"
if [[ -z "$corpus" ]]; then
  if [[ -d ../shared/corpus/texts ]]; then corpus=../shared/corpus/texts
  else corpus=tests/testdata/corpus; fi
fi
corpus="$(cd "$corpus" && pwd)"
duration="${DURATION:-5s}"
levels="${LEVELS:-1,2,4,8,16,64}"
server_cpu="${SERVER_CPU:-0}"
client_cpu="${CLIENT_CPU:-1}"
BAZEL="${BAZEL:-bazel}"
BAZEL_FLAGS="${BAZEL_FLAGS:-}"

# shellcheck disable=SC2086  # BAZEL and BAZEL_FLAGS are word lists
$BAZEL build $BAZEL_FLAGS -c opt //service:resolute_server //client:resolute \
  //bench:transport_server //bench:stream_bench >&2
# shellcheck disable=SC2086
bin="$($BAZEL info $BAZEL_FLAGS -c opt bazel-bin 2>/dev/null)"

out="${OUT:-}"
tmp="$(mktemp -d)"
[[ -n "$out" ]] || out="$tmp/results"
mkdir -p "$out"
server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap 'stop_server; rm -rf "$tmp"' EXIT

# start_server BINARY ARGS...: starts it on SERVER_CPU, sets server_pid and port.
start_server() {
  taskset -c "$server_cpu" "$@" >"$tmp/server.out" 2>"$tmp/server.err" &
  server_pid=$!
  port=""
  for _ in $(seq 100); do
    port="$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$tmp/server.out" 2>/dev/null)"
    [[ -n "$port" ]] && break
    sleep 0.1
  done
  [[ -n "$port" ]] || { echo "the server did not start:" >&2; cat "$tmp/server.err" >&2; exit 1; }
}

# rss_kb FIELD: VmRSS or VmHWM of the running server, in kB.
rss_kb() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$server_pid/status"; }

# bench NAME ARGS...: one `resolute bench` run, JSON kept as $out/NAME.json.
bench() {
  local name="$1"
  shift
  taskset -c "$client_cpu" "$bin/client/resolute" bench --server="127.0.0.1:$port" \
    --duration="$duration" --warmup=1s --json "$@" "$corpus" >"$out/$name.json"
  python3 bench/bench_table.py "$name" "$out/$name.json"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "corpus: $corpus"
echo "server on cpu $server_cpu (1 worker thread), client on cpu $client_cpu, $duration per level"

echo "== parser in-process on cpu $server_cpu (new message per document, text included)"
taskset -c "$server_cpu" "$bin/bench/stream_bench" --mode=inprocess --corpus="$corpus" \
  --repeat=5 --runs=5 | tee "$out/inprocess.txt" | grep -v '^corpus:'
echo "== the same without Resolution.text (ParseOptions.include_text = false)"
taskset -c "$server_cpu" "$bin/bench/stream_bench" --mode=inprocess --corpus="$corpus" \
  --repeat=5 --runs=5 --omit_text | tee "$out/inprocess_omit_text.txt" | grep -v '^corpus:'
echo "== parser with the protobuf work of a server (request parsed, response serialised)"
taskset -c "$server_cpu" "$bin/bench/stream_bench" --mode=wire --corpus="$corpus" \
  --repeat=5 --runs=5 | tee "$out/wire.txt" | grep -v '^corpus:'
taskset -c "$server_cpu" "$bin/bench/stream_bench" --mode=wire --corpus="$corpus" \
  --repeat=5 --runs=5 --omit_text | tee "$out/wire_omit_text.txt" | grep -v '^corpus:'
echo "== the same, the median document only (what unary_median sends)"
taskset -c "$server_cpu" "$bin/bench/stream_bench" --mode=inprocess,wire --median \
  --corpus="$corpus" --repeat=5 --runs=5 | tee "$out/median.txt" | grep -v '^corpus:'

echo "== resolute_server"
start_server "$bin/service/resolute_server" --address=127.0.0.1 --port=0 --worker_threads=1 \
  --metrics_port=-1 --shutdown_grace=0s --log_level=warning
sleep 1
echo "idle: VmRSS $(rss_kb VmRSS) kB"
python3 bench/bench_table.py --header
bench unary_median --mode=unary --median --concurrency="$levels"
bench unary --mode=unary --concurrency="$levels"
bench stream --mode=stream --concurrency="$levels"
bench stream_omit_text --mode=stream --omit-text --concurrency=16,64
bench archive --mode=archive --concurrency=1,4
echo "after the runs: VmRSS $(rss_kb VmRSS) kB, peak (VmHWM) $(rss_kb VmHWM) kB" |
  tee "$out/server_rss.txt"
stop_server

echo "== transport_server (the same gRPC path, no parse)"
start_server "$bin/bench/transport_server" --port=0 --worker_threads=1
python3 bench/bench_table.py --header
bench transport_unary_median --mode=unary --median --concurrency=1,16,64
bench transport_stream --mode=stream --concurrency=1,16,64
bench transport_archive --mode=archive --concurrency=1
stop_server

echo "== summary"
python3 bench/bench_table.py --summary "$out"
