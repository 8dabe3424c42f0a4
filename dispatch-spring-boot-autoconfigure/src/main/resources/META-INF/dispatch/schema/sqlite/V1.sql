CREATE TABLE ${prefix}calls (
    id TEXT PRIMARY KEY CHECK (length(id) <= 64),
    function_name TEXT NOT NULL CHECK (length(function_name) <= 512),
    endpoint TEXT NOT NULL CHECK (length(endpoint) <= 2048),
    input BLOB NOT NULL,
    parent_id TEXT,
    root_id TEXT NOT NULL,
    correlation_id INTEGER NOT NULL,
    deliver_to_parent INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    state TEXT NOT NULL,
    due_at INTEGER,
    attempt INTEGER DEFAULT 0 NOT NULL,
    lease_token TEXT,
    coroutine_state BLOB,
    min_results INTEGER DEFAULT 1 NOT NULL,
    max_results INTEGER DEFAULT 2147483647 NOT NULL,
    inbox_count INTEGER DEFAULT 0 NOT NULL,
    result BLOB,
    trace_context TEXT,
    ended_at INTEGER
);
CREATE INDEX ${prefix}calls_due_at ON ${prefix}calls (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX ${prefix}calls_parent_id ON ${prefix}calls (parent_id);
CREATE INDEX ${prefix}calls_ended_at ON ${prefix}calls (ended_at) WHERE ended_at IS NOT NULL;
CREATE TABLE ${prefix}inbox (
    parent_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    result BLOB NOT NULL,
    PRIMARY KEY (parent_id, child_id)
) WITHOUT ROWID;
