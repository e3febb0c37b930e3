#!/usr/bin/env bash
# Tests deploy/pick-sample.sh on made-up repositories: a text file in
# examples/, only an archive there (the layout of this repository), and
# neither.
set -euo pipefail

pick=$(realpath "$1")
tmp=${TEST_TMPDIR:-$(mktemp -d)}
fail() { echo "FAIL: $*" >&2; exit 1; }

# Only an archive in examples/: its first .txt member, extracted.
repo=$tmp/archive-only
mkdir -p "$repo/examples" "$repo/src/docs" "$repo/tests/testdata/corpus" "$tmp/work1"
printf 'The General Assembly,\n1. Decides.\n' >"$repo/src/docs/b.txt"
printf 'readme\n' >"$repo/src/docs/README"
printf 'seed\n' >"$repo/tests/testdata/corpus/A_RES_57_168.seed.txt"
tar -czf "$repo/examples/sample.tar.gz" -C "$repo/src" docs/README docs/b.txt
got=$("$pick" "$repo" "$tmp/work1") || fail "archive-only: no sample"
[[ "$got" == "$tmp/work1/sample/docs/b.txt" ]] || fail "archive-only: picked $got"
cmp -s "$got" "$repo/src/docs/b.txt" || fail "archive-only: wrong content"

# A text file beside the archive wins.
printf 'text\n' >"$repo/examples/a.txt"
got=$("$pick" "$repo" "$tmp/work2") || fail "text: no sample"
[[ "$got" == "$repo/examples/a.txt" ]] || fail "text: picked $got"

# An archive without text files: the corpus seed.
repo=$tmp/no-text
mkdir -p "$repo/examples" "$repo/src" "$repo/tests/testdata/corpus"
printf 'x' >"$repo/src/image.png"
tar -czf "$repo/examples/images.tar.gz" -C "$repo/src" image.png
printf 'seed\n' >"$repo/tests/testdata/corpus/A_RES_57_168.seed.txt"
got=$("$pick" "$repo" "$tmp/work3") || fail "no-text: no sample"
[[ "$got" == "$repo/tests/testdata/corpus/A_RES_57_168.seed.txt" ]] || fail "no-text: picked $got"

# Nothing at all: exit 1 and no output.
repo=$tmp/empty
mkdir -p "$repo"
if got=$("$pick" "$repo" "$tmp/work4"); then fail "empty: picked $got"; fi
[[ -z "$got" ]] || fail "empty: printed $got"

echo PASS
