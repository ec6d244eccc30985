#!/usr/bin/env bash
# Load run: door scanners against the check-in endpoint of the release binary on loopback,
# at a steady rate from a second process (tests/bench/checkin.js, Node.js). Usage: tests/bench/checkin.sh [sqlite|postgres] [seconds] [rate] [people]
# Prints scans/s, latency percentiles, answers by status, the server's CPU and peak RSS, and
# checks that no ticket was admitted twice. Not a test: numbers go to docs/benchmarks.md.
set -euo pipefail
backend=${1:-sqlite}
seconds=${2:-20}
rate=${3:-1000}
people=${4:-1000}
source "$(dirname "$0")/lib.sh"
need node "Node.js (apt-get install nodejs)"
sql "UPDATE ticket_types SET capacity = 1000000"
register_people "$people" Guest guest
sql "UPDATE registrations SET state = 'confirmed', confirmed_at = created_at, held_until = NULL"
"$bin" ticket-codes --edition bench > codes.csv
echo "tickets: $(($(wc -l < codes.csv) - 1))"
node "$root/tests/bench/checkin.js" "$base" "$token" codes.csv "$seconds" "$rate" | tee load.out
server_usage
# Requests/s is what the server kept up with: the offered rate, unless it fell behind.
record "check-in scans offered at a steady $rate/s, $people tickets" \
    "$(grep -o '= [0-9]*/s' load.out | grep -o '[0-9]*')" \
    "$(grep -o 'p50 [0-9.]*' load.out | cut -d' ' -f2)" "$(grep -o 'p99 [0-9.]*' load.out | cut -d' ' -f2)" \
    "$(awk '/non-2xx/ { for (i = 1; i < NF; i++) if ($i == "non-2xx" || $i == "errors") n += $(i + 1) } END { print n + 0 }' load.out)"
grep -q "non-2xx 0, errors 0" load.out || { echo "ERRORS UNDER LOAD" >&2; exit 1; }
kill "$server"; wait "$server" 2>/dev/null || true
scans=$(sql "SELECT count(*) FROM scans")
admitted=$(sql "SELECT count(*) FROM scans WHERE result = 'admitted'")
distinct=$(sql "SELECT count(DISTINCT registration_id) FROM scans WHERE result = 'admitted'")
echo "scans logged: $scans, admitted: $admitted (distinct tickets: $distinct)"
[ "$admitted" -eq "$distinct" ] || { echo "A TICKET WAS ADMITTED TWICE" >&2; exit 1; }
