-- The waiting list's order is a number drawn from the ticket type's counter when a person
-- joins. Drawing it locks the ticket type's row until the join commits, so joins of one
-- type are numbered in commit order on every database and instance, and the place a
-- person is told (those still waiting up to their number) is the place they hold.
-- Timestamps could not do this: concurrent joins counted each other's uncommitted rows
-- differently and were told the same place.
ALTER TABLE ticket_types ADD COLUMN waitlist_joined INTEGER NOT NULL DEFAULT 0;
ALTER TABLE waitlist_entries ADD COLUMN queue_no INTEGER NOT NULL DEFAULT 0;
UPDATE waitlist_entries SET queue_no = (
    SELECT count(*) FROM waitlist_entries e
    WHERE e.ticket_type_id = waitlist_entries.ticket_type_id
      AND (e.created_at < waitlist_entries.created_at
           OR (e.created_at = waitlist_entries.created_at AND e.id <= waitlist_entries.id)));
UPDATE ticket_types SET waitlist_joined = (
    SELECT count(*) FROM waitlist_entries e WHERE e.ticket_type_id = ticket_types.id);
CREATE UNIQUE INDEX waitlist_entries_queue ON waitlist_entries(ticket_type_id, queue_no);
