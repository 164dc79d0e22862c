-- CivicKit web (the journey runner) for PostgreSQL 13+. Safe to apply more than once.
-- Sessions: the SHA-256 of the cookie, never the cookie; a few short values, never answers.
CREATE TABLE IF NOT EXISTS civickit_web_sessions (
  id_hash     VARCHAR(64)   PRIMARY KEY,
  data        VARCHAR(4000) NOT NULL,
  expires_at  BIGINT        NOT NULL
);
CREATE INDEX IF NOT EXISTS civickit_web_sessions_expiry ON civickit_web_sessions (expires_at);
-- The agent console's queue: each handoff's context package, encrypted with the key ring
-- (AES-GCM, the handoff id as associated data).
CREATE TABLE IF NOT EXISTS civickit_web_helpdesk (
  handoff_id    VARCHAR(22)  PRIMARY KEY,
  requested_at  BIGINT       NOT NULL,
  received_at   BIGINT       NOT NULL,
  payload       VARCHAR(60000) NOT NULL
);
CREATE INDEX IF NOT EXISTS civickit_web_helpdesk_order ON civickit_web_helpdesk (requested_at);
-- Leases: which instance runs the scheduled purges now.
CREATE TABLE IF NOT EXISTS civickit_web_leases (
  name        VARCHAR(64)  PRIMARY KEY,
  holder      VARCHAR(64)  NOT NULL,
  until_ms    BIGINT       NOT NULL
);
