import type { Policy } from '../../spec/capabilities.ts';
import type { Operation } from '../../src/history/operation.ts';
import { emptyOutput, toModelIO } from '../../src/model/model-io.ts';
import { voucherModel } from '../../src/model/voucher-model.ts';
import type { VoucherState } from '../../src/model/voucher-state.ts';

export interface Command {
  kind: 'createHold' | 'captureHold' | 'releaseHold' | 'redeem' | 'topUp' | 'getBalance';
  amount: number;
  /** Which open hold a capture or release picks. */
  pick: number;
  /** How far the call starts before, and the return ends after, the moment it takes effect (micros). */
  before: number;
  after: number;
  /** Outcome lost: 0 no, 1 lost but it happened, 2 lost and it did not happen. */
  lost: 0 | 1 | 2;
}

const money = (amount: number) => ({ amount, currency: 'EUR' });
const failCodes = ['insufficient_balance', 'voucher_in_use', 'voucher_redeemed', 'hold_not_open'];

/**
 * Runs the commands one after another against the model and records what it answers. Each takes
 * effect at 100 µs steps; its call and return lie around that moment, so neighbours overlap.
 */
export function modelHistory(policy: Policy, funds: number, commands: readonly Command[]): Operation[] {
  const model = voucherModel(policy);
  let state: VoucherState = model.init(funds);
  const ops: Operation[] = [];
  const known = new Set<string>();
  commands.forEach((command, index) => {
    const at = 1000 + index * 100;
    const holds = state.holds.filter((hold) => !hold.id.startsWith('?'));
    const target = holds.length > 0 ? (holds[command.pick % holds.length]?.id ?? null) : `missing-${index}`;
    const closes = command.kind === 'captureHold' || command.kind === 'releaseHold';
    const op: Operation = {
      client: `c${index % 5}`,
      op: command.kind,
      voucher: 'v1',
      ...(closes ? { target } : {}),
      args: command.kind === 'getBalance' || closes ? {} : { amount: money(command.amount) },
      key: command.kind === 'getBalance' ? null : `key-${index}`,
      invokedAt: at - command.before,
      completedAt: at + command.after,
      completion: 'ok',
      result: {},
    };
    const { input } = toModelIO(op, index, null, known);
    const blank = emptyOutput;
    const id = command.kind === 'createHold' ? `hold-${index}` : `op-${index}`;
    const tried = model.step(state, input, { ...blank, id: command.kind === 'createHold' ? id : null });
    if (command.lost > 0 && command.kind !== 'getBalance') {
      op.completion = 'info';
      op.completedAt = at + command.after;
      op.result = { error: 'timeout' };
      if (command.lost === 1 && tried.ok) {
        // It happened, but nobody learnt the hold's id: the checker's model knows it as a phantom.
        state = command.kind === 'createHold' ? model.step(state, input, { ...blank }).next : tried.next;
      }
      ops.push(op);
      return;
    }
    if (tried.ok) {
      const next = tried.next;
      if (command.kind === 'createHold') {
        op.result = { id, amount: money(command.amount), status: 'open' };
        known.add(id);
      } else if (command.kind === 'getBalance') op.result = { balance: money(next.balance) };
      else if (command.kind === 'topUp') op.result = { balance: money(next.balance) };
      else if (command.kind === 'redeem' || command.kind === 'captureHold') {
        const amount =
          command.kind === 'redeem'
            ? command.amount
            : (state.holds.find((h) => h.id === target)?.amount ?? 0);
        op.result = { id, amount: money(amount), balanceAfter: money(next.balance), remainderVoucher: null };
      } else op.result = { id: target, status: 'released' };
      state = next;
    } else {
      const code = failCodes.find(
        (candidate) => model.step(state, input, { ...blank, completion: 'fail', code: candidate }).ok,
      );
      op.completion = 'fail';
      op.result = { code: code ?? 'validation_failed', status: 409 };
    }
    ops.push(op);
  });
  return ops;
}
