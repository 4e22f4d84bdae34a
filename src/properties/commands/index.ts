import fc from 'fast-check';
import { type Capability, identifierKinds, type Policy, policies } from '../../../spec/capabilities.ts';
import type { VoucherOperation } from '../model/lifecycle-table.ts';
import type { VoucherKind, VoucherModel } from '../model/voucher-model.ts';
import type { TargetSession } from '../target-session.ts';
import { AcrossStateCommand, type MoneyPhase, type StateChange } from './across-state.ts';
import { AdvanceClockCommand } from './advance-clock.ts';
import { amountPick, currencyPick } from './amount-pick.ts';
import { type ArrangedState, ArrangeVoucherCommand } from './arrange-voucher.ts';
import { CancelVoucherCommand } from './cancel-voucher.ts';
import { CaptureCommand } from './capture.ts';
import { ClockToEdgeCommand } from './clock-to-edge.ts';
import { ForbiddenSweepCommand } from './forbidden-sweep.ts';
import { HoldCommand } from './hold.ts';
import { InquireCommand } from './inquire.ts';
import { IssueCommand } from './issue.ts';
import { LookupCommand } from './lookup.ts';
import { RedeemCommand } from './redeem.ts';
import { RefundCommand } from './refund.ts';
import { ReleaseCommand } from './release.ts';
import { ResendCommand } from './resend.ts';
import { ReturnVoucherCommand } from './return-voucher.ts';
import { SellCommand } from './sell.ts';
import { SetValidityCommand } from './set-validity.ts';
import { TopUpCommand } from './top-up.ts';
import type { VoucherCommand } from './voucher-command.ts';

/** Which voucher, hold or payment a command takes: half the time the latest (-1, see pickOf), so chains form. */
const index = fc.oneof(fc.constant(-1), fc.nat({ max: 7 }));

/**
 * The kinds of voucher a run may ask for: the policies the target claims, one-time vouchers only when it
 * claims them, top-ups only when it claims them, short validity only when its clock can be moved.
 */
export function voucherKind(claimed: ReadonlySet<Capability>): fc.Arbitrary<VoucherKind> {
  const claimedPolicies = policies.filter((p) => claimed.has(p));
  return fc.record({
    policy: fc.constantFrom<Policy>(
      ...(claimedPolicies.length > 0 ? claimedPolicies : (['balance-guard'] as Policy[])),
    ),
    // Reusable three times in four: top-ups, refunds that reopen and a balance run down need reusable ones.
    reusable: claimed.has('one-time-vouchers') ? fc.constantFrom(true, true, true, false) : fc.constant(true),
    topUpAllowed: claimed.has('top-up') ? fc.boolean() : fc.constant(false),
    validityDays: claimed.has('test-control') ? fc.constantFrom(1, 365) : fc.constant(365),
    holdTtlSeconds: fc.constantFrom(120, 600),
  });
}

/**
 * The state a voucher is arranged in: activated half the time, else any other state the target's
 * capabilities can bring a voucher to (the lifecycle table's rows, issue 16); expired ones come from the
 * clock and validity changes, so that their end is the model's.
 */
function arrangedState(claimed: ReadonlySet<Capability>): fc.Arbitrary<ArrangedState> {
  const others: ArrangedState[] = [
    'prepared',
    'redeemed',
    ...(claimed.has('two-phase-sale') ? (['activating'] as const) : []),
    ...(claimed.has('cancel-restore') ? (['canceled'] as const) : []),
    ...(claimed.has('voucher-refund') ? (['refunding', 'refunded'] as const) : []),
  ];
  return fc.oneof(fc.constant<ArrangedState>('activated'), fc.constantFrom(...others));
}

/**
 * Every command of a voucher's life the target's capabilities allow, as fast-check arbitraries (one
 * command per file, as fast-check's own model-based examples). Only what the target claims is generated:
 * vouchers come from the driver's arrangement; issuing, selling, cancelling, returns, validity, lookups,
 * holds, one-step redemptions, refunds, top-ups and clock moves each need their capability. Money
 * movements are weighted up so that short runs reach payments and refunds rather than set-up.
 */
