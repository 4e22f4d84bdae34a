#!/usr/bin/env bash
# Runs test files many times in a row while a CPU burner loads every core, and reports the failures per
# file: a test whose verdict depends on the machine's speed (a wall-clock window, a timeout) shows here.
#
#   bash scripts/flake-check.sh                      # 20 runs of test/race/*.test.ts and test/properties/*.test.ts
#   RUNS=5 bash scripts/flake-check.sh test/race/reference-race.test.ts test/properties/reference.test.ts
#   BURNERS=0 bash scripts/flake-check.sh ...        # without the load (default: one burner per core)
#
# Each run's output is kept in $OUT (default: a new temporary directory) as <file>.<run>.log. Exit code 0
# when nothing failed, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

node=node_modules/.bin/node
runs=${RUNS:-20}
burners=${BURNERS:-$(nproc)}
out=${OUT:-$(mktemp -d -t vcert-flake-XXXXXX)}
mkdir -p "$out"

if [ "$#" -gt 0 ]; then
  files=("$@")
else
  files=(test/race/*.test.ts test/properties/*.test.ts)
fi

pids=()
stop_burners() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_burners EXIT
for _ in $(seq 1 "$burners"); do
  "$node" -e 'for (;;) {}' &
  pids+=("$!")
done

declare -A failures
for file in "${files[@]}"; do failures[$file]=0; done
started=$(date +%s)
echo "flake-check: ${#files[@]} file(s) x $runs run(s), $burners CPU burner(s), logs in $out"
for run in $(seq 1 "$runs"); do
  for file in "${files[@]}"; do
    log="$out/$(basename "$file" .test.ts).$run.log"
    t0=$(date +%s)
    if "$node" --test --test-reporter=spec "$file" >"$log" 2>&1; then
      verdict=ok
    else
      verdict=FAILED
      failures[$file]=$((failures[$file] + 1))
    fi
    echo "run $run/$runs  $verdict  $file  ($(($(date +%s) - t0)) s)"
  done
done

echo
echo "failures per file ($runs runs each, $burners CPU burner(s), $(($(date +%s) - started)) s in all):"
total=0
for file in "${files[@]}"; do
  printf '  %3d  %s\n' "${failures[$file]}" "$file"
  total=$((total + failures[$file]))
done
echo "total failures: $total (logs: $out)"
[ "$total" -eq 0 ]
