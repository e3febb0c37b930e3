#!/usr/bin/env bash
# Prints the path of the sample document deploy/image.sh parses when no
# --sample is given:
#   1. the first examples/*.txt of the repository, in name order;
#   2. else the first .txt member, in archive order, of the first
#      examples/*.tar.gz, *.tgz or *.tar, extracted into WORKDIR;
#   3. else the corpus seed tests/testdata/corpus/A_RES_57_168.seed.txt.
# Exits 1, printing nothing, if none of these exists.
#
#   deploy/pick-sample.sh REPO WORKDIR
set -euo pipefail

repo=$1
workdir=$2

first_txt=$(find "$repo/examples" -maxdepth 1 -type f -name '*.txt' 2>/dev/null | sort | head -1)
if [[ -n "$first_txt" ]]; then
  echo "$first_txt"
  exit 0
fi

archive=$(find "$repo/examples" -maxdepth 1 -type f \( -name '*.tar.gz' -o -name '*.tgz' -o -name '*.tar' \) \
  2>/dev/null | sort | head -1)
if [[ -n "$archive" ]]; then
  member=$(tar -tf "$archive" 2>/dev/null | grep -v '/$' | grep '\.txt$' | head -1 || true)
  if [[ -n "$member" ]]; then
    mkdir -p "$workdir/sample"
    if tar -xf "$archive" -C "$workdir/sample" -- "$member" 2>/dev/null \
      && [[ -f "$workdir/sample/$member" && -s "$workdir/sample/$member" ]]; then
      echo "$workdir/sample/$member"
      exit 0
    fi
  fi
fi

seed=$repo/tests/testdata/corpus/A_RES_57_168.seed.txt
if [[ -f "$seed" ]]; then
  echo "$seed"
  exit 0
fi
exit 1
