import { availableOf, effectiveState, type VoucherModel } from '../model/voucher-model.ts';
import { moneyText } from '../render/money-text.ts';
import type { TargetSession } from '../target-session.ts';
import { expectAnswer, expectNoMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { cashier } from './receipt-for.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** LC-12, RD-07: the balance inquiry agrees with the model, and the ledger (when claimed) adds up to the balance. */
export class InquireCommand implements VoucherCommand {
  readonly voucher: number;

  constructor(voucher: number) {
    this.voucher = voucher;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.vouchers.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const v = pickOf(m.vouchers, this.voucher);
    if (!v) return;
    const { id, alias } = r.voucher(v.ref);
    const state = effectiveState(m, v);
    r.say(`When ${cashier(1)} asks for the balance of voucher "${alias}"`);
    const balance = await r.call({ operationId: 'getBalance', auth: { role: 'pos' }, params: { id } });
    sayOutcome(r, 'the inquiry', null);
    expectAnswer(`getBalance V${v.ref + 1}`, balance, null);
    if (balance.completion !== 'ok') return;
    r.say(`And voucher "${alias}" is ${state}`);
    r.say(`And voucher "${alias}" has a balance of ${moneyText(v.balance, v.currency)}`);
    // State, denomination and available are optional in an inquiry: compared when the system gives them.
    const differences: string[] = [];
    const body = balance.body;
    if (body.state !== undefined && body.state !== state)
      differences.push(`state: expected ${state}, got ${body.state}`);
    if (body.balance.amount !== v.balance)
      differences.push(`balance: expected ${v.balance}, got ${body.balance.amount}`);
    if (body.denomination !== undefined && body.denomination.amount !== v.denomination)
      differences.push(`denomination: expected ${v.denomination}, got ${body.denomination.amount}`);
    const available = availableOf(m, v);
    if (body.available !== undefined && body.available.amount !== available)
      differences.push(`available: expected ${available}, got ${body.available.amount}`);
    if (r.capabilities.has('ledger')) {
      r.say(`And the ledger of voucher "${alias}" adds up to its balance`);
      const ledger = await r.call({ operationId: 'getLedger', auth: { role: 'pos' }, params: { id } });
      expectAnswer(`getLedger V${v.ref + 1}`, ledger, null);
      if (ledger.completion === 'ok') {
        const sum = ledger.body.entries.reduce((s, e) => s + e.amount, 0);
        if (sum !== v.balance) differences.push(`ledger sum: expected ${v.balance}, got ${sum}`);
        if (ledger.body.balance.amount !== v.balance)
          differences.push(`ledger balance: expected ${v.balance}, got ${ledger.body.balance.amount}`);
      }
    }
    expectNoMismatch(`inquiry of V${v.ref + 1}`, differences);
  }

  toString(): string {
    return `inquire(V#${this.voucher})`;
  }
}
