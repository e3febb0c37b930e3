#!/usr/bin/env bash
# Builds the resolute_server image with podman, without any registry, and
# smoke-tests it: run on a loopback port with a read-only root as a non-root
# user, wait for the gRPC health check, parse a sample with the reference
# client, scrape /metrics, send SIGTERM (readiness must flip at once, a call
# during the grace must be served), expect exit code 0 and JSON logs. Prints
# how long each step took.
#
#   deploy/image.sh                 # Bazel build inside the image (Containerfile stage build-container)
#   deploy/image.sh --host-build    # Bazel build on this host, files copied into the image
#
# Options:
#   --host-build          build on the host (same Debian 12 packages) instead of in the image
#   --server-binary PATH  package this server binary (implies --host-build for the server)
#   --sample FILE         document to parse (default: deploy/pick-sample.sh's choice: the first
#                         examples/*.txt, else the first .txt in the first examples/ archive,
#                         else the corpus seed in tests/testdata)
#   --no-run              build the image only
#   --skip-parse          do not call the reference client (only the health checks and SIGTERM)
#   --keep                stop before SIGTERM and leave the container running
# Environment:
#   RESOLUTE_DEPLOY_CACHE  cache folder: podman storage, the debootstrap rootfs, the host
#                          Bazel output base (default: ~/.cache/resolute-deploy)
#   IMAGE                  image reference (default: localhost/resolute-server:dev)
#   DEBIAN_MIRROR          mirror for debootstrap (default: the one apt uses on this host)
#
# Needs root; installs podman, runc and debootstrap from Debian when missing,
# and the host build needs the packages of scripts/setup.sh.
# podman runs with deploy/podman/containers.conf (runc) and its own --root and
# --runroot under the cache folder, so it touches no other podman storage.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cache=${RESOLUTE_DEPLOY_CACHE:-$HOME/.cache/resolute-deploy}
image=${IMAGE:-localhost/resolute-server:dev}
base_image=localhost/resolute-base:bookworm
health_service=resolute.v1.ResolutionParserService

mode=container
server_binary=""
sample=""
run=1
parse=1
keep=0
while (($#)); do
  case "$1" in
    --host-build) mode=host ;;
    --server-binary) mode=host; server_binary=$(realpath "$2"); shift ;;
    --sample) sample=$(realpath "$2"); shift ;;
    --no-run) run=0 ;;
    --skip-parse) parse=0 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "image: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# ---------------------------------------------------------------- helpers
t_start=$(date +%s%N)
t_step=$t_start
timings=()
log() { printf 'image: %s\n' "$*"; }
die() { printf 'image: FAILED: %s\n' "$*" >&2; exit 1; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
step_done() {
  local now; now=$(date +%s%N)
  timings+=("$(printf '%6ss  %s' "$(elapsed "$t_step" "$now")" "$1")")
  log "done: $1 ($(elapsed "$t_step" "$now")s)"
  t_step=$now
}

[[ $(id -u) -eq 0 ]] || die "run as root (rootful podman with its own storage under $cache)"
# Image tools from Debian, installed when missing (this script runs as root).
missing=()
for pkg in podman runc debootstrap; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]} (apt)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
command -v git >/dev/null || die "git not found"
if ((run)); then command -v bazel >/dev/null || die "bazel not found: run scripts/setup.sh"; fi

mkdir -p "$cache"
export CONTAINERS_CONF=$here/podman/containers.conf
pm() { podman --root "$cache/storage" --runroot "$cache/runroot" "$@"; }

# Host Bazel builds use their own output base (not a developer's Bazel server,
# which stops after 10 idle minutes) and create no bazel-* links in the work tree.
bazel_startup=(--output_base="$cache/bazel" --max_idle_secs=600)
bazel_host() {
  (cd "$repo" && bazel "${bazel_startup[@]}" "$1" --symlink_prefix=/ "${@:2}")
}
bazel_bin() { (cd "$repo" && bazel "${bazel_startup[@]}" info bazel-bin 2>/dev/null); }

