-- Leases name the instance that holds them; each instance keeps a row with its endpoint, so that
-- calls addressed to an earlier process of the application are known as its own.
ALTER TABLE ${prefix}calls ADD COLUMN lease_owner TEXT;
CREATE TABLE ${prefix}instances (
    id TEXT PRIMARY KEY,
    application TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    functions TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL
) WITHOUT ROWID;
