#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (test/browser/), which drive it with playwright-core.
# Idempotent: does nothing when the browser is already there (/usr/bin/chromium, or $VCERT_CHROMIUM).
# Uses apt-get, through sudo when not run as root.
set -euo pipefail

CHROMIUM="${VCERT_CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  echo "setup-chromium: $CHROMIUM is already installed ($("$CHROMIUM" --version 2>/dev/null | head -1))"
  exit 0
fi

if [ "$CHROMIUM" != /usr/bin/chromium ]; then
  echo "setup-chromium: VCERT_CHROMIUM=$CHROMIUM is not an executable; unset it to install Debian's chromium" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-chromium: apt-get is not available; install Chromium and set VCERT_CHROMIUM to its path" >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup-chromium: not root and no sudo: install the 'chromium' package yourself" >&2
    exit 1
  fi
  SUDO=(sudo)
fi

echo "setup-chromium: installing Debian's chromium with apt-get (first time only)"
start=$(date +%s)
"${SUDO[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq chromium
end=$(date +%s)

if [ ! -x "$CHROMIUM" ]; then
  echo "setup-chromium: apt-get finished but $CHROMIUM is missing" >&2
  exit 1
fi
echo "setup-chromium: installed $("$CHROMIUM" --version 2>/dev/null | head -1) in $((end - start)) s"
