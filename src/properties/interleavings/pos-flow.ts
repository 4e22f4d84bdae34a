import type fc from 'fast-check';
import type { Completion } from '../../driver/completion.ts';
import { breachText } from '../commands/expect-answer.ts';
import type { TargetSession } from '../target-session.ts';
import type { PosFlow } from './race-plan.ts';

/** One request of a race as the client saw it: when it was sent and answered, in scheduler ticks. */
export interface RaceEvent {
  pos: number;
  operationId: 'createHold' | 'captureHold' | 'releaseHold' | 'redeem';
  amount: number;
  /** The hold a capture or release names. */
  holdId?: string;
  /** What the request carried, as a history line records it (amount and receipt). */
  args: Record<string, unknown>;
  idempotencyKey?: string;
  sentAt: number;
  answeredAt: number;
  answer: Completion<unknown>;
  /** An answer outside the contract (a 500, say): the property fails on it, after the race settles. */
  violation?: string;
}

/**
 * Runs one POS's flow under the scheduler: every send waits for the scheduler's go, every answer is
 * delivered when the scheduler says, so fast-check explores both which request goes first and which
 * answer arrives first. Requests in flight together really are concurrent at the target. It pays the
 * way its flow says (hold then capture, or one step), or holds then releases.
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
  const send = async <B>(
    operationId: RaceEvent['operationId'],
    request: { args: Record<string, unknown>; holdId?: string },
    call: () => Promise<Completion<B>>,
  ) => {
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
      (error: unknown): Completion<B> => {
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
  if (flow.via === 'one-step') {
    await send('redeem', { args: { amount: money, receipt } }, () =>
      r.call({
        operationId: 'redeem',
        auth: { role: 'pos' },
        params: { id: voucherId },
        body: { amount: money, receipt },
      }),
    );
    return;
  }
  const hold = await send('createHold', { args: { amount: money, receipt } }, () =>
    r.call({
      operationId: 'createHold',
      auth: { role: 'pos' },
      params: { id: voucherId },
      body: { amount: money, receipt },
    }),
  );
  if (hold.completion !== 'ok') return;
  const id = hold.body.id;
  r.bind(`H${pos}`, '.id', id, hold);
  if (flow.action === 'pays') {
    await send('captureHold', { args: {}, holdId: id }, () =>
      r.call({ operationId: 'captureHold', auth: { role: 'pos' }, params: { id }, body: {} }),
    );
  } else {
    await send('releaseHold', { args: {}, holdId: id }, () =>
      r.call({ operationId: 'releaseHold', auth: { role: 'pos' }, params: { id }, body: {} }),
    );
  }
}
