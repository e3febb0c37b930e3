#!/usr/bin/env bash
# Runs the example clients as tests against the real server: installs what
# they need (scripts/setup.sh --examples: Debian's python3-grpcio, Node.js and
# npm if absent; `npm ci` in node/), builds //service:resolute_server, starts
# it on a free loopback port with a small document limit (and a second one
# with --max_concurrent_archives=0, which refuses archives with UNAVAILABLE
# and a RetryInfo), runs
#   python/example_test.py (stubs generated into a temporary folder)
#   node/example_test.js
# and stops the servers. Writes "python-example PASS|FAIL" and
# "node-example PASS|FAIL" to CHECKS_FILE (both FAIL until they pass, so an
# interrupted run fails); logs go to out/examples/.
#
#   client/examples/run_examples.sh [CHECKS_FILE]   # default out/examples/checks.txt
#
# Exit status 0 if both passed.
set -uo pipefail
checks=$(realpath -m "${1:-$(dirname "$0")/../../out/examples/checks.txt}")
cd "$(dirname "$0")/../.." || exit 1
root=$(pwd)
out=$root/out/examples
max_document_bytes=65536
python=${RESOLUTE_EXAMPLES_PYTHON:-/usr/bin/python3}  # Debian's, where python3-grpcio is

mkdir -p "$out" "$(dirname "$checks")"
python_result=FAIL
node_result=FAIL
write_checks() {
  printf 'python-example %s\nnode-example %s\n' "$python_result" "$node_result" > "$checks"
}
write_checks

work=$(mktemp -d)
server_pids=()
stop_servers() {
  ((${#server_pids[@]})) || return 0
  kill -TERM "${server_pids[@]}" 2>/dev/null
  for _ in $(seq 1 100); do  # 10 s, then SIGKILL
    kill -0 "${server_pids[@]}" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "${server_pids[@]}" 2>/dev/null
  wait "${server_pids[@]}" 2>/dev/null
  server_pids=()
}
cleanup() {
  stop_servers
  rm -rf "$work"
  write_checks
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

fail() {
  echo "examples: $*" >&2
  exit 1
}

scripts/setup.sh --examples || fail "scripts/setup.sh --examples failed"
timeout 1800 bazel build //service:resolute_server >"$out/build.log" 2>&1 ||
  { tail -n 20 "$out/build.log" >&2; fail "bazel build //service:resolute_server failed (out/examples/build.log)"; }

# Starts a server with the given extra flags and sets $port. --port=0: the
# server binds a free port itself and prints it (no race with another process
# picking the same one).
start_server() {
  local name=$1
  shift
  bazel-bin/service/resolute_server --address=127.0.0.1 --port=0 --metrics_port=-1 \
    --shutdown_grace=0s --drain_deadline=2s "$@" >"$out/$name.out" 2>"$out/$name.log" &
  local pid=$!
  server_pids+=("$pid")
  port=""
  for _ in $(seq 1 100); do  # 10 s
    port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$out/$name.out" | head -n1)
    [[ -n "$port" ]] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  tail -n 20 "$out/$name.log" >&2
  fail "the server did not start (out/examples/$name.log)"
}
start_server server --max_document_bytes=$max_document_bytes
server=127.0.0.1:$port
# A second server that refuses every archive (UNAVAILABLE with a RetryInfo).
start_server busy_server --max_concurrent_archives=0
busy_server=127.0.0.1:$port
echo "examples: server on $server (--max_document_bytes=$max_document_bytes), busy server on $busy_server"

echo "== python-example"
if client/examples/python/gen_stubs.sh "$work/python" &&
   PYTHONPATH="$work/python" timeout 120 "$python" client/examples/python/example_test.py \
     --server "$server" --max-document-bytes "$max_document_bytes" --busy-server "$busy_server" 2>&1 | tee "$out/python.log"; then
  python_result=PASS
fi

echo "== node-example"
if (cd client/examples/node && timeout 600 npm ci --no-audit --no-fund >"$out/npm.log" 2>&1) ||
   { tail -n 20 "$out/npm.log" >&2; false; }; then
  if timeout 120 node client/examples/node/example_test.js \
       --server "$server" --max-document-bytes "$max_document_bytes" --busy-server "$busy_server" 2>&1 | tee "$out/node.log"; then
    node_result=PASS
  fi
fi

stop_servers
write_checks
cat "$checks"
[[ $python_result == PASS && $node_result == PASS ]]
