import type { FinalLedger } from '../../src/history/final-ledger.ts';
import type { History, Operation } from '../../src/history/operation.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const startedAt = Date.parse('2026-03-01T10:00:00.000Z');
const iso = (micros: number) => new Date(startedAt + Math.floor(micros / 1000)).toISOString();

/** Latencies that vary (a small linear congruential sequence): the histogram gets several bins. */
function latencies(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return 300 + (state % 40) ** 2 * 5;
  };
}

/** A history with its final ledgers, written as a system would answer: redeems, refusals, top-ups, reads. */
class HistoryBuilder {
  readonly ops: Operation[] = [];
  private readonly ledgers = new Map<
    string,
    FinalLedger & { entries: NonNullable<FinalLedger['entries']> }
  >();
  private readonly balances = new Map<string, number>();
  private readonly latency = latencies(7);
  private next = 1;
  private readonly funds: Record<string, number>;

  constructor(funds: Record<string, number>) {
    this.funds = funds;
    for (const [voucher, amount] of Object.entries(funds)) {
      this.balances.set(voucher, amount);
      this.ledgers.set(voucher, {
        voucherId: voucher,
        initial: eur(amount),
        entries: [
          {
            seq: 1,
            kind: 'issue',
            amount,
            balanceAfter: amount,
            currency: 'EUR',
            at: '2026-01-02T09:00:00.000Z',
            receipt: null,
            operationId: null,
          },
        ],
      });
    }
  }

  private op(fields: Omit<Operation, 'completedAt' | 'index'>, duration = this.latency()): Operation {
    const op = { ...fields, completedAt: fields.invokedAt + duration } as Operation;
    this.ops.push(op);
    return op;
  }

  private entry(
    voucher: string,
    kind: string,
    amount: number,
    balanceAfter: number,
    op: Operation,
    id: string | null,
  ) {
    const ledger = this.ledgers.get(voucher);
    if (!ledger) throw new Error(`no voucher ${voucher}`);
    const receipt = op.args.receipt as { number: string; store: string; register: string; channel: string };
    const at = op.completedAt;
    ledger.entries.push({
      seq: ledger.entries.length + 1,
      kind,
      amount,
      balanceAfter,
      currency: 'EUR',
      at: iso(at),
      receipt,
      operationId: id,
    });
  }

  /** A redeem that the system decides from the balance it read (`seen`, the current one unless told). */
  redeem(client: string, voucher: string, amount: number, at: number, seen?: number): Operation {
    const n = this.next++;
    const receipt = { number: `R${n}`, store: 'S1', register: 'P1', channel: 'pos' };
    const before = seen ?? (this.balances.get(voucher) as number);
    const base = {
      client,
      op: 'redeem' as const,
      voucher,
      args: { amount: eur(amount), receipt },
      key: `k${n}`,
      invokedAt: at,
    };
    if (before < amount)
      return this.op({
        ...base,
        completion: 'fail',
        result: { code: 'insufficient_balance', status: 409 },
        status: 409,
      });
    const after = before - amount;
    this.balances.set(voucher, after);
    const op = this.op({
      ...base,
      completion: 'ok',
      status: 201,
      result: {
        id: `red-${n}`,
        voucherId: voucher,
        holdId: null,
        amount: eur(amount),
        refunded: eur(0),
        receipt,
        capturedAt: iso(at),
        balanceAfter: eur(after),
        remainderVoucher: null,
      },
    });
    this.entry(voucher, 'capture', -amount, after, op, `red-${n}`);
    return op;
  }

  topUp(client: string, voucher: string, amount: number, at: number): Operation {
    const n = this.next++;
    const after = (this.balances.get(voucher) as number) + amount;
    this.balances.set(voucher, after);
    const receipt = { number: `R${n}`, store: 'S1', register: 'P1', channel: 'pos' };
    const op = this.op({
      client,
      op: 'topUp',
      voucher,
      args: { amount: eur(amount), receipt },
      key: `k${n}`,
      invokedAt: at,
      completion: 'ok',
      status: 200,
      result: { voucherId: voucher, balance: eur(after) },
    });
    this.entry(voucher, 'load', amount, after, op, null);
    return op;
  }

  balance(client: string, voucher: string, at: number): Operation {
    const balance = eur(this.balances.get(voucher) as number);
    return this.op({
      client,
      op: 'getBalance',
      voucher,
      args: {},
      key: null,
      invokedAt: at,
      completion: 'ok',
      status: 200,
      result: { voucherId: voucher, state: 'activated', balance, available: balance },
    });
  }

  /** The history (operations in the order they returned) and the final ledgers. */
  build(target: string): { history: History; ledgers: Map<string, FinalLedger> } {
    const ops = [...this.ops].sort((a, b) => a.completedAt - b.completedAt);
    const ledgers = new Map<string, FinalLedger>();
    for (const [voucher, ledger] of this.ledgers)
      ledgers.set(voucher, { ...ledger, balance: eur(this.balances.get(voucher) as number) });
    return {
      history: {
        meta: { kind: 'meta', target, policy: 'balance-guard', startedAt: iso(0), funds: this.funds },
        ops,
      },
      ledgers,
    };
  }
}

/** Six vouchers of 50.00 EUR, each redeemed 15.00 EUR at a time until refused, with a top-up and reads. */
function background(builder: HistoryBuilder, vouchers: readonly string[]): void {
  vouchers.forEach((voucher, v) => {
    let at = 1000 + v * 700;
    builder.balance(`pos-${v}`, voucher, at);
    for (let round = 0; round < 4; round++) {
      at += 20_000 + v * 900;
      builder.redeem(`pos-${v}`, voucher, 1500, at);
    }
    if (v % 2 === 0) builder.topUp(`pos-${v}`, voucher, 1000, at + 20_000);
    builder.redeem(`pos-${v}`, voucher, 1500, at + 40_000);
    builder.balance(`pos-${v}`, voucher, at + 55_000);
  });
}

const vouchers = ['v-1', 'v-2', 'v-3', 'v-4', 'v-5', 'v-6'];

/** Every checker valid: each voucher used one call at a time. */
export function validHistory(): { history: History; ledgers: Map<string, FinalLedger> } {
  const builder = new HistoryBuilder(Object.fromEntries(vouchers.map((voucher) => [voucher, 5000])));
  background(builder, vouchers);
  return builder.build('browser test: valid');
}

/**
 * An overspend: voucher v-over holds 20.00 EUR; two redeems of 15.00 EUR run at once, both read the
 * full balance and both are acknowledged (30.00 EUR of debits against 20.00 EUR of funds).
 */
export function overspendHistory(): { history: History; ledgers: Map<string, FinalLedger> } {
  const builder = new HistoryBuilder({
    ...Object.fromEntries(vouchers.map((voucher) => [voucher, 5000])),
    'v-over': 2000,
  });
  background(builder, vouchers);
  builder.balance('web-1', 'v-over', 30_000);
  builder.redeem('web-1', 'v-over', 1500, 60_000, 2000);
  builder.redeem('web-2', 'v-over', 1500, 60_400, 2000);
  return builder.build('browser test: lost update');
}
