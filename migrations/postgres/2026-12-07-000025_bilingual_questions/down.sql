ALTER TABLE cfp_questions DROP COLUMN options_de;
ALTER TABLE cfp_questions DROP COLUMN help_de;
ALTER TABLE cfp_questions DROP COLUMN label_de;
