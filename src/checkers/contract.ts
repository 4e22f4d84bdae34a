import { type HistoryMeta, type Operation, stoppedWaiting } from '../history/operation.ts';
import type { CheckInput } from './check-input.ts';
import { type Verdict, type Violation, ViolationLog } from './verdict.ts';

export function breachesOf(op: Operation, faultless = false): string[] {
  const listed = (op.violations ?? []).map((v) => `${v.path || 'answer'}: ${v.message}`);
  if (listed.length === 0 && op.status !== undefined && op.status >= 500)
    listed.push(`status ${op.status}: the implementation failed`);
  if (faultless && unanswered(op))
    listed.push(`no answer (${errorOf(op)}) though the run injected no faults`);
  return listed;
}

const errorOf = (op: Operation) => {
  const error = (op.result as { error?: unknown } | undefined)?.error;
  return typeof error === 'string' && error ? error : 'no error recorded';
};
/** No answer came, and not because the harness stopped waiting for it (the run's time limit, an interrupt). */
const unanswered = (op: Operation) =>
  op.completion === 'info' && op.status === undefined && !errorOf(op).startsWith(stoppedWaiting);

/**
 * A run that says it injected no faults (meta `faultsInjected: false`): every request it sent should have
 * been answered, so one without an answer is a finding, not an unknown outcome to allow for.
 */
export const faultlessRun = (meta: HistoryMeta | null | undefined) => meta?.faultsInjected === false;

/** The contract checker's counts, the same in the object and the columnar checker. */
export const contractCounts = () => ({
  answers: 0,
  outsideContract: 0,
  serverErrors: 0,
  unanswered: 0,
  ledgerReads: 0,
});

/** Counts an operation that has a finding: outside the contract, and why (a 5xx, or no answer). */
export function countFinding(counts: ReturnType<typeof contractCounts>, op: Operation, faultless: boolean) {
  counts.outsideContract += 1;
  if (op.status !== undefined && op.status >= 500) counts.serverErrors += 1;
  else if (faultless && unanswered(op)) counts.unanswered += 1;
}

/** The contract checker's finding about one operation's answer, or its lack of one. */
export function contractViolation(op: Operation, index: number, faultless: boolean): Violation | undefined {
  const breaches = breachesOf(op, faultless);
  if (breaches.length === 0) return undefined;
  const more = breaches.length > 1 ? ` (and ${breaches.length - 1} more)` : '';
  const answer = unanswered(op) ? 'got' : `answered ${op.status ?? 'without a status'} outside the contract:`;
  return {
    voucher: op.voucher,
    message: `${op.op} by ${op.client} ${answer} ${breaches[0]}${more}`,
    ops: [index],
    severity: op.status !== undefined && op.status >= 500 ? 2 : 1,
  };
}

/**
 * Contract: every answer the system gave is one the contract allows for its operation: a declared
 * status (never a 5xx), the declared content type and a body of the declared shape. Each answer that
 * is not is reported with what was wrong, as recorded; the money checkers use what can be read from it.
 * In a run that injected no faults, a request without an answer is reported too. The final ledgers'
 * reads are judged the same way.
 */
export function checkContract({ history, ledgers }: CheckInput): Verdict {
  const log = new ViolationLog();
  const counts = contractCounts();
  const faultless = faultlessRun(history.meta);
  history.ops.forEach((op, index) => {
    if (op.status !== undefined || op.completion !== 'info') counts.answers += 1;
    const violation = contractViolation(op, index, faultless);
    if (!violation) return;
    countFinding(counts, op, faultless);
    log.add(violation);
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
