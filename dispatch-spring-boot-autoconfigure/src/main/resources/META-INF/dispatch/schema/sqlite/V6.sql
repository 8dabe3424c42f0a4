-- The status of a call's last attempt that ended, and its error, for client.status and for the
-- CallFailedException of a parent.
ALTER TABLE ${prefix}calls ADD COLUMN last_status TEXT;
ALTER TABLE ${prefix}calls ADD COLUMN last_error_type TEXT;
ALTER TABLE ${prefix}calls ADD COLUMN last_error_message TEXT;
