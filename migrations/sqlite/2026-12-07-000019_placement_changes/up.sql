-- Every change to the draft timetable, so the editor can undo the last one. An organiser's
-- action is one batch (the optimiser's accepted proposal moves many sessions at once);
-- `step` orders the changes inside it. `before_*` is the placement the change replaced
-- (`before_starts_at` NULL: the session was not on the grid); `after_version` is the
-- placement's version the change left (0: taken off the grid), so an undo only restores
-- what nobody has changed since.
CREATE TABLE placement_changes (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    batch TEXT NOT NULL,
    step INTEGER NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    before_room_id TEXT,
    before_starts_at TIMESTAMP,
    before_duration_minutes INTEGER,
    before_pinned BOOLEAN NOT NULL,
    before_version INTEGER NOT NULL,
    after_version INTEGER NOT NULL,
    changed_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    changed_at TIMESTAMP NOT NULL,
    undone BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX placement_changes_edition ON placement_changes(edition_id, changed_at);
