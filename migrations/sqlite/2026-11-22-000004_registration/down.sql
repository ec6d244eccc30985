DROP TABLE waitlist_entries;
DROP TABLE registration_tickets;
DROP TABLE registrations;
DROP TABLE ticket_types;
DROP TABLE registration_settings;
