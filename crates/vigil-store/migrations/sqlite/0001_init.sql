-- vigil schema 1 (SQLite).
-- `log` is the source of truth: append-only and hash-chained. Every other table is
-- derived from it, updated in the same transaction as the entry that changes it, and
-- could be rebuilt by replaying the log.

CREATE TABLE log (
    seq       INTEGER PRIMARY KEY,      -- position from 1, without gaps
    at        TEXT    NOT NULL,         -- RFC 3339 UTC, fixed width, so text order is time order
    actor     TEXT    NOT NULL,
    reason    TEXT,
    op        TEXT    NOT NULL CHECK (op IN ('put', 'retract')),
    rtype     TEXT    NOT NULL,
    rid       TEXT    NOT NULL,
    refers_to INTEGER,                  -- the entry a correction or retraction points at
    body      TEXT,                     -- canonical JSON of the record, for 'put'
    prev      BLOB    NOT NULL,         -- hash of entry seq-1 (zeros for the first)
    hash      BLOB    NOT NULL
);
CREATE INDEX log_at ON log (at);

-- Defence in depth: the log cannot be changed through vigil's own connection by accident.
-- (Someone with the file can drop these; `vigil verify` is what catches that.)
CREATE TRIGGER log_no_update BEFORE UPDATE ON log
BEGIN SELECT RAISE(ABORT, 'the log is append-only: entries cannot be changed'); END;
CREATE TRIGGER log_no_delete BEFORE DELETE ON log
BEGIN SELECT RAISE(ABORT, 'the log is append-only: entries cannot be deleted'); END;

-- The current version of every record: which entry holds it and that body's digest.
CREATE TABLE record (
    rtype     TEXT    NOT NULL,
    rid       TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    digest    BLOB    NOT NULL,
    retracted INTEGER NOT NULL DEFAULT 0,
    pk        INTEGER,                  -- row in `person` or `event`
    PRIMARY KEY (rtype, rid)
) WITHOUT ROWID;

-- Typed copies of persons and events, so the counting engine loads without parsing JSON.
CREATE TABLE person (
    pk         INTEGER PRIMARY KEY,
    id         TEXT    NOT NULL,
    sex        TEXT,
    birth      TEXT,
    country    TEXT,
    region     TEXT,
    roles      TEXT,                    -- JSON array; NULL = unknown
    health     TEXT,                    -- JSON array; NULL = unknown
    prominent  INTEGER NOT NULL,
    visibility TEXT    NOT NULL
);

CREATE TABLE event (
    pk           INTEGER PRIMARY KEY,
    id           TEXT    NOT NULL,
    person_pk    INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    date         TEXT    NOT NULL,
    reason       TEXT,
    announcement TEXT
);
