#!/usr/bin/env bash
# Installs the pinned kubeconform release into the project's bin/ (bin/kubeconform) with `go install`.
# Idempotent: does nothing when bin/kubeconform was built from the pinned version (`go version -m`).
# Needs Go (1.24 or later) on the PATH; the Go module proxy serves the kubeconform module.
# Used by test/load/k6-operator.test.ts to validate load/k6-operator/testrun.yaml against the TestRun
# CRD's JSON schema (test/load/schemas/).
set -euo pipefail

KUBECONFORM_VERSION="${KUBECONFORM_VERSION:-v0.8.0}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/bin"
KUBECONFORM="$BIN_DIR/kubeconform"

# A `go install` build says "development" to -v; the module version is in its build information.
built_pinned() {
  [ -x "$KUBECONFORM" ] || return 1
  command -v go >/dev/null 2>&1 || return 1
  go version -m "$KUBECONFORM" 2>/dev/null | grep -Eq "^[[:space:]]+mod[[:space:]]+github.com/yannh/kubeconform[[:space:]]+${KUBECONFORM_VERSION}([[:space:]]|$)"
}

if built_pinned; then
  echo "setup-kubeconform: bin/kubeconform is already kubeconform ${KUBECONFORM_VERSION}"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "setup-kubeconform: Go is not installed; install Go 1.24+ (https://go.dev/dl/) to build kubeconform ${KUBECONFORM_VERSION} into bin/" >&2
  exit 1
fi

echo "setup-kubeconform: installing kubeconform ${KUBECONFORM_VERSION} into bin/ with 'go install github.com/yannh/kubeconform/cmd/kubeconform@${KUBECONFORM_VERSION}'"
start=$(date +%s)
mkdir -p "$BIN_DIR"
GOBIN="$BIN_DIR" CGO_ENABLED=0 go install "github.com/yannh/kubeconform/cmd/kubeconform@${KUBECONFORM_VERSION}"
end=$(date +%s)

if ! built_pinned; then
  echo "setup-kubeconform: bin/kubeconform was not built from ${KUBECONFORM_VERSION}" >&2
  exit 1
fi
echo "setup-kubeconform: installed kubeconform ${KUBECONFORM_VERSION} in $((end - start)) s"
