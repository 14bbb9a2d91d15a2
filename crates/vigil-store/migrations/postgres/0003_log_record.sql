-- vigil schema 3 (PostgreSQL): a record's history from the log, for the editors' pages.
CREATE INDEX log_record ON log (rtype, rid);
