-- vigil schema 5 (PostgreSQL): API tokens expire. NULL: a token made before expiry
-- existed (it keeps working until revoked).
ALTER TABLE token ADD COLUMN expires TEXT;
