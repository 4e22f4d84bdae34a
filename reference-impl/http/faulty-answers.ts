import type { Faults } from '../faults.ts';
import { problem } from './problem.ts';
import type { Answer } from './transaction.ts';

const spends: ReadonlySet<string> = new Set(['createHold', 'captureHold', 'redeem']);

/**
 * The answer-side faults of a defective server (simulators/defective/), each around the transaction
 * that serves a request: `ackWithoutMoving` and `refundsFail` and `redeemRouteMissing` answer without
 * running it; `refusalsAsCreated` and `replaysAs200` change the status of what it answered. Null unless
 * one of them is set, so the correct server pays nothing.
 */
export function faultyAnswers(faults: Faults | undefined) {
  if (
    !faults?.ackWithoutMoving &&
    !faults?.refusalsAsCreated &&
    !faults?.refundsFail &&
    !faults?.redeemRouteMissing &&
    !faults?.replaysAs200
  )
    return null;
  return async (operationId: string, run: () => Promise<Answer>): Promise<Answer> => {
    if (faults.ackWithoutMoving && spends.has(operationId)) return { status: 201, body: {} };
    if (faults.refundsFail && operationId === 'refundRedemption')
      return { status: 500, body: problem('internal_error', 'the refund could not be booked') };
    if (faults.redeemRouteMissing && operationId === 'redeem')
      return { status: 405, body: problem('method_not_allowed', 'POST is not allowed here') };
    const answer = await run();
    // The refusal (voucher_redeemed, insufficient_balance ...) goes out as a success, its problem the body.
    if (faults.refusalsAsCreated && spends.has(operationId) && answer.status === 409)
      return { ...answer, status: 201 };
    if (faults.replaysAs200 && answer.replayed && answer.status === 201) return { ...answer, status: 200 };
    return answer;
  };
}
