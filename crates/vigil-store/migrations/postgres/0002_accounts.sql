-- vigil schema 2 (PostgreSQL): accounts, API tokens and the audit trail, as on SQLite.
CREATE TABLE account (
    name     TEXT PRIMARY KEY,
    role     TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    hash     TEXT NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE token (
    hash     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    created  TEXT NOT NULL,
    revoked  BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE TABLE audit (
    id      BIGSERIAL PRIMARY KEY,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL
);
