-- How many of a ticket type's waiting-list entries are still waiting or offered a seat.
-- Joining raises it together with `waitlist_joined`, under the same row lock, so the place
-- a person is told is read off the row instead of counting the whole list on every join
-- (a count that grew with the list and was taken while the lock was held).
ALTER TABLE ticket_types ADD COLUMN waitlist_active INTEGER NOT NULL DEFAULT 0;
UPDATE ticket_types SET waitlist_active = (
    SELECT count(*) FROM waitlist_entries e
    WHERE e.ticket_type_id = ticket_types.id AND e.state IN ('waiting', 'offered'));
