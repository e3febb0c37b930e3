#!/usr/bin/env bash
# Runs error_reasons_documented_test.py on proto/README.md and the sources of
# every package that returns errors (see the BUILD target's data).
set -euo pipefail
sources=$(find service pdf parser akn common -name '*.cc' | sort)
exec python3 tests/proto/error_reasons_documented_test.py proto/README.md $sources
