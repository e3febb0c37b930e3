#!/usr/bin/env bash
# Generates the Python modules of the resolute API into OUT_DIR (never
# committed: they are build outputs of proto/, which is the API).
#
#   client/examples/python/gen_stubs.sh OUT_DIR
#   PYTHONPATH=OUT_DIR /usr/bin/python3 client/examples/python/example_test.py ...
#
# Uses Debian's protoc (protobuf-compiler, the same 3.21 release as the
# python3-protobuf runtime) with its gRPC Python plugin (protobuf-compiler-grpc),
# both installed by scripts/setup.sh. Not Debian 12's python3-grpc-tools
# (`python3 -m grpc_tools.protoc`): it bundles protoc 3.5.1, which rejects the
# API's `option ruby_package`.
#
# grpc/health/v1/health.proto is compiled as grpc_health/v1/health.proto (the
# layout of PyPI's grpcio-health-checking): a top-level `grpc` package would
# hide the grpc library itself.
set -euo pipefail
out=${1:?usage: gen_stubs.sh OUT_DIR}
proto=$(cd "$(dirname "$0")/../../../proto" && pwd)
mkdir -p "$out"

files=(
  resolute/v1/resolution.proto
  resolute/v1/resolute_service.proto
  google/rpc/code.proto
  google/rpc/status.proto
  google/rpc/error_details.proto
  grpc_health/v1/health.proto
)
includes=(-I"$proto" -Igrpc_health/v1="$proto/grpc/health/v1")

protoc "${includes[@]}" --python_out="$out" \
  --plugin=protoc-gen-grpc_python="$(command -v grpc_python_plugin)" --grpc_python_out="$out" \
  "${files[@]}"
