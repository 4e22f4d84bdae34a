import { request } from 'undici';
import { openDriver } from '../driver/create-driver.ts';
import type { FinalLedger } from '../history/final-ledger.ts';
import type { SetupRecord } from './setup-record.ts';

/** The final ledgers through a vendor's adapter (getLedger), with the funds setup() gave each. */
async function fetchThroughAdapter(
  target: string,
  setup: SetupRecord,
  timeoutMs: number,
  adapter: string,
): Promise<Map<string, FinalLedger>> {
  const driver = await openDriver({ target, adapter, apiKeys: setup.keys, timeoutMs });
  const ledgers = new Map<string, FinalLedger>();
  try {
    for (const voucher of setup.vouchers) {
      const answer = await driver.invoke({ operationId: 'getLedger', params: { id: voucher } } as never);
      if (answer.completion !== 'ok')
        throw new Error(`getLedger ${voucher} through the adapter: ${JSON.stringify(answer).slice(0, 300)}`);
      const body = answer.body as unknown as Omit<FinalLedger, 'initial'>;
      ledgers.set(voucher, { ...body, initial: { amount: setup.funds, currency: setup.currency } });
    }
  } finally {
    await driver.close();
  }
  return ledgers;
}

/**
 * The vouchers' final ledgers (GET /vouchers/{id}/ledger, or getLedger through the adapter), with the
 * funds setup() gave each.
 */
export async function fetchLedgers(
  target: string,
  setup: SetupRecord,
  timeoutMs = 10_000,
  adapter?: string,
): Promise<Map<string, FinalLedger>> {
  if (adapter) return fetchThroughAdapter(target, setup, timeoutMs, adapter);
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
