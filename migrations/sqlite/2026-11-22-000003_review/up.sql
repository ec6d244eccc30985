-- Review: settings and score categories per edition, assignments, conflicts, reviews with
-- scores, decision mails (sent once per decision), and the speakers' confirm/decline links.

CREATE TABLE review_settings (
    edition_id TEXT PRIMARY KEY NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    opens_at TIMESTAMP,
    closes_at TIMESTAMP,
    comment_required BOOLEAN NOT NULL,
    anonymised BOOLEAN NOT NULL,
    hide_reviewer_names BOOLEAN NOT NULL,
    others_before_own BOOLEAN NOT NULL,
    reviews_per_proposal INTEGER NOT NULL
);

CREATE TABLE score_categories (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    min_score INTEGER NOT NULL,
    max_score INTEGER NOT NULL,
    labels TEXT NOT NULL,
    weight INTEGER NOT NULL,
    position INTEGER NOT NULL
);
CREATE INDEX score_categories_edition_id ON score_categories(edition_id);

CREATE TABLE review_assignments (
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    reviewer_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (proposal_id, reviewer_id)
);
CREATE INDEX review_assignments_reviewer_id ON review_assignments(reviewer_id);

CREATE TABLE reviewer_tracks (
    reviewer_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    track_id TEXT NOT NULL REFERENCES tracks(id) ON DELETE CASCADE,
    PRIMARY KEY (reviewer_id, track_id)
);

CREATE TABLE review_conflicts (
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    reviewer_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    declared_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (proposal_id, reviewer_id)
);

CREATE TABLE reviews (
    id TEXT PRIMARY KEY NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    reviewer_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    abstained BOOLEAN NOT NULL,
    comment TEXT NOT NULL,
    speaker_note TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (proposal_id, reviewer_id)
);
CREATE INDEX reviews_reviewer_id ON reviews(reviewer_id);

CREATE TABLE review_scores (
    review_id TEXT NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
    category_id TEXT NOT NULL REFERENCES score_categories(id) ON DELETE CASCADE,
    score INTEGER NOT NULL,
    PRIMARY KEY (review_id, category_id)
);

CREATE TABLE decision_mails (
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    decision TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (proposal_id, decision)
);

CREATE TABLE proposal_responses (
    token_hash TEXT PRIMARY KEY NOT NULL,
    proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    responded_at TIMESTAMP
);

ALTER TABLE proposals ADD COLUMN reviewer_abstract TEXT;
ALTER TABLE proposals ADD COLUMN waitlist_position INTEGER;
