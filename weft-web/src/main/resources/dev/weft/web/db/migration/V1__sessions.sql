-- weft's sessions (dev.weft.web.DatabaseSessions): keyed by the SHA-256 of the id, times in epoch milliseconds.
CREATE TABLE weft_sessions (
    id_hash      VARCHAR(64) PRIMARY KEY,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    data         TEXT NOT NULL
);
CREATE INDEX weft_sessions_last_seen ON weft_sessions (last_seen_at);
