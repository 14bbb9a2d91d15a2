#!/usr/bin/env bash
# Reproduces docs/performance.md: generate registries, import them, time the first
# answer, run the counting benchmark, and DuckDB's best SQL for the same series.
#
#   benches/run.sh [PERSONS ...]      default: 216000 (≈1M events) 2170000 (≈10M events)
#
# Needs: a release build, /usr/bin/time, python3 with duckdb (pip install duckdb).
# Writes into $BENCH_DIR (default /tmp/vigil-bench): the files are large (≈2 GB for 10M).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
V=$PWD/target/release/vigil
DIR=${BENCH_DIR:-/tmp/vigil-bench}
PY=${PYTHON:-python3}
mkdir -p "$DIR"
for persons in "${@:-216000 2170000}"; do
    for n in $persons; do
        f=$DIR/r$n.jsonl db=$DIR/r$n.db
        [ -f "$f" ] || "$V" generate --persons "$n" --seed 1 > "$f"
        events=$(grep -c '"type":"event"' "$f")
        echo "== $n persons, $events events, $(wc -l < "$f") records, $(du -h "$f" | cut -f1) of JSON Lines"
        rm -f "$db" "$db-wal" "$db-shm"
        /usr/bin/time -f "import: %e s wall, %M KB max RSS" "$V" --db "$db" import "$f"
        for i in 1 2 3; do
            /usr/bin/time -f "first answer (open + load + index + held): %e s wall, %M KB max RSS" \
                "$V" --db "$db" stats held --on 2024-12-09 >/dev/null
        done
        VIGIL_BENCH_DB=$db cargo bench -q -p vigil --bench series 2>&1 | grep -E "persons|time:|^[a-z]" || true
        VIGIL=$V "$PY" benches/duckdb_series.py "$f" "$db"
    done
done
