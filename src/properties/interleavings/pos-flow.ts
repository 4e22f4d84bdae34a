import type fc from 'fast-check';
import type { Completion } from '../../driver/completion.ts';
import { breachText } from '../commands/expect-answer.ts';
import type { TargetSession } from '../target-session.ts';
import { type PosFlow, raceClockMoveSeconds } from './race-plan.ts';

/** The operations a race sends. */
export type RaceOperation =
  | 'createHold'
  | 'captureHold'
  | 'releaseHold'
  | 'redeem'
  | 'refundRedemption'
  | 'topUp'
  | 'advanceTestClock';

/** One request of a race as the client saw it: when it was sent and answered, in scheduler ticks. */
export interface RaceEvent {
  pos: number;
  operationId: RaceOperation;
  amount: number;
  /** The hold a capture or release names, the payment a refund names. */
  holdId?: string;
  redemptionId?: string;
  /** What the request carried, as a history line records it (amount and receipt). */
  args: Record<string, unknown>;
  idempotencyKey?: string;
  sentAt: number;
  answeredAt: number;
  answer: Completion<unknown>;
  /** An answer outside the contract (a 500, say): the property fails on it, after the race settles. */
  violation?: string;
}

type Request = Pick<RaceEvent, 'args' | 'holdId' | 'redemptionId'>;

/**
 * Runs one POS's flow under the scheduler: every send waits for the scheduler's go, every answer is
 * delivered when the scheduler says, so fast-check explores both which request goes first and which
 * answer arrives first. Requests in flight together really are concurrent at the target. It pays the
 * way its flow says (hold then capture, or one step), holds then releases, pays then refunds the
 * payment, tops the voucher up, captures one hold twice at once under two keys, or holds and leaves
 * the hold to expire while it moves the tenant's test clock past its time-to-live, then tries to
 * capture it (it must be refused).
 */
export async function runPosFlow(
  s: fc.Scheduler,
  r: TargetSession,
  voucherId: string,
  pos: number,
  flow: PosFlow,
  clock: { tick: number },
  events: RaceEvent[],
): Promise<void> {
  const receipt = { number: `RACE-${pos}`, store: 'S1', register: `POS${pos}`, channel: 'pos' as const };
  const money = { amount: flow.amount, currency: 'EUR' };
  const send = async (
    operationId: RaceOperation,
    request: Request,
    call: () => Promise<Completion<unknown>>,
  ): Promise<Completion<unknown>> => {
    await s.schedule(Promise.resolve(), `POS ${pos} sends ${operationId}`);
    const sentAt = ++clock.tick;
    // Never a rejected promise under the scheduler: an answer outside the contract is kept and the
    // property fails on it once every flow has settled, so fast-check can shrink that counterexample.
    let violation: string | undefined;
    const settled = call().then(
      (answer) => {
        if (answer.violations?.length) violation = `POS ${pos} ${operationId}: ${breachText(answer)}`;
        return answer;
      },
      (error: unknown): Completion<unknown> => {
        violation = `POS ${pos} ${operationId}: ${error instanceof Error ? error.message : String(error)}`;
        return { completion: 'info', error: error instanceof Error ? error.message : String(error) };
      },
    );
    const answer = await s.schedule(settled, `POS ${pos} receives ${operationId}`);
    events.push({
      pos,
      operationId,
      amount: flow.amount,
      ...request,
      idempotencyKey: answer.idempotencyKey,
      sentAt,
      answeredAt: ++clock.tick,
      answer,
      violation,
    });
    return answer;
  };
  const idOf = (answer: Completion<unknown>): string | undefined =>
    answer.completion === 'ok' ? (answer.body as { id?: string }).id : undefined;
  const spend = (operationId: 'createHold' | 'redeem' | 'topUp') => {
    const body = { amount: money, receipt };
    const params = { id: voucherId };
    const auth = { role: 'pos' as const };
    return send(operationId, { args: body }, () =>
      operationId === 'createHold'
        ? r.call({ operationId, auth, params, body })
        : operationId === 'redeem'
          ? r.call({ operationId, auth, params, body })
          : r.call({ operationId, auth, params, body }),
    );
  };
  const hold = async (): Promise<string | undefined> => {
    const answer = await spend('createHold');
    const id = idOf(answer);
    if (id) r.bind(`H${pos}`, '.id', id, answer);
    return id;
  };
  const close = (operationId: 'captureHold' | 'releaseHold', id: string) =>
    send(operationId, { args: {}, holdId: id }, () =>
      operationId === 'captureHold'
        ? r.call({ operationId, auth: { role: 'pos' }, params: { id }, body: {} })
        : r.call({ operationId, auth: { role: 'pos' }, params: { id }, body: {} }),
    );
  /** Pays as the flow says; the payment's id when it was acknowledged. */
  const pay = async (): Promise<string | undefined> => {
    if (flow.via === 'one-step') return idOf(await spend('redeem'));
    const id = await hold();
    return id === undefined ? undefined : idOf(await close('captureHold', id));
  };
  switch (flow.action) {
    case 'pays':
      await pay();
      return;
    case 'refunds': {
      const id = await pay();
      if (id === undefined) return;
      r.bind(`P${pos}`, '.id', id);
      const body = { amount: money, receipt: { ...receipt, number: `RACE-${pos}-R` } };
      await send('refundRedemption', { args: body, redemptionId: id }, () =>
        r.call({ operationId: 'refundRedemption', auth: { role: 'pos' }, params: { id }, body }),
      );
      return;
    }
    case 'tops-up':
      await spend('topUp');
      return;
    case 'holds': {
      const id = await hold();
      if (id !== undefined) await close('releaseHold', id);
      return;
    }
    case 'splits': {
      // Two registers close one basket: two captures of the hold at once, each under its own key.
      const id = await hold();
      if (id !== undefined) await Promise.all([close('captureHold', id), close('captureHold', id)]);
      return;
    }
    case 'abandons': {
      const id = await hold();
      if (id === undefined) return;
      const body = { advanceSeconds: raceClockMoveSeconds };
      await send('advanceTestClock', { args: body }, () =>
        r.call({ operationId: 'advanceTestClock', auth: { role: 'pos' }, body }),
      );
      await close('captureHold', id);
      return;
    }
  }
}
