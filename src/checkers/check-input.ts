import type { FinalLedgers } from '../history/final-ledger.ts';
import type { History } from '../history/operation.ts';
import type { Verdict } from './verdict.ts';

/** What every checker reads: a history and, when fetched at the end of the run, the final ledgers. */
export interface CheckInput {
  history: History;
  ledgers?: FinalLedgers;
}

/** A checker: a pure function of a history (and final ledgers) to a verdict. */
export type Checker = (input: CheckInput) => Verdict;
