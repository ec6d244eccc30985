ALTER TABLE placements DROP COLUMN pinned;
