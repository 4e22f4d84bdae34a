import { reach } from '../model/lifecycle-table.ts';
import { useRefusal, useRefusalsAllowed } from '../model/spend-rules.ts';
import { type ModelHold, spendable, type VoucherModel } from '../model/voucher-model.ts';
import { moneyText } from '../render/money-text.ts';
import type { TargetSession } from '../target-session.ts';
import { type AmountPick, resolveAmount, showPick } from './amount-pick.ts';
import { expectAnswer, expectAvailable, expectNoMismatch } from './expect-answer.ts';
import { pickOf } from './pick.ts';
import { cashier, receiptFor } from './receipt-for.ts';
import { sayOutcome } from './say-outcome.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** RD-02, CC-01..04: the first phase of a payment: hold an amount for an open receipt. */
export class HoldCommand implements VoucherCommand {
  readonly voucher: number;
  readonly amount: AmountPick;
  readonly currency: string;
  readonly ttlSeconds: number | undefined;

  constructor(voucher: number, amount: AmountPick, currency: string, ttlSeconds: number | undefined) {
    this.voucher = voucher;
    this.amount = amount;
    this.currency = currency;
    this.ttlSeconds = ttlSeconds;
  }

  check = (m: Readonly<VoucherModel>): boolean => m.vouchers.length > 0;

  async run(m: VoucherModel, r: TargetSession): Promise<void> {
    const v = pickOf(m.vouchers, this.voucher);
    if (!v) return;
    const { id, alias } = r.voucher(v.ref);
    const base = spendable(m, v);
    const amount = resolveAmount(this.amount, base);
    const predicted = useRefusal(m, v, amount, this.currency);
    reach(m, v, 'hold', predicted);
    const pos = m.holds.length + 1;
    const ttl = this.ttlSeconds === undefined ? '' : ` for ${this.ttlSeconds} seconds`;
    r.say(`When ${cashier(pos)} holds ${moneyText(amount, this.currency)} of voucher "${alias}"${ttl}`);
    const answer = await r.call({
      operationId: 'createHold',
      auth: { role: 'pos' },
      params: { id },
      body: {
        amount: { amount, currency: this.currency },
        receipt: receiptFor(pos, `H${pos}`),
        ...(this.ttlSeconds === undefined ? {} : { ttlSeconds: this.ttlSeconds }),
      },
    });
    sayOutcome(r, 'the hold', predicted);
    expectAnswer(
      `createHold ${amount} on V${v.ref + 1}`,
      answer,
      predicted,
      useRefusalsAllowed(m, v, amount, this.currency),
    );
    expectAvailable(`createHold ${amount} on V${v.ref + 1}`, answer, base);
    if (answer.completion !== 'ok') return;
    const expiring = m.capabilities.has('hold-expiry');
    const hold: ModelHold = {
      ref: m.holds.length,
      voucher: v.ref,
      amount,
      reserves: v.kind.policy !== 'balance-guard',
      status: 'open',
      expiresAt: expiring ? m.now + (this.ttlSeconds ?? v.kind.holdTtlSeconds) : Number.POSITIVE_INFINITY,
    };
    m.holds.push(hold);
    r.holds.push({ id: answer.body.id, actor: cashier(pos) });
    r.bind(`H${pos}`, '.id', answer.body.id);
    expectNoMismatch(`hold H${pos}`, [
      ...(answer.body.amount.amount !== amount
        ? [`amount: expected ${amount}, got ${answer.body.amount.amount}`]
        : []),
      ...(answer.body.status !== 'open' ? [`status: expected open, got ${answer.body.status}`] : []),
    ]);
  }

  toString(): string {
    const ttl = this.ttlSeconds === undefined ? '' : `; ttl ${this.ttlSeconds}s`;
    return `hold(V#${this.voucher}; ${showPick(this.amount)} ${this.currency}${ttl})`;
  }
}
