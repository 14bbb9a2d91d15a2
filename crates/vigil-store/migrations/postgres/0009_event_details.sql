-- vigil schema 9 (PostgreSQL): an event's case details (the `details` object of its
-- body, for the kinds whose details the engine reads), so loading reads one column
-- instead of joining every event to its log entry and parsing the whole body. Filled for
-- an existing database by replaying its log (vigil-store's rebuild) right after this
-- migration.
ALTER TABLE event ADD COLUMN details TEXT;
