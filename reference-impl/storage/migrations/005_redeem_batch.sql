-- RD-01, RD-06: one-step redemptions that arrive together, sent as one statement and committed together
-- (storage/redeem-batch.ts). Each item is exactly redeem_now (004_redeem_now.sql) in its own
-- subtransaction: an item that is not the common case (VC001) writes nothing and answers null, and the
-- service decides it afterwards, as it does for redeem_now alone; the others commit. The items come in
-- the order of their vouchers, so two batches lock the vouchers they share in the same order.
CREATE FUNCTION redeem_batch(p_items jsonb) RETURNS bigint[] LANGUAGE plpgsql AS $$
DECLARE
  it jsonb;
  answers bigint[] := '{}';
  left_after bigint;
BEGIN
  FOR it IN SELECT value FROM jsonb_array_elements(p_items) LOOP
    BEGIN
      left_after := redeem_now(it ->> 'keyHash', (it ->> 'tenantId')::uuid, it ->> 'role',
        (it ->> 'clockOffsetSeconds')::bigint, it ->> 'idempotencyKey', it ->> 'fingerprint',
        (it ->> 'voucherId')::uuid, (it ->> 'amount')::bigint, it ->> 'currency', it -> 'receipt',
        (it ->> 'redemptionId')::uuid, (it ->> 'now')::timestamptz, (it ->> 'status')::integer,
        it -> 'answer');
    EXCEPTION WHEN SQLSTATE 'VC001' THEN
      left_after := NULL;
    END;
    answers := answers || left_after;
  END LOOP;
  RETURN answers;
END $$;
