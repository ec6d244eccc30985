#!/usr/bin/env bash
# Load run: the public pages of the demo edition (front door, day grid, speakers,
# embed) and schedule.xml, from the release binary on loopback, with wrk in a second process. Usage:
#   tests/bench/schedule.sh [sqlite|postgres] [seconds]
# Prints requests/s, latency percentiles, non-2xx answers, the server's CPU time per
# request and its peak RSS. Not a test: numbers go to docs/benchmarks.md.
set -euo pipefail
backend=${1:-sqlite}
seconds=${2:-10}
BENCH_DEMO=1 source "$(dirname "$0")/lib.sh"
need wrk "apt-get install wrk"
sessions=$(curl -sf "$base/devday-demo/schedule.json" | grep -o '"guid"' | wc -l)
echo "demo schedule: $sessions sessions"
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# The programme, its export, and the other pages a rush of visitors opens: the
# edition's front door, the speakers, the embed on the conference's own site.
for path in /devday-demo/schedule/ /devday-demo/schedule.xml /devday-demo/ \
    /devday-demo/schedule/speakers/ /devday-demo/schedule/embed; do
    curl -sf -o /dev/null "$base$path"   # warm the cache
    before=$(ticks)
    wrk -t2 -c32 -d"${seconds}s" --latency "$base$path" > wrk.out
    after=$(ticks)
    requests=$(grep -o '^ *[0-9]* requests in' wrk.out | grep -o '[0-9]*' | head -n1)
    echo "== $path"
    grep -E "Requests/sec|Latency |50%|99%|Non-2xx|requests in" wrk.out
    echo "server CPU per request: $(awk -v t=$((after - before)) -v r="$requests" 'BEGIN { printf "%.1f µs", t * 10000 / r }')"
    record_wrk "GET $path (demo, $sessions sessions), 32 connections" wrk.out
done
server_usage
