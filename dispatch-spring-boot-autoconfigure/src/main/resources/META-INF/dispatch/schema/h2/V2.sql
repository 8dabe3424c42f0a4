ALTER TABLE ${prefix}calls ADD COLUMN ended_at BIGINT;
CREATE INDEX ${prefix}calls_ended_at ON ${prefix}calls (ended_at);
