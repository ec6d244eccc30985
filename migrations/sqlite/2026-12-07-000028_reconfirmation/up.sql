-- A reconfirmation round, one per edition: shortly before the event every confirmed
-- attendee is asked whether they still come. A freed seat goes to the waiting list at
-- once; at the deadline, unanswered seats too when the organisers chose so. Each step
-- is stamped when it ran, once, however many instances run the clock.
CREATE TABLE reconfirmation_rounds (
    edition_id TEXT PRIMARY KEY NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    asks_at TIMESTAMP NOT NULL,
    reminds_at TIMESTAMP,
    deadline TIMESTAMP NOT NULL,
    release_unanswered BOOLEAN NOT NULL,
    asked_at TIMESTAMP,
    reminded_at TIMESTAMP,
    closed_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);

-- Who was asked, and what became of it: coming, freed (by them), released (unanswered at
-- the deadline). Goes with the registration when it is deleted.
CREATE TABLE reconfirmations (
    registration_id TEXT PRIMARY KEY NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    asked_at TIMESTAMP NOT NULL,
    reminded_at TIMESTAMP,
    answer TEXT,
    answered_at TIMESTAMP
);
CREATE INDEX reconfirmations_by_edition ON reconfirmations (edition_id, answer);
