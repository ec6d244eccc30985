ALTER TABLE ticket_types DROP COLUMN waitlist_active;
