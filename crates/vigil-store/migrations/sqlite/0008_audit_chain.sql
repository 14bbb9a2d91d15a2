-- vigil schema 8 (SQLite): the audit trail is a chain of its own. `hash` links each row
-- to the one before it; `state` is what a row that changes an account or a token commits
-- to (see vigil-store's accounts.rs). Rows of an older file are linked, and every
-- account and token given a first committed state, right after this migration.
ALTER TABLE audit ADD COLUMN state TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;
