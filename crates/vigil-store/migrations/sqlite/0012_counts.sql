-- vigil schema 12 (SQLite): the day arrays of every counting mode (`vigil_core::registry::Counts`),
-- saved beside the log with the position they were computed at and the program that
-- computed them, so `stats held` and `stats series` answer without loading the registry.
-- Derived from the log and never read unless `entries`, `head` and `program` are the
-- current ones; at most one row.
CREATE TABLE counts (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    entries INTEGER NOT NULL,
    head    TEXT NOT NULL,
    program TEXT NOT NULL,
    body    BLOB NOT NULL
);
