ALTER TABLE editions DROP COLUMN description_de_md;
ALTER TABLE editions DROP COLUMN description_md;
