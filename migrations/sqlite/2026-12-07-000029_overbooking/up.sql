-- Overbooking from experience: seats given beyond the capacity, because some who hold
-- one do not come; and the venue's hard limit (fire code), which no seat given ever
-- passes, margin or not, speakers and team included.
ALTER TABLE ticket_types ADD COLUMN overbook INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ticket_types ADD COLUMN hard_limit INTEGER;
