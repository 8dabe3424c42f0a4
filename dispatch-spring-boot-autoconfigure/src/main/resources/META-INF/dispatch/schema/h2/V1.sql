CREATE TABLE ${prefix}calls (
    id VARCHAR(64) PRIMARY KEY,
    function_name VARCHAR(512) NOT NULL,
    endpoint VARCHAR(2048) NOT NULL,
    input BLOB NOT NULL,
    parent_id VARCHAR(64),
    root_id VARCHAR(64) NOT NULL,
    correlation_id BIGINT NOT NULL,
    deliver_to_parent BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    state VARCHAR(16) NOT NULL,
    due_at BIGINT,
    attempt INTEGER DEFAULT 0 NOT NULL,
    lease_token VARCHAR(64),
    coroutine_state BLOB,
    min_results INTEGER DEFAULT 1 NOT NULL,
    max_results INTEGER DEFAULT 2147483647 NOT NULL,
    inbox_count INTEGER DEFAULT 0 NOT NULL,
    result BLOB,
    trace_context VARCHAR(1024)
);
CREATE INDEX ${prefix}calls_due_at ON ${prefix}calls (due_at);
CREATE INDEX ${prefix}calls_parent_id ON ${prefix}calls (parent_id);
CREATE TABLE ${prefix}inbox (
    parent_id VARCHAR(64) NOT NULL,
    child_id VARCHAR(64) NOT NULL,
    result BLOB NOT NULL,
    PRIMARY KEY (parent_id, child_id)
);
