-- CivicKit identity: limits and lockouts shared by every app instance.
-- Keys are keyed hashes (HMAC-SHA256) of contacts, references and subjects: no personal data.
-- Times are epoch milliseconds. The same statements run on H2 2.x and PostgreSQL.
CREATE TABLE IF NOT EXISTS ck_identity_state (
  kind        VARCHAR(32)   NOT NULL,
  state_key   VARCHAR(128)  NOT NULL,
  state_value VARCHAR(1000) NOT NULL,
  version     BIGINT        NOT NULL,
  expires_at  BIGINT        NOT NULL,
  PRIMARY KEY (kind, state_key)
);
CREATE INDEX IF NOT EXISTS ck_identity_state_expiry ON ck_identity_state (expires_at);
