#!/usr/bin/env bash
# Runs the example clients as tests against the real server: installs what
# they need (scripts/setup.sh --examples: Debian's python3-grpcio, Node.js and
# npm if absent; `npm ci` in node/), builds //service:resolute_server, starts
# it on a free loopback port with a small document limit, runs
#   python/example_test.py (stubs generated into a temporary folder)
#   node/example_test.js
# and stops the server. Writes "python-example PASS|FAIL" and
# "node-example PASS|FAIL" to CHECKS_FILE (both FAIL until they pass, so an
# interrupted run fails); logs go to out/examples/.
#
#   client/examples/run_examples.sh [CHECKS_FILE]   # default out/examples/checks.txt
#
# Exit status 0 if both passed.
set -uo pipefail
checks=$(realpath -m "${1:-$(dirname "$0")/../../out/examples/checks.txt}")
cd "$(dirname "$0")/../.."
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
server_pid=""
stop_server() {
  [[ -n "$server_pid" ]] || return 0
  kill -TERM "$server_pid" 2>/dev/null
  for _ in $(seq 1 100); do  # 10 s, then SIGKILL
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
  server_pid=""
}
cleanup() {
  stop_server
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

# --port=0: the server binds a free port itself and prints it (no race with
# another process picking the same one).
bazel-bin/service/resolute_server --address=127.0.0.1 --port=0 --metrics_port=-1 \
  --shutdown_grace=0s --drain_deadline=2s --max_document_bytes=$max_document_bytes \
  >"$out/server.out" 2>"$out/server.log" &
server_pid=$!
port=""
for _ in $(seq 1 100); do  # 10 s
  port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$out/server.out" | head -n1)
  [[ -n "$port" ]] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
[[ -n "$port" ]] || { tail -n 20 "$out/server.log" >&2; fail "the server did not start (out/examples/server.log)"; }
server=127.0.0.1:$port
echo "examples: server on $server (--max_document_bytes=$max_document_bytes)"

echo "== python-example"
if client/examples/python/gen_stubs.sh "$work/python" &&
   PYTHONPATH="$work/python" timeout 120 "$python" client/examples/python/example_test.py \
     --server "$server" --max-document-bytes "$max_document_bytes" 2>&1 | tee "$out/python.log"; then
  python_result=PASS
fi

echo "== node-example"
if (cd client/examples/node && timeout 600 npm ci --no-audit --no-fund >"$out/npm.log" 2>&1) ||
   { tail -n 20 "$out/npm.log" >&2; false; }; then
  if timeout 120 node client/examples/node/example_test.js \
       --server "$server" --max-document-bytes "$max_document_bytes" 2>&1 | tee "$out/node.log"; then
    node_result=PASS
  fi
fi

stop_server
write_checks
cat "$checks"
[[ $python_result == PASS && $node_result == PASS ]]
