-- A pinned session keeps its place when the optimiser proposes a timetable.
ALTER TABLE placements ADD COLUMN pinned BOOLEAN NOT NULL DEFAULT FALSE;
