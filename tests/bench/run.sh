#!/usr/bin/env bash
# The benchmark runner: the release binary on loopback, load from a second process, on
# SQLite and on PostgreSQL: the demo edition's public pages (front door, day grid,
# speakers, embed) and schedule.xml, a registration rush at the last 100 seats of a
# 1,000-seat edition, and door scans. Writes
# requests/s, p50, p99, errors and the server's peak RSS into docs/benchmarks.md (between
# its bench:run markers). Usage: cargo build --release && tests/bench/run.sh [seconds]
# Not a test: CI runs tests/bench/smoke.sh, which checks correctness only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-10}
BENCH_RESULTS=$(mktemp)
export BENCH_RESULTS
trap 'rm -f "$BENCH_RESULTS"' EXIT
# A failing load (errors, oversell) fails the run, after the table is written.
failed=()
load() {
    echo "== $1"
    shift
    bash "$@" || failed+=("$*")
}
for backend in sqlite postgres; do
    load "public timetable, $backend" "$here/schedule.sh" "$backend" "$seconds"
    load "registration rush, $backend" "$here/registration.sh" "$backend" "$seconds" 1000 900
    # PostgreSQL takes about 12 round trips per scan; at 1,000/s it saturates two cores.
    for rate in 500 1000; do
        load "door scans at $rate/s, $backend" "$here/checkin.sh" "$backend" "$seconds" "$rate" 1000
    done
done

table=$(mktemp)
{
    echo "<!-- bench:run begin: written by tests/bench/run.sh; edit the script, not this table -->"
    echo "Measured $(date -u +%F) on commit $(git -C "$root" describe --always --dirty), $(nproc) cores" \
        "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), ${seconds} s per load."
    echo
    echo "Peak RSS is the server's at the end of its load (the timetable server serves all its pages;"
    echo "the registration server first took the 900 early registrations)."
    echo
    echo "| database | load | requests/s | p50 | p99 | errors | server peak RSS |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
    awk -F'|' '{ printf "| %s | %s | %s | %s ms | %s ms | %s | %s MiB |\n", ($1 == "sqlite" ? "SQLite" : "PostgreSQL"), $2, $3, $4, $5, $6, $7 }' "$BENCH_RESULTS"
    echo "<!-- bench:run end -->"
} > "$table"
doc="$root/docs/benchmarks.md"
python3 - "$doc" "$table" <<'PY'
import re, sys
doc, table = sys.argv[1], open(sys.argv[2]).read().rstrip("\n")
text = open(doc).read()
block = re.compile(r"<!-- bench:run begin.*?<!-- bench:run end -->", re.S)
if block.search(text):
    text = block.sub(lambda _: table, text)
else:
    text = text.rstrip("\n") + "\n\n## Every load on both databases (`tests/bench/run.sh`)\n\n" + table + "\n"
open(doc, "w").write(text)
PY
rm -f "$table"
cat "$BENCH_RESULTS"
echo "docs/benchmarks.md updated"
if [ "${#failed[@]}" -gt 0 ]; then
    printf 'FAILED: %s\n' "${failed[@]}" >&2
    exit 1
fi
