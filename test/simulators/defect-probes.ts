import { randomUUID } from 'node:crypto';
import { ResponseValidator } from '../../src/contract/response-validator.ts';
import type { Answer, CallOptions } from '../support/api-client.ts';
import { activeVouchers, eur, newTenant, receipt, type Tenant } from '../support/fixtures.ts';
import { reportProbes } from './report-probes.ts';

/** What a probe saw: whether the defect showed, and the figures that say so. */
export interface Observation {
  shown: boolean;
  detail: string;
}

/** A direct HTTP check for one defect, run in a fresh tenant of the target. */
export type Probe = (t: Tenant) => Promise<Observation>;

const validator = new ResponseValidator();
const noKey = { idempotencyKey: null };
const ledgerOf = async (t: Tenant, id: string) =>
  (await t.pos.get('getLedger', `/vouchers/${id}/ledger`)).body;
const captured = (ledger: { entries: { kind: string; amount: number }[] }) =>
  -ledger.entries.filter((e) => e.kind === 'capture').reduce((s, e) => s + e.amount, 0);

/** 50 racing redemptions of 3.00 on a 100.00 voucher: acknowledged money against funds, ledger and balance. */
async function overspend(t: Tenant): Promise<Observation> {
  const funds = 10_000;
  for (let round = 1; round <= 3; round++) {
    const [v] = await activeVouchers(t, funds);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, {
          amount: eur(300),
          receipt: receipt(`R${i}`),
        }),
      ),
    );
    const acked = answers.filter((a) => a.status === 201).reduce((s, a) => s + a.body.amount.amount, 0);
    const ledger = await ledgerOf(t, v!.id);
    const detail = `round ${round}: acknowledged ${acked} of ${funds}, balance ${ledger.balance.amount}, ledger captures ${captured(ledger)}`;
    if (acked > funds || funds - ledger.balance.amount !== acked) return { shown: true, detail };
    if (round === 3) return { shown: false, detail };
  }
  return { shown: false, detail: 'unreachable' };
}

/** The same redemption sent twice with one Idempotency-Key, as after a lost answer. */
async function retryTwice(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000);
  const key = randomUUID();
  const body = { amount: eur(500), receipt: receipt() };
  const first = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, body, { idempotencyKey: key });
  const again = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, body, { idempotencyKey: key });
  const balance = (await ledgerOf(t, v!.id)).balance.amount;
  const detail = `answers ${first.status}/${again.status}, redemptions ${first.body.id} and ${again.body.id}, balance ${balance} of 2000`;
  return { shown: balance !== 1500 || again.body.id !== first.body.id, detail };
}

/** A voucher two days past its one-day validity, and a hold a second past its time-to-live, asked to pay. */
async function expired(t: Tenant): Promise<Observation> {
  const [old] = await activeVouchers(t, 2000, 1, { validityDays: 1 });
  const [held] = await activeVouchers(t, 2000, 1, { holdTtlSeconds: 60 });
  const hold = await t.pos.post('createHold', `/vouchers/${held!.id}/holds`, {
    amount: eur(700),
    receipt: receipt(),
  });
  await t.pos.post('advanceTestClock', '/test/clock', { advanceSeconds: 2 * 86_400 }, noKey);
  const paid = await t.pos.post('redeem', `/vouchers/${old!.id}/redemptions`, {
    amount: eur(100),
    receipt: receipt(),
  });
  const capture = await t.pos.post('captureHold', `/holds/${hold.body.id}/capture`);
  const detail = `expired voucher: ${paid.status} ${paid.body.code ?? 'paid'}; expired hold: ${capture.status} ${capture.body.code ?? 'captured'}`;
  return { shown: paid.status === 201 || capture.status === 201, detail };
}

/** A balance inquiry checked against the OpenAPI document. */
async function wrongBody(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000);
  const a = await t.pos.get('getBalance', `/vouchers/${v!.id}/balance`, { unchecked: true });
  const violations = validator.check({ operationId: 'getBalance', ...a });
  const detail = `status ${a.status}, violations: ${JSON.stringify(violations)}`;
  return { shown: a.status === 200 && violations.length > 0, detail };
}

