import type pg from 'pg';
import type { LedgerEntry, LedgerKind } from '../../spec/schemas/ledger.ts';
import type { Receipt } from '../../spec/schemas/receipt.ts';
import { send } from './batch.ts';
import type { StoredVoucher } from './voucher-rows.ts';

export interface NewEntry {
  kind: LedgerKind;
  amount: number;
  at: Date;
  receipt?: Receipt | null;
  operationId?: string | null;
  place?: { store?: string | undefined; register?: string | undefined; legalEntity?: string | undefined };
}

/**
 * Appends one entry recording the voucher's balance after it (RD-07). Call after changing `v.balance`;
 * the caller saves the voucher (its ledger sequence) in the same transaction.
 */
export async function appendEntry(client: pg.ClientBase, v: StoredVoucher, e: NewEntry): Promise<void> {
  v.ledgerSeq += 1;
  const place = e.place ?? {
    store: e.receipt?.store,
    register: e.receipt?.register,
    legalEntity: e.receipt?.legalEntity,
  };
  await send(
    client,
    `INSERT INTO ledger (voucher_id, seq, tenant_id, kind, amount, balance_after, currency, at, receipt,
       operation_id, store, register, legal_entity) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [
      v.id,
      v.ledgerSeq,
      v.tenantId,
      e.kind,
      e.amount,
      v.balance,
      v.currency,
      e.at,
      e.receipt ?? null,
      e.operationId ?? null,
      place.store ?? null,
      place.register ?? null,
      place.legalEntity ?? null,
    ],
  );
}

export async function readLedger(client: pg.ClientBase, voucherId: string): Promise<LedgerEntry[]> {
  const { rows } = await client.query(
    `SELECT seq, kind, amount, balance_after, currency, at, receipt, operation_id FROM ledger
     WHERE voucher_id = $1 ORDER BY seq`,
    [voucherId],
  );
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind,
    amount: r.amount,
    balanceAfter: r.balance_after,
    currency: r.currency,
    at: r.at.toISOString(),
    receipt: r.receipt,
    operationId: r.operation_id,
  }));
}
