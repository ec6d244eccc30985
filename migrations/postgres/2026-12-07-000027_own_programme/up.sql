-- Each attendee's own programme: the link to it and to its calendar feed is signed with
-- this number, so counting it up revokes both; whether a release that moves or cancels a
-- starred session mails the person.
ALTER TABLE registrations ADD COLUMN programme_generation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registrations ADD COLUMN change_notices BOOLEAN NOT NULL DEFAULT TRUE;
