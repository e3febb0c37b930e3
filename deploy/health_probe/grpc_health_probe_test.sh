#!/usr/bin/env bash
# grpc_health_probe against resolute_server, as the kubelet's probes in
# deploy/k8s/base/deployment.yaml use it.
#   grpc_health_probe_test.sh PROBE SERVER
set -euo pipefail

probe=$1
server=$2
log=${TEST_TMPDIR:-$(mktemp -d)}/server.log

"$server" --port=0 --address=127.0.0.1 --metrics_port=0 --shutdown_grace=0s >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q "^listening on " "$log" && break
  sleep 0.1
done
addr=$(sed -n 's/^listening on //p' "$log" | head -1)
[[ -n "$addr" ]] || { echo "FAIL: the server did not start"; cat "$log"; exit 1; }

failures=0
check() {
  local expected=$1 got
  shift
  set +e
  "$probe" "$@" >/dev/null 2>&1
  got=$?
  set -e
  if [[ "$got" == "$expected" ]]; then
    echo "ok: grpc_health_probe $* -> $got"
  else
    echo "FAIL: grpc_health_probe $* -> $got, expected $expected"
    failures=$((failures + 1))
  fi
}

check 0 --addr="$addr" --service=resolute.v1.ResolutionParserService --wait=10  # readinessProbe
check 0 --addr="$addr"                                                   # livenessProbe (service "")
check 3 --addr="$addr" --service=no.such.Service                         # NOT_FOUND
check 1 --no-such-flag

kill -TERM "$pid"
set +e
wait "$pid"
code=$?
set -e
trap - EXIT
if [[ "$code" == 0 ]]; then
  echo "ok: the server exited 0 after SIGTERM"
else
  echo "FAIL: the server exited $code after SIGTERM"
  failures=$((failures + 1))
fi
check 2 --addr="$addr" --timeout=1                                       # nothing listens

if ((failures)); then
  cat "$log"
  exit 1
fi
