#!/usr/bin/env python3
"""The ceiling beside `vigil import`: the same JSON Lines file read by DuckDB's
`read_json`, and inserted into SQLite bare (each line one row of a table, in one
transaction, no parsing, hashing or derived rows), timed in the same run.

usage: import_peers.py FILE.jsonl SCRATCH_DIR     (needs `pip install duckdb`)
"""
import os
import sqlite3
import sys
import time

import duckdb

jsonl, scratch = sys.argv[1], sys.argv[2]
events = 0
with open(jsonl, "rb") as f:
    for line in f:
        if b'"type":"event"' in line:
            events += 1

con = duckdb.connect()
con.execute(f"SET threads = {os.cpu_count()}")
t0 = time.perf_counter()
con.execute(
    f"""CREATE TABLE rec AS SELECT * FROM read_json('{jsonl}', format = 'newline_delimited',
        columns = {{type: 'VARCHAR', id: 'VARCHAR', person: 'VARCHAR', kind: 'VARCHAR', date: 'VARCHAR'}})"""
)
rows = con.execute("SELECT count(*) FROM rec").fetchone()[0]
t = time.perf_counter() - t0
print(f"duckdb read_json: {rows} records in {t:.2f} s: {events / t:,.0f} events/s")

path = os.path.join(scratch, "bare.db")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
db = sqlite3.connect(path)
db.execute("PRAGMA journal_mode = WAL")
db.execute("PRAGMA synchronous = NORMAL")
db.execute("CREATE TABLE log (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)")
t0 = time.perf_counter()
with open(jsonl, encoding="utf-8") as f:
    db.execute("BEGIN")
    db.executemany("INSERT INTO log (body) VALUES (?)", ((line,) for line in f))
    db.execute("COMMIT")
t = time.perf_counter() - t0
print(f"bare SQLite insert (one row per line, one transaction): {t:.2f} s: {events / t:,.0f} events/s")
db.close()
os.remove(path)
