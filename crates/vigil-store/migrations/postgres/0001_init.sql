-- vigil schema 1 (PostgreSQL): the same tables as SQLite's, so the two backends answer
-- alike. `log` is the source of truth, append-only and hash-chained; the rest is derived
-- from it in the same transaction as the entry that changes it.

CREATE TABLE log (
    seq       BIGINT PRIMARY KEY,       -- position from 1, without gaps
    at        TEXT   NOT NULL,          -- RFC 3339 UTC, fixed width, so text order is time order
    actor     TEXT   NOT NULL,
    reason    TEXT,
    op        TEXT   NOT NULL CHECK (op IN ('put', 'retract')),
    rtype     TEXT   NOT NULL,
    rid       TEXT   NOT NULL,
    refers_to BIGINT,
    body      TEXT,
    prev      BYTEA  NOT NULL,
    hash      BYTEA  NOT NULL
);
CREATE INDEX log_at ON log (at);

-- Defence in depth, as on SQLite: vigil's own connection cannot change the log.
CREATE FUNCTION log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the log is append-only: entries cannot be changed or deleted';
END $$;
CREATE TRIGGER log_no_update BEFORE UPDATE OR DELETE ON log
    FOR EACH ROW EXECUTE FUNCTION log_append_only();

CREATE TABLE record (
    rtype     TEXT    NOT NULL,
    rid       TEXT    NOT NULL,
    seq       BIGINT  NOT NULL,
    digest    BYTEA   NOT NULL,
    retracted BOOLEAN NOT NULL DEFAULT FALSE,
    pk        BIGINT,
    PRIMARY KEY (rtype, rid)
);

CREATE TABLE person (
    pk         BIGSERIAL PRIMARY KEY,
    id         TEXT    NOT NULL,
    sex        TEXT,
    birth      TEXT,
    country    TEXT,
    region     TEXT,
    roles      TEXT,
    health     TEXT,
    prominent  BOOLEAN NOT NULL,
    visibility TEXT    NOT NULL
);

CREATE TABLE event (
    pk           BIGSERIAL PRIMARY KEY,
    id           TEXT   NOT NULL,
    person_pk    BIGINT NOT NULL,
    kind         TEXT   NOT NULL,
    date         TEXT   NOT NULL,
    reason       TEXT,
    announcement TEXT
);
CREATE INDEX event_person ON event (person_pk);
CREATE INDEX event_announcement ON event (announcement);
