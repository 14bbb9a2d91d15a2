#!/usr/bin/env python3
"""The peer for vigil's series benchmark: DuckDB answering the same question.

Question: recognized political prisoners held on each day from FROM to TO (the headline
figure; vigil also computes both bounds in the same call, DuckDB here only the headline).

DuckDB loads the same JSON Lines vigil imported (the load is timed apart), then the query
is run REPEAT times warm and the best time is reported; vigil's cold answer (a new
`vigil stats series` process each time) is timed REPEAT times beside it. The answers are compared with
`vigil stats series --json` day by day, so the two are known to answer the same question.

usage: duckdb_series.py FILE.jsonl VIGIL_DB [FROM TO]   (needs `pip install duckdb`)
"""
import json
import os
import subprocess
import sys
import time

import duckdb

jsonl, db = sys.argv[1], sys.argv[2]
start, end = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else ("2020-08-01", "2026-10-31")
vigil = os.environ.get("VIGIL", "target/release/vigil")
repeat = int(os.environ.get("REPEAT", "5"))

con = duckdb.connect()
con.execute(f"SET threads = {os.cpu_count()}")
t0 = time.perf_counter()
con.execute(f"""
CREATE TABLE ev AS
SELECT person, kind,
       CAST(CASE length(date) WHEN 4 THEN date || '-01-01' WHEN 7 THEN date || '-01' ELSE date END AS DATE) AS lo
FROM read_json('{jsonl}', format = 'newline_delimited',
               columns = {{type: 'VARCHAR', person: 'VARCHAR', kind: 'VARCHAR', date: 'VARCHAR'}})
WHERE type = 'event'
""")
events = con.execute("SELECT count(*) FROM ev").fetchone()[0]
load = time.perf_counter() - t0

# Pairing by the contract's rules: a detention opens unless one is already open; the
# first later release, pardon or death closes, a pardon followed by a release at the release.
QUERY = f"""
WITH rel AS (
  SELECT person, kind, lo,
         CASE kind WHEN 'detained' THEN 0 WHEN 'pardoned' THEN 3 WHEN 'released' THEN 4 ELSE 5 END AS rk
  FROM ev WHERE kind IN ('detained', 'released', 'pardoned', 'died_in_custody')
),
seq AS (
  SELECT *, lag(kind) OVER w AS prev_kind, lead(kind) OVER w AS next_kind, lead(lo) OVER w AS next_lo
  FROM rel WINDOW w AS (PARTITION BY person ORDER BY lo, rk)
),
exits AS (
  SELECT *, CASE WHEN kind = 'detained' THEN NULL
                 WHEN kind = 'pardoned' AND next_kind = 'released' THEN next_lo
                 ELSE lo END AS exit_lo
  FROM seq
),
spans AS (
  SELECT person, kind, prev_kind, lo AS open_lo,
         first_value(exit_lo IGNORE NULLS) OVER (PARTITION BY person ORDER BY lo, rk
                                                 ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS close_lo
  FROM exits
),
recognized AS (
  SELECT person FROM ev WHERE kind IN ('recognized', 'recognition_withdrawn')
  GROUP BY person HAVING arg_max(kind, lo) = 'recognized'
),
opened AS (
  SELECT open_lo, close_lo FROM spans JOIN recognized USING (person)
  WHERE kind = 'detained' AND (prev_kind IS NULL OR prev_kind <> 'detained')
),
deltas AS (
  SELECT open_lo AS d, 1 AS x FROM opened
  UNION ALL SELECT close_lo, -1 FROM opened WHERE close_lo IS NOT NULL
),
cum AS (SELECT d, sum(sum(x)) OVER (ORDER BY d) AS held FROM deltas GROUP BY d),
days AS (SELECT CAST(day AS DATE) AS day FROM generate_series(DATE '{start}', DATE '{end}', INTERVAL 1 DAY) g(day))
SELECT days.day, coalesce(cum.held, 0) AS held
FROM days ASOF LEFT JOIN cum ON days.day >= cum.d
ORDER BY days.day
"""
times = []
for _ in range(repeat):
    t = time.perf_counter()
    rows = con.execute(QUERY).fetchall()
    times.append(time.perf_counter() - t)

# vigil's cold answer: a new process each time, opening the store and answering.
cold = []
for _ in range(repeat):
    t = time.perf_counter()
    out = subprocess.run([vigil, "--db", db, "stats", "series", "--from", start, "--to", end, "--step", "day", "--json"],
                         check=True, capture_output=True, text=True).stdout
    cold.append(time.perf_counter() - t)
points = json.loads(out)["points"]
mismatch = sum(1 for (day, held), p in zip(rows, points) if str(day) != p["date"] or int(held) != p["held"])
print(json.dumps({
    "events": events, "days": len(rows), "duckdb": duckdb.__version__, "threads": os.cpu_count(),
    "load_s": round(load, 3), "query_best_ms": round(min(times) * 1000, 2),
    "query_all_ms": [round(t * 1000, 2) for t in times],
    "vigil_cold_s": [round(t, 3) for t in cold],
    "ratio_vigil_best_cold_to_duckdb_load_plus_query": round(min(cold) / (load + min(times)), 3),
    "days_differing_from_vigil": mismatch,
}))
