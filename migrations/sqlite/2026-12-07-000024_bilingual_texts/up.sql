-- Texts organisers write for visitors, in German beside the English: the CfP's
-- introduction, the privacy notice, the code of conduct and a track's description.
-- Readers see their language, the other one where it is empty.
ALTER TABLE cfp_settings ADD COLUMN intro_de_md TEXT NOT NULL DEFAULT '';
ALTER TABLE registration_settings ADD COLUMN privacy_text_de TEXT NOT NULL DEFAULT '';
ALTER TABLE registration_settings ADD COLUMN coc_text_de TEXT NOT NULL DEFAULT '';
ALTER TABLE tracks ADD COLUMN description_de TEXT NOT NULL DEFAULT '';