/** Voucher and balance read before and after a payment, against the ledger. */
async function staleRead(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000);
  await t.pos.get('getBalance', `/vouchers/${v!.id}/balance`);
  await t.pos.get('getVoucher', `/vouchers/${v!.id}`);
  await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, { amount: eur(500), receipt: receipt() });
  const balance = (await t.pos.get('getBalance', `/vouchers/${v!.id}/balance`)).body.balance.amount;
  const voucher = (await t.pos.get('getVoucher', `/vouchers/${v!.id}`)).body.balance.amount;
  const ledger = (await ledgerOf(t, v!.id)).balance.amount;
  const detail = `balance inquiry ${balance}, voucher ${voucher}, ledger ${ledger}`;
  return { shown: balance !== ledger || voucher !== ledger, detail };
}

/** A POS and a web shop each hold one exclusive-hold voucher. */
async function twoExclusiveHolds(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000, 1, { policy: 'exclusive-hold' });
  const path = `/vouchers/${v!.id}/holds`;
  const pos = await t.pos.post('createHold', path, { amount: eur(300), receipt: receipt('R-1') });
  const web = await t.webshop.post('createHold', path, {
    amount: eur(400),
    receipt: receipt('W-1', 'webshop'),
  });
  const open = [];
  for (const h of [pos, web].filter((a) => a.status === 201)) {
    if ((await t.pos.get('getHold', `/holds/${h.body.id}`)).body.status === 'open') open.push(h.body.id);
  }
  const detail = `holds ${pos.status}/${web.status} ${web.body.code ?? ''}, open at once: ${open.length}`;
  return { shown: open.length > 1, detail };
}

/** A hold captured with 201, then looked for in the ledger and as a redemption. */
async function lostCapture(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000);
  const hold = await t.pos.post('createHold', `/vouchers/${v!.id}/holds`, {
    amount: eur(500),
    receipt: receipt(),
  });
  const capture = await t.pos.post('captureHold', `/holds/${hold.body.id}/capture`);
  const ledger = await ledgerOf(t, v!.id);
  const entries = ledger.entries.filter(
    (e: { operationId: string | null }) => e.operationId === capture.body.id,
  );
  const found = await t.pos.get('getRedemption', `/redemptions/${capture.body.id}`);
  const detail = `capture ${capture.status}, ledger entries for it ${entries.length}, redemption ${found.status}, balance ${ledger.balance.amount}`;
  return { shown: capture.status === 201 && (entries.length !== 1 || found.status !== 200), detail };
}

/** A POS key tries back-office work: creating a voucher type. */
async function posDoesBackOffice(t: Tenant): Promise<Observation> {
  const answer = await t.pos.post('createVoucherType', '/voucher-types', {
    code: `P${randomUUID().slice(0, 8)}`,
    name: 'made at a register',
    currency: 'EUR',
    productCode: 'GIFT',
    validityDays: 30,
    reusable: true,
    topUpAllowed: false,
    policy: 'balance-guard',
  });
  return {
    shown: answer.status === 201,
    detail: `POS key creating a voucher type: ${answer.status} ${answer.body.code ?? ''}`,
  };
}

const unchecked = { unchecked: true };
const redeemOn = (t: Tenant, id: string, amount: number, options: CallOptions = unchecked, number = 'R-1') =>
  t.pos.post(
    'redeem',
    `/vouchers/${id}/redemptions`,
    { amount: eur(amount), receipt: receipt(number) },
    options,
  );
const breaches = (operationId: string, a: Answer) =>
  validator.check({ operationId, status: a.status, contentType: a.contentType, body: a.body });

/** A hold, its capture and a one-step redemption on a 20.00 voucher, then its ledger. */
async function ackWithoutMoving(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000);
  const hold = await t.pos.post(
    'createHold',
    `/vouchers/${v!.id}/holds`,
    { amount: eur(500), receipt: receipt() },
    unchecked,
  );
  const capture = hold.body?.id
    ? await t.pos.post('captureHold', `/holds/${hold.body.id}/capture`, {}, unchecked)
    : null;
  const paid = await redeemOn(t, v!.id, 300);
  const ledger = await ledgerOf(t, v!.id);
  const outside = breaches('createHold', hold).length + breaches('redeem', paid).length;
  const detail = `hold ${hold.status} ${JSON.stringify(hold.body)}, capture ${capture?.status ?? 'not sent (no hold id)'}, redemption ${paid.status} ${JSON.stringify(paid.body)}; answers outside the contract ${outside}; balance ${ledger.balance.amount} of 2000, ledger captures ${captured(ledger)}`;
  return { shown: paid.status === 201 && ledger.balance.amount === 2000 && outside > 0, detail };
}

