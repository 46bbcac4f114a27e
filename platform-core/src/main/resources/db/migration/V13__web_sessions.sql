-- Sign-in sessions of the web UI. The cookie carries a random secret; only its SHA-256 is kept,
-- so a leaked table does not give anyone a session. Times are epoch milliseconds.
CREATE TABLE web_sessions (
    secret_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES users (id),
    csrf_token   VARCHAR(64) NOT NULL,
    created_at   BIGINT      NOT NULL,
    last_seen_at BIGINT      NOT NULL,
    expires_at   BIGINT      NOT NULL
);

CREATE INDEX ix_web_sessions_user ON web_sessions (user_id);
CREATE INDEX ix_web_sessions_expires ON web_sessions (expires_at);
