CREATE TABLE ${prefix}keys (
    name VARCHAR(64) PRIMARY KEY,
    signing_key VARCHAR(128) NOT NULL,
    verification_key VARCHAR(128) NOT NULL,
    created_at BIGINT NOT NULL
);
