#!/usr/bin/env bash
# Load run: the public day grid and schedule.xml of the demo edition, from the release
# binary on loopback, with wrk in a second process. Usage:
#   tests/bench/schedule.sh [sqlite|postgres] [seconds]
# Prints requests/s, latency percentiles, non-2xx answers, the server's CPU time per
# request and its peak RSS. Not a test: numbers go to docs/benchmarks.md.
set -euo pipefail
backend=${1:-sqlite}
seconds=${2:-10}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin="$root/target/release/devday"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
if [ "$backend" = postgres ]; then
    db="devday_bench_$$"
    psql postgres://postgres@127.0.0.1:5432/postgres -qc "CREATE DATABASE $db"
    export DEVDAY_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db"
else
    export DEVDAY_DATABASE_URL="sqlite://$work/bench.sqlite3"
fi
export DEVDAY_LISTEN=127.0.0.1:0 DEVDAY_MAIL_TRANSPORT=log DEVDAY_LOG_FILTER=warn
"$bin" migrate >/dev/null
"$bin" demo >/dev/null
"$bin" > server.out 2> server.err &
server=$!
for _ in $(seq 1 100); do grep -q "listening on" server.out 2>/dev/null && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.:]*' server.out | head -n1)
sessions=$(curl -sf "$base/devday-demo/schedule.json" | grep -o '"guid"' | wc -l)
echo "demo schedule: $sessions sessions"
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
for path in /devday-demo/schedule/ /devday-demo/schedule.xml; do
    curl -sf -o /dev/null "$base$path"   # warm the cache
    before=$(ticks)
    wrk -t2 -c32 -d"${seconds}s" --latency "$base$path" > wrk.out
    after=$(ticks)
    requests=$(grep -o '^ *[0-9]* requests in' wrk.out | grep -o '[0-9]*' | head -n1)
    echo "== $path"
    grep -E "Requests/sec|Latency |50%|99%|Non-2xx|requests in" wrk.out
    echo "server CPU per request: $(awk -v t=$((after - before)) -v r="$requests" 'BEGIN { printf "%.1f µs", t * 10000 / r }')"
done
echo "peak RSS: $(( $(grep VmHWM /proc/$server/status | awk '{print $2}') / 1024 )) MiB"
kill "$server"; wait "$server" 2>/dev/null || true
if [ "$backend" = postgres ]; then
    psql postgres://postgres@127.0.0.1:5432/postgres -qc "DROP DATABASE $db WITH (FORCE)"
fi
