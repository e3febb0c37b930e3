#!/usr/bin/env bash
# Regenerates tests/testdata/golden/*.json from the current parser. Review the
# diff before committing: every change in it is a change in behaviour.
#
#   tools/update_goldens.sh [NAME...]   # default: the files already there,
#                                       # or the seed and two GA documents
set -euo pipefail
cd "$(dirname "$0")/.."
bazel build //tools:resolute_parse >/dev/null
names=("$@")
if ((${#names[@]} == 0)); then
  for f in tests/testdata/golden/*.json; do
    [[ -e "$f" ]] && names+=("$(basename "$f" .json)")
  done
fi
if ((${#names[@]} == 0)); then
  names=(A_RES_57_168.seed A_RES_78_100.pymupdf A_RES_78_100.pdftotext)
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for name in "${names[@]}"; do
  bazel-bin/tools/resolute_parse "tests/testdata/corpus/$name.txt" > "$tmp/out.json"
  python3 -m json.tool --sort-keys --indent 1 "$tmp/out.json" > "tests/testdata/golden/$name.json"
  echo "wrote tests/testdata/golden/$name.json"
done
