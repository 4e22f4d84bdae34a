import type { Operation } from '../history/operation.ts';
import type { CheckInput } from './check-input.ts';
import { type Verdict, ViolationLog } from './verdict.ts';

export function breachesOf(op: Operation): string[] {
  const listed = (op.violations ?? []).map((v) => `${v.path || 'answer'}: ${v.message}`);
  if (listed.length === 0 && op.status !== undefined && op.status >= 500)
    listed.push(`status ${op.status}: the implementation failed`);
  return listed;
}

/**
 * Contract: every answer the system gave is one the contract allows for its operation: a declared
 * status (never a 5xx), the declared content type and a body of the declared shape. Each answer that
 * is not is reported with what was wrong, as recorded; the money checkers use what can be read from it.
 * The final ledgers' reads are judged the same way.
 */
export function checkContract({ history, ledgers }: CheckInput): Verdict {
  const log = new ViolationLog();
  const counts = { answers: 0, outsideContract: 0, serverErrors: 0, ledgerReads: 0 };
  history.ops.forEach((op, index) => {
    if (op.status !== undefined || op.completion !== 'info') counts.answers += 1;
    const breaches = breachesOf(op);
    if (breaches.length === 0) return;
    counts.outsideContract += 1;
    if (op.status !== undefined && op.status >= 500) counts.serverErrors += 1;
    const more = breaches.length > 1 ? ` (and ${breaches.length - 1} more)` : '';
    log.add({
      voucher: op.voucher,
      message: `${op.op} by ${op.client} answered ${op.status ?? 'without a status'} outside the contract: ${breaches[0]}${more}`,
      ops: [index],
      severity: op.status !== undefined && op.status >= 500 ? 2 : 1,
    });
  });
  for (const ledger of ledgers?.values() ?? []) {
    counts.ledgerReads += 1;
    const breach = ledger.violations?.[0];
    if (!breach) continue;
    counts.outsideContract += 1;
    log.add({
      voucher: ledger.voucherId,
      message: `the final read of the ledger answered outside the contract: ${breach.path || 'answer'}: ${breach.message}`,
      ops: [],
      severity: 1,
    });
  }
  return log.verdict('contract', counts);
}
