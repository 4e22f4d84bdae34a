import { request } from 'undici';
import type { FinalLedger } from '../history/final-ledger.ts';
import type { SetupRecord } from './setup-record.ts';

/** The vouchers' final ledgers (GET /vouchers/{id}/ledger), with the funds setup() gave each. */
export async function fetchLedgers(
  target: string,
  setup: SetupRecord,
  timeoutMs = 10_000,
): Promise<Map<string, FinalLedger>> {
  const ledgers = new Map<string, FinalLedger>();
  for (const voucher of setup.vouchers) {
    const res = await request(`${target}/vouchers/${voucher}/ledger`, {
      headers: { authorization: `Bearer ${setup.keys.backoffice}` },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const body = (await res.body.json()) as Omit<FinalLedger, 'initial'>;
    if (res.statusCode !== 200) throw new Error(`GET /vouchers/${voucher}/ledger answered ${res.statusCode}`);
    ledgers.set(voucher, { ...body, initial: { amount: setup.funds, currency: setup.currency } });
  }
  return ledgers;
}
