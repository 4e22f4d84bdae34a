import type { LedgerEntry } from '../../../spec/schemas/ledger.ts';
import { type FinalLedger, runEntries } from '../../history/final-ledger.ts';
import type { HistoryColumns } from '../../history/history-columns.ts';
import type { LedgerMatch } from '../ledger-match.ts';
import type { SlotRange } from './history-tables.ts';
import { matchVoucherLedger } from './ledger-match.ts';
import type { ColumnEffect } from './money-effects.ts';

/**
 * A voucher's final ledger as its checkers read it: the entries of the run and one match of them to the
 * voucher's operations, made when first asked for and shared by money bounds, ledger conservation and
 * idempotency (the object checkers each make their own, all alike).
 */
export class VoucherLedger {
  readonly ledger: FinalLedger | undefined;
  readonly #history: HistoryColumns;
  readonly #effects: readonly ColumnEffect[];
  readonly #ops: SlotRange;
  #entries: LedgerEntry[] | undefined;
  #match: LedgerMatch | undefined;

  constructor(
    history: HistoryColumns,
    ledger: FinalLedger | undefined,
    effects: readonly ColumnEffect[],
    ops: SlotRange,
  ) {
    this.#history = history;
    this.ledger = ledger;
    this.#effects = effects;
    this.#ops = ops;
  }

  /** The entries written during the run (runEntries). */
  get entries(): LedgerEntry[] {
    this.#entries ??= runEntries(this.ledger ?? { voucherId: '' }, this.#history.meta);
    return this.#entries;
  }

  get match(): LedgerMatch {
    this.#match ??= matchVoucherLedger(this.#history, this.#effects, this.#ops, this.entries);
    return this.#match;
  }
}
