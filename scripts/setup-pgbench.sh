#!/usr/bin/env bash
# Installs the load tools of the redemption benchmark (bench/redemption.bench.ts) from Debian's packages:
# pgbench, PostgreSQL's own benchmark client (the ceiling: the minimal redemption transaction straight
# on the database), and wrk (the HTTP load). Idempotent: does nothing when both are already there.
# pgbench comes with postgresql-client on newer Debian releases and with the server package before
# PostgreSQL 16 (bookworm's postgresql-15); no cluster is created or started for it.
# Uses apt-get, through sudo when not run as root.
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1 && "$1" --version >/dev/null 2>&1; }
# wrk prints its version with its usage and exits 1: it is there when it prints its name.
wrk_version() { { wrk --version 2>&1 || true; } | head -1 | cut -d' ' -f1-2; }
have_wrk() { command -v wrk >/dev/null 2>&1 && [[ "$(wrk_version)" == wrk* ]]; }

if have pgbench && have_wrk; then
  echo "setup-pgbench: $(pgbench --version) and $(wrk_version) are already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-pgbench: apt-get is not available; install pgbench (PostgreSQL 12 or later) and wrk yourself" >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup-pgbench: not root and no sudo: install the 'postgresql-client' and 'wrk' packages yourself" >&2
    exit 1
  fi
  SUDO=(sudo)
fi

install() {
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "$@"
}

start=$(date +%s)
"${SUDO[@]}" apt-get update -qq
if ! have_wrk; then
  echo "setup-pgbench: installing wrk with apt-get"
  install wrk
fi
if ! have pgbench; then
  echo "setup-pgbench: installing postgresql-client with apt-get"
  install postgresql-client
fi
if ! have pgbench; then
  # Before PostgreSQL 16, Debian ships pgbench with the server: install it without a default cluster.
  echo "setup-pgbench: pgbench is not in postgresql-client here; installing the server package (no cluster)"
  "${SUDO[@]}" mkdir -p /etc/postgresql-common/createcluster.d
  echo 'create_main_cluster = false' | "${SUDO[@]}" tee /etc/postgresql-common/createcluster.d/vcert-no-main-cluster.conf >/dev/null
  install postgresql
fi
end=$(date +%s)

if ! have pgbench || ! have_wrk; then
  echo "setup-pgbench: apt-get finished but pgbench or wrk is still missing" >&2
  exit 1
fi
echo "setup-pgbench: $(pgbench --version) and $(wrk_version) installed in $((end - start)) s"
