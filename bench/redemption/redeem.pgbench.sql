-- One one-step redemption as pgbench runs it: the minimal correct transaction on the reference
-- implementation's own schema (the ceiling of bench/redemption.bench.ts). Claim the Idempotency-Key,
-- lock the voucher, decide (spendable, currency, enough available), then take the amount: the
-- voucher's balance, a redemption row, a ledger entry, and the answer stored with the key. A refusal
-- stores its answer and moves nothing. Every statement is one round trip, as an ordinary client sends it.
-- Variables (pgbench -M prepared -D name=value): tenant (uuid), ids (the voucher ids, 36 characters
-- each, one after the other), count (how many), amount (minor units, EUR), fingerprint, receipt (JSON).
-- The bench vouchers are reusable amount-holds vouchers: no remainder voucher (redeem-entire) here.
\set n random(0, :count - 1)
BEGIN;
INSERT INTO idempotency (tenant_id, key, fingerprint) VALUES (:tenant::uuid, gen_random_uuid()::text, :fingerprint)
  ON CONFLICT DO NOTHING RETURNING key AS idem_key \gset
SELECT v.id AS voucher_id, v.balance, v.balance - v.held AS available, v.ledger_seq + 1 AS seq,
    (v.state = 'activated' AND v.expires_at > now() AND v.currency = 'EUR')::int AS spendable,
    (NOT t.reusable OR (v.balance = :amount::bigint AND NOT t.top_up_allowed))::int AS last_use
  FROM vouchers v JOIN voucher_types t ON t.id = v.voucher_type_id
  WHERE v.id = substr(:ids, :n::int * 36 + 1, 36)::uuid AND v.tenant_id = :tenant::uuid
  FOR UPDATE OF v \gset
\if :spendable = 1 and :available >= :amount
UPDATE vouchers SET balance = balance - :amount::bigint, used = true, ledger_seq = :seq::int,
    state = CASE WHEN :last_use::int = 1 THEN 'redeemed' ELSE state END
  WHERE id = :voucher_id::uuid;
INSERT INTO redemptions (id, tenant_id, voucher_id, amount, receipt, captured_at, balance_after)
  VALUES (gen_random_uuid(), :tenant::uuid, :voucher_id::uuid, :amount::bigint, :receipt::jsonb, now(),
    :balance::bigint - :amount::bigint)
  RETURNING id AS redemption_id, captured_at \gset
INSERT INTO ledger (voucher_id, seq, tenant_id, kind, amount, balance_after, currency, at, receipt, operation_id,
    store, register)
  VALUES (:voucher_id::uuid, :seq::int, :tenant::uuid, 'capture', -:amount::bigint,
    :balance::bigint - :amount::bigint, 'EUR', now(), :receipt::jsonb, :redemption_id::uuid,
    :receipt::jsonb ->> 'store', :receipt::jsonb ->> 'register');
UPDATE idempotency SET status = 201, body = jsonb_build_object(
    'id', :redemption_id::uuid, 'voucherId', :voucher_id::uuid, 'holdId', null,
    'amount', jsonb_build_object('amount', :amount::bigint, 'currency', 'EUR'),
    'refunded', jsonb_build_object('amount', 0, 'currency', 'EUR'),
    'receipt', :receipt::jsonb, 'capturedAt', :captured_at::timestamptz,
    'balanceAfter', jsonb_build_object('amount', :balance::bigint - :amount::bigint, 'currency', 'EUR'),
    'remainderVoucher', null)
  WHERE tenant_id = :tenant::uuid AND key = :idem_key;
\else
UPDATE idempotency SET status = 409, body = jsonb_build_object(
    'type', 'about:blank', 'title', 'Conflict', 'status', 409, 'code', 'insufficient_balance',
    'available', jsonb_build_object('amount', :available::bigint, 'currency', 'EUR'))
  WHERE tenant_id = :tenant::uuid AND key = :idem_key;
\endif
END;
