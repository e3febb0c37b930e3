#!/usr/bin/env bash
# Checks the API schema with buf (the npm package @bufbuild/buf, pinned in
# tools/buf/package.json): `buf lint` with the rules of proto/buf.yaml, and
# `buf breaking` against the previous commit (or the git ref given as $1).
# Appends "buf-lint PASS|FAIL" and "buf-breaking PASS|FAIL" to the file given
# as $2 (default out/buf/checks.txt). A clone without history skips the
# breaking check and says so.
#
#   scripts/buf_check.sh [AGAINST_REF] [CHECKS_FILE]
set -uo pipefail
cd "$(dirname "$0")/.."
against="${1:-HEAD~1}"
checks="${2:-out/buf/checks.txt}"
mkdir -p "$(dirname "$checks")"

scripts/setup.sh --node >/dev/null || true
if ! (cd tools/buf && npm ci --silent --no-audit --no-fund >/dev/null); then
  echo "buf: npm ci in tools/buf failed" >&2
  echo "buf-lint FAIL" >> "$checks"
  exit 1
fi
buf=tools/buf/node_modules/.bin/buf
status=0

if (cd proto && "../$buf" lint); then
  echo "buf lint: no findings"
  echo "buf-lint PASS" >> "$checks"
else
  echo "buf-lint FAIL" >> "$checks"
  status=1
fi

if ! git rev-parse --verify --quiet "$against^{commit}" >/dev/null; then
  echo "buf breaking skipped: $against is not in this clone's history"
elif "$buf" breaking proto --against ".git#ref=$(git rev-parse "$against"),subdir=proto"; then
  echo "buf breaking: nothing breaks against $against"
  echo "buf-breaking PASS" >> "$checks"
else
  echo "buf-breaking FAIL" >> "$checks"
  status=1
fi
exit $status
