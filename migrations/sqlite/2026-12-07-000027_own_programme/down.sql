ALTER TABLE registrations DROP COLUMN change_notices;
ALTER TABLE registrations DROP COLUMN programme_generation;
