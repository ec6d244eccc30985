-- Rate-limit counters that every instance sees (see shared/src/web/rate_limit.rs): one
-- instant per key, in microseconds. UNLOGGED: a crash forgets at most a minute of
-- attempts, and counting an attempt never waits for a disk flush.
CREATE UNLOGGED TABLE rate_limits (
    key TEXT PRIMARY KEY,
    tat BIGINT NOT NULL
);
