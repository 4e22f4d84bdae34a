import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { Operation } from '../src/driver/operation.ts';
import { answerText, differences } from '../src/evidence/answer-text.ts';
import type { Actor } from './support/actors.ts';
import type { Money } from './support/money.ts';
import { payWith } from './support/payments.ts';
import { Given, Then, When } from './support/steps.ts';
import type { VoucherWorld } from './support/world.ts';

function lastRequest(world: VoucherWorld): Operation {
  if (!world.lastRequest?.idempotencyKey)
    throw new Error('no earlier request with an idempotency key to repeat');
  return world.lastRequest;
}

async function sendAgain(world: VoucherWorld, actor: Actor): Promise<void> {
  const first = world.last ?? world.answers[0];
  const request = lastRequest(world);
  const again = await world.again(() => world.call(request, world.via(actor.label)));
  world.answers = first ? [first, again] : [again];
}

When(
  '{actor} sends the same request again with the same idempotency key',
  async function (this: VoucherWorld, actor: Actor) {
    await sendAgain(this, actor);
  },
);

/**
 * A retry after a real pause, not a moved test clock: the key is kept for a retention window measured
 * on the service's own clock (hours), so a retry seconds later is still the same request. Kept short:
 * the suite waits for it.
 */
When(
  '{actor} sends the same request again with the same idempotency key {int} seconds later',
  async function (this: VoucherWorld, actor: Actor, seconds: number) {
    if (seconds > 5) throw new Error(`a retry ${seconds} s later makes the suite wait; 5 s at most`);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    await sendAgain(this, actor);
  },
);

When(
  '{actor} sends a request for {money} with the same idempotency key',
  async function (this: VoucherWorld, actor: Actor, amount: Money) {
    const request = lastRequest(this);
    const body = { ...(request.body as object), amount };
    const first = this.last;
    const again = await this.again(() => this.call({ ...request, body } as Operation, this.via(actor.label)));
    this.answers = first ? [first, again] : [again];
  },
);

Then('the second answer is the same as the first', function (this: VoucherWorld) {
  const [first, second] = this.answers;
  assert.ok(first && second, 'two answers are needed');
  const strip = (c: typeof first) => ({ ...c, idempotencyKey: undefined });
  if (first.completion !== 'ok')
    throw new Error(`the first answer must be a success to compare replays; it was ${answerText(first)}`);
  if (!isDeepStrictEqual(strip(second), strip(first)))
    throw new Error(
      `the retry answered ${answerText(second)}; the first answer was ${answerText(first)} (${differences(first, second).join('; ')})`,
    );
});

/** CH-02 / CC-05: the answer is lost on the way back; the POS does not know whether it was paid. */
When(
  '{actor} pays {money} with voucher {string} but the answer is lost',
  async function (this: VoucherWorld, actor: Actor, amount: Money, alias: string) {
    await payWith(this, actor, amount, alias, this.nextReceipt());
    this.answers = this.last ? [this.last] : [];
    this.last = undefined;
  },
);

Given(
  'the central voucher service is unreachable from {actor}',
  async function (this: VoucherWorld, actor: Actor) {
    const unreachable = await this.openDriver(
      { target: 'http://127.0.0.1:9', adapter: this.parameters.adapter, timeoutMs: 2000 },
      'unreachable',
    );
    await unreachable.setup().catch(() => undefined);
    this.offline.set(actor.label, unreachable);
  },
);

When('the connection of {actor} comes back', function (this: VoucherWorld, actor: Actor) {
  this.offline.delete(actor.label);
});

Then('{actor} gets no confirmation', function (this: VoucherWorld, actor: Actor) {
  assert.ok(this.last, `${actor.label} asked nothing`);
  assert.notEqual(this.last.completion, 'ok', `${actor.label} must not be told the payment went through`);
});
