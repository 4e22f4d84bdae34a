import type { Policy } from '../spec/capabilities.ts';
import type { LedgerEntry } from '../spec/schemas/ledger.ts';
import type { FinalLedger } from '../src/history/final-ledger.ts';
import type { History, Operation } from '../src/history/operation.ts';
import { emptyOutput, toModelIO } from '../src/model/model-io.ts';
import { voucherModel } from '../src/model/voucher-model.ts';
import type { VoucherState } from '../src/model/voucher-state.ts';

export interface Workload {
  ops: number;
  vouchers: number;
  clients: number;
  policy: Policy;
  funds: number;
  seed: number;
}

/** A small seeded generator (mulberry32), so a workload is replayable. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const EUR = (amount: number) => ({ amount, currency: 'EUR' });
const blank = emptyOutput;
const failCodes = ['insufficient_balance', 'voucher_in_use', 'voucher_redeemed', 'hold_not_open'];

interface Client {
  name: string;
  hold: { voucher: string; id: string; failed: boolean } | null;
  retry: Operation | null;
  pending: Operation | null;
  at: number;
  phase: 'invoke' | 'apply' | 'complete';
  effect: 'apply' | 'drop' | 'replay';
}

/**
 * A closed-loop run simulated in memory: each client calls, the service acts at one instant inside
 * the call (the voucher model plays a correct service), the client sees the answer; 0.3% of answers
 * are lost (info) and retried with the same key. Returns the history and the final ledgers.
 */
