-- Webhooks: an edition's organisers register endpoints that hear about what happens
-- (proposals, releases, registrations, the waiting list, check-ins). Each event is written
-- as one delivery per subscribed endpoint in the transaction of the change itself, and a
-- background worker posts it, signed, with retries; the rows are the delivery log.
CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY NOT NULL,
    edition_id TEXT NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    -- "whsec_" and the base64 key, as the Standard Webhooks specification writes it.
    secret TEXT NOT NULL,
    -- The subscribed event types between commas (",a,b,"), so one LIKE finds subscribers.
    events TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX webhook_endpoints_edition ON webhook_endpoints(edition_id);

CREATE TABLE webhook_deliveries (
    -- The webhook-id header: the same for every attempt, so receivers can drop repeats.
    message_id TEXT NOT NULL,
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    claim_token TEXT,
    delivered_at TIMESTAMP,
    failed_at TIMESTAMP,
    last_attempt_at TIMESTAMP,
    last_status INTEGER,
    last_error TEXT,
    PRIMARY KEY (message_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(delivered_at, failed_at, next_attempt_at);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries(endpoint_id, created_at);
