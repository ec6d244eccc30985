-- At the door: from this time, seats of confirmed people not yet checked in may be given
-- to people on the waiting list who are there. NULL: the door gives none.
ALTER TABLE registration_settings ADD COLUMN door_release_at TIMESTAMP;

-- Each seat the door gave: to whom (the registration it became), from which place on the
-- waiting list, by which staff member, when.
CREATE TABLE door_admissions (
    registration_id TEXT PRIMARY KEY NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    queue_no INTEGER NOT NULL,
    admitted_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    admitted_at TIMESTAMP NOT NULL
);
CREATE INDEX door_admissions_by_edition ON door_admissions (edition_id);
