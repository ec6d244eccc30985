-- After a session has run: anonymous feedback (one per browser and session; `client_hash`
-- is a keyed hash, not the browser's id) and the link to its recording.

CREATE TABLE session_feedback (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    rating INTEGER NOT NULL,
    comment TEXT NOT NULL,
    client_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (proposal_id, client_hash)
);
CREATE INDEX session_feedback_edition_id ON session_feedback(edition_id);

CREATE TABLE recordings (
    proposal_id TEXT PRIMARY KEY NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
