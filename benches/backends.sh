#!/usr/bin/env bash
# SQLite beside PostgreSQL in one run: import throughput, time to first answer (a new
# process: open, load, index, answer), the warm daily series, and concurrent writers.
#
#   VIGIL_BENCH_PG=postgres://user:pass@127.0.0.1:5432/db benches/backends.sh [PERSONS]
#
# PERSONS defaults to 216000 (about 1M events). The PostgreSQL database is emptied first
# (its public schema is dropped and made again): give it a disposable one.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${VIGIL_BENCH_PG:?set VIGIL_BENCH_PG to a disposable PostgreSQL database URL}"
cargo build --release -q
V=$PWD/target/release/vigil
DIR=${BENCH_DIR:-/tmp/vigil-bench}
mkdir -p "$DIR"
n=${1:-216000}
f=$DIR/r$n.jsonl db=$DIR/backends-r$n.db
[ -f "$f" ] || "$V" generate --persons "$n" --seed 1 > "$f"
echo "== $n persons, $(grep -c '"type":"event"' "$f") events, $(wc -l < "$f") records"
rm -f "$db" "$db-wal" "$db-shm"
psql "$VIGIL_BENCH_PG" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'
/usr/bin/time -f "SQLite import: %e s wall, %M KB max RSS" "$V" --db "$db" import "$f"
/usr/bin/time -f "PostgreSQL import: %e s wall, %M KB max RSS" "$V" --database-url "$VIGIL_BENCH_PG" import "$f"
for i in 1 2 3; do
    /usr/bin/time -f "SQLite first answer: %e s wall, %M KB max RSS" "$V" --db "$db" stats held --on 2024-12-09 >/dev/null
    /usr/bin/time -f "PostgreSQL first answer: %e s wall, %M KB max RSS" "$V" --database-url "$VIGIL_BENCH_PG" stats held --on 2024-12-09 >/dev/null
done
VIGIL_BENCH_DB=$db cargo bench -q -p vigil --bench series -- 'daily' 2>&1 | grep -E "persons|time:" || true
VIGIL_BENCH_URL=$VIGIL_BENCH_PG cargo bench -q -p vigil --bench series -- 'daily' 2>&1 | grep -E "persons|time:" || true
cargo bench -q -p vigil --bench writers 2>&1 | grep -E "writers:"
