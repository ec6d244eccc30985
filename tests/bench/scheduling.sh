#!/usr/bin/env bash
# The timetable optimiser on every instance of the shared scheduling benchmark, each
# solution judged by the benchmark's own checker. Usage:
#   tests/bench/scheduling.sh [INSTANCES_DIR] [TIME_LIMIT_SECONDS] [SEED]
# Prints one line per instance: wall time, hard violations, over-capacity talks and seats,
# favourite clashes. Not a test: numbers go to docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:-$root/../shared/scheduling}
limit=${2:-30}
seed=${3:-1}
bin="$root/target/release/devday"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DEVDAY_DATABASE_URL="sqlite://$work/unused.sqlite3" DEVDAY_LOG_FILTER=warn
printf '%-5s %7s %5s %9s %9s %8s\n' instance wall_s hard over_cap overflow clashes
for inst in "$dir"/instances/*.json; do
    name=$(basename "$inst" .json)
    start=$(date +%s.%N)
    "$bin" schedule-solve "$inst" --out "$work/$name.json" --seed "$seed" --time-limit "$limit" > "$work/$name.log"
    end=$(date +%s.%N)
    python3 "$dir/check.py" "$inst" "$work/$name.json" --json > "$work/$name.metrics"
    python3 - "$name" "$(echo "$end - $start" | bc)" "$work/$name.metrics" <<'PY'
import json, sys
name, wall, path = sys.argv[1], float(sys.argv[2]), sys.argv[3]
m = json.load(open(path))
print("%-5s %7.2f %5d %9d %9d %8d" % (name, wall, m["hard_violations"], m["over_capacity"], m["overflow_seats"], m["fav_clashes"]))
PY
done
