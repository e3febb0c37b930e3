#!/usr/bin/env bash
# The main job, from a fresh clone: installs the build dependencies, builds
# the server and the reference client, starts the server on a free loopback
# port, streams the bundled sample archive (examples/sample_resolutions.tar.gz,
# 13 real resolutions) through the client, and writes one JSON file per
# resolution into out/demo/; then structures an official PDF
# (tests/testdata/pdf/A_RES_78_100.pdf) into out/demo/pdf/.
#
#   scripts/demo.sh [ARCHIVE]
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:-examples/sample_resolutions.tar.gz}
out=out/demo

scripts/setup.sh
bazel build //service:resolute_server //client:resolute

rm -rf "$out"
mkdir -p "$out"
bazel-bin/service/resolute_server --address=127.0.0.1 --port=0 --metrics_port=0 --shutdown_grace=0s >"$out/server.out" 2>"$out/server.log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$out/server.out" | head -n1)
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "${port:-}" ]] || { echo "demo: the server did not start"; cat "$out/server.log"; exit 1; }
echo "demo: server on 127.0.0.1:$port; structuring $archive"

bazel-bin/client/resolute archive --server "127.0.0.1:$port" --out "$out" "$archive"

echo "demo: $(ls "$out"/*.json | wc -l) resolutions structured into $out/"
python3 - "$out" <<'PY'
import json, pathlib, sys
for path in sorted(pathlib.Path(sys.argv[1]).glob('*.json')):
    d = json.loads(path.read_text())
    print('  %-28s %-18s %3d preambular  %3d operative  %2d footnotes  %s' % (
        path.stem, d.get('symbol', '-') or '-', len(d.get('preambularParagraphs', [])),
        len(d.get('operativeParagraphs', [])), len(d.get('footnotes', [])),
        (d.get('title') or '')[:40]))
PY

pdf=tests/testdata/pdf/A_RES_78_100.pdf
mkdir -p "$out/pdf"
bazel-bin/client/resolute parse --server "127.0.0.1:$port" --out "$out/pdf" "$pdf"
echo "demo: the PDF $pdf structured into $out/pdf/ (italic lead phrases, page anchors):"
python3 - "$out/pdf/A_RES_78_100.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print('  %s: %d pages, %d preambular, %d operative paragraphs' % (
    d['symbol'], d.get('pageCount', 0), len(d.get('preambularParagraphs', [])),
    len(d.get('operativeParagraphs', []))))
for p in d['operativeParagraphs'][:3]:
    r = p['spans'][0]['pageRegions'][0]
    b = r['boundingBox']
    print('  para %-3s %-24s page %d  box (%.0f, %.0f)-(%.0f, %.0f)' % (
        p['number'], '"%s"' % p['leadPhrase'], r['page'], b['left'], b['top'], b['right'], b['bottom']))
PY
