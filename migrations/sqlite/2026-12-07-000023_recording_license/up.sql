-- The licence recordings are published under (frab's <license>, c3voc's recording_license),
-- named to speakers when they confirm; empty: none stated.
ALTER TABLE cfp_settings ADD COLUMN recording_license TEXT NOT NULL DEFAULT 'CC BY 4.0';
