-- A CfP question in German beside the English: its label, its help and its options.
-- German options translate the English ones line by line; the answer stores the English
-- option (or the German one where only German is given), so answers stay comparable.
ALTER TABLE cfp_questions ADD COLUMN label_de TEXT NOT NULL DEFAULT '';
ALTER TABLE cfp_questions ADD COLUMN help_de TEXT NOT NULL DEFAULT '';
ALTER TABLE cfp_questions ADD COLUMN options_de TEXT NOT NULL DEFAULT '';
