import { type Capability, type Policy, policies } from '../../../spec/capabilities.ts';
import type { VoucherKind } from '../model/voucher-model.ts';
import { CancelVoucherCommand } from './cancel-voucher.ts';
import { CaptureCommand } from './capture.ts';
import { ClockToEdgeCommand } from './clock-to-edge.ts';
import { HoldCommand } from './hold.ts';
import { InquireCommand } from './inquire.ts';
import { RedeemCommand } from './redeem.ts';
import { RefundCommand } from './refund.ts';
import { ResendCommand } from './resend.ts';
import { TopUpCommand } from './top-up.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** One run of voucher-life as fast-check takes it: the kind of voucher, its value, the commands. */
export type VoucherLifeRun = [VoucherKind, number, VoucherCommand[]];

/**
 * The rare chains of a voucher's life, each one run of voucher-life, tried first in every run (fast-check's
 * `examples`, counted in the runs, as negative data's sweep): the default size then finds a defect of a
 * chain that generated runs reach in only most seeds (docs/properties.md, "Default sizes that find
 * things"). Each needs what it uses claimed; the generated runs that follow go on drawing every other
 * chain. The commands are the generated ones, on the latest voucher, hold or payment (-1).
 */
export function rareChains(claimed: ReadonlySet<Capability>): VoucherLifeRun[] {
  const has = (c: Capability) => claimed.has(c);
  const claimedPolicies = policies.filter(has);
  const kind = (policy: Policy, extra: Partial<VoucherKind> = {}): VoucherKind => ({
    policy,
    reusable: true,
    topUpAllowed: has('top-up'),
    validityDays: 365,
    holdTtlSeconds: 600,
    ...extra,
  });
  const any = claimedPolicies[0] ?? 'balance-guard';
  const reserving = claimedPolicies.find((p) => p === 'amount-holds' || p === 'exclusive-hold');
  const clock = has('test-control');
  const pay = (pick: 'all' | 'half'): VoucherCommand[] | null =>
    has('one-step-redeem')
      ? [new RedeemCommand(-1, pick, 'EUR')]
      : has('holds')
        ? [new HoldCommand(-1, pick, 'EUR', undefined), new CaptureCommand(-1, undefined)]
        : null;
  const runs: VoucherLifeRun[] = [];
  const half = pay('half');
  const all = pay('all');
  // LC-05: just past the end of validity, nothing pays, and (LC-05, RD-05) no top-up or refund lands.
  if (clock && all) runs.push([kind(any), 2000, [new ClockToEdgeCommand(-1, 'validity', 'after'), ...all]]);
  if (clock && has('top-up'))
    runs.push([
      kind(any, { topUpAllowed: true }),
      2000,
      [new ClockToEdgeCommand(-1, 'validity', 'after'), new TopUpCommand(-1, 100, 'EUR')],
    ]);
  if (clock && half && has('redemption-refund'))
    runs.push([
      kind(any),
      2000,
      [...half, new ClockToEdgeCommand(-1, 'validity', 'after'), new RefundCommand(-1, undefined)],
    ]);
  // CC-03: a partial capture gives the rest of its hold back.
  if (reserving && has('holds') && has('partial-capture'))
    runs.push([
      kind(reserving),
      2000,
      [new HoldCommand(-1, 'all', 'EUR', undefined), new CaptureCommand(-1, 'half'), new InquireCommand(-1)],
    ]);
  // LC-09: a canceled voucher restored is prepared, not activated.
  if (has('cancel-restore') && all)
    runs.push([
      kind(any),
      2000,
      [new CancelVoucherCommand(-1, 'cancelVoucher'), new CancelVoucherCommand(-1, 'restoreVoucher'), ...all],
    ]);
  // RD-06: an accepted payment retried moves no more; a refusal retried after the state changed is replayed.
  if (half) runs.push([kind(any), 2000, [...half, new ResendCommand(-1, false)]]);
  if (all && has('top-up'))
    runs.push([
      kind(any, { topUpAllowed: true }),
      2000,
      [...all, ...all, new TopUpCommand(-1, 5000, 'EUR'), new ResendCommand(-1, true)],
    ]);
  return runs;
}
