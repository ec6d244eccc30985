#!/usr/bin/env bash
# Load run: the registration rush against the release binary on loopback, with wrk in a
# second process. Usage:
#   tests/bench/registration.sh [sqlite|postgres] [seconds] [capacity] [registered first]
# Prints requests/s, latency percentiles, answers by status, the server's peak RSS and
# whether capacity held. Not a test: numbers go to docs/benchmarks.md.
set -euo pipefail
backend=${1:-sqlite}
seconds=${2:-10}
capacity=${3:-1000000}
prefill=${4:-0}
source "$(dirname "$0")/lib.sh"
need wrk "apt-get install wrk"
sql "UPDATE ticket_types SET capacity = $capacity"
# Seats already taken before the rush (the rush is for the last capacity - prefill).
register_people "$prefill" Early early
wrk -t2 -c32 -d"${seconds}s" --latency -s "$root/tests/bench/register.lua" "$base" > wrk.out
grep -E "Requests/sec|Latency |50%|99%|Non-2xx|Socket errors|requests in" wrk.out
server_usage
record_wrk "registration rush, last $((capacity - prefill)) of $capacity seats, then waiting list, 32 connections" wrk.out
if grep -qE "Non-2xx|Socket errors" wrk.out; then echo "ERRORS UNDER LOAD" >&2; exit 1; fi
# Let requests still in flight finish before counting.
kill "$server"; wait "$server" 2>/dev/null || true
held=$(sql "SELECT count(*) FROM registrations WHERE state = 'held'")
waiting=$(sql "SELECT count(*) FROM waitlist_entries")
taken=$(sql "SELECT taken FROM ticket_types")
echo "registrations held: $held, waiting list: $waiting, seats taken: $taken of $capacity"
[ "$taken" -le "$capacity" ] && [ "$held" -eq "$taken" ] || { echo "CAPACITY BROKEN" >&2; exit 1; }
