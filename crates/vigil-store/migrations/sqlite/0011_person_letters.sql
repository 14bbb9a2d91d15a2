-- vigil schema 11 (SQLite): a person's consents and envelope name (`rows::letters_text`,
-- NULL when the person has neither), so loading reads one column instead of joining
-- every person to its log entry and searching its body. Filled for an existing file by
-- replaying its log (vigil-store's rebuild) right after this migration.
ALTER TABLE person ADD COLUMN letters TEXT;
