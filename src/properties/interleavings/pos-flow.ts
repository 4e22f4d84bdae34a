import type fc from 'fast-check';
import type { Completion } from '../../driver/completion.ts';
import type { TargetSession } from '../target-session.ts';
import type { PosFlow } from './race-plan.ts';

/** One request of a race as the client saw it: when it was sent and answered, in scheduler ticks. */
export interface RaceEvent {
  pos: number;
  operationId: 'createHold' | 'captureHold' | 'releaseHold' | 'redeem';
  amount: number;
  sentAt: number;
  answeredAt: number;
  answer: Completion<unknown>;
  /** An answer outside the contract (a 500, say): the property fails on it, after the race settles. */
  violation?: unknown;
}

/**
 * Runs one POS's flow under the scheduler: every send waits for the scheduler's go, every answer is
 * delivered when the scheduler says, so fast-check explores both which request goes first and which
 * answer arrives first. Requests in flight together really are concurrent at the target.
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
  const send = async <B>(
    operationId: RaceEvent['operationId'],
    amount: number,
    call: () => Promise<Completion<B>>,
  ) => {
    await s.schedule(Promise.resolve(), `POS ${pos} sends ${operationId}`);
    const sentAt = ++clock.tick;
    // Never a rejected promise under the scheduler: an answer outside the contract is kept and the
    // property fails on it once every flow has settled, so fast-check can shrink that counterexample.
    let violation: unknown;
    const settled = call().catch((error: unknown): Completion<B> => {
      violation = error;
      return { completion: 'info', error: error instanceof Error ? error.message : String(error) };
    });
    const answer = await s.schedule(settled, `POS ${pos} receives ${operationId}`);
    events.push({ pos, operationId, amount, sentAt, answeredAt: ++clock.tick, answer, violation });
    return answer;
  };
  const money = { amount: flow.amount, currency: 'EUR' };
  if (!r.capabilities.has('holds')) {
    await send('redeem', flow.amount, () =>
      r.call({
        operationId: 'redeem',
        auth: { role: 'pos' },
        params: { id: voucherId },
        body: { amount: money, receipt },
      }),
    );
    return;
  }
  const hold = await send('createHold', flow.amount, () =>
    r.call({
      operationId: 'createHold',
      auth: { role: 'pos' },
      params: { id: voucherId },
      body: { amount: money, receipt },
    }),
  );
  if (hold.completion !== 'ok') return;
  const id = hold.body.id;
  if (flow.action === 'pays') {
    await send('captureHold', flow.amount, () =>
      r.call({ operationId: 'captureHold', auth: { role: 'pos' }, params: { id }, body: {} }),
    );
  } else {
    await send('releaseHold', flow.amount, () =>
      r.call({ operationId: 'releaseHold', auth: { role: 'pos' }, params: { id }, body: {} }),
    );
  }
}
