-- Data retention: organisers choose how many days after an edition its attendees'
-- personal data is purged (NULL: only when they press the button); purged_at records it.
ALTER TABLE registration_settings ADD COLUMN purge_after_days INTEGER;
ALTER TABLE registration_settings ADD COLUMN purged_at TIMESTAMP;
