#!/usr/bin/env bash
# Load run: the registration rush against the release binary on loopback, with wrk in a
# second process. Usage: tests/bench/registration.sh [sqlite|postgres] [seconds] [capacity]
# Prints requests/s, latency percentiles, answers by status, the server's peak RSS and
# whether capacity held. Not a test: numbers go to docs/benchmarks.md.
set -euo pipefail
backend=${1:-sqlite}
seconds=${2:-10}
capacity=${3:-1000000}
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
    sql() { psql "$DEVDAY_DATABASE_URL" -qAtc "$1"; }
else
    export DEVDAY_DATABASE_URL="sqlite://$work/bench.sqlite3"
    sql() { sqlite3 "$work/bench.sqlite3" "$1"; }
fi
export DEVDAY_LISTEN=127.0.0.1:0 DEVDAY_MAIL_TRANSPORT=log DEVDAY_LOG_FILTER=warn
export DEVDAY_SECURITY_REGISTRATION_PER_MINUTE=1000000000
"$bin" migrate >/dev/null
echo "a long bench password" | "$bin" create-admin --email bench@example.org >/dev/null
token=$("$bin" create-token --email bench@example.org --name bench)
"$bin" > server.out 2> server.err &
server=$!
for _ in $(seq 1 100); do grep -q "listening on" server.out 2>/dev/null && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.:]*' server.out | head -n1)
today=$(date -u +%F)
later=$(date -u -d '+90 days' +%F)
curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench\",\"slug\":\"bench\",\"starts_on\":\"$later\",\"ends_on\":\"$later\",\"timezone\":\"UTC\",\"registration_opens_at\":\"${today}T00:00\",\"registration_closes_at\":\"${later}T00:00\"}" \
  "$base/api/editions"
curl -sf -o /dev/null "$base/bench/register/"   # creates the conference ticket type
sql "UPDATE ticket_types SET capacity = $capacity"
wrk -t2 -c32 -d"${seconds}s" --latency -s "$root/tests/bench/register.lua" "$base" > wrk.out
cpu_ticks=$(awk '{print $14 + $15}' /proc/$server/stat)
hwm=$(grep VmHWM /proc/$server/status | awk '{print $2}')
grep -E "Requests/sec|Latency |50%|99%|Non-2xx|requests in" wrk.out
echo "server CPU: $((cpu_ticks * 10)) ms; peak RSS: $((hwm / 1024)) MiB"
# Let requests still in flight finish before counting.
kill "$server"; wait "$server" 2>/dev/null || true
held=$(sql "SELECT count(*) FROM registrations WHERE state = 'held'")
waiting=$(sql "SELECT count(*) FROM waitlist_entries")
taken=$(sql "SELECT taken FROM ticket_types")
echo "registrations held: $held, waiting list: $waiting, seats taken: $taken of $capacity"
[ "$taken" -le "$capacity" ] && [ "$held" -eq "$taken" ] || { echo "CAPACITY BROKEN" >&2; exit 1; }
if [ "$backend" = postgres ]; then
    psql postgres://postgres@127.0.0.1:5432/postgres -qc "DROP DATABASE $db WITH (FORCE)"
fi
