-- The status of a call's last attempt that ended, and its error, for client.status and for the
-- CallFailedException of a parent.
ALTER TABLE ${prefix}calls ADD COLUMN last_status TEXT;
ALTER TABLE ${prefix}calls ADD COLUMN last_error_type TEXT;
ALTER TABLE ${prefix}calls ADD COLUMN last_error_message TEXT;
-- A call dispatched with an idempotency key keeps it, and no other call may take it until the call
-- is purged.
ALTER TABLE ${prefix}calls ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX ${prefix}calls_idempotency_key ON ${prefix}calls (idempotency_key)
    WHERE idempotency_key IS NOT NULL;