/** 30.00 asked of a 20.00 voucher, in one step and as a hold: both must be refused. */
async function refusalAsCreated(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000);
  const paid = await redeemOn(t, v!.id, 3000);
  const hold = await t.pos.post(
    'createHold',
    `/vouchers/${v!.id}/holds`,
    { amount: eur(3000), receipt: receipt() },
    unchecked,
  );
  const balance = (await ledgerOf(t, v!.id)).balance.amount;
  const detail = `redemption of 3000: ${paid.status} ${paid.body?.code ?? ''}; hold of 3000: ${hold.status} ${hold.body?.code ?? ''}; body ${JSON.stringify(paid.body)}; balance ${balance} of 2000`;
  return { shown: paid.status === 201 || hold.status === 201, detail };
}

/** Three concurrent 3.00 redemptions of one one-time 20.00 voucher: one may pay, the others are refused. */
async function oneTimeReused(t: Tenant): Promise<Observation> {
  const funds = 2000;
  const rounds: string[] = [];
  for (let round = 1; round <= 5; round++) {
    const [v] = await activeVouchers(t, funds, 1, { reusable: false, policy: 'balance-guard' });
    const answers = await Promise.all([1, 2, 3].map((i) => redeemOn(t, v!.id, 300, unchecked, `R-${i}`)));
    const paid = answers.filter((a) => a.status === 201);
    const ledger = await ledgerOf(t, v!.id);
    const consistent = ledger.balance.amount === funds - 300 * paid.length;
    rounds.push(
      `round ${round}: ${answers.map((a) => `${a.status} ${a.body?.code ?? 'paid'}`).join(', ')}; balance ${ledger.balance.amount} (consistent: ${consistent})`,
    );
    if (paid.length === 3 && consistent) return { shown: true, detail: rounds.join('; ') };
    if (paid.length > 1) return { shown: true, detail: `${rounds.join('; ')} (not all three)` };
  }
  return { shown: false, detail: rounds.join('; ') };
}

/** A 5.00 redemption refunded in full. */
async function refundFails(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000);
  const paid = await redeemOn(t, v!.id, 500, {});
  const refund = await t.pos.post(
    'refundRedemption',
    `/redemptions/${paid.body.id}/refunds`,
    { receipt: receipt('R-1-R') },
    unchecked,
  );
  const balance = (await ledgerOf(t, v!.id)).balance.amount;
  const detail = `refund: ${refund.status} ${refund.contentType} ${refund.body?.code ?? ''}; balance ${balance} (1500 before the refund)`;
  return {
    shown: refund.status === 500 && refund.body?.code === 'internal_error' && balance === 1500,
    detail,
  };
}

/** What GET /capabilities claims, against what POST /vouchers/{id}/redemptions does. */
async function claimedRoute(t: Tenant): Promise<Observation> {
  const claimed = (await t.anon.get('getCapabilities', '/capabilities')).body.capabilities as string[];
  const [v] = await activeVouchers(t, 2000);
  const paid = await redeemOn(t, v!.id, 500);
  const says = claimed.includes('one-step-redeem') ? 'claims one-step-redeem' : 'does not claim it';
  const detail = `${says}; redemption ${paid.status} ${paid.body?.code ?? 'paid'}; outside the contract: ${JSON.stringify(breaches('redeem', paid))}`;
  return { shown: claimed.includes('one-step-redeem') && paid.status !== 201, detail };
}

/** One redemption sent twice with one Idempotency-Key: the replay must be the first answer, status too. */
async function replayStatus(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000);
  const key = { ...unchecked, idempotencyKey: randomUUID() };
  const first = await redeemOn(t, v!.id, 500, key);
  const again = await redeemOn(t, v!.id, 500, key);
  const balance = (await ledgerOf(t, v!.id)).balance.amount;
  const detail = `answers ${first.status}/${again.status} (replayed header: ${again.headers['idempotent-replayed']}), redemptions ${first.body.id} and ${again.body.id}, balance ${balance} of 2000`;
  return { shown: first.status === 201 && again.status !== first.status, detail };
}

