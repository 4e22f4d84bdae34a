import type { Driver } from '../../src/driver/driver.ts';
import type { FinalLedger } from '../../src/history/final-ledger.ts';

/**
 * The vouchers' ledgers read at the end of a run (through a driver that reaches the target directly,
 * not through the fault proxy), each with the funds it had at the start.
 */
export async function fetchFinalLedgers(
  driver: Driver,
  vouchers: readonly string[],
  initial: { amount: number; currency: string },
  attempts = 20,
): Promise<FinalLedger[]> {
  const ledgers: FinalLedger[] = [];
  for (const voucher of vouchers) {
    for (let attempt = 1; ; attempt++) {
      const answer = await driver.invoke({
        operationId: 'getLedger',
        params: { id: voucher },
        auth: { role: 'backoffice' },
      });
      if (answer.completion === 'ok') {
        ledgers.push({
          voucherId: voucher,
          initial,
          balance: answer.body.balance,
          entries: answer.body.entries,
        });
        break;
      }
      // A restarted server may still be coming up: try again, a bounded number of times.
      if (attempt >= attempts)
        throw new Error(`cannot read the ledger of ${voucher}: ${JSON.stringify(answer)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return ledgers;
}
