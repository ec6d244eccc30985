-- "Which sessions interest you?" on the registration form: the timetable's expected
-- audience and its favourite pairs.
CREATE TABLE registration_interests (
    registration_id TEXT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    PRIMARY KEY (registration_id, proposal_id)
);
CREATE INDEX registration_interests_proposal_id ON registration_interests(proposal_id);