# The Debian mirror apt uses here (deb822 or one-line format).
debian_mirror() {
  local uri
  uri=$(awk '/^URIs:/ { u = $2 } /^Suites:/ && / bookworm( |$)/ { print u; exit }' \
    /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [[ -n "$uri" ]] || uri=$(awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# ------------------------------------------------ 1. base image (cached)
if pm image exists "$base_image"; then
  log "base image $base_image is cached"
else
  rootfs=$cache/rootfs-bookworm
  if [[ ! -f "$rootfs.complete" ]]; then
    mirror=${DEBIAN_MIRROR:-$(debian_mirror)}
    log "debootstrap --variant=minbase bookworm from $mirror"
    rm -rf "$rootfs"
    debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1 \
      || { tail -20 "$cache/debootstrap.log" >&2; die "debootstrap failed (log: $cache/debootstrap.log)"; }
    # The image's apt sees the same suites as this host (updates, security).
    if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
      cp /etc/apt/sources.list.d/debian.sources "$rootfs/etc/apt/sources.list.d/debian.sources"
      rm -f "$rootfs/etc/apt/sources.list"
    fi
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    touch "$rootfs.complete"
  fi
  log "podman import $rootfs as $base_image"
  tar -C "$rootfs" -c . | pm import --quiet --change 'CMD ["/bin/bash"]' - "$base_image" >/dev/null
fi
step_done "base image (debootstrap + podman import, cached after the first run)"

# ------------------------------------------------ 2. build context
# Only what git tracks or would track (no bazel-* links, no node_modules).
ctx=$cache/context
rm -rf "$ctx"
mkdir -p "$ctx"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' f; do [[ -e "$f" ]] && printf '%s\0' "$f"; done \
  | tar --null -T - -c) | tar -C "$ctx" -x

# Host-side binaries: the server (host mode), the reference client and the
# health probe for the smoke test.
host_targets=()
if [[ "$mode" == host && -z "$server_binary" ]]; then host_targets+=(//service:resolute_server); fi
if ((run)); then
  host_targets+=(//deploy/health_probe:grpc_health_probe)
  ((parse)) && host_targets+=(//client:resolute)
fi
if ((${#host_targets[@]})); then
  log "bazel build (host) ${host_targets[*]}"
  bazel_host build "${host_targets[@]}" >"$cache/bazel-host.log" 2>&1 \
    || { tail -30 "$cache/bazel-host.log" >&2; die "host bazel build failed (log: $cache/bazel-host.log)"; }
  bin=$(bazel_bin)
  step_done "host bazel build (${host_targets[*]})"
fi
if [[ "$mode" == host ]]; then
  "$here/collect-runtime.sh" "${server_binary:-$bin/service/resolute_server}" "$ctx/.resolute-runtime"
fi

# ------------------------------------------------ 3. image
log "podman build $image (BUILD_MODE=$mode)"
pm build --layers --network=host \
  --build-arg BASE_IMAGE="$base_image" --build-arg BUILD_MODE="$mode" \
  -f "$ctx/deploy/Containerfile" -t "$image" "$ctx" >"$cache/podman-build.log" 2>&1 \
  || { tail -40 "$cache/podman-build.log" >&2; die "podman build failed (log: $cache/podman-build.log)"; }
size=$(pm image inspect --format '{{.Size}}' "$image")
user=$(pm image inspect --format '{{.Config.User}}' "$image")
log "image $image: $((size / 1024 / 1024)) MiB, user $user"
[[ "$user" == 65532:65532 ]] || die "image user is '$user', expected 65532:65532"
step_done "podman build (BUILD_MODE=$mode)"

if ((!run)); then
  printf '%s\n' "${timings[@]}"
  exit 0
fi

# ------------------------------------------------ 4. run and check
name=resolute-smoke-$$
cleanup() {
  if ((keep)); then return; fi
  pm rm -f -t 0 "$name" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# Nothing but the server is in the image: not even a shell.
if pm run --rm --entrypoint /bin/sh "$image" -c true >/dev/null 2>&1; then
  die "the image has a shell; the runtime stage should hold only the server"
fi

# The environment is the dev overlay's ConfigMap, as rendered for Kubernetes,
# so the smoke test checks those values against the real binary.
env_file=$cache/dev.env
if command -v kubectl >/dev/null && kubectl kustomize "$repo/deploy/k8s/overlays/dev" >"$cache/dev.yaml" 2>/dev/null; then
  awk '
    function flush() { if (is_cm) printf "%s", buf; buf = ""; is_cm = 0; in_data = 0 }
    /^---/ { flush(); next }
    /^kind: ConfigMap$/ { is_cm = 1 }
    /^data:/ { in_data = 1; next }
    /^[^ ]/ { in_data = 0 }
    in_data && /^  [A-Z0-9_]+: / {
      key = $1; sub(/:$/, "", key); val = substr($0, index($0, ": ") + 2)
      if (val ~ /^".*"$/ || val ~ /^\047.*\047$/) val = substr(val, 2, length(val) - 2)
      buf = buf key "=" val "\n"
    }
    END { flush() }' "$cache/dev.yaml" >"$env_file"
else
  log "WARNING: cannot render the dev overlay (kubectl); using deploy/k8s/base/resolute.env"
  cp "$repo/deploy/k8s/base/resolute.env" "$env_file"
fi
log "environment: $(grep -c = "$env_file") RESOLUTE_* variables from the dev overlay ($env_file)"
# Every variable must name a flag of the server (RESOLUTE_WORKER_THREADS ->
# --worker_threads): `resolute_server --help` lists each flag with its variable.
help=$(pm run --rm "$image" --help 2>&1 || true)
grep -q "(env RESOLUTE_PORT)" <<<"$help" || die "resolute_server --help lists no RESOLUTE_* variables"
unknown=()
while IFS='=' read -r key _; do
  grep -qF "(env $key)" <<<"$help" || unknown+=("$key")
done < <(grep = "$env_file")
if ((${#unknown[@]})); then
  die "the dev overlay sets ${unknown[*]}, which name no flag of resolute_server (see --help)"
fi
log "every variable of the ConfigMap names a server flag ($(grep -c '(env RESOLUTE_' <<<"$help") flags)"

log "podman run (read-only root, user 65532, no capabilities) on 127.0.0.1"
pm run -d --name "$name" \
  --read-only --read-only-tmpfs=false --tmpfs /tmp:rw,size=16m,mode=1777 \
  --cap-drop=ALL --security-opt=no-new-privileges \
  --env-file "$env_file" \
  -p 127.0.0.1::50051 -p 127.0.0.1::9090 \
  "$image" >/dev/null
grpc_port=$(pm port "$name" 50051/tcp | head -1 | sed 's/.*://')
metrics_port=$(pm port "$name" 9090/tcp | head -1 | sed 's/.*://')
addr=127.0.0.1:$grpc_port
probe=$bin/deploy/health_probe/grpc_health_probe
logs() { pm logs "$name" 2>&1 | tail -30 | sed 's/^/  server| /' >&2; }

# Readiness, as the kubelet asks it; give up early if the container died.
ready=0
for _ in $(seq 60); do
  if "$probe" --addr="$addr" --service="$health_service" --timeout=1 --wait=1 >/dev/null 2>&1; then
    ready=1
    break
  fi
  [[ "$(pm inspect --format '{{.State.Running}}' "$name")" == true ]] || break
done
if ((!ready)); then
  logs
  die "the server never reported SERVING for $health_service on $addr (state: $(pm inspect --format '{{.State.Status}} exit={{.State.ExitCode}}' "$name"))"
fi
"$probe" --addr="$addr" --timeout=1 >/dev/null || { logs; die "overall health (service \"\") is not SERVING"; }
step_done "container start until gRPC health SERVING ($addr)"

if ((parse)); then
  if [[ -z "$sample" ]]; then
    sample=$("$here/pick-sample.sh" "$repo" "$cache") || die "no sample document (give --sample FILE)"
  fi
  [[ -f "$sample" ]] || die "no sample document (give --sample FILE)"
  out=$cache/parse-output.txt
  if ! "$bin/client/resolute" parse --server "$addr" "$sample" >"$out" 2>"$cache/parse-stderr.txt"; then
    cat "$cache/parse-stderr.txt" >&2
    logs
    die "resolute parse $sample failed"
  fi
  [[ -s "$out" ]] || die "resolute parse printed nothing"
  log "parsed $(basename "$sample"): $(wc -c <"$out") bytes of output ($out)"
  step_done "reference client parse"
fi

# Prometheus text on the metrics port, with the call just made counted.
metrics=$(curl -fsS --max-time 2 "http://127.0.0.1:$metrics_port/metrics" 2>/dev/null) \
  || { logs; die "no answer on http://127.0.0.1:$metrics_port/metrics"; }
for family in resolute_grpc_calls_total resolute_grpc_call_duration_seconds \
    resolute_grpc_calls_in_flight resolute_documents_parsed_total resolute_document_bytes_total \
    resolute_parse_duration_seconds resolute_diagnostics_total process_resident_memory_bytes \
    process_start_time_seconds; do
  grep -q "^# TYPE $family " <<<"$metrics" || die "/metrics has no $family"
done
if ((parse)); then
  grep -q '^resolute_grpc_calls_total{method="resolute.v1.ResolutionParserService/StreamParseResolutions",code="OK"} 1$' <<<"$metrics" \
    || die "/metrics does not count the parse call: $(grep '^resolute_grpc_calls_total' <<<"$metrics")"
  grep -q '^resolute_documents_parsed_total{outcome="ok"} 1$' <<<"$metrics" || die "/metrics does not count the document"
fi
curl -fsS --max-time 2 "http://127.0.0.1:$metrics_port/other" >/dev/null 2>&1 && die "/other should be 404"
log "metrics: $(grep -c '^[a-z]' <<<"$metrics") samples on :9090/metrics, the parse counted"
step_done "metrics scrape"

if ((keep)); then
  printf '%s\n' "${timings[@]}"
  echo "image: container $name left running: gRPC $addr, metrics http://127.0.0.1:$metrics_port/metrics"
  echo "  stop: CONTAINERS_CONF=$CONTAINERS_CONF podman --root $cache/storage --runroot $cache/runroot rm -f $name"
  exit 0
fi

# SIGTERM: readiness must flip at once, the process must drain and exit 0.
log "SIGTERM"
t_term=$(date +%s%N)
pm kill --signal TERM "$name" >/dev/null
sleep 0.3
# Both names the kubelet asks for must be NOT_SERVING at once (probe exit 4).
for service in "$health_service" ""; do
  set +e
  "$probe" --addr="$addr" --service="$service" --timeout=1 >/dev/null 2>&1
  after_term=$?
  set -e
  [[ $after_term == 4 ]] || { logs; die "health \"$service\" 0.3 s after SIGTERM: probe exit $after_term, expected 4 (NOT_SERVING)"; }
done
log "health after SIGTERM: NOT_SERVING for \"$health_service\" and \"\" (readiness flipped)"
if ((parse)); then
  t_call=$(date +%s%N)
  "$bin/client/resolute" parse --server "$addr" "$sample" >/dev/null 2>"$cache/grace-parse-stderr.txt" \
    || { cat "$cache/grace-parse-stderr.txt" >&2; logs; die "a call made during the shutdown grace failed"; }
  log "a call made during the shutdown grace was served ($(elapsed "$t_term" "$t_call")s after SIGTERM)"
fi
code=$(timeout 120 podman --root "$cache/storage" --runroot "$cache/runroot" wait "$name" 2>/dev/null || echo timeout)
t_exit=$(date +%s%N)
log "exit code $code, $(elapsed "$t_term" "$t_exit")s after SIGTERM"
if [[ "$code" != 0 ]]; then
  logs
  die "the server exited with $code after SIGTERM (expected 0)"
fi
# stdout has the port lines; everything else (stderr) is one JSON object per line.
not_json=$(pm logs "$name" 2>&1 | grep -v -e '^{.*}$' -e '^listening on ' -e '^metrics listening on ' \
  -e '^probes listening on ' || true)
[[ -z "$not_json" ]] || die "log lines that are not JSON objects: $(head -3 <<<"$not_json")"
log "log: $(pm logs "$name" 2>&1 | grep -c '^{') JSON lines, the last: $(pm logs "$name" 2>&1 | grep '^{' | tail -1)"
step_done "SIGTERM until exit 0"

total=$(elapsed "$t_start" "$(date +%s%N)")
echo
echo "image: OK — $image built ($mode build) and passed the smoke test in ${total}s"
printf '%s\n' "${timings[@]}"
