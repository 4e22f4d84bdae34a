#!/usr/bin/env bash
# Installs the pinned k6 release into the project's bin/ (bin/k6) with `go install`.
# Idempotent: does nothing when bin/k6 already reports the pinned version.
# Needs Go (1.24 or later) on the PATH; the Go module proxy serves the k6 module.
set -euo pipefail

K6_VERSION="${K6_VERSION:-v1.8.1}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/bin"
K6="$BIN_DIR/k6"

if [ -x "$K6" ] && "$K6" version 2>/dev/null | grep -q "k6 ${K6_VERSION}"; then
  echo "setup-k6: bin/k6 is already k6 ${K6_VERSION}"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "setup-k6: Go is not installed; install Go 1.24+ (https://go.dev/dl/) or put a k6 ${K6_VERSION} binary at bin/k6" >&2
  exit 1
fi

echo "setup-k6: installing k6 ${K6_VERSION} into bin/ with 'go install go.k6.io/k6@${K6_VERSION}' (first build takes a few minutes)"
start=$(date +%s)
mkdir -p "$BIN_DIR"
GOBIN="$BIN_DIR" CGO_ENABLED=0 go install "go.k6.io/k6@${K6_VERSION}"
end=$(date +%s)

if ! "$K6" version | grep -q "k6 ${K6_VERSION}"; then
  echo "setup-k6: bin/k6 does not report ${K6_VERSION}: $("$K6" version 2>&1 | head -1)" >&2
  exit 1
fi
echo "setup-k6: installed $("$K6" version | head -1) in $((end - start)) s"
