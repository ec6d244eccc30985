#!/usr/bin/env bash
# Fuzzes every JSON endpoint of the OpenAPI document with schemathesis (PyPI): generated and
# mutated requests, valid and not, with an organiser's token, against the demo edition.
# Fails on any 5xx answer and on any answer whose content type is not the documented one
# (errors are application/problem+json). Usage: tests/fuzz/api.sh [max-examples] [sqlite|postgres]
# BENCH_BIN picks the build (default: the release build); ST the schemathesis command.
# Generated strings include NUL characters, which PostgreSQL refuses in text: run it on both.
set -euo pipefail
examples=${1:-25}
st=${ST:-st}
backend=${2:-sqlite}
source "$(dirname "$0")/../bench/lib.sh"
"$bin" demo >/dev/null
organiser=$("$bin" create-token --email anna.schmidt@devday-demo.example --name fuzz)
# Most requests name the demo edition and its real proposals, so that they get past the
# 404s to the code behind them; the rest are generated.
proposals=$(sql "SELECT '\"' || p.id || '\"' FROM proposals p JOIN editions e ON e.id = p.edition_id
    WHERE e.slug = 'devday-demo'" | paste -sd, -)
cat > schemathesis.toml <<TOML
[dictionaries.editions]
values = ["devday-demo"]
[dictionaries.proposals]
values = [$proposals]
[parameters]
"path.edition" = { dictionary = "editions", probability = 0.9 }
"path.id" = { dictionary = "proposals", probability = 0.9 }
"path.proposal" = { dictionary = "proposals", probability = 0.9 }
TOML
"$st" --config-file schemathesis.toml run "$base/api/openapi.json" -H "Authorization: Bearer $organiser" \
    --checks not_a_server_error,content_type_conformance \
    --max-examples "$examples" --workers 2 --no-color ${ST_SEED:+--seed "$ST_SEED"} 2>&1 | tail -n 200