export function generate(w: Workload): { history: History; ledgers: Map<string, FinalLedger> } {
  const rnd = random(w.seed);
  const model = voucherModel(w.policy);
  const states = new Map<string, VoucherState>();
  const ledgers = new Map<string, FinalLedger>();
  const voucherIds = Array.from({ length: w.vouchers }, (_, i) => `v${i}`);
  for (const id of voucherIds) {
    states.set(id, model.init(w.funds));
    const issue = {
      seq: 1,
      kind: 'issue',
      amount: w.funds,
      balanceAfter: w.funds,
      currency: 'EUR',
      at: '2026-01-01T00:00:00.000Z',
      receipt: null,
      operationId: null,
    };
    ledgers.set(id, { voucherId: id, initial: w.funds, entries: [issue] });
  }
  const answers = new Map<string, Pick<Operation, 'completion' | 'result'>>();
  const ops: Operation[] = [];
  const clients: Client[] = Array.from({ length: w.clients }, (_, i) => ({
    name: `pos-${i}`,
    hold: null,
    retry: null,
    pending: null,
    at: rnd.int(0, 1000),
    phase: 'invoke',
    effect: 'apply',
  }));
  let n = 0;
  const book = (
    voucher: string,
    kind: string,
    amount: number,
    balance: number,
    id: string | null,
    receipt: string,
  ) => {
    const ledger = ledgers.get(voucher) as FinalLedger;
    ledger.entries ??= [];
    const entries = ledger.entries;
    entries.push({
      seq: entries.length + 1,
      kind,
      amount,
      balanceAfter: balance,
      currency: 'EUR',
      at: '2026-01-02T00:00:00.000Z',
      receipt: { number: receipt, store: 'S', register: 'R', channel: 'pos' },
      operationId: id,
    } as LedgerEntry);
  };
  const call = (c: Client): Operation => {
    if (c.retry) return { ...c.retry, invokedAt: c.at, completedAt: c.at, completion: 'ok', result: {} };
    n += 1;
    const key = `k${n}`;
    const base = {
      client: c.name,
      key,
      invokedAt: c.at,
      completedAt: c.at,
      completion: 'ok' as const,
      result: {},
    };
    if (c.hold) {
      const target = c.hold.id;
      return {
        ...base,
        op: rnd.next() < 0.85 ? 'captureHold' : 'releaseHold',
        voucher: c.hold.voucher,
        target,
        args: {},
      };
    }
    const voucher = voucherIds[rnd.int(0, w.vouchers - 1)] as string;
    const roll = rnd.next();
    const amount = EUR(rnd.int(1, 40) * 25);
    const receipt = { number: `R${n}`, store: 'S', register: 'R', channel: 'pos' };
    if (roll < 0.15) return { ...base, op: 'getBalance', voucher, key: null, args: {} };
    if (roll < 0.6) return { ...base, op: 'createHold', voucher, args: { amount, receipt, ttlSeconds: 900 } };
    if (roll < 0.85) return { ...base, op: 'redeem', voucher, args: { amount, receipt } };
    return { ...base, op: 'topUp', voucher, args: { amount, receipt } };
  };
  const apply = (c: Client, op: Operation) => {
    if (c.effect === 'drop') return;
    const replay = op.key ? answers.get(op.key) : undefined;
    if (replay) {
      op.completion = replay.completion;
      op.result = replay.result;
      return;
    }
    const state = states.get(op.voucher) as VoucherState;
    const { input } = toModelIO(op, ops.length, null, new Set(op.target ? [op.target] : []));
    input.completedAt = op.invokedAt;
    const id = op.op === 'createHold' ? `h${op.key}` : `r${op.key}`;
    const tried = model.step(state, input, { ...blank, id: op.op === 'createHold' ? id : null });
    if (!tried.ok) {
      const code = failCodes.find(
        (candidate) => model.step(state, input, { ...blank, completion: 'fail', code: candidate }).ok,
      );
      op.completion = 'fail';
      op.result = { code: code ?? 'validation_failed', status: 409 };
    } else {
      const next = tried.next;
      const receipt = (op.args.receipt as { number: string } | undefined)?.number ?? `R-${op.target}`;
      const amount = next.balance - state.balance;
      if (op.op === 'createHold') op.result = { id, amount: op.args.amount, status: 'open' };
      else if (op.op === 'releaseHold') op.result = { id: op.target, status: 'released' };
      else if (op.op === 'getBalance' || op.op === 'topUp') op.result = { balance: EUR(next.balance) };
      else
        op.result = {
          id,
          holdId: op.target ?? null,
          amount: EUR(-amount),
          balanceAfter: EUR(next.balance),
          remainderVoucher: null,
        };
      if (amount !== 0)
        book(
          op.voucher,
          amount > 0 ? 'load' : 'capture',
          amount,
          next.balance,
          op.op === 'topUp' ? null : id,
          receipt,
        );
      states.set(op.voucher, next);
    }
    if (op.key) answers.set(op.key, { completion: op.completion, result: op.result });
  };
  const heap = new MinHeap<Client>((c) => c.at);
  for (const c of clients) heap.push(c);
  let running = clients.length;
  let started = 0;
  while (running > 0) {
    const c = heap.pop() as Client;
    if (c.phase === 'invoke' && started >= w.ops) {
      running -= 1; // the run is over for this client: every call it made has completed
      continue;
    }
    if (c.phase === 'invoke') {
      started += 1;
      c.pending = call(c);
      c.effect = rnd.next() < 0.003 ? (rnd.next() < 0.5 ? 'drop' : 'apply') : 'apply';
      c.phase = 'apply';
      c.at += rnd.int(50, 2000);
    } else if (c.phase === 'apply') {
      apply(c, c.pending as Operation);
      c.phase = 'complete';
      c.at += rnd.int(50, 2000);
    } else {
      const op = c.pending as Operation;
      op.completedAt = c.at;
      const lost = c.effect === 'drop' || (rnd.next() < 0.003 && !c.retry);
      if (lost) {
        op.completion = 'info';
        op.result = { error: 'timeout' };
      }
      ops.push(op);
      c.retry = lost && op.key ? op : null;
      if (!lost && op.key) answers.delete(op.key);
      if (!c.retry && op.completion === 'ok' && op.op === 'createHold')
        c.hold = { voucher: op.voucher, id: (op.result as { id: string }).id, failed: false };
      else if (!c.retry && op.op === 'captureHold' && op.completion === 'fail' && c.hold)
        c.hold.failed = true;
      else if (!c.retry && (op.op === 'captureHold' || op.op === 'releaseHold')) c.hold = null;
      c.phase = 'invoke';
      c.at += rnd.int(0, 500);
    }
    heap.push(c);
  }
  for (const [id, ledger] of ledgers) ledger.balance = EUR((states.get(id) as VoucherState).balance);
  const meta = {
    kind: 'meta' as const,
    seed: w.seed,
    policy: w.policy,
    target: 'generated',
    funds: Object.fromEntries(voucherIds.map((id) => [id, w.funds])),
  };
  return { history: { meta, ops }, ledgers };
}

/** A binary min-heap by a numeric key. */
class MinHeap<T> {
  private items: T[] = [];
  private key: (item: T) => number;
  constructor(key: (item: T) => number) {
    this.key = key;
  }
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.key(items[parent] as T) <= this.key(item)) break;
      items[i] = items[parent] as T;
      i = parent;
    }
    items[i] = item;
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop() as T;
    if (items.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= items.length) break;
      const r = l + 1;
      const child = r < items.length && this.key(items[r] as T) < this.key(items[l] as T) ? r : l;
      if (this.key(items[child] as T) >= this.key(last)) break;
      items[i] = items[child] as T;
      i = child;
    }
    items[i] = last;
    return top;
  }
}