/** Two tenants redeem under one Idempotency-Key, each from its own voucher: both must pay. */
async function keysAcrossTenants(t: Tenant): Promise<Observation> {
  const other = await newTenant(t.pos.base);
  const [mine] = await activeVouchers(t, 2000);
  const [theirs] = await activeVouchers(other, 2000);
  const key = { ...unchecked, idempotencyKey: randomUUID() };
  const first = await redeemOn(t, mine!.id, 500, key);
  const second = await redeemOn(other, theirs!.id, 700, key);
  const detail = `first tenant ${first.status}, second tenant under the same key ${second.status} ${second.body?.code ?? ''}`;
  return { shown: first.status === 201 && second.status !== 201, detail };
}

/** A refused 6.00 payment retried after a refund made room for it: the retry must be the refusal again. */
async function refusalRetried(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 1000);
  const paid = await redeemOn(t, v!.id, 600, {});
  const key = { ...unchecked, idempotencyKey: randomUUID() };
  const refused = await redeemOn(t, v!.id, 600, key, 'R-2');
  await t.pos.post(
    'refundRedemption',
    `/redemptions/${paid.body.id}/refunds`,
    { receipt: receipt('R-1-R') },
    unchecked,
  );
  const retried = await redeemOn(t, v!.id, 600, key, 'R-2');
  const balance = (await ledgerOf(t, v!.id)).balance.amount;
  const detail = `refused ${refused.status} ${refused.body?.code ?? ''}, retried after the refund ${retried.status}, balance ${balance}`;
  return { shown: refused.status === 409 && retried.status !== 409, detail };
}

/**
 * Three rounds of money moved at once on a fresh 100.00 voucher each: after each, the balance must be
 * what the ledger's entries add up to, and the funds less the debits plus the credits that answered.
 */
async function ledgerRounds(
  t: Tenant,
  terms: Parameters<typeof activeVouchers>[3],
  round: (voucherId: string) => Promise<{ debits: number; credits: number }>,
): Promise<Observation> {
  let detail = '';
  for (let n = 1; n <= 3; n++) {
    const [v] = await activeVouchers(t, 10_000, 1, terms);
    const { debits, credits } = await round(v!.id);
    const ledger = await ledgerOf(t, v!.id);
    const sum = ledger.entries.reduce((total: number, e: { amount: number }) => total + e.amount, 0);
    const expected = 10_000 - debits + credits;
    detail = `round ${n}: balance ${ledger.balance.amount}, entries add up to ${sum}, expected ${expected}`;
    if (ledger.balance.amount !== sum || ledger.balance.amount !== expected) return { shown: true, detail };
  }
  return { shown: false, detail };
}

/** 20 payments of 3.00 and 5 top-ups of 1.00 at once on a 100.00 voucher: the balance against the ledger. */
function topUpRace(t: Tenant): Promise<Observation> {
  return ledgerRounds(t, { topUpAllowed: true, policy: 'balance-guard' }, async (id) => {
    const pays = Array.from({ length: 20 }, (_, i) => redeemOn(t, id, 300, {}, `P${i}`));
    const loads = Array.from({ length: 5 }, (_, i) =>
      t.pos.post('topUp', `/vouchers/${id}/top-ups`, { amount: eur(100), receipt: receipt(`T${i}`) }),
    );
    const [paid, loaded] = await Promise.all([Promise.all(pays), Promise.all(loads)]);
    return {
      debits: paid.filter((a) => a.status === 201).length * 300,
      credits: loaded.filter((a) => a.status === 200).length * 100,
    };
  });
}

/** Refunds racing payments on one voucher, three rounds: the balance must be the funds less debits plus refunds. */
function refundRace(t: Tenant): Promise<Observation> {
  return ledgerRounds(t, { policy: 'balance-guard' }, async (id) => {
    const first = await Promise.all(Array.from({ length: 5 }, (_, i) => redeemOn(t, id, 100, {}, `F${i}`)));
    const pays = Array.from({ length: 20 }, (_, i) => redeemOn(t, id, 300, {}, `P${i}`));
    const refunds = first.map((paid, i) =>
      t.pos.post('refundRedemption', `/redemptions/${paid.body.id}/refunds`, { receipt: receipt(`R${i}`) }),
    );
    const [paid, refunded] = await Promise.all([Promise.all(pays), Promise.all(refunds)]);
    return {
      debits: first.length * 100 + paid.filter((a) => a.status === 201).length * 300,
      credits: refunded.filter((a) => a.status === 201).length * 100,
    };
  });
}

