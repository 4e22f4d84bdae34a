import { randomUUID } from 'node:crypto';
import type { Capability, Policy } from '../../spec/capabilities.ts';
import type { VoucherState } from '../../spec/schemas/voucher.ts';
import { type Completion, describeCompletion } from '../driver/completion.ts';
import type { Driver } from '../driver/driver.ts';
import type { Operation, OperationId, ResultOf } from '../driver/operation.ts';

/** A check could not go on: what was asked, and what came back. */
export class SmokeProblem extends Error {
  override name = 'SmokeProblem';
}

/** What every smoke check gets: the driver, what the target claims, and small helpers. */
export class SmokeContext {
  readonly driver: Driver;
  readonly claimed: ReadonlySet<Capability>;
  /** What each call answered, for the check's line. */
  readonly notes: string[] = [];
  #receipts = 0;
  /** The hold a payment with this Idempotency-Key captured, for its retry. */
  #holdsByKey = new Map<string, string>();

  constructor(driver: Driver, claimed: Iterable<Capability>) {
    this.driver = driver;
    this.claimed = new Set(claimed);
  }

  policy(): Policy {
    const policy = (['balance-guard', 'amount-holds', 'exclusive-hold', 'redeem-entire'] as const).find((p) =>
      this.claimed.has(p),
    );
    if (!policy)
      throw new SmokeProblem(
        'claims no concurrency policy (balance-guard, amount-holds, exclusive-hold or redeem-entire)',
      );
    return policy;
  }

  receipt() {
    this.#receipts += 1;
    return { number: `SMOKE-${this.#receipts}`, store: 'S1', register: 'POS1', channel: 'pos' as const };
  }

  /** A voucher in a state, arranged by the driver: 20.00 EUR unless told. */
  async voucher(state: VoucherState = 'activated', extra: { reusable?: boolean; amount?: number } = {}) {
    const type = {
      key: `SMOKE-${randomUUID().slice(0, 8)}`,
      currency: 'EUR',
      policy: this.policy(),
      reusable: extra.reusable ?? true,
      topUpAllowed: this.claimed.has('top-up'),
      validityDays: 365,
    };
    const amount = { amount: extra.amount ?? 2000, currency: 'EUR' };
    try {
      const { voucherId } = await this.driver.arrange('voucher', { type, state, amount });
      this.notes.push(`arranged ${/^[aeiou]/.test(state) ? 'an' : 'a'} ${state} voucher`);
      return voucherId;
    } catch (error) {
      throw new SmokeProblem(`cannot arrange a ${state} voucher: ${(error as Error).message}`);
    }
  }

  /** One call; an answer outside the contract or not an expected completion ('ok' or a code) is a problem. */
  async expect<Id extends OperationId>(
    operation: Operation<Id>,
    expected: 'ok' | string | readonly string[],
  ): Promise<Completion<ResultOf<Id>>> {
    const answer = await this.driver.invoke(operation);
    const status = answer.completion === 'info' ? '?' : String(answer.status);
    this.notes.push(`${operation.operationId} ${status}`);
    if (answer.violations?.length)
      throw new SmokeProblem(
        `${operation.operationId} answered outside the contract: ${answer.violations.map((v) => `${v.path}: ${v.message}`).join('; ')}`,
      );
    const got = answer.completion === 'fail' ? answer.problem.code : answer.completion;
    const wanted = typeof expected === 'string' ? [expected] : expected;
    if (!wanted.includes(got))
      throw new SmokeProblem(
        `${operation.operationId}: expected ${wanted.join(' or ')}, got ${describeCompletion(answer)}`,
      );
    return answer;
  }

  async balanceOf(voucherId: string): Promise<number> {
    const answer = await this.expect({ operationId: 'getBalance', params: { id: voucherId } }, 'ok');
    return answer.completion === 'ok' ? answer.body.balance.amount : Number.NaN;
  }

  /** Pays the way the target claims: hold and capture, or one step; a retry gives the same key and receipt. */
  async pay(
    voucherId: string,
    amount: number,
    expected = 'ok',
    retry?: { idempotencyKey: string; receipt: ReturnType<SmokeContext['receipt']> },
  ) {
    const idempotencyKey = retry?.idempotencyKey;
    const body = { amount: { amount, currency: 'EUR' }, receipt: retry?.receipt ?? this.receipt() };
    if (!this.claimed.has('holds'))
      return this.expect(
        { operationId: 'redeem', params: { id: voucherId }, body, idempotencyKey },
        expected,
      );
    // A retry is the same capture of the same hold: a new hold captured under the same key would be
    // another request under it (idempotency_key_reused), not a retry.
    let holdId = idempotencyKey ? this.#holdsByKey.get(idempotencyKey) : undefined;
    if (!holdId) {
      const hold = await this.expect(
        { operationId: 'createHold', params: { id: voucherId }, body },
        expected,
      );
      if (hold.completion !== 'ok') return hold;
      holdId = hold.body.id;
      if (idempotencyKey) this.#holdsByKey.set(idempotencyKey, holdId);
    }
    return this.expect(
      { operationId: 'captureHold', params: { id: holdId }, body: {}, idempotencyKey },
      expected,
    );
  }
}
