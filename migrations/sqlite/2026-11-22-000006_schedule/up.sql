-- The timetable: rooms, the day grid, breaks, the draft (one placement per confirmed
-- session) and the released versions, each a frozen copy of what the public sees.

CREATE TABLE rooms (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    position INTEGER NOT NULL,
    stream_url TEXT NOT NULL
);
CREATE INDEX rooms_edition_id ON rooms(edition_id);

-- Day start and end are local times of day ("09:00"); one row per edition, absent = defaults.
CREATE TABLE schedule_settings (
    edition_id TEXT PRIMARY KEY NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    day_starts TEXT NOT NULL,
    day_ends TEXT NOT NULL,
    granularity_minutes INTEGER NOT NULL,
    change_minutes INTEGER NOT NULL
);

CREATE TABLE schedule_breaks (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL
);
CREATE INDEX schedule_breaks_edition_id ON schedule_breaks(edition_id);

-- room_id NULL: the session spans all rooms (keynote, opening). `version` counts changes
-- so that two organisers editing at once cannot overwrite each other unseen.
CREATE TABLE placements (
    proposal_id TEXT PRIMARY KEY NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    room_id TEXT REFERENCES rooms(id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    duration_minutes INTEGER NOT NULL,
    version INTEGER NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX placements_edition_id ON placements(edition_id);

CREATE TABLE schedule_releases (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    comment TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    released_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    released_at TIMESTAMP NOT NULL,
    UNIQUE (edition_id, number)
);
