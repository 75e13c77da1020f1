-- The demo site's accounts (dev.weft.web.demo.Accounts). The *_key columns hold the lower-cased name and
-- address: their UNIQUE constraints decide a registration race, in SQLite and PostgreSQL alike.
CREATE TABLE demo_users (
    id            VARCHAR(36)  PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL,
    username_key  VARCHAR(160) NOT NULL UNIQUE,
    email         VARCHAR(254) NOT NULL,
    email_key     VARCHAR(254) NOT NULL UNIQUE,
    password_hash VARCHAR(200) NOT NULL,
    age           INTEGER,
    gender        VARCHAR(32),
    avatar        VARCHAR(80),
    created_at    BIGINT       NOT NULL
);

-- Failed logins of the last minute, by "user:NAME" and by "addr:IP" (dev.weft.web.demo.LoginAttempts).
CREATE TABLE demo_login_failures (
    failure_key VARCHAR(300) NOT NULL,
    failed_at   BIGINT       NOT NULL
);
CREATE INDEX demo_login_failures_key ON demo_login_failures (failure_key, failed_at);
