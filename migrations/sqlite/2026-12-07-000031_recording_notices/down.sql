ALTER TABLE recordings DROP COLUMN notified_at;
