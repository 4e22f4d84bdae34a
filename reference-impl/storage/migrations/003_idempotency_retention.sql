-- RD-06: idempotency records are kept for a retention period, then removed by the sweeper in batches,
-- oldest first.
CREATE INDEX idempotency_by_age ON idempotency (created_at);
