-- What the people watching the calls read: the status and error type each call ended with, the mark
-- of a call cancelled while it runs, a history of failed attempts and of the actions taken on calls,
-- and indexes for pages of calls by time, function, tree, state and failure. Only one index holds the
-- calls not ended, which every transition updates; the others hold ended calls, written once each.
ALTER TABLE ${prefix}calls ADD COLUMN status TEXT;
ALTER TABLE ${prefix}calls ADD COLUMN error_type TEXT;
ALTER TABLE ${prefix}calls ADD COLUMN cancelled_at INTEGER;
CREATE INDEX ${prefix}calls_active ON ${prefix}calls (created_at, id)
    WHERE state IN ('PENDING', 'RUNNING', 'SUSPENDED');
CREATE INDEX ${prefix}calls_ended ON ${prefix}calls (created_at, id) WHERE state = 'DONE';
CREATE INDEX ${prefix}calls_ended_function ON ${prefix}calls (function_name, created_at, id) WHERE state = 'DONE';
CREATE INDEX ${prefix}calls_ended_root_id ON ${prefix}calls (root_id, created_at, id) WHERE state = 'DONE';
CREATE INDEX ${prefix}calls_failed ON ${prefix}calls (created_at, id) WHERE status <> 'OK';
CREATE TABLE ${prefix}history (
    seq INTEGER PRIMARY KEY,
    call_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    status TEXT,
    error_type TEXT,
    error_message TEXT
);
CREATE INDEX ${prefix}history_call_id ON ${prefix}history (call_id, seq);
CREATE INDEX ${prefix}history_at ON ${prefix}history (at);
