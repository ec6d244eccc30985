ALTER TABLE score_categories DROP COLUMN labels_de;
ALTER TABLE score_categories DROP COLUMN name_de;
ALTER TABLE checkin_lists DROP COLUMN name_de;
ALTER TABLE ticket_types DROP COLUMN name_de;
ALTER TABLE tracks DROP COLUMN name_de;
ALTER TABLE session_types DROP COLUMN name_de;
