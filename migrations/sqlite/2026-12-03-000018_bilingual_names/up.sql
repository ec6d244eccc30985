-- Names visitors read are kept in both languages: `name` in English, `name_de` in German;
-- the reader's is shown, the other is the fallback (shared::bilingual).
ALTER TABLE session_types ADD COLUMN name_de TEXT NOT NULL DEFAULT '';
ALTER TABLE tracks ADD COLUMN name_de TEXT NOT NULL DEFAULT '';
ALTER TABLE ticket_types ADD COLUMN name_de TEXT NOT NULL DEFAULT '';
ALTER TABLE checkin_lists ADD COLUMN name_de TEXT NOT NULL DEFAULT '';
ALTER TABLE score_categories ADD COLUMN name_de TEXT NOT NULL DEFAULT '';
ALTER TABLE score_categories ADD COLUMN labels_de TEXT NOT NULL DEFAULT '';

-- The defaults devday named itself get their German names.
UPDATE session_types SET name_de = 'Vortrag' WHERE name = 'Talk';
UPDATE session_types SET name_de = 'Kurzvortrag' WHERE name = 'Lightning talk';
UPDATE session_types SET name_de = 'Workshop' WHERE name = 'Workshop';
UPDATE ticket_types SET name_de = 'Konferenz' WHERE name = 'Conference';
UPDATE checkin_lists SET name_de = 'Eingang' WHERE slug = 'entrance' AND name = 'Entrance';
UPDATE score_categories SET name_de = 'Relevanz',
    labels_de = 'nicht relevant' || char(10) || 'etwas' || char(10) || 'relevant' || char(10) || 'sehr relevant'
  WHERE name = 'Relevance';
UPDATE score_categories SET name_de = 'Qualität',
    labels_de = 'schwach' || char(10) || 'mittel' || char(10) || 'gut' || char(10) || 'ausgezeichnet'
  WHERE name = 'Quality';
UPDATE score_categories SET name_de = 'Passt zum Publikum',
    labels_de = 'passt kaum' || char(10) || 'teilweise' || char(10) || 'gut' || char(10) || 'genau'
  WHERE name = 'Fit for the audience';
