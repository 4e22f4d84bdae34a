import type pg from 'pg';
import type { Receipt } from '../../spec/schemas/receipt.ts';
import type { Money } from '../domain/redemption.ts';
import { redemptionView } from '../service/views.ts';
import { type Batcher, redeemBatcher } from '../storage/redeem-batch.ts';
import { type Caller, hashKey } from '../storage/tenant-rows.ts';
import type { Input } from './handlers.ts';
import type { Answer } from './transaction.ts';

export interface Call {
  caller: Caller;
  apiKey: string;
  idempotency: { tenantId: string; key: string; fingerprint: string };
  input: Input;
  /** The tenant's clock. */
  now: Date;
  newId: () => string;
  status: number;
}

/**
 * An operation's common case as one statement, tried before its transaction: the answer when the
 * statement committed it, null when it wrote nothing and the operation runs as every other one does
 * (its transaction, the domain core deciding, refusals and replays). Only without faults: a defective
 * implementation's operations all take the service's path.
 */
export type OneStatement = (pool: pg.Pool, call: Call) => Promise<Answer | null>;

/** One batcher a pool: the redemptions of every request on it commit in groups. */
const batchers = new WeakMap<pg.Pool, Batcher>();
function batcherOf(pool: pg.Pool): Batcher {
  let batcher = batchers.get(pool);
  if (!batcher) {
    batcher = redeemBatcher(pool);
    batchers.set(pool, batcher);
  }
  return batcher;
}

/**
 * RD-01: a one-step redemption of a plainly spendable voucher (migrations/004_redeem_now.sql), sent with
 * the others that arrive together (storage/redeem-batch.ts).
 */
async function redeem(pool: pg.Pool, call: Call): Promise<Answer | null> {
  const body = call.input.body as { amount: Money; receipt: Receipt };
  const row = {
    id: call.newId(),
    tenantId: call.caller.tenantId,
    voucherId: call.input.params.id,
    holdId: null,
    amount: body.amount.amount,
    refunded: 0,
    receipt: body.receipt,
    capturedAt: call.now,
    balanceAfter: 0,
    remainderVoucherId: null,
  };
  const view = redemptionView(row, body.amount.currency, null);
  const { balanceAfter: _, ...answer } = view;
  const balanceAfter = await batcherOf(pool).redeem({
    keyHash: hashKey(call.apiKey),
    tenantId: row.tenantId,
    role: call.caller.role,
    clockOffsetSeconds: call.caller.clockOffsetSeconds,
    idempotencyKey: call.idempotency.key,
    fingerprint: call.idempotency.fingerprint,
    voucherId: row.voucherId,
    amount: row.amount,
    currency: body.amount.currency,
    receipt: row.receipt,
    redemptionId: row.id,
    now: call.now,
    status: call.status,
    answer,
  });
  if (balanceAfter === null) return null;
  return {
    status: call.status,
    body: { ...view, balanceAfter: { amount: balanceAfter, currency: view.amount.currency } },
  };
}

export const oneStatement: Partial<Record<string, OneStatement>> = { redeem };
