ALTER TABLE ticket_types DROP COLUMN hard_limit;
ALTER TABLE ticket_types DROP COLUMN overbook;
