-- The PostgreSQL twin holds rate-limit counters shared by several instances; SQLite has
-- one instance, which counts in memory, so this table stays empty. It exists to keep both
-- schemas alike.
CREATE TABLE rate_limits (
    key TEXT PRIMARY KEY,
    tat BIGINT NOT NULL
);
