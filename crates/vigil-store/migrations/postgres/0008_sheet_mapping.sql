-- vigil schema 8 (PostgreSQL): the column mapping an editor last confirmed for a
-- source's spreadsheets (the text of a `--mapping` file), offered again for that
-- source's next sheet. Beside the log, like accounts: the change is in the audit trail.
CREATE TABLE sheet_mapping (
    source   TEXT PRIMARY KEY,
    mapping  TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
