#!/usr/bin/env bash
# Checks the API schema with buf (the npm package @bufbuild/buf, pinned in
# tools/buf/package.json): `buf lint` with the rules of proto/buf.yaml, and
# `buf breaking` against the previous commit (or the git ref given as $1).
# Appends "buf-lint PASS|FAIL" and "buf-breaking PASS|FAIL" to the file given
# as $2 (default out/buf/checks.txt). A clone without history skips the
# breaking check and says so.
#
# A deliberate break (proto/README.md, "Versioning") is declared by a trailer
# on a commit between the ref and HEAD (`git log REF..HEAD`):
#
#   API-Break: <why this break is intended>
#
# buf's findings are still printed, then "buf breaking: declared break:
# <reason>" (commit), and the check passes. A break that no commit of the
# range declares fails. The schema checked is the work tree's while the
# declaration is read from commits: an uncommitted break is covered only by a
# declaration already committed in the range (CI checks a clean clone).
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
else
  # The schema of the ref, from git (works in a worktree, whose .git is a file).
  base=$(mktemp -d)
  trap 'rm -rf "$base"' EXIT
  git archive "$against" proto | tar -x -C "$base"
  if "$buf" breaking proto --against "$base/proto"; then
    echo "buf breaking: nothing breaks against $against"
    echo "buf-breaking PASS" >> "$checks"
  else
    declared=$(git log --format='%h %(trailers:key=API-Break,valueonly,separator=%x3B )' \
                 "$against..HEAD" | awk 'NF > 1' | head -n 1)
    if [[ -n "$declared" ]]; then
      echo "buf breaking: declared break: ${declared#* } (commit ${declared%% *})"
      echo "buf-breaking PASS" >> "$checks"
    else
      echo "buf breaking: the changes above break the API against $against, and no commit" \
           "in $against..HEAD declares it (trailer 'API-Break: <reason>', proto/README.md)" >&2
      echo "buf-breaking FAIL" >> "$checks"
      status=1
    fi
  fi
fi
exit $status
