#!/usr/bin/env bash
# CI's smoke run of the load scripts: seconds long, on SQLite and PostgreSQL, with the test
# build. It asserts correctness under concurrent load (no seat sold twice, no ticket admitted
# twice, no error answers), never speed: the numbers in docs/benchmarks.md come from full
# runs with the release build. Usage: BENCH_BIN=target/debug/devday-e2e tests/bench/smoke.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for backend in sqlite postgres; do
    echo "== registration rush at the last 50 seats, $backend"
    bash "$here/registration.sh" "$backend" 2 50
    echo "== door scans at 200/s, $backend"
    bash "$here/checkin.sh" "$backend" 2 200 100
done
echo "smoke run passed"
