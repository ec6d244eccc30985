ALTER TABLE cfp_settings DROP COLUMN recording_license;
