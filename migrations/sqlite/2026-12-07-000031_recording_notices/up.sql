-- When the people who starred a session were told its recording is online: the clock
-- tells them once the organisers have stopped adding links for a while, one mail each
-- listing every new recording. Existing links count as told.
ALTER TABLE recordings ADD COLUMN notified_at TIMESTAMP;
UPDATE recordings SET notified_at = updated_at;
