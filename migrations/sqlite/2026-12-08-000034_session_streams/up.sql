-- A session's own live stream, where it is not its room's (a keynote streamed to a second
-- channel, a workshop streamed elsewhere): the session page and the registered people's
-- watch links use it instead of the room's.
CREATE TABLE session_streams (
    proposal_id TEXT PRIMARY KEY NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX session_streams_edition ON session_streams(edition_id);
