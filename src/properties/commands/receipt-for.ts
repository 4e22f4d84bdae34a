import type { Receipt } from '../../../spec/schemas/receipt.ts';

/** The receipt of POS n (as steps/support/actors.ts writes it), numbered by the run. */
export function receiptFor(pos: number, number: string): Receipt {
  return { number, store: 'S1', register: `POS${pos}`, channel: 'pos' };
}

/** "the cashier at POS n": an actor the suite's steps understand. */
export const cashier = (pos: number): string => `the cashier at POS ${pos}`;
