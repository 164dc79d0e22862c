-- CivicKit submissions for H2 2.x. Safe to apply more than once.
-- Times are Unix epoch milliseconds (UTC). document holds the submission document (personal data),
-- encrypted with the key ring (AES-256-GCM, the submission id as associated data).
CREATE TABLE IF NOT EXISTS civickit_submission (
  id             VARCHAR(36)   PRIMARY KEY,
  journey_id     VARCHAR(64)   NOT NULL,
  reference      VARCHAR(32)   NOT NULL,
  form_id        VARCHAR(64)   NOT NULL,
  form_version   INTEGER       NOT NULL,
  submitted_ms   BIGINT        NOT NULL,
  csv_columns    CLOB          NOT NULL,
  document       CLOB          NOT NULL,
  CONSTRAINT civickit_submission_journey UNIQUE (journey_id)
);
CREATE INDEX IF NOT EXISTS civickit_submission_form ON civickit_submission (form_id, form_version, submitted_ms);

-- One row per submission and destination: the durable delivery queue.
CREATE TABLE IF NOT EXISTS civickit_submission_delivery (
  submission_id    VARCHAR(36)    NOT NULL,
  destination      VARCHAR(100)   NOT NULL,
  status           VARCHAR(16)    NOT NULL,
  attempts         INTEGER        NOT NULL DEFAULT 0,
  next_attempt_ms  BIGINT         NOT NULL,
  lease_owner      VARCHAR(100),
  lease_until_ms   BIGINT,
  outcome_unknown  BOOLEAN        NOT NULL DEFAULT FALSE,
  receipt          VARCHAR(255),
  last_error       VARCHAR(1000),
  created_ms       BIGINT         NOT NULL,
  updated_ms       BIGINT         NOT NULL,
  PRIMARY KEY (submission_id, destination),
  CONSTRAINT civickit_submission_delivery_submission FOREIGN KEY (submission_id) REFERENCES civickit_submission (id)
);
CREATE INDEX IF NOT EXISTS civickit_submission_delivery_due ON civickit_submission_delivery (status, next_attempt_ms);
