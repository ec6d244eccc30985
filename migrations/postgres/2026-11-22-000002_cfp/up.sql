-- The call for papers: settings, session types, tracks, custom questions, access codes,
-- speaker profiles and availability, proposals with their speakers, invitations, answers
-- and history.

CREATE TABLE cfp_settings (
    edition_id TEXT PRIMARY KEY NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    intro_md TEXT NOT NULL,
    max_proposals_per_speaker INTEGER NOT NULL,
    title_max INTEGER NOT NULL,
    abstract_max INTEGER NOT NULL
);

CREATE TABLE session_types (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    deadline TIMESTAMP,
    hidden BOOLEAN NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX session_types_edition_id ON session_types(edition_id);

CREATE TABLE tracks (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    colour TEXT NOT NULL,
    description TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX tracks_edition_id ON tracks(edition_id);

CREATE TABLE cfp_questions (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    target TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    help TEXT NOT NULL,
    options TEXT NOT NULL,
    required BOOLEAN NOT NULL,
    session_type_ids TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX cfp_questions_edition_id ON cfp_questions(edition_id);

CREATE TABLE cfp_access_codes (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    code TEXT NOT NULL UNIQUE,
    session_type_id TEXT REFERENCES session_types(id) ON DELETE CASCADE,
    max_uses INTEGER NOT NULL,
    uses INTEGER NOT NULL,
    valid_until TIMESTAMP,
    note TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE speaker_profiles (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    biography_md TEXT NOT NULL,
    company TEXT NOT NULL,
    links TEXT NOT NULL,
    photo BYTEA,
    photo_type TEXT,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE speaker_availability (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL
);
CREATE INDEX speaker_availability_user ON speaker_availability(user_id, edition_id);

CREATE TABLE proposals (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    abstract_text TEXT NOT NULL,
    description TEXT NOT NULL,
    notes TEXT NOT NULL,
    session_type_id TEXT NOT NULL REFERENCES session_types(id),
    track_id TEXT REFERENCES tracks(id) ON DELETE SET NULL,
    language TEXT NOT NULL,
    level TEXT NOT NULL,
    state TEXT NOT NULL,
    search_text TEXT NOT NULL,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP
);
CREATE INDEX proposals_edition_state ON proposals(edition_id, state);

CREATE TABLE proposal_speakers (
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
);
CREATE INDEX proposal_speakers_user_id ON proposal_speakers(user_id);

CREATE TABLE proposal_invitations (
    id TEXT PRIMARY KEY NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    invited_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE INDEX proposal_invitations_proposal_id ON proposal_invitations(proposal_id);

CREATE TABLE cfp_answers (
    id TEXT PRIMARY KEY NOT NULL,
    question_id TEXT NOT NULL REFERENCES cfp_questions(id) ON DELETE CASCADE,
    proposal_id TEXT REFERENCES proposals(id) ON DELETE CASCADE,
    user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX cfp_answers_proposal_id ON cfp_answers(proposal_id);
CREATE INDEX cfp_answers_user_id ON cfp_answers(user_id);

CREATE TABLE proposal_history (
    id TEXT PRIMARY KEY NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    actor_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    at TIMESTAMP NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX proposal_history_proposal_id ON proposal_history(proposal_id);
