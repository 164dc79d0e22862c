-- CivicKit channel handoff schema for PostgreSQL 13+. Safe to apply more than once. Apply after core.sql.
-- Handoffs: no answers or contact details, only ids, steps, reasons, channels and staff ids.
CREATE TABLE IF NOT EXISTS civickit_handoffs (
  handoff_id          VARCHAR(22)  PRIMARY KEY,
  journey_id          VARCHAR(22)  NOT NULL,
  reference           VARCHAR(11)  NOT NULL,
  definition_id       VARCHAR(63)  NOT NULL,
  stuck_step          VARCHAR(63)  NOT NULL,
  reason              VARCHAR(40)  NOT NULL,
  segment             VARCHAR(64),
  channel             VARCHAR(63)  NOT NULL,
  status              VARCHAR(16)  NOT NULL,
  agent_id            VARCHAR(128),
  external_reference  VARCHAR(255),
  what_happens_next   VARCHAR(2000) NOT NULL,
  expected_by         TIMESTAMPTZ,
  requested_at        TIMESTAMPTZ  NOT NULL,
  updated_at          TIMESTAMPTZ  NOT NULL,
  version             BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS civickit_handoffs_journey ON civickit_handoffs (journey_id);
CREATE INDEX IF NOT EXISTS civickit_handoffs_status ON civickit_handoffs (status, requested_at);

-- The call-back queue for the contact centre. The context package (phone number, answers) is
-- encrypted with the key ring (AES-GCM, the handoff id as associated data).
CREATE TABLE IF NOT EXISTS civickit_callback_requests (
  handoff_id    VARCHAR(22)  PRIMARY KEY,
  queue         VARCHAR(63)  NOT NULL,
  status        VARCHAR(16)  NOT NULL,
  call_by       TIMESTAMPTZ  NOT NULL,
  requested_at  TIMESTAMPTZ  NOT NULL,
  claimed_by    VARCHAR(128),
  claimed_at    TIMESTAMPTZ,
  context       BYTEA  NOT NULL
);
CREATE INDEX IF NOT EXISTS civickit_callback_requests_queue ON civickit_callback_requests (queue, status, call_by);

-- The one-time ids of signed context packages already accepted (HandoffContextSigner), kept until
-- each package expires so that a captured package cannot be played again.
CREATE TABLE IF NOT EXISTS civickit_handoff_context_ids (
  context_id  VARCHAR(22)  PRIMARY KEY,
  expires_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX IF NOT EXISTS civickit_handoff_context_ids_expiry ON civickit_handoff_context_ids (expires_at);
