ALTER TABLE registrations DROP COLUMN watched_at;
ALTER TABLE editions DROP COLUMN streams_public;
ALTER TABLE editions DROP COLUMN format;
