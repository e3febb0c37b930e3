#!/usr/bin/env bash
# PDF figures of bench/README.md on this machine:
#   1. bench/pdf:pdf_bench, one core: extraction + parse in-process, the same
#      with extraction in extractor processes (the server's path), and
#      pdftotext per file, on the same PDFs;
#   2. the real server (one worker thread, pinned to SERVER_CPU, run under
#      /usr/bin/time so that the extractor processes it reaps are counted)
#      fed every PDF through the document stream by `resolute parse` (pinned
#      to CLIENT_CPU): documents and pages per second of server CPU.
#
#   bench/run_pdf_bench.sh [PDF_DIR]      # default ../shared/corpus/pdf, else tests/testdata/pdf
#
# Environment: ROUNDS (pdf_bench rounds, default 3), SKIP_ONE_CORE (set: only
# part 2), SERVER_CPU (0),
# CLIENT_CPU (1), BAZEL (default bazel).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-}"
if [[ -z "$dir" ]]; then
  if [[ -d ../shared/corpus/pdf ]]; then dir=../shared/corpus/pdf; else dir=tests/testdata/pdf; fi
fi
dir="$(cd "$dir" && pwd)"
BAZEL="${BAZEL:-bazel}"
"$BAZEL" build -c opt //bench/pdf:pdf_bench //pdf:resolute_pdf_extractor \
  //service:resolute_server //client:resolute >/dev/null 2>&1
bin="$(pwd)/bazel-bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Only the readable PDFs (the bundled folder also holds bad_*.pdf).
mkdir -p "$work/pdf"
pages=0
for f in "$dir"/*.pdf; do
  [[ "$(basename "$f")" == bad_* ]] && continue
  n=$(pdfinfo "$f" 2>/dev/null | sed -n 's/^Pages: *//p') || true
  [[ -n "$n" && "$n" -gt 0 ]] || continue
  ln -s "$f" "$work/pdf/$(basename "$f")"
  pages=$((pages + n))
done
docs=$(ls "$work/pdf" | wc -l)

if [[ -z "${SKIP_ONE_CORE:-}" ]]; then
echo "== 1. one core, in-process / extractor processes / pdftotext per file"
taskset -c "${SERVER_CPU:-0}" "$bin/bench/pdf/pdf_bench" --pdf_dir="$work/pdf" \
  --extractor="$bin/pdf/resolute_pdf_extractor" --rounds="${ROUNDS:-3}"
fi

echo "== 2. the server, document stream ($docs PDFs, $pages pages)"
taskset -c "${SERVER_CPU:-0}" /usr/bin/time -f "%U %S" -o "$work/time" \
  "$bin/service/resolute_server" --port=0 --address=127.0.0.1 --metrics_port=-1 \
  --worker_threads=1 --shutdown_grace=0s >"$work/server.out" 2>"$work/server.log" &
server=$!
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/server.out" | head -n1)
  [[ -n "$port" ]] && break
  sleep 0.1
done
start=$(date +%s.%N)
taskset -c "${CLIENT_CPU:-1}" "$bin/client/resolute" parse --server "127.0.0.1:$port" \
  --out "$work/out" "$work/pdf" 2>&1 | tail -n 1
end=$(date +%s.%N)
# $server is /usr/bin/time; the server is its child.
kill -TERM "$(pgrep -P "$server")"
wait "$server" || true
read -r user sys < "$work/time"
python3 - "$docs" "$pages" "$user" "$sys" "$start" "$end" <<'PY'
import sys
docs, pages, user, sys_, start, end = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:])
cpu = user + sys_
print(f"server CPU (with its extractor processes) {cpu:.2f} s: {docs / cpu:.1f} docs/s and "
      f"{pages / cpu:.1f} pages/s per core; wall {end - start:.1f} s")
PY
