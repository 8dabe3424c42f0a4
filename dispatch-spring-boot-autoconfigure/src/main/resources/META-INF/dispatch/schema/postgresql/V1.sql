CREATE TABLE ${prefix}calls (
    id VARCHAR(64) PRIMARY KEY,
    function_name VARCHAR(512) NOT NULL,
    endpoint VARCHAR(2048) NOT NULL,
    input BYTEA NOT NULL,
    parent_id VARCHAR(64),
    root_id VARCHAR(64) NOT NULL,
    correlation_id BIGINT NOT NULL,
    deliver_to_parent BOOLEAN NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    state VARCHAR(16) NOT NULL,
    due_at BIGINT,
    attempt INTEGER NOT NULL DEFAULT 0,
    lease_token VARCHAR(64),
    coroutine_state BYTEA,
    min_results INTEGER NOT NULL DEFAULT 1,
    max_results INTEGER NOT NULL DEFAULT 2147483647,
    inbox_count INTEGER NOT NULL DEFAULT 0,
    result BYTEA,
    trace_context VARCHAR(1024)
);
CREATE INDEX ${prefix}calls_due_at ON ${prefix}calls (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX ${prefix}calls_parent_id ON ${prefix}calls (parent_id);
CREATE TABLE ${prefix}inbox (
    parent_id VARCHAR(64) NOT NULL,
    child_id VARCHAR(64) NOT NULL,
    result BYTEA NOT NULL,
    PRIMARY KEY (parent_id, child_id)
);
