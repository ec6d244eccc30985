ALTER TABLE tracks DROP COLUMN description_de;
ALTER TABLE registration_settings DROP COLUMN coc_text_de;
ALTER TABLE registration_settings DROP COLUMN privacy_text_de;
ALTER TABLE cfp_settings DROP COLUMN intro_de_md;