/**
 * Holds that fall due by a clock move while payments are in flight, and three clients running the hold
 * sweep round after round, three rounds of five waves: every payment answered must stay paid (balance
 * and ledger), and nothing may answer a 5xx (a sweep that takes the voucher's lock after the holds'
 * deadlocks with a payment that takes them in the order every request does).
 */
async function sweepRace(t: Tenant): Promise<Observation> {
  let failures = 0;
  const seen = await ledgerRounds(t, { policy: 'amount-holds', holdTtlSeconds: 60 }, async (id) => {
    let paying = true;
    const sweeper = async () => {
      for (let n = 0; paying && n < 1000; n++) {
        const answer = await t.pos.post('runTestSweep', '/test/sweep', {}, { ...noKey, ...unchecked });
        if (answer.status >= 500) failures += 1;
      }
    };
    const sweepers = [sweeper(), sweeper(), sweeper()];
    let paid = 0;
    for (let wave = 0; wave < 5; wave++) {
      for (let i = 0; i < 2; i++)
        await t.pos.post('createHold', `/vouchers/${id}/holds`, {
          amount: eur(100),
          receipt: receipt(`H${wave}-${i}`),
        });
      const [answers] = await Promise.all([
        Promise.all(Array.from({ length: 5 }, (_, i) => redeemOn(t, id, 300, unchecked, `P${wave}-${i}`))),
        t.pos.post('advanceTestClock', '/test/clock', { advanceSeconds: 61 }, { ...noKey, ...unchecked }),
      ]);
      failures += answers.filter((a) => a.status >= 500).length;
      paid += answers.filter((a) => a.status === 201).length * 300;
    }
    paying = false;
    await Promise.all(sweepers);
    return { debits: paid, credits: 0 };
  });
  const detail = `${seen.detail}; ${failures} answer(s) 5xx`;
  return { shown: seen.shown || failures > 0, detail };
}

/** A hold captured twice at once under two keys, three times: at most one capture may pay. */
async function captureTwice(t: Tenant): Promise<Observation> {
  const rounds: string[] = [];
  for (let round = 1; round <= 3; round++) {
    const [v] = await activeVouchers(t, 2000, 1, { policy: 'balance-guard' });
    const hold = await t.pos.post('createHold', `/vouchers/${v!.id}/holds`, {
      amount: eur(500),
      receipt: receipt('R-1'),
    });
    const capture = () => t.pos.post('captureHold', `/holds/${hold.body.id}/capture`, {}, unchecked);
    const answers = await Promise.all([capture(), capture()]);
    const balance = (await ledgerOf(t, v!.id)).balance.amount;
    rounds.push(
      `round ${round}: captures ${answers.map((a) => a.status).join('/')}, balance ${balance} of 2000`,
    );
    // The correct server refuses the second with 409 hold_not_open; the defect pays twice, or its database
    // refuses the second write and the capture fails with a 500.
    const twice = answers.every((a) => a.status === 201) || answers.some((a) => a.status >= 500);
    if (twice || balance < 1500) return { shown: true, detail: rounds.join('; ') };
  }
  return { shown: false, detail: rounds.join('; ') };
}

/** A voucher whose validity it shows has ended two minutes ago, asked to pay (the clock read, then moved). */
async function payJustAfterEnd(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000, 1, { validityDays: 1 });
  const shown = (await t.pos.get('getVoucher', `/vouchers/${v!.id}`)).body.expiresAt as string;
  const clock = (await t.pos.get('getTestClock', '/test/clock')).body.now as string;
  const toEnd = Math.ceil((Date.parse(shown) - Date.parse(clock)) / 1000) + 120;
  await t.pos.post('advanceTestClock', '/test/clock', { advanceSeconds: toEnd }, noKey);
  const paid = await redeemOn(t, v!.id, 100);
  const state = (await t.pos.get('getVoucher', `/vouchers/${v!.id}`)).body.state;
  return {
    shown: paid.status === 201,
    detail: `2 minutes after the end it shows (${shown}): payment ${paid.status} ${paid.body.code ?? 'paid'}, state read ${state}`,
  };
}

