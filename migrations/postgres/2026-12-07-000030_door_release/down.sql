DROP TABLE door_admissions;
ALTER TABLE registration_settings DROP COLUMN door_release_at;
