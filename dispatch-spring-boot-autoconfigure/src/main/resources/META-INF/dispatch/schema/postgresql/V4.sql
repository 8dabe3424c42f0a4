-- Leases name the instance that holds them; each instance keeps a heartbeat row, so that the calls of
-- an instance that stopped heartbeating are claimed again without waiting for their leases.
ALTER TABLE ${prefix}calls ADD COLUMN lease_owner VARCHAR(64);
CREATE INDEX ${prefix}calls_lease_owner ON ${prefix}calls (lease_owner) WHERE lease_owner IS NOT NULL;
CREATE TABLE ${prefix}instances (
    id VARCHAR(64) PRIMARY KEY,
    application TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    functions TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL
);
