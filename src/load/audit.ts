import { compose, type Report } from '../checkers/compose.ts';
import { checkContract } from '../checkers/contract.ts';
import { checkLedgerConservation } from '../checkers/ledger-conservation.ts';
import { checkMoneyBounds } from '../checkers/money-bounds.ts';
import type { FinalLedgers } from '../history/final-ledger.ts';
import type { History } from '../history/operation.ts';

/** The vouchers an audit found overspent, with the money beyond their bounds. */
export interface Overspent {
  voucher: string;
  message: string;
  severity: number;
}

export interface AuditResult {
  report: Report;
  overspent: Overspent[];
}

const auditCheckers = compose(checkContract, checkMoneyBounds, checkLedgerConservation);

/**
 * The double-spend audit of a load run: the contract (every 5xx, and every status or success body the
 * contract does not allow, as far as the samples carry them), money bounds and ledger conservation
 * over the history that k6's samples recorded and the vouchers' final ledgers. Every voucher the
 * money-bounds checker faults is listed (the verdict itself keeps only the first and the worst).
 */
export function auditLoadRun(history: History, ledgers: FinalLedgers): AuditResult {
  const report = auditCheckers({ history, ledgers });
  const overspent: Overspent[] = [];
  for (const voucher of new Set(history.ops.map((op) => op.voucher))) {
    const one = { meta: history.meta, ops: history.ops.filter((op) => op.voucher === voucher) };
    const verdict = checkMoneyBounds({ history: one, ledgers });
    const violation = verdict.worst;
    if (verdict.valid === false && violation)
      overspent.push({ voucher, message: violation.message, severity: violation.severity });
  }
  return { report, overspent: overspent.sort((a, b) => b.severity - a.severity) };
}
