ALTER TABLE registration_settings DROP COLUMN purged_at;
ALTER TABLE registration_settings DROP COLUMN purge_after_days;
