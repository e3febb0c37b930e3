#!/usr/bin/env bash
# Runs the whole test suite built with AddressSanitizer and
# UndefinedBehaviorSanitizer (`--config=asan`, see .bazelrc), with the
# LeakSanitizer suppressions of tests/sanitizers/lsan.supp (a known leak in
# Debian's c-ares). The allocator-settings test skips itself there (ASan
# replaces malloc), and targets tagged "no_asan" (process isolation of the PDF
# extractor: ASan handles SIGSEGV itself and reserves terabytes of address
# space, so crashes and address-space limits look different) are left out.
# Its convenience links are out/asan-*, so the normal
# bazel-testlogs stays the opt run's.
#
#   scripts/sanitize.sh [CHECKS_FILE]    # appends "sanitizers PASS|FAIL"
set -uo pipefail
cd "$(dirname "$0")/.."
checks=${1:-out/asan/checks.txt}
mkdir -p out "$(dirname "$checks")"
bazel test --config=asan --symlink_prefix=out/asan- --test_tag_filters=-no_asan \
  --test_env=LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0" //...
status=$?
summary=$(python3 scripts/count_tests.py --testlogs out/asan-testlogs --skip-tag no_asan | tail -1)
echo "sanitizers (ASan+UBSan): $summary"
if [[ $status -eq 0 ]]; then
  echo "sanitizers PASS" >> "$checks"
else
  echo "sanitizers FAIL" >> "$checks"
fi
exit $status
