-- vigil schema 3 (SQLite): accounts, API tokens and the audit trail. Not part of the
-- registry's log (they are not records), but in the same (encrypted) file.
CREATE TABLE account (
    name     TEXT PRIMARY KEY,
    role     TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    hash     TEXT NOT NULL,            -- argon2id, PHC string
    disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE token (
    hash     TEXT PRIMARY KEY,         -- SHA-256 of the token (tokens are random, 256 bits)
    name     TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
    created  TEXT NOT NULL,
    revoked  INTEGER NOT NULL DEFAULT 0
);
-- Who did what to accounts, and who read restricted or confidential records.
CREATE TABLE audit (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL
);
