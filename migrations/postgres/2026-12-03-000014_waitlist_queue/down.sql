DROP INDEX waitlist_entries_queue;
ALTER TABLE waitlist_entries DROP COLUMN queue_no;
ALTER TABLE ticket_types DROP COLUMN waitlist_joined;
