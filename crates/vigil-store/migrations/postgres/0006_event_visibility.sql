-- vigil schema 6 (PostgreSQL): an event's own visibility, so a public answer about a
-- named person is computed from the events the public may see. Filled for an existing
-- database by replaying its log (vigil-store's rebuild) right after this migration.
ALTER TABLE event ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public';
