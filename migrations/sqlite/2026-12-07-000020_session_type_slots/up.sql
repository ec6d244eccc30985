-- How many sessions of a type the programme has room for (NULL: not planned), so deciding
-- shows accepted against slots.
ALTER TABLE session_types ADD COLUMN slots INTEGER;
