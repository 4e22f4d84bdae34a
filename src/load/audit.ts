import { readFileSync } from 'node:fs';
import { checkHistoryFile } from '../checkers/check-file.ts';
import { compose, type Report } from '../checkers/compose.ts';
import { checkContract } from '../checkers/contract.ts';
import { checkLedgerConservation } from '../checkers/ledger-conservation.ts';
import { checkMoneyBounds } from '../checkers/money-bounds.ts';
import { type FinalLedgers, parseLedgers } from '../history/final-ledger.ts';
import type { History, Operation } from '../history/operation.ts';

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
 * Every voucher the money-bounds checker faults, worst first (its verdict keeps only the first and the
 * worst): the checker run on each voucher's operations alone.
 */
function overspentOf(history: History, ledgers: FinalLedgers): Overspent[] {
  const byVoucher = new Map<string, Operation[]>();
  for (const op of history.ops) {
    const list = byVoucher.get(op.voucher);
    if (list) list.push(op);
    else byVoucher.set(op.voucher, [op]);
  }
  const overspent: Overspent[] = [];
  for (const [voucher, ops] of byVoucher) {
    const verdict = checkMoneyBounds({ history: { meta: history.meta, ops }, ledgers });
    const violation = verdict.worst;
    if (verdict.valid === false && violation)
      overspent.push({ voucher, message: violation.message, severity: violation.severity });
  }
  return overspent.sort((a, b) => b.severity - a.severity);
}

/**
 * The double-spend audit of a load run held in memory: the contract (every 5xx, and every status or
 * success body the contract does not allow, as far as the samples carry them), money bounds and ledger
 * conservation over the history that k6's samples recorded and the vouchers' final ledgers. Every
 * voucher the money-bounds checker faults is listed.
 */
export function auditLoadRun(history: History, ledgers: FinalLedgers): AuditResult {
  const report = auditCheckers({ history, ledgers });
  const bounds = report.verdicts.find((verdict) => verdict.checker === 'money-bounds');
  return { report, overspent: bounds?.valid === false ? overspentOf(history, ledgers) : [] };
}

/**
 * The same audit of a history file and its ledgers file, for runs of any size: the file is read once
 * into columns and checked one voucher at a time over worker threads (`vcert check`'s path), with the
 * same verdicts. The operations are made into objects only when a voucher was overspent (to list each
 * one; the ledgers are then parsed from their file unless given) or when the caller iterates the
 * returned history.
 */
export async function auditHistoryFile(
  historyPath: string,
  ledgersPath: string,
  ledgers?: FinalLedgers,
): Promise<AuditResult & { history: History }> {
  const checked = await checkHistoryFile(historyPath, {
    ledgers: ledgersPath,
    only: ['contract', 'money-bounds', 'ledger-conservation'],
  });
  const bounds = checked.report.verdicts.find((verdict) => verdict.checker === 'money-bounds');
  const overspent =
    bounds?.valid === false
      ? overspentOf(checked.history, ledgers ?? parseLedgers(readFileSync(ledgersPath, 'utf8')))
      : [];
  return { history: checked.history, report: checked.report, overspent };
}

/** A history file read for its view only (a run whose audit did not run). */
export async function historyOfFile(historyPath: string): Promise<History> {
  return (await checkHistoryFile(historyPath, { only: [] })).history;
}
