-- vigil schema 5 (SQLite): what each current record points at (an event at its person,
-- announcement and sources, a merge at its persons…), so "may this be retracted?" is one
-- indexed lookup for every record type. Filled for an existing file by replaying its
-- log (vigil-store's rebuild) right after this migration.
CREATE TABLE reference (
    from_type TEXT NOT NULL,
    from_id   TEXT NOT NULL,
    to_type   TEXT NOT NULL,
    to_id     TEXT NOT NULL
);
CREATE INDEX reference_from ON reference (from_type, from_id);
CREATE INDEX reference_to ON reference (to_type, to_id);