export function voucherCommands(
  claimed: ReadonlySet<Capability>,
): Map<string, Array<fc.WeightedArbitrary<VoucherCommand>>> {
  const has = (c: Capability) => claimed.has(c);
  const denomination = fc.oneof(fc.constantFrom(2000, 500), fc.integer({ min: 1, max: 5000 }));
  const features = new Map<string, Array<fc.WeightedArbitrary<VoucherCommand>>>();
  const add = (feature: string, ...parts: Array<fc.WeightedArbitrary<VoucherCommand>>) =>
    features.set(feature, [...(features.get(feature) ?? []), ...parts]);
  add(
    'core',
    {
      weight: 1,
      // A voucher arranged in another state allows top-ups half the time (where they are claimed), so
      // that its row's top-up meets the state's rule rather than the type's.
      arbitrary: fc
        .tuple(voucherKind(claimed), denomination, arrangedState(claimed), fc.boolean())
        .map(
          ([k, d, s, loadable]) =>
            new ArrangeVoucherCommand(
              loadable && s !== 'activated' && has('top-up')
                ? { ...k, reusable: true, topUpAllowed: true }
                : k,
              d,
              s,
            ),
        ),
    },
    { weight: 2, arbitrary: index.map((v) => new InquireCommand(v)) },
  );
  if (has('templates') && has('two-phase-sale')) {
    add('issue', {
      weight: 1,
      arbitrary: fc
        .tuple(voucherKind(claimed), denomination, fc.integer({ min: 1, max: 2 }))
        .map(([k, d, n]) => new IssueCommand(k, d, n)),
    });
  }
  if (has('two-phase-sale')) {
    add('sale', {
      weight: 1,
      // Left open one time in three, so that later commands meet an activating voucher; the closing
      // request alone half the time (from every state but activating it must be refused).
      arbitrary: fc
        .tuple(
          index,
          fc.constantFrom('close' as const, 'cancel' as const, 'leave-open' as const),
          fc.boolean(),
        )
        .map(([v, ending, opens]) => new SellCommand(v, ending, opens)),
    });
  }
  if (has('cancel-restore')) {
    // Weighted 2: a restore only tells something after a cancel of the same voucher.
    add('cancel-restore', {
      weight: 2,
      arbitrary: fc
        .tuple(index, fc.constantFrom('cancelVoucher' as const, 'restoreVoucher' as const))
        .map(([v, a]) => new CancelVoucherCommand(v, a)),
    });
  }
  if (has('identifiers')) {
    add('lookup', {
      weight: 1,
      arbitrary: fc
        .tuple(index, fc.constantFrom(...identifierKinds), fc.boolean())
        .map(([v, by, unknown]) => new LookupCommand(v, by, unknown)),
    });
  }
  if (has('validity-change')) {
    add('validity', {
      weight: 1,
      arbitrary: fc
        .tuple(
          index,
          fc.oneof(
            fc.constantFrom(1, 30).map((extendDays) => ({ extendDays })),
            fc.constant('yesterday' as const),
          ),
        )
        .map(([v, change]) => new SetValidityCommand(v, change)),
    });
  }
  if (has('voucher-refund')) {
    add('voucher-return', {
      weight: 1,
      arbitrary: fc
        .tuple(
          index,
          fc.constantFrom(
            'refunded' as const,
            'prepared' as const,
            'abandon' as const,
            'leave-open' as const,
          ),
          fc.boolean(),
        )
        .map(([v, ending, opens]) => new ReturnVoucherCommand(v, ending, opens)),
    });
  }
  if (has('holds')) {
    const ttl = has('hold-expiry') ? fc.constantFrom(undefined, 120, 600) : fc.constant(undefined);
    const part = has('partial-capture') ? fc.option(amountPick, { nil: undefined }) : fc.constant(undefined);
    add(
      'holds',
      {
        weight: 4,
        arbitrary: fc
          .tuple(index, amountPick, currencyPick, ttl)
          .map(([v, a, c, t]) => new HoldCommand(v, a, c, t)),
      },
      { weight: 4, arbitrary: fc.tuple(index, part).map(([h, a]) => new CaptureCommand(h, a)) },
      { weight: 1, arbitrary: index.map((h) => new ReleaseCommand(h)) },
    );
  }
  if (has('one-step-redeem')) {
    add('redeem', {
      weight: 3,
      arbitrary: fc
        .tuple(index, amountPick, currencyPick, fc.boolean())
        .map(([v, a, c, retried]) => new RedeemCommand(v, a, c, retried)),
    });
  }
  if (has('redemption-refund')) {
    add('refund', {
      weight: 2,
      arbitrary: fc
        .tuple(index, fc.option(amountPick, { nil: undefined }))
        .map(([p, a]) => new RefundCommand(p, a)),
    });
  }
  if (has('top-up')) {
    add('top-up', {
      weight: 1,
      arbitrary: fc
        .tuple(index, fc.integer({ min: 1, max: 5000 }), currencyPick)
        .map(([v, a, c]) => new TopUpCommand(v, a, c)),
    });
  }
  // The clock is core where it can be moved: expiry is part of most rare chains (pay, expire, refund).
  if (has('test-control')) {
    add(
      'core',
      {
        weight: 1,
        arbitrary: fc.constantFrom(120, 600, 3600, 86_400).map((s) => new AdvanceClockCommand(s)),
      },
      // Both sides of an end: fixed clock moves seldom land a voucher just past its validity (issue 16).
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            index,
            has('holds')
              ? fc.constantFrom('validity' as const, 'hold' as const)
              : fc.constant('validity' as const),
            fc.constantFrom('before' as const, 'after' as const),
          )
          .map(([v, of, side]) => new ClockToEdgeCommand(v, of, side)),
      },
    );
  }
  // LC-13 a row at a time: whatever the state of a voucher forbids, sent to it (issue 16).
  const operable = new Set<VoucherOperation>([
    ...(has('two-phase-sale') ? (['startSale', 'completeSale', 'cancelSale'] as const) : []),
    ...(has('voucher-refund') ? (['startReturn', 'completeReturn', 'cancelReturn'] as const) : []),
    ...(has('cancel-restore') ? (['cancelVoucher', 'restoreVoucher'] as const) : []),
    ...(has('validity-change') ? (['setValidity'] as const) : []),
    ...(has('holds') ? (['hold', 'capture'] as const) : []),
    ...(has('one-step-redeem') ? (['redeem'] as const) : []),
    ...(has('top-up') ? (['topUp'] as const) : []),
    ...(has('redemption-refund') ? (['refund'] as const) : []),
  ]);
  add('forbidden', { weight: 1, arbitrary: index.map((v) => new ForbiddenSweepCommand(v, operable)) });
  // A hold or a payment open while its voucher changes state, then captured or refunded (issue 16).
  const phases: MoneyPhase[] = [
    ...(has('holds') ? (['capture'] as const) : []),
    ...(has('redemption-refund') && (has('holds') || has('one-step-redeem')) ? (['refund'] as const) : []),
  ];
  const changes: StateChange[] = [
    ...(has('cancel-restore') ? (['canceled', 'prepared'] as const) : []),
    ...(has('cancel-restore') && has('two-phase-sale') ? (['activating'] as const) : []),
    ...(has('validity-change') ? (['expired'] as const) : []),
    ...(has('one-step-redeem') ? (['redeemed'] as const) : []),
  ];
  if (phases.length > 0 && changes.length > 0)
    add('forbidden', {
      weight: 1,
      arbitrary: fc
        .tuple(voucherKind(claimed), fc.constantFrom(...phases), fc.constantFrom(...changes))
        // Paid up only where nothing keeps it open: balance guard holds reserve nothing; no top-ups.
        .map(([k, phase, change]) => {
          const paidUp = change === 'redeemed' && has('balance-guard');
          const kind: VoucherKind = paidUp ? { ...k, policy: 'balance-guard', topUpAllowed: false } : k;
          return new AcrossStateCommand(kind, phase, change);
        }),
    });
  // RD-06 later on: any earlier money request again, with its key (refusals too, once the state changed).
  add('resend', {
    weight: 1,
    arbitrary: fc.tuple(index, fc.boolean()).map(([i, refused]) => new ResendCommand(i, refused)),
  });
  return features;
}

/**
 * The command sequences of a voucher's life, by swarm testing (Groce et al., 2012): each run draws the
 * features it may use (the core always: arranging and reading vouchers) and its commands from those only.
 * A run that may not cancel or top up gives its length to the features it has, so rare chains (cancel
 * then restore, pay then expire then refund, hold then capture part then read) come up in a default-size
 * run instead of drowning in every other command. Shrinking keeps the drawn features and shortens the run.
 */
export function voucherCommandSequences(
  claimed: ReadonlySet<Capability>,
  maxCommands: number,
): fc.Arbitrary<Iterable<fc.AsyncCommand<VoucherModel, TargetSession>>> {
  const features = voucherCommands(claimed);
  const core = features.get('core') ?? [];
  const optional = [...features.entries()].filter(([name]) => name !== 'core').map(([, parts]) => parts);
  // Each feature in two runs of three: chains of three features (pay, move the clock, refund) stay common.
  return fc
    .tuple(...optional.map((parts) => fc.constantFrom(parts, parts, [])))
    .chain((drawn) => fc.commands([fc.oneof(...core, ...drawn.flat())], { size: 'max', maxCommands }));
}
