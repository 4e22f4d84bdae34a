import type { Policy } from '../../spec/capabilities.ts';
import type { LedgerEntry } from '../../spec/schemas/ledger.ts';
import type { FinalLedger } from '../../src/history/final-ledger.ts';
import type { HistoryMeta, Operation } from '../../src/history/operation.ts';

/** A history as plain data, ready to be changed and written out. */
export interface Sample {
  meta: HistoryMeta | null;
  ops: Array<Record<string, unknown>>;
  ledgers: FinalLedger[];
}

/** A seeded generator (mulberry32): the same seed gives the same mutations. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

type Op = Operation & Record<string, unknown>;
const money = (amount: number) => ({ amount, currency: 'EUR' });
const result = (op: Op) => op.result as Record<string, unknown>;

function some(sample: Sample, rnd: Random, test: (op: Op) => boolean): Op | undefined {
  const matching = (sample.ops as Op[]).filter(test);
  return matching.length > 0 ? rnd.pick(matching) : undefined;
}

function someEntry(sample: Sample, rnd: Random, kind?: string): [FinalLedger, number] | undefined {
  const withEntries = sample.ledgers.filter((l) => l.entries?.some((e) => !kind || e.kind === kind));
  if (withEntries.length === 0) return undefined;
  const ledger = rnd.pick(withEntries);
  const entries = ledger.entries as LedgerEntry[];
  const positions = entries.flatMap((e, at) => (!kind || e.kind === kind ? [at] : []));
  return [ledger, rnd.pick(positions)];
}

/**
 * Defects and oddities a history can have, each a small change of a correct one: what the checkers
 * must find (or give up on), and what the reader must read the same way whichever path reads it.
 */
