-- Flow control: the due calls of one function, for claims of functions with a concurrency or rate
-- limit, which count the running calls of the function and lease its due calls by this index, and
-- the starts of the calls of rate-limited functions, kept for one period of their limit.
CREATE INDEX ${prefix}calls_function_due_at ON ${prefix}calls (function_name, due_at) WHERE due_at IS NOT NULL;
CREATE TABLE ${prefix}starts (
    function_name TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    starts INTEGER NOT NULL
);
CREATE INDEX ${prefix}starts_function_name ON ${prefix}starts (function_name, started_at);
