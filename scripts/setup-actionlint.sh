#!/usr/bin/env bash
# Installs the pinned actionlint release into the project's bin/ (bin/actionlint) with `go install`.
# Idempotent: does nothing when bin/actionlint already reports the pinned version.
# Needs Go (1.24 or later) on the PATH; the Go module proxy serves the actionlint module.
# Used by test/ci/ci-kit.test.ts to lint docs/ci/github-actions.yml.
set -euo pipefail

ACTIONLINT_VERSION="${ACTIONLINT_VERSION:-v1.7.12}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN_DIR="$ROOT/bin"
ACTIONLINT="$BIN_DIR/actionlint"
# A `go install` build prints the tag ("v1.7.12") on the first line of `actionlint -version`;
# a release binary prints it without the "v": accept both.
WANT="${ACTIONLINT_VERSION#v}"

reports_pinned() {
  [ -x "$ACTIONLINT" ] || return 1
  local reported
  reported="$("$ACTIONLINT" -version 2>/dev/null | head -1)"
  [ "${reported#v}" = "$WANT" ]
}

if reports_pinned; then
  echo "setup-actionlint: bin/actionlint is already actionlint ${ACTIONLINT_VERSION}"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "setup-actionlint: Go is not installed; install Go 1.24+ (https://go.dev/dl/) or put an actionlint ${ACTIONLINT_VERSION} binary at bin/actionlint" >&2
  exit 1
fi

echo "setup-actionlint: installing actionlint ${ACTIONLINT_VERSION} into bin/ with 'go install github.com/rhysd/actionlint/cmd/actionlint@${ACTIONLINT_VERSION}'"
start=$(date +%s)
mkdir -p "$BIN_DIR"
GOBIN="$BIN_DIR" CGO_ENABLED=0 go install "github.com/rhysd/actionlint/cmd/actionlint@${ACTIONLINT_VERSION}"
end=$(date +%s)

if ! reports_pinned; then
  echo "setup-actionlint: bin/actionlint does not report ${WANT}: $("$ACTIONLINT" -version 2>&1 | head -1)" >&2
  exit 1
fi
echo "setup-actionlint: installed actionlint $("$ACTIONLINT" -version | head -1) in $((end - start)) s"
