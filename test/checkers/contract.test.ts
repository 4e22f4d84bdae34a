import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkContract } from '../../src/checkers/contract.ts';
import { type HistoryMeta, type Operation, stoppedWaiting } from '../../src/history/operation.ts';

const euro = (amount: number) => ({ amount, currency: 'EUR' });
const redeem = (client: string, at: number, rest: Partial<Operation>): Operation =>
  ({
    client,
    op: 'redeem',
    voucher: 'v1',
    args: { amount: euro(100) },
    key: `k-${client}-${at}`,
    invokedAt: at,
    completedAt: at + 5,
    completion: 'ok',
    result: { id: `r-${at}`, amount: euro(100), balanceAfter: euro(900) },
    ...rest,
  }) as Operation;

/** Two redemptions answered and one whose answer never came (the client stopped waiting). */
const ops = [
  redeem('pos-1', 10, {}),
  redeem('pos-2', 12, { completion: 'info', result: { error: 'timeout after 10000 ms' } }),
  redeem('pos-3', 14, {}),
];
const verdictOf = (meta: HistoryMeta | null, list: Operation[] = ops) =>
  checkContract({ history: { meta, ops: list } });

describe('contract: a request without an answer in a run that injected no faults', () => {
  it('is a finding, naming the operation and why it ended without an answer', () => {
    const verdict = verdictOf({ kind: 'meta', faultsInjected: false });
    assert.equal(verdict.valid, false);
    assert.deepEqual(verdict.first?.ops, [1]);
    assert.equal(
      verdict.first?.message,
      'redeem by pos-2 got no answer (timeout after 10000 ms) though the run injected no faults',
    );
    assert.equal(verdict.counts.unanswered, 1);
    assert.equal(verdict.counts.answers, 2);
  });

  it('is an unknown outcome the other checkers allow for when the run injected faults, or does not say', () => {
    for (const meta of [{ kind: 'meta' as const, faultsInjected: true }, { kind: 'meta' as const }, null]) {
      const verdict = verdictOf(meta);
      assert.equal(verdict.valid, true, JSON.stringify(meta));
      assert.equal(verdict.counts.unanswered, 0);
    }
  });

  it('is not the target’s doing when the harness stopped waiting for it (the run’s time limit, an interrupt)', () => {
    const cut = redeem('pos-2', 12, {
      completion: 'info',
      result: { error: `${stoppedWaiting}the time limit of 5m was reached` },
    });
    const verdict = verdictOf({ kind: 'meta', faultsInjected: false }, [ops[0] as Operation, cut]);
    assert.equal(verdict.valid, true);
    assert.equal(verdict.counts.unanswered, 0);
  });

  it('an answer outside the contract stays what it was: a 503 is a server error, not a missing answer', () => {
    const failed = redeem('pos-2', 12, {
      completion: 'info',
      status: 503,
      result: { error: 'status 503 unavailable' },
    });
    const verdict = verdictOf({ kind: 'meta', faultsInjected: false }, [ops[0] as Operation, failed]);
    assert.equal(verdict.valid, false);
    assert.equal(verdict.counts.serverErrors, 1);
    assert.equal(verdict.counts.unanswered, 0);
    assert.match(verdict.first?.message ?? '', /answered 503 outside the contract: status 503/);
  });
});
