import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import pg from 'pg';
import type { RunningServer } from '../../reference-impl/server.ts';
import { batchLimit, redeemBatcher } from '../../reference-impl/storage/redeem-batch.ts';
import { type RedeemNow, redeemNow } from '../../reference-impl/storage/redeem-now.ts';
import { hashKey } from '../../reference-impl/storage/tenant-rows.ts';
import { activeVouchers, newTenant, receipt, type Tenant } from '../support/fixtures.ts';
import { alike, effects, seqOf } from '../support/redemption-effects.ts';
import { startReferenceServer } from '../support/reference-server.ts';

/**
 * Group commit (storage/redeem-batch.ts, migrations/005_redeem_batch.sql) against the one statement
 * alone: redemptions sent together must answer and write exactly what the same redemptions write one
 * by one, in the order of their vouchers, each through redeem_now (which test/api/redeem-now.test.ts
 * holds to the service). Two sets of vouchers of the same kinds are put in the same generated state;
 * one set takes a batch, the other the same redemptions one statement at a time.
 */
let server: RunningServer;
let db: pg.Pool;
let tenant: Tenant;
let apiKey: string;
const kinds = [
  { reusable: true, topUpAllowed: false },
  { reusable: true, topUpAllowed: true },
  { reusable: false, topUpAllowed: false },
  { reusable: true, topUpAllowed: false, policy: 'redeem-entire' as const },
];
const batched: string[] = [];
const alone: string[] = [];

before(async () => {
  server = await startReferenceServer();
  db = new pg.Pool({ connectionString: server.databaseUrl, max: 4 });
  tenant = await newTenant(server.url);
  apiKey = tenant.pos.key as string;
  for (const kind of kinds) {
    const [a, b] = await activeVouchers(tenant, 1000, 2, kind);
    batched.push(a!.id);
    alone.push(b!.id);
  }
});
after(async () => {
  await db?.end();
  await server?.close();
});

const now = new Date('2026-06-01T12:00:00.000Z');

/**
 * A pool that counts the batches it is sent and how many redemptions each holds; while `held` is set,
 * a batch waits for it before it goes to the database.
 */
function counting(pool: pg.Pool) {
  const sizes: number[] = [];
  const gate: { held: Promise<void> | null } = { held: null };
  const query = (async (config: pg.QueryConfig<[string]>) => {
    sizes.push(JSON.parse(config.values?.[0] ?? '[]').length);
    await gate.held;
    return pool.query(config);
  }) as unknown as pg.Pool['query'];
  return { sizes, gate, pool: { query } };
}

const item = (
  voucherId: string,
  amount: number,
  key: string = randomUUID(),
  number = `R-${key}`,
): RedeemNow => ({
  keyHash: hashKey(apiKey),
  tenantId: tenant.tenantId,
  role: 'pos',
  clockOffsetSeconds: 0,
  idempotencyKey: key,
  fingerprint: 'f'.repeat(64),
  voucherId,
  amount,
  currency: 'EUR',
  receipt: receipt(number),
  redemptionId: randomUUID(),
  now,
  status: 201,
  answer: { voucherId, amount: { amount, currency: 'EUR' } },
});

const slot = fc.record({
  state: fc.oneof(
    { arbitrary: fc.constant('activated'), weight: 5 },
    { arbitrary: fc.constantFrom('prepared', 'redeemed'), weight: 1 },
  ),
  balance: fc.integer({ min: 0, max: 600 }),
  openHolds: fc.oneof({ arbitrary: fc.constant(0), weight: 5 }, { arbitrary: fc.constant(1), weight: 1 }),
});
const redemption = fc.record({
  slot: fc.nat({ max: kinds.length - 1 }),
  amount: fc.integer({ min: 1, max: 300 }),
  /** A fresh Idempotency-Key, or the key of an earlier redemption in the batch. */
  keyOf: fc.oneof({ arbitrary: fc.constant(-1), weight: 6 }, { arbitrary: fc.nat({ max: 9 }), weight: 1 }),
  caller: fc.oneof(
    { arbitrary: fc.constant('same'), weight: 6 },
    { arbitrary: fc.constant('gone'), weight: 1 },
  ),
});

async function arrange(ids: string[], slots: Array<{ state: string; balance: number; openHolds: number }>) {
  for (const [i, id] of ids.entries()) {
    const s = slots[i]!;
    await db.query(
      `UPDATE vouchers SET state = $2, balance = $3, held = 0, open_holds = $4, used = false,
         expires_at = $5, activated_at = $6 WHERE id = $1`,
      [
        id,
        s.state,
        s.balance,
        s.openHolds,
        new Date('2027-06-01T00:00:00Z'),
        new Date('2026-05-01T00:00:00Z'),
      ],
    );
  }
}

