-- The status of a call's last attempt that ended, and its error, for client.status and for the
-- CallFailedException of a parent.
ALTER TABLE ${prefix}calls ADD COLUMN last_status VARCHAR(32);
ALTER TABLE ${prefix}calls ADD COLUMN last_error_type TEXT;
ALTER TABLE ${prefix}calls ADD COLUMN last_error_message TEXT;
