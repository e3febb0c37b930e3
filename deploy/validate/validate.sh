#!/usr/bin/env bash
# Renders every kustomize overlay under deploy/k8s/overlays and validates each
# object offline against the official Kubernetes JSON schemas, plus resolute's
# cross-object policy (deploy/validate/lib.mjs). Fails on any error.
#
#   deploy/validate/validate.sh
#
# Needs: kubectl with built-in kustomize v5 (kubectl >= 1.27), node >= 18 and
# npm (the registry is reached only by `npm ci`, and only when node_modules is
# not already installed from the same lockfile).
# Environment:
#   K8S_SCHEMA_DIR  schema folder (default: <repo>/../shared/k8s-schemas/v1.30.0-standalone-strict)
#   KUBECTL         kubectl binary (default: kubectl)
#   RENDER_DIR      keep the rendered YAML there (default: a temporary folder)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
overlays="$repo/deploy/k8s/overlays"
export K8S_SCHEMA_DIR=${K8S_SCHEMA_DIR:-$repo/../shared/k8s-schemas/v1.30.0-standalone-strict}
export KUBECTL=${KUBECTL:-kubectl}
start_ns=$(date +%s%N)

fail() { echo "validate: $*" >&2; exit 2; }

if [[ ! -d "$K8S_SCHEMA_DIR" ]]; then
  fail "schema folder not found: $K8S_SCHEMA_DIR
  It holds the Kubernetes v1.30.0 standalone-strict JSON schemas (shared/k8s-schemas
  beside the repository). Set K8S_SCHEMA_DIR to its location."
fi
command -v "$KUBECTL" >/dev/null || fail "kubectl not found (set KUBECTL)"
command -v node >/dev/null || fail "node not found (Debian: apt-get install nodejs npm)"
command -v npm >/dev/null || fail "npm not found"
kustomize_version=$("$KUBECTL" version --client 2>/dev/null | sed -n 's/^Kustomize Version: //p')
case "$kustomize_version" in
  v5.*|v6.*) ;;
  *) fail "kubectl ($("$KUBECTL" version --client 2>&1 | head -1)) has no kustomize v5 built in; need kubectl >= 1.27.
  Debian 12's kubernetes-client is kubectl 1.20 with kustomize v2, which rejects
  the 'labels' and 'patches' fields these overlays use." ;;
esac

# npm ci runs only when node_modules was not installed from this lockfile.
cd "$here"
stamp=node_modules/.installed-from-lock
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]]; then
  echo "validate: npm ci"
  npm ci --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null
  echo "$lock_sum" >"$stamp"
fi

out=${RENDER_DIR:-$(mktemp -d)}
mkdir -p "$out"
[[ -n "${RENDER_DIR:-}" ]] || trap 'rm -rf "$out"' EXIT

status=0
count=0
for dir in "$overlays"/*/; do
  name=$(basename "$dir")
  count=$((count + 1))
  if ! "$KUBECTL" kustomize "$dir" >"$out/$name.yaml" 2>"$out/$name.err"; then
    echo "FAIL $name: kubectl kustomize failed:" >&2
    cat "$out/$name.err" >&2
    status=1
    continue
  fi
  node validate.mjs --schemas "$K8S_SCHEMA_DIR" --label "$name" "$out/$name.yaml" || status=1
done
((count > 0)) || fail "no overlay found under $overlays"

# The validator's own tests: each breaks the prod render one way and expects a failure.
node --test test/ || status=1

elapsed_ms=$((($(date +%s%N) - start_ns) / 1000000))
if ((status == 0)); then
  echo "validate: $count overlays valid against $(basename "$K8S_SCHEMA_DIR") in ${elapsed_ms} ms"
else
  echo "validate: FAILED" >&2
fi
exit $status
