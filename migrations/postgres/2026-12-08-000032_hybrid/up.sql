-- Where an edition happens: on site, online only (remote), or both (hybrid); and whether
-- its rooms' live streams are public or only for registered people, who find them on their
-- registration page, where opening one counts them as watching (registrations.watched_at).
ALTER TABLE editions ADD COLUMN format TEXT NOT NULL DEFAULT 'on_site';
ALTER TABLE editions ADD COLUMN streams_public BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE registrations ADD COLUMN watched_at TIMESTAMP;
