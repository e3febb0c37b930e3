#!/usr/bin/env bash
# Installs the Debian 12 packages that building, testing and running resolute
# need. Idempotent: packages already present are left alone, and apt is not
# touched at all when everything is installed.
#
#   sudo scripts/setup.sh            # build and test dependencies
#   sudo scripts/setup.sh --deploy   # also podman, runc, debootstrap
#   sudo scripts/setup.sh --validate # also Node.js and npm for deploy/validate (if absent)
#   sudo scripts/setup.sh --node     # Node.js and npm (if absent): buf
#   sudo scripts/setup.sh --examples # also Python gRPC, Node.js and npm for client/examples
#   sudo scripts/setup.sh --fuzz     # also clang and its libFuzzer/sanitizer runtimes
# Options combine (scripts/setup.sh --fuzz --node).
set -euo pipefail

packages=(
  bazel-bootstrap bazel-rules-cc bazel-rules-java
  g++ pkg-config python3
  protobuf-compiler protobuf-compiler-grpc libprotobuf-dev
  libgrpc++-dev libabsl-dev libre2-dev libarchive-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libxml2-dev libxml2-utils
  netcat-openbsd zip openssl
  poppler-utils mupdf-tools libpoppler-cpp-dev qpdf
)
need_node=0
for option in "$@"; do
  case "$option" in
    --deploy) packages+=(podman runc debootstrap) ;;
    --validate)
      need_node=1
      # kubectl >= 1.27 (kustomize v5) is not in Debian 12: it must come with the machine.
      command -v kubectl >/dev/null ||
        echo "setup: kubectl not found; deploy/validate needs kubectl >= 1.27" >&2
      ;;
    --node) need_node=1 ;;
    --examples) packages+=(python3-grpcio); need_node=1 ;;
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    *) echo "setup: unknown option $option" >&2; exit 2 ;;
  esac
done
# A machine image may bring its own Node.js (then Debian's would conflict).
if ((need_node)) && { ! command -v node >/dev/null || ! command -v npm >/dev/null; }; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
