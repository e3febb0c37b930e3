#!/usr/bin/env bash
# Runs every test: installs the build dependencies (scripts/setup.sh), then
# `bazel test //...`, and prints a last line "N passed, N failed" counting
# individual test cases (from the GoogleTest XML reports; a test target that
# produced no report counts as one failure).
#
#   scripts/test.sh [extra bazel test flags]
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
bazel test //... "$@"
status=$?
python3 scripts/count_tests.py
exit $status
