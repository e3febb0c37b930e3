#!/usr/bin/env bash
# Reruns every benchmark of bench/README.md: the parser in-process, then the
# service. Takes about 15 minutes on the 2-core CI machine. Arguments and
# environment: see bench/parser/run_parser_bench.sh (CORPUS, CPU) and
# bench/run_service_bench.sh (DURATION, LEVELS, SERVER_CPU, CLIENT_CPU, OUT).
#
#   bench/run_all.sh 2>&1 | tee bench.log
set -euo pipefail
cd "$(dirname "$0")"
echo "### parser"
./parser/run_parser_bench.sh
echo "### service"
./run_service_bench.sh "${CORPUS:-}"
