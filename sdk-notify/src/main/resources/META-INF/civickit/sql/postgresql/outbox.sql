-- CivicKit notification outbox for PostgreSQL 13+. Safe to apply more than once.
-- Times are Unix epoch milliseconds (UTC). recipients and personalisation hold personal data
-- until the message reaches a final state, when personalisation is cleared.
CREATE TABLE IF NOT EXISTS civickit_outbox (
  id               VARCHAR(36)   PRIMARY KEY,
  idempotency_key  VARCHAR(255)  NOT NULL,
  template_id      VARCHAR(255)  NOT NULL,
  language         VARCHAR(35)   NOT NULL,
  recipients       TEXT          NOT NULL,
  recipient_index  INTEGER       NOT NULL DEFAULT 0,
  personalisation  TEXT          NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  attempts         INTEGER       NOT NULL DEFAULT 0,
  next_attempt_ms  BIGINT        NOT NULL,
  lease_owner      VARCHAR(100),
  lease_until_ms   BIGINT,
  outcome_unknown  BOOLEAN       NOT NULL DEFAULT FALSE,
  channel          VARCHAR(100),
  provider_id      VARCHAR(255),
  last_error       VARCHAR(1000),
  created_ms       BIGINT        NOT NULL,
  updated_ms       BIGINT        NOT NULL,
  CONSTRAINT civickit_outbox_idempotency_key UNIQUE (idempotency_key)
);
CREATE INDEX IF NOT EXISTS civickit_outbox_due ON civickit_outbox (status, next_attempt_ms);
-- The order messages were queued in, so that messages due at the same moment go in that order
-- (added after the first release: tables made before it gain the column here).
ALTER TABLE civickit_outbox ADD COLUMN IF NOT EXISTS seq BIGSERIAL;

-- Rate limits shared by every instance: a token bucket per channel...
CREATE TABLE IF NOT EXISTS civickit_outbox_bucket (
  bucket       VARCHAR(255)      PRIMARY KEY,
  tokens       DOUBLE PRECISION  NOT NULL,
  refilled_ms  BIGINT            NOT NULL
);

-- ...and a count per channel and day, for daily limits.
CREATE TABLE IF NOT EXISTS civickit_outbox_rate (
  bucket      VARCHAR(255)  PRIMARY KEY,
  used        INTEGER       NOT NULL,
  expires_ms  BIGINT        NOT NULL
);
