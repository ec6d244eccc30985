# Shared by the load runs: a fresh database (SQLite file or PostgreSQL database), the
# release binary serving it on loopback, an admin token, and an open edition "bench".
# Source it after setting `backend`; it defines `sql`, `base`, `token`, `server`, `work`.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# A tool a load needs, or a clear message what to install.
need() { command -v "$1" >/dev/null || { echo "$1 is missing: $2" >&2; exit 1; }; }
need curl "apt-get install curl"
need sqlite3 "apt-get install sqlite3"
need psql "apt-get install postgresql-client"
# BENCH_BIN picks another build (the smoke run uses the test build).
bin="${BENCH_BIN:-$root/target/release/devday}"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
work=$(mktemp -d)
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null || true
    if [ "$backend" = postgres ]; then
        psql postgres://postgres@127.0.0.1:5432/postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
if [ "$backend" = postgres ]; then
    db="devday_bench_$$"
    psql postgres://postgres@127.0.0.1:5432/postgres -qc "CREATE DATABASE $db"
    # Loopback on one machine: no TLS (libpq would otherwise negotiate it, which on this
    # machine doubles every round trip: 0.29 ms against 0.15 ms for `SELECT 1`).
    export DEVDAY_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db?sslmode=disable"
    sql() { psql "$DEVDAY_DATABASE_URL" -qAtc "$1"; }
else
    export DEVDAY_DATABASE_URL="sqlite://$work/bench.sqlite3"
    # The server's clock writes now and then (expired holds, reconfirmation steps): wait
    # for its lock like the server does instead of failing at once.
    sql() { sqlite3 -cmd ".timeout 10000" "$work/bench.sqlite3" "$1"; }
fi
export DEVDAY_LISTEN=127.0.0.1:0 DEVDAY_MAIL_TRANSPORT=log DEVDAY_LOG_FILTER=warn
export DEVDAY_SECURITY_REGISTRATION_PER_MINUTE=1000000000
"$bin" migrate >/dev/null
# BENCH_DEMO=1: the demo edition (timetable, registrations) before the server starts.
if [ -n "${BENCH_DEMO:-}" ]; then "$bin" demo >/dev/null; fi
# A database in use has been vacuumed and analysed; a freshly loaded one gets autovacuum
# about a minute in, in the middle of a measurement on two cores.
if [ "$backend" = postgres ]; then sql "VACUUM ANALYZE" >/dev/null; fi
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
# Registration opens only with a privacy notice and a code of conduct to agree to.
sql "INSERT INTO registration_settings (edition_id, hold_hours, offer_hours, privacy_text, coc_text, consent_version)
     SELECT id, 24, 48, 'Privacy.', 'Be kind.', 1 FROM editions WHERE slug = 'bench'
     ON CONFLICT (edition_id) DO UPDATE SET privacy_text = excluded.privacy_text, coc_text = excluded.coc_text" >/dev/null


# Registers `$1` people through the API, four at a time, named "$2 N" <$3N@example.org>.
register_people() {
    seq 1 "$1" | xargs -r -P 4 -I{} curl -sf -o /dev/null -H 'Content-Type: application/json' \
        -d "{\"name\":\"$2 {}\",\"email\":\"$3{}@example.org\",\"consent\":true}" \
        "$base/api/events/bench/registrations"
}

# The server's peak RSS so far in MiB ("?" once it has exited).
peak_rss_mib() {
    awk '/^VmHWM/ { printf "%d", $2 / 1024; found = 1 } END { if (!found) printf "?" }' \
        "/proc/$server/status" 2>/dev/null || echo "?"
}

# The server's CPU time (ms) and peak RSS (MiB) so far.
server_usage() {
    local ticks
    ticks=$(awk '{print $14 + $15}' "/proc/$server/stat")
    echo "server CPU: $((ticks * 10)) ms; peak RSS: $(peak_rss_mib) MiB"
}

# Records one measured load for tests/bench/run.sh (when it set BENCH_RESULTS): a line of
# backend, load, requests/s, p50 ms, p99 ms, errors and the server's peak RSS in MiB.
record() {
    [ -n "${BENCH_RESULTS:-}" ] || return 0
    printf '%s|%s|%s|%s|%s|%s|%s\n' "$backend" "$1" "$2" "$3" "$4" "$5" "$(peak_rss_mib)" >> "$BENCH_RESULTS"
}

# A latency percentile ("50%", "99%") of wrk's --latency output, in milliseconds.
wrk_ms() {
    awk -v q="$1" '$1 == q { v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v)
        f = (u == "us") ? 0.001 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1; printf "%.2f", v * f }' "$2"
}

# record() from wrk's output: errors are non-2xx answers plus socket errors.
record_wrk() {
    local rps errors
    rps=$(awk '/Requests\/sec/ { printf "%d", $2 }' "$2")
    errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { for (i = 4; i <= NF; i += 2) n += $i } END { print n + 0 }' "$2")
    record "$1" "$rps" "$(wrk_ms 50% "$2")" "$(wrk_ms 99% "$2")" "$errors"
}