/** A voucher canceled and restored, then its state and a payment. */
async function restoreThenPay(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000);
  await t.office.post('cancelVoucher', `/vouchers/${v!.id}/cancel`, { reason: 'number compromised' });
  const restored = await t.office.post('restoreVoucher', `/vouchers/${v!.id}/restore`);
  const paid = await redeemOn(t, v!.id, 100);
  return {
    shown: restored.body.state !== 'prepared' || paid.status === 201,
    detail: `restore ${restored.status} to ${restored.body.state}; payment ${paid.status} ${paid.body.code ?? 'paid'}`,
  };
}

/** A top-up voucher two days past its one-day validity, topped up. */
async function topUpExpired(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000, 1, { validityDays: 1, topUpAllowed: true });
  await t.pos.post('advanceTestClock', '/test/clock', { advanceSeconds: 2 * 86_400 }, noKey);
  const loaded = await t.pos.post('topUp', `/vouchers/${v!.id}/top-ups`, {
    amount: eur(500),
    receipt: receipt(),
  });
  const balance = (await ledgerOf(t, v!.id)).balance.amount;
  return {
    shown: loaded.status === 200 || balance !== 2000,
    detail: `top-up of an expired voucher: ${loaded.status} ${loaded.body.code ?? 'loaded'}, balance ${balance} of 2000`,
  };
}

/** A payment, two days past the voucher's one-day validity, refunded. */
async function refundExpired(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000, 1, { validityDays: 1 });
  const paid = await redeemOn(t, v!.id, 500, {});
  await t.pos.post('advanceTestClock', '/test/clock', { advanceSeconds: 2 * 86_400 }, noKey);
  const refund = await t.pos.post('refundRedemption', `/redemptions/${paid.body.id}/refunds`, {
    amount: eur(500),
    receipt: receipt('R-2'),
  });
  const balance = (await ledgerOf(t, v!.id)).balance.amount;
  return {
    shown: refund.status === 201 || balance !== 1500,
    detail: `refund onto an expired voucher: ${refund.status} ${refund.body.code ?? 'refunded'}, balance ${balance} (1500 after the payment)`,
  };
}

/** Under amount holds: 12.00 held on 20.00, 9.50 of it captured, then what is available. */
async function partialCapture(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000, 1, { policy: 'amount-holds' });
  const hold = await t.pos.post('createHold', `/vouchers/${v!.id}/holds`, {
    amount: eur(1200),
    receipt: receipt(),
  });
  const capture = await t.pos.post('captureHold', `/holds/${hold.body.id}/capture`, { amount: eur(950) });
  const balance = (await t.pos.get('getBalance', `/vouchers/${v!.id}/balance`)).body;
  return {
    shown: balance.available?.amount !== 1050,
    detail: `capture ${capture.status}; balance ${balance.balance?.amount}, available ${balance.available?.amount} (1050 expected)`,
  };
}

/** The probe for each defective implementation, by name. */
export const probes: Record<string, Probe> = {
  'overspend-under-race': overspend,
  'retry-not-idempotent': retryTwice,
  'expired-voucher-pays': expired,
  'wrong-balance-body': wrongBody,
  'stale-balance-cache': staleRead,
  'exclusive-not-exclusive': twoExclusiveHolds,
  'capture-lost-after-ack': lostCapture,
  'roles-not-enforced': posDoesBackOffice,
  'ack-without-moving': ackWithoutMoving,
  'refusals-as-created': refusalAsCreated,
  'one-time-reused': oneTimeReused,
  'refunds-fail': refundFails,
  'claimed-route-405': claimedRoute,
  'replays-as-200': replayStatus,
  'keys-across-tenants': keysAcrossTenants,
  'refusals-not-replayed': refusalRetried,
  'top-up-lost-update': topUpRace,
  'capture-stale-hold': captureTwice,
  'refund-lost-update': refundRace,
  'expiry-a-day-late': payJustAfterEnd,
  'restore-reactivates': restoreThenPay,
  'top-up-ignores-expiry': topUpExpired,
  'refund-ignores-expiry': refundExpired,
  'partial-capture-keeps-rest': partialCapture,
  'sweeper-lost-update': sweepRace,
  ...reportProbes,
};
