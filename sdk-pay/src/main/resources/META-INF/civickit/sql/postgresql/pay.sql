-- CivicKit payments: one row per payment attempt (sdk-pay PaymentLedger).
CREATE TABLE IF NOT EXISTS civickit_payments (
  idempotency_key VARCHAR(80) PRIMARY KEY,
  journey_id VARCHAR(22) NOT NULL,
  attempt INT NOT NULL,
  payment_id VARCHAR(64),
  status VARCHAR(20) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  lease_until TIMESTAMP WITH TIME ZONE,
  CONSTRAINT civickit_payments_attempt UNIQUE (journey_id, attempt),
  CONSTRAINT civickit_payments_payment UNIQUE (payment_id)
);
CREATE INDEX IF NOT EXISTS civickit_payments_unfinished ON civickit_payments (status, updated_at);
