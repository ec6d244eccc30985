-- Who was invited back from an earlier edition: last year's speakers to the CfP, last
-- year's reviewers to the committee. One row per person and kind, so a second mailing
-- skips them; it goes with the person's account.
CREATE TABLE returning_invitations (
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    from_edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (edition_id, user_id, kind)
);
