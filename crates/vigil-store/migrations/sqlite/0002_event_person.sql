-- vigil schema 2 (SQLite): a person's events by person, for person pages and the API.
CREATE INDEX event_person ON event (person_pk);
