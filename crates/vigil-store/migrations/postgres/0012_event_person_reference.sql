-- vigil schema 12 (PostgreSQL): an event's person is no longer also a `reference` row. The
-- event's `person_pk` says it already (and `event_person` finds a person's events), so the
-- row was a second copy of it: half the table in a registry of events, written and
-- indexed twice at every import. `Writer::referrers` counts a person's events from `event`.
DELETE FROM reference WHERE from_type = 'event' AND to_type = 'person';
