-- Which claim holds a mail: a worker renews, records and releases only mails its own claim
-- still holds, so a claim taken over after it ran out is never undone.
ALTER TABLE outbox ADD COLUMN claim_token TEXT;
