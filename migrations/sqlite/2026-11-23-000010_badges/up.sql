-- Tickets are signed with a key per edition, so a scanner holding the public key tells a
-- real ticket from a forged one without a network. The secret never leaves the server.
CREATE TABLE edition_keys (
    edition_id TEXT PRIMARY KEY REFERENCES editions(id) ON DELETE CASCADE,
    public_key TEXT NOT NULL,
    secret_key TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- A confirmed registration's ticket is its id and a serial (0 until re-issued); a code
-- with an older serial is revoked.
CREATE TABLE ticket_serials (
    registration_id TEXT PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
    serial INTEGER NOT NULL,
    reissued_at TIMESTAMP NOT NULL
);

-- Where tickets are scanned: the entrance admits every ticket, other lists (a workshop
-- room) only their ticket types.
CREATE TABLE checkin_lists (
    id TEXT PRIMARY KEY,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    all_tickets BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (edition_id, slug)
);

CREATE TABLE checkin_list_ticket_types (
    list_id TEXT NOT NULL REFERENCES checkin_lists(id) ON DELETE CASCADE,
    ticket_type_id TEXT NOT NULL REFERENCES ticket_types(id) ON DELETE CASCADE,
    PRIMARY KEY (list_id, ticket_type_id)
);

-- Every scan with its answer, admitted or not. The nonce makes a retried upload find its
-- scan instead of making a second one; the partial index allows one admission per ticket
-- and list, whatever the concurrency. A second admission made offline is kept as
-- 'duplicate' for organisers to see.
CREATE TABLE scans (
    id TEXT PRIMARY KEY,
    list_id TEXT NOT NULL REFERENCES checkin_lists(id) ON DELETE CASCADE,
    registration_id TEXT REFERENCES registrations(id) ON DELETE SET NULL,
    result TEXT NOT NULL,
    device TEXT NOT NULL,
    nonce TEXT NOT NULL UNIQUE,
    offline BOOLEAN NOT NULL,
    scanned_at TIMESTAMP NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    undone_at TIMESTAMP
);
CREATE UNIQUE INDEX scans_one_admission ON scans(list_id, registration_id)
    WHERE result = 'admitted' AND undone_at IS NULL;
CREATE INDEX scans_list_recorded ON scans(list_id, recorded_at);
CREATE INDEX scans_registration ON scans(registration_id);
