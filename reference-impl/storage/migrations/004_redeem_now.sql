-- RD-01, RD-06: the one-step redemption's common case as one statement, one round trip
-- (storage/redeem-now.ts). It confirms the caller (the key's tenant, role and clock offset as the
-- server knew them), locks the voucher and, when the voucher is plainly spendable, takes the amount:
-- the voucher, its ledger entry, the redemption row, and the Idempotency-Key claimed with its answer,
-- exactly the rows the service's own path (service/redemption.ts, redeem) writes for that success.
-- Anything else raises VC001 and the statement rolls back, nothing written: a caller that moved or
-- went, a voucher missing, not activated, expired, in another currency, with open holds, under
-- redeem-entire or without the amount available, or a key another request claimed. The service then
-- decides, refusals and replays included, as for every other operation. test/api/redeem-now.test.ts
-- holds the two to each other.
CREATE FUNCTION redeem_now(
  p_key_hash text, p_tenant uuid, p_role text, p_offset bigint,
  p_idem_key text, p_fingerprint text,
  p_voucher uuid, p_amount bigint, p_currency text, p_receipt jsonb,
  p_redemption uuid, p_now timestamptz, p_status integer, p_answer jsonb)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  v record;
  left_after bigint;
BEGIN
  PERFORM 1 FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
    WHERE k.key_hash = p_key_hash AND k.tenant_id = p_tenant AND k.role = p_role
      AND t.clock_offset_seconds = p_offset;
  IF NOT FOUND THEN RAISE SQLSTATE 'VC001'; END IF;
  -- One statement locks and takes: on a row another transaction changed meanwhile, PostgreSQL waits for
  -- it and checks the conditions again on the row as that transaction left it.
  UPDATE vouchers vo SET balance = vo.balance - p_amount, used = true, ledger_seq = vo.ledger_seq + 1,
      state = CASE WHEN NOT t.reusable OR (vo.balance = p_amount AND NOT t.top_up_allowed)
        THEN 'redeemed' ELSE vo.state END
    FROM voucher_types t
    WHERE vo.id = p_voucher AND vo.tenant_id = p_tenant AND t.id = vo.voucher_type_id
      AND vo.open_holds = 0 AND vo.state = 'activated' AND p_now < vo.expires_at
      AND vo.currency = p_currency AND t.policy <> 'redeem-entire' AND vo.balance - vo.held >= p_amount
    RETURNING vo.balance, vo.ledger_seq, vo.currency INTO v;
  IF NOT FOUND THEN RAISE SQLSTATE 'VC001'; END IF;
  left_after := v.balance;
  INSERT INTO ledger (voucher_id, seq, tenant_id, kind, amount, balance_after, currency, at, receipt,
      operation_id, store, register, legal_entity)
    VALUES (p_voucher, v.ledger_seq, p_tenant, 'capture', -p_amount, left_after, v.currency, p_now,
      p_receipt, p_redemption, p_receipt ->> 'store', p_receipt ->> 'register', p_receipt ->> 'legalEntity');
  INSERT INTO redemptions (id, tenant_id, voucher_id, hold_id, amount, refunded, receipt, captured_at,
      balance_after, remainder_voucher_id)
    VALUES (p_redemption, p_tenant, p_voucher, NULL, p_amount, 0, p_receipt, p_now, left_after, NULL);
  -- The key is claimed last, with its answer: a request that holds it (or held it) makes this one give
  -- up, and the service replays or refuses; two uses of one voucher wait on its row lock before.
  INSERT INTO idempotency (tenant_id, key, fingerprint, status, body)
    VALUES (p_tenant, p_idem_key, p_fingerprint, p_status, p_answer || jsonb_build_object('balanceAfter',
      jsonb_build_object('amount', left_after, 'currency', v.currency)))
    ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN RAISE SQLSTATE 'VC001'; END IF;
  RETURN left_after;
END $$;
