// Ledger client (GET /vouchers/{id}/ledger); not recorded as a history operation.
import { call } from './http-call.ts';

export interface LedgerEntry {
  seq: number;
  kind: string;
  amount: number;
  /** Not every system gives it. */
  balanceAfter?: number;
  at: string;
}

export interface Ledger {
  voucherId: string;
  balance: { amount: number; currency: string };
  entries: LedgerEntry[];
}

export function getLedger(apiKey: string, voucher: string): Ledger {
  // `target`, not `voucher`: the id an adapter needs, without recording the read as a history operation.
  const answer = call({
    op: 'getLedger',
    method: 'GET',
    path: `/vouchers/${voucher}/ledger`,
    apiKey,
    target: voucher,
  });
  if (answer.status !== 200) throw new Error(`getLedger ${voucher} answered ${answer.status}`);
  return answer.body as Ledger;
}