export const mutations: Record<string, (sample: Sample, rnd: Random) => void> = {
  overspend(s, r) {
    const op = some(s, r, (o) => o.op === 'redeem' && o.completion === 'ok');
    if (op) result(op).amount = money(90_000);
  },
  lostEntry(s, r) {
    const found = someEntry(s, r, 'capture');
    if (found) found[0].entries?.splice(found[1], 1);
  },
  doubledEntry(s, r) {
    const found = someEntry(s, r, 'capture');
    if (found) {
      const entries = found[0].entries as LedgerEntry[];
      entries.splice(found[1], 0, { ...(entries[found[1]] as LedgerEntry) });
    }
  },
  entryWithoutId(s, r) {
    const found = someEntry(s, r);
    if (found)
      (found[0].entries as LedgerEntry[])[found[1]] = {
        ...found[0].entries?.[found[1]],
        operationId: null,
      } as LedgerEntry;
  },
  wrongBalance(s, r) {
    const ledger = r.pick(s.ledgers);
    if (ledger?.balance) ledger.balance = money(ledger.balance.amount + r.int(-500, 500));
  },
  staleRead(s, r) {
    const op = some(s, r, (o) => o.op === 'getBalance' && o.completion === 'ok');
    if (op) result(op).balance = money(r.int(0, 100_000));
  },
  blindRead(s, r) {
    const op = some(s, r, (o) => o.op === 'getBalance' && o.completion === 'ok');
    if (op) delete result(op).balance;
  },
  holdWithoutId(s, r) {
    const op = some(s, r, (o) => o.op === 'createHold' && o.completion === 'ok');
    if (op) delete result(op).id;
  },
  retryAnswersOtherwise(s, r) {
    const keys = new Map<string, number>();
    for (const op of s.ops as Op[]) if (op.key) keys.set(op.key, (keys.get(op.key) ?? 0) + 1);
    const op = some(s, r, (o) => o.key !== null && (keys.get(o.key) ?? 0) > 1 && o.completion === 'ok');
    if (op) op.result = { ...result(op), balanceAfter: money(1) };
  },
  keyReused(s, r) {
    const target = some(s, r, (o) => o.key !== null && o.op === 'redeem');
    const op = some(s, r, (o) => o.key !== null && o !== target && o.completion === 'ok');
    if (target && op) op.key = target.key;
  },
  unknownAmount(s, r) {
    const op = some(s, r, (o) => o.op === 'redeem' && o.completion === 'ok');
    if (!op) return;
    delete op.args.amount;
    delete result(op).amount;
  },
  lostAnswer(s, r) {
    const op = some(s, r, (o) => o.completion === 'ok' && o.op !== 'getBalance');
    if (!op) return;
    op.completion = 'info';
    op.result = { error: 'timeout' };
  },
  faultless(s, r) {
    // A run that injected no faults: its requests without an answer are findings of the contract checker.
    s.meta = { ...(s.meta ?? { kind: 'meta' }), faultsInjected: r.next() >= 0.8 };
  },
  refusedConnection(s, r) {
    const op = some(s, r, (o) => o.completion === 'fail');
    if (op) op.result = { ...result(op), status: 0 };
  },
  outsideContract(s, r) {
    const op = some(s, r, () => true);
    if (!op) return;
    op.status = r.pick([201, 200, 500, 503]);
    op.violations = [
      { path: '/amount', message: 'must be object', value: 5 },
      { path: '', message: 'extra' },
    ];
  },
  serverError(s, r) {
    const op = some(s, r, (o) => o.completion === 'info');
    if (op) op.status = 502;
  },
  ledgerOutsideContract(s, r) {
    const ledger = r.pick(s.ledgers);
    if (ledger) ledger.violations = [{ path: '/entries/0', message: 'unknown kind' }];
  },
  withoutFunds(s, r) {
    const ledger = r.pick(s.ledgers);
    if (!ledger) return;
    delete ledger.initial;
    if (s.meta?.funds) delete s.meta.funds[ledger.voucherId];
  },
  initialAsMoney(s, r) {
    const ledger = r.pick(s.ledgers);
    if (ledger && typeof ledger.initial === 'number') ledger.initial = money(ledger.initial);
  },
  balanceOnly(s, r) {
    const ledger = r.pick(s.ledgers);
    if (ledger) delete ledger.entries;
  },
  unreadableLedger(s, r) {
    const at = r.int(0, s.ledgers.length - 1);
    const ledger = s.ledgers[at];
    if (ledger) s.ledgers[at] = { voucherId: ledger.voucherId, unreadable: 'timeout' };
  },
  ledgerMissing(s, r) {
    s.ledgers.splice(r.int(0, s.ledgers.length - 1), 1);
  },
  ledgerAlone(s, r) {
    s.ledgers.splice(r.int(0, s.ledgers.length), 0, {
      voucherId: `stranger-${r.int(0, 9)}`,
      initial: 500,
      entries: [
        {
          seq: 1,
          kind: 'issue',
          amount: 500,
          balanceAfter: 500,
          currency: 'EUR',
          at: '2026-01-01T00:00:00.000Z',
        },
        {
          seq: 2,
          kind: 'capture',
          amount: -100,
          balanceAfter: 400,
          currency: 'EUR',
          at: '2026-01-02T00:00:00.000Z',
        },
      ] as LedgerEntry[],
    });
  },
  startedAt(s) {
    if (s.meta) s.meta.startedAt = '2026-01-01T12:00:00.000Z';
  },
  noPolicy(s) {
    if (s.meta) delete s.meta.policy;
  },
  noMeta(s) {
    s.meta = null;
  },
  oneTime(s, r) {
    const vouchers = [...new Set((s.ops as Op[]).map((o) => o.voucher))];
    if (s.meta) s.meta.oneTime = vouchers.filter(() => r.next() < 0.5);
  },
  holdTtl(s, r) {
    if (s.meta) s.meta.holdTtlSeconds = r.int(1, 3);
    for (const op of s.ops as Op[]) if (op.op === 'createHold' && r.next() < 0.5) delete op.args.ttlSeconds;
  },
  holdTimes(s, r) {
    const op = some(s, r, (o) => o.op === 'createHold' && o.completion === 'ok');
    if (!op) return;
    delete op.args.ttlSeconds;
    Object.assign(result(op), {
      createdAt: '2026-01-01T00:00:00.000Z',
      expiresAt: '2026-01-01T00:00:00.002Z',
    });
  },
  refunds(s, r) {
    const op = some(s, r, (o) => o.op === 'redeem' && o.completion === 'ok');
    if (!op) return;
    const id = result(op).id as string;
    const at = op.completedAt + 10;
    const refund = {
      client: 'refunder',
      op: 'refundRedemption',
      voucher: op.voucher,
      target: id,
      args: r.next() < 0.5 ? {} : { amount: money(r.int(1, 500)) },
      key: `refund-${id}`,
      invokedAt: at,
      completedAt: at + 5,
      completion: 'ok',
      result: { id: `rf-${id}`, amount: money(r.int(1, 500)), refundedTotal: money(r.int(1, 2000)) },
    };
    s.ops.splice(s.ops.indexOf(op) + 1, 0, refund);
  },
  remainder(s, r) {
    const op = some(s, r, (o) => o.op === 'captureHold' && o.completion === 'ok');
    if (op) result(op).remainderVoucher = r.next() < 0.5 ? { balance: money(r.int(1, 900)) } : 'yes';
  },
  oddStrings(s, r) {
    const names = ['pos-é', 'tab\there', 'quote"d', '𝄞', 'back\\slash', '\u2028'];
    const op = some(s, r, () => true);
    if (!op) return;
    op.client = r.pick(names);
    if (op.key !== null) op.key = `${op.key}${r.pick(names)}`;
  },
  oddVoucher(s, r) {
    const from = (r.pick(s.ops as Op[]) as Op | undefined)?.voucher;
    if (!from) return;
    const to = `${from}-ü`;
    for (const op of s.ops as Op[]) if (op.voucher === from) op.voucher = to;
    for (const ledger of s.ledgers) if (ledger.voucherId === from) ledger.voucherId = to;
    if (s.meta?.funds?.[from] !== undefined) s.meta.funds[to] = s.meta.funds[from] as number;
  },
  clockMoves(s, r) {
    // The test clock moved during the run (advanceTestClock): holds have a time-to-live it can pass, so
    // a capture after a move past it is a defect, and a hold after it may find the first one expired.
    const ops = s.ops as Op[];
    if (ops.length === 0) return;
    if (s.meta) s.meta.holdTtlSeconds = r.pick([60, 600]);
    const times = ops.map((op) => op.invokedAt);
    for (let n = r.int(1, 3); n > 0; n--) {
      const at = r.pick(times);
      const completion = r.pick(['ok', 'ok', 'ok', 'info', 'fail'] as const);
      const move: Op = {
        client: 'clock',
        op: 'advanceTestClock',
        voucher: (r.pick(ops) as Op).voucher,
        args: { advanceSeconds: r.pick([120, 720, 86_400]) },
        key: null,
        invokedAt: at,
        completedAt: at + r.int(1, 400),
        completion,
        result:
          completion === 'ok'
            ? { now: '2026-01-01T00:00:00.000Z', offsetSeconds: 720 }
            : completion === 'fail'
              ? { code: 'validation_failed', status: 400 }
              : { error: 'timeout' },
        ...(completion === 'info' ? {} : { status: completion === 'ok' ? 200 : 400 }),
      };
      ops.splice(r.int(0, ops.length), 0, move);
    }
  },
  extraFields(s, r) {
    const op = some(s, r, () => true);
    if (!op) return;
    op.args = {
      ...op.args,
      note: { nested: [1, { deep: 'x' }] },
      amount: r.pick([5, '5', null, { amount: 1.5 }]),
    };
  },
  numbered(s) {
    const next = new Map<string, number>();
    for (const op of s.ops as Op[]) {
      const index = (next.get(op.client) ?? 0) + 1;
      next.set(op.client, index);
      op.index = index;
    }
  },
};

/** One of the four policies. */
export function policyOf(rnd: Random): Policy {
  return rnd.pick(['balance-guard', 'amount-holds', 'exclusive-hold', 'redeem-entire'] as const);
}
