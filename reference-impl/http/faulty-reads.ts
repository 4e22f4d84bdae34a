import type { Faults } from '../faults.ts';
import type { Answer } from './transaction.ts';

const cachedOperations = new Set(['getVoucher', 'getBalance']);
const maxCached = 10_000;

/** Breaks the contract's amount type: every `{ amount, currency }` at the top level gets a string amount. */
function withStringAmounts(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => {
      const money = v as { amount?: unknown; currency?: unknown } | null;
      return typeof money?.amount === 'number' ? [k, { ...money, amount: String(money.amount) }] : [k, v];
    }),
  );
}

/**
 * The read-side faults of a defective server (simulators/defective/): `staleBalanceReads` serves GET
 * voucher and balance from a cache that no write invalidates; `wrongBodyOn200` answers getBalance with
 * a body outside the contract. Null unless one of them is set, so the correct server pays nothing.
 */
export function faultyReads(faults: Faults | undefined) {
  if (!faults?.staleBalanceReads && !faults?.wrongBodyOn200) return null;
  const cache = new Map<string, Answer>();
  return {
    async serve(tenantId: string, operationId: string, url: string, run: () => Promise<Answer>) {
      const key = `${tenantId} ${url}`;
      const stale = faults.staleBalanceReads && cachedOperations.has(operationId);
      let answer = stale ? cache.get(key) : undefined;
      if (!answer) {
        answer = await run();
        if (stale && answer.status === 200) {
          if (cache.size >= maxCached) cache.clear();
          cache.set(key, answer);
        }
      }
      if (faults.wrongBodyOn200 && operationId === 'getBalance' && answer.status === 200) {
        return { ...answer, body: withStringAmounts(answer.body as Record<string, unknown>) };
      }
      return answer;
    },
  };
}