test('redemptions sent together answer and write what the same redemptions write one by one in the order of their vouchers', async () => {
  let committed = 0;
  let given = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(slot, { minLength: kinds.length, maxLength: kinds.length }),
      fc.array(redemption, { minLength: 1, maxLength: 10 }),
      async (slots, redemptions) => {
        await arrange(batched, slots);
        await arrange(alone, slots);
        const seqs = {
          batched: await Promise.all(batched.map((id) => seqOf(db, id))),
          alone: await Promise.all(alone.map((id) => seqOf(db, id))),
        };
        const keys = { batched: [] as string[], alone: [] as string[] };
        const made = { batched: [] as RedeemNow[], alone: [] as RedeemNow[] };
        for (const [i, r] of redemptions.entries()) {
          for (const world of ['batched', 'alone'] as const) {
            const key = r.keyOf >= 0 && r.keyOf < i ? (keys[world][r.keyOf] as string) : randomUUID();
            keys[world].push(key);
            const ids = world === 'batched' ? batched : alone;
            const one = item(ids[r.slot] as string, r.amount, key, `R-${i}`);
            made[world].push(r.caller === 'gone' ? { ...one, keyHash: hashKey('vk_pos_gone') } : one);
          }
        }
        const { sizes, pool } = counting(db);
        const batcher = redeemBatcher(pool);
        const answers = await Promise.all(made.batched.map((r) => batcher.redeem(r)));
        assert.deepEqual(
          sizes,
          [redemptions.length],
          'redemptions sent together went in more than one batch',
        );
        // One by one, in the order the batch runs them: by voucher, then as they came.
        const order = redemptions
          .map((_, i) => i)
          .sort((i, j) => {
            const [a, b] = [made.batched[i]!.voucherId, made.batched[j]!.voucherId];
            return a < b ? -1 : a > b ? 1 : i - j;
          });
        const expected: Array<number | null> = [];
        for (const i of order) expected[i] = await redeemNow(db, made.alone[i]!);
        const where = JSON.stringify({ slots, redemptions });
        assert.deepEqual(answers, expected, `answers differ: ${where}`);
        committed += answers.filter((a) => a !== null).length;
        given += answers.filter((a) => a === null).length;
        const names = (ids: string[]) => Object.fromEntries(ids.map((id, i) => [id, `V${i}`]));
        for (let s = 0; s < kinds.length; s++) {
          const mine = await effects(db, tenant.tenantId, batched[s]!, seqs.batched[s]!, []);
          const theirs = await effects(db, tenant.tenantId, alone[s]!, seqs.alone[s]!, []);
          assert.deepEqual(
            alike(mine, names(batched)),
            alike(theirs, names(alone)),
            `voucher ${s} differs: ${where}`,
          );
        }
        const stored = async (world: 'batched' | 'alone') =>
          (await effects(db, tenant.tenantId, batched[0]!, 0, keys[world])).stored;
        assert.deepEqual(
          alike(await stored('batched'), names(batched)),
          alike(await stored('alone'), names(alone)),
          `stored answers differ: ${where}`,
        );
      },
    ),
    { numRuns: 100, seed: 20261202 },
  );
  console.log(`# ${committed} redemptions committed in batches, ${given} given to the service`);
  assert.ok(committed >= 100 && given >= 50, `too few of either: ${committed} committed, ${given} given`);
});

test('redemptions that arrive while a batch is at the database go together in the next one; more than a batch holds go in several', async () => {
  const [one, two] = [batched[0]!, batched[1]!];
  await arrange(
    batched,
    kinds.map(() => ({ state: 'activated', balance: 100_000, openHolds: 0 })),
  );
  const { sizes, gate, pool } = counting(db);
  const batcher = redeemBatcher(pool);
  let release = () => {};
  gate.held = new Promise((resolve) => {
    release = resolve;
  });
  const first = batcher.redeem(item(one, 1));
  // The first batch is sent and held at the database; the next three arrive one turn of the event loop
  // after another while it is there.
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  while (sizes.length === 0) await tick();
  const next = [];
  for (const [voucher, amount] of [
    [two, 2],
    [one, 3],
    [two, 4],
  ] as const) {
    next.push(batcher.redeem(item(voucher, amount)));
    await tick();
    await tick();
  }
  gate.held = null;
  release();
  const answers = [await first, ...(await Promise.all(next))];
  assert.deepEqual(sizes, [1, 3]);
  // Each caller gets its own voucher's balance, although the batch ran them in the order of their vouchers.
  assert.deepEqual(answers, [99_999, 99_998, 99_996, 99_994]);

  const many = Array.from({ length: batchLimit * 2 + 1 }, () => batcher.redeem(item(one, 1)));
  const balances = await Promise.all(many);
  assert.deepEqual(sizes.slice(2), [batchLimit, batchLimit, 1]);
  assert.deepEqual(
    [...balances].sort((a, b) => (b as number) - (a as number)),
    Array.from({ length: batchLimit * 2 + 1 }, (_, i) => 99_995 - i),
  );
});

// A failure path that answers nothing leaves its callers waiting for ever: the timeout is that hang's
// bound (the test itself answers in milliseconds), not a measure of speed.
test('a batch PostgreSQL rolled back as a deadlock leaves every redemption to the service; any other failure fails them all, and the next batch still goes', {
  timeout: 60_000,
}, async () => {
  const failures = [
    Object.assign(new Error('deadlock detected'), { code: '40P01' }),
    new Error('connection lost'),
  ];
  const sent: number[] = [];
  const pool = {
    query: ((config: { values: [string] }) => {
      sent.push(JSON.parse(config.values[0]).length);
      const failure = failures.shift();
      return failure ? Promise.reject(failure) : Promise.resolve({ rows: [{ answers: ['7', null] }] });
    }) as unknown as pg.Pool['query'],
  };
  const batcher = redeemBatcher(pool);
  const a = item('10000000-0000-4000-8000-000000000000', 1);
  const b = item('20000000-0000-4000-8000-000000000000', 1);
  assert.deepEqual(await Promise.all([batcher.redeem(b), batcher.redeem(a)]), [null, null]);
  const failed = await Promise.allSettled([batcher.redeem(b), batcher.redeem(a)]);
  assert.deepEqual(
    failed.map((f) => (f.status === 'rejected' ? (f.reason as Error).message : 'answered')),
    ['connection lost', 'connection lost'],
  );
  // The answers come in the order of the vouchers (a's first) and go back to their callers.
  assert.deepEqual(await Promise.all([batcher.redeem(b), batcher.redeem(a)]), [null, 7]);
  assert.deepEqual(sent, [2, 2, 2]);
});
