-- Registration: settings, ticket types with capacity (taken counts held, confirmed and
-- offered seats), registrations with their tickets, and the waiting lists.

CREATE TABLE registration_settings (
    edition_id TEXT PRIMARY KEY NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    hold_hours INTEGER NOT NULL,
    offer_hours INTEGER NOT NULL,
    privacy_text TEXT NOT NULL,
    coc_text TEXT NOT NULL,
    consent_version INTEGER NOT NULL
);

CREATE TABLE ticket_types (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    taken INTEGER NOT NULL,
    starts_at TIMESTAMP,
    ends_at TIMESTAMP,
    position INTEGER NOT NULL
);
CREATE INDEX ticket_types_edition_id ON ticket_types(edition_id);

CREATE TABLE registrations (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    company TEXT NOT NULL,
    tshirt TEXT NOT NULL,
    dietary TEXT NOT NULL,
    accessibility TEXT NOT NULL,
    locale TEXT NOT NULL,
    state TEXT NOT NULL,
    confirm_token_hash TEXT UNIQUE,
    manage_token_hash TEXT NOT NULL UNIQUE,
    held_until TIMESTAMP,
    consent_at TIMESTAMP NOT NULL,
    consent_version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    cancelled_at TIMESTAMP,
    UNIQUE (edition_id, email)
);
CREATE INDEX registrations_state ON registrations(edition_id, state);

CREATE TABLE registration_tickets (
    registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    ticket_type_id TEXT NOT NULL REFERENCES ticket_types(id) ON DELETE CASCADE,
    PRIMARY KEY (registration_id, ticket_type_id)
);

CREATE TABLE waitlist_entries (
    id TEXT PRIMARY KEY NOT NULL,
    ticket_type_id TEXT NOT NULL REFERENCES ticket_types(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    locale TEXT NOT NULL,
    state TEXT NOT NULL,
    offer_token_hash TEXT UNIQUE,
    offer_expires_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX waitlist_entries_type_state ON waitlist_entries(ticket_type_id, state, created_at);
