import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FinalLedger } from '../../src/history/final-ledger.ts';
import { auditHistoryFile, auditLoadRun } from '../../src/load/audit.ts';
import { historyFromK6 } from '../../src/load/history-from-k6.ts';
import { parseK6Output } from '../../src/load/k6-samples.ts';
import { setupRecord } from '../../src/load/setup-record.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import { metricLine, opLine, setupLine } from './k6-output.ts';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const receipt = (number: string) => ({ number, store: 'S-001', register: 'POS-1', channel: 'pos' });
const setup = {
  keys: { pos: 'p', webshop: 'w', backoffice: 'b' },
  vouchers: ['hot', 'calm'],
  funds: 1000,
  currency: 'EUR',
  policy: 'amount-holds',
  startedAt: new Date(T0).toISOString(),
};

/** Two terminals hold and capture 700 each on a voucher of 1000: a defective system says yes to both. */
function holdAndCapture(client: string, voucher: string, amount: number, at: number, tag: string): string[] {
  const hold = {
    id: `hold-${tag}`,
    voucherId: voucher,
    amount: eur(amount),
    status: 'open',
    receipt: receipt(`R-${tag}`),
    createdAt: new Date(at + 2).toISOString(),
    expiresAt: new Date(at + 900_000).toISOString(),
    redemptionId: null,
  };
  const redemption = {
    id: `red-${tag}`,
    voucherId: voucher,
    holdId: hold.id,
    amount: eur(amount),
    refunded: eur(0),
    receipt: receipt(`R-${tag}`),
    capturedAt: new Date(at + 12).toISOString(),
    balanceAfter: eur(300),
    remainderVoucher: null,
  };
  return [
    opLine({
      client,
      op: 'createHold',
      voucher,
      key: `kh-${tag}`,
      invoked: at,
      completed: at + 5,
      completion: 'ok',
      args: { amount: eur(amount), receipt: receipt(`R-${tag}`) },
      result: hold,
    }),
    opLine({
      client,
      op: 'captureHold',
      voucher,
      target: hold.id,
      key: `kc-${tag}`,
      invoked: at + 10,
      completed: at + 15,
      completion: 'ok',
      args: {},
      result: redemption,
    }),
  ];
}

function ledger(voucher: string, captures: Array<[string, number, number]>): FinalLedger {
  const entries = [
    {
      seq: 1,
      kind: 'issue',
      amount: 1000,
      balanceAfter: 1000,
      currency: 'EUR',
      at: new Date(T0 - 5000).toISOString(),
      receipt: null,
      operationId: null,
    },
    ...captures.map(([id, amount, after], i) => ({
      seq: i + 2,
      kind: 'capture',
      amount: -amount,
      balanceAfter: after,
      currency: 'EUR',
      at: new Date(T0 + 20 + i).toISOString(),
      receipt: null,
      operationId: id,
    })),
  ];
  const balance = entries.at(-1)!.balanceAfter;
  return { voucherId: voucher, initial: eur(1000), balance: eur(balance), entries };
}

/** The k6 output of a run against a system that loses an update under contention on `hot`. */
const defectiveRun = [
  metricLine('vcert_setup', 'counter'),
  setupLine(T0, setup),
  metricLine('vcert_op', 'trend'),
  ...holdAndCapture('pos-s0-1', 'hot', 700, T0 + 1, 'a'),
  ...holdAndCapture('pos-s0-2', 'hot', 700, T0 + 2, 'b'),
  ...holdAndCapture('pos-s0-3', 'calm', 400, T0 + 3, 'c'),
].join('\n');

describe('the double-spend audit of a k6 run', () => {
  const samples = parseK6Output(defectiveRun);
  const history = historyFromK6(samples, setupRecord(samples), 'http://127.0.0.1:1');

  it('turns the vcert_op samples into history operations with widened millisecond intervals', () => {
    assert.equal(history.ops.length, 6);
    const first = history.ops[0]!;
    assert.equal(first.op, 'createHold');
    assert.equal(first.client, 'pos-s0-1');
    assert.equal(first.invokedAt, 1000);
    assert.equal(first.completedAt, 6999);
    assert.deepEqual(history.meta?.funds, { hot: 1000, calm: 1000 });
  });

  it('reports the overspent voucher and only that one', () => {
    const ledgers = new Map([
      [
        'hot',
        ledger('hot', [
          ['red-a', 700, 300],
          ['red-b', 700, 300],
        ]),
      ],
      ['calm', ledger('calm', [['red-c', 400, 600]])],
    ]);
    const { report, overspent } = auditLoadRun(history, ledgers);
    assert.equal(report.valid, false);
    assert.deepEqual(
      overspent.map((o) => o.voucher),
      ['hot'],
    );
    assert.match(
      overspent[0]!.message,
      /exceed the funds of at most 1000|final balance 300 is (above|below)/,
    );
    assert.ok(overspent[0]!.severity >= 400);
    const bounds = report.verdicts.find((v) => v.checker === 'money-bounds')!;
    assert.equal(bounds.counts.violations, 2);
  });

  it('gives the same report and overspent vouchers from the history and ledgers files', async () => {
    const dir = scratchDir('vcert-audit-files');
    const ledgers = new Map([
      [
        'hot',
        ledger('hot', [
          ['red-a', 700, 300],
          ['red-b', 700, 300],
        ]),
      ],
      ['calm', ledger('calm', [['red-c', 400, 600]])],
    ]);
    const historyFile = join(dir, 'history.ndjson');
    writeFileSync(
      historyFile,
      `${[history.meta, ...history.ops].map((line) => JSON.stringify(line)).join('\n')}\n`,
    );
    writeFileSync(join(dir, 'ledgers.json'), JSON.stringify([...ledgers.values()]));
    const fromFiles = await auditHistoryFile(historyFile, join(dir, 'ledgers.json'));
    const inMemory = auditLoadRun(history, ledgers);
    assert.deepEqual(fromFiles.overspent, inMemory.overspent);
    assert.deepEqual(fromFiles.report, inMemory.report);
  });

  it('passes the same run when the system refused the second capture', () => {
    const honest = defectiveRun.replace(
      /("op":"captureHold","completion":")ok(.*?"key":"kc-b".*?"result":")(.*?)("\}\})/,
      (_m, a: string, b: string, _result: string, end: string) =>
        `${a}fail${b}${JSON.stringify({ code: 'insufficient_balance', status: 409 }).slice(1, -1).replaceAll('"', '\\"')}${end}`,
    );
    const honestSamples = parseK6Output(honest);
    const honestHistory = historyFromK6(honestSamples, setupRecord(honestSamples));
    assert.equal(honestHistory.ops.filter((op) => op.completion === 'fail').length, 1);
    const ledgers = new Map([
      ['hot', ledger('hot', [['red-a', 700, 300]])],
      ['calm', ledger('calm', [['red-c', 400, 600]])],
    ]);
    const { report, overspent } = auditLoadRun(honestHistory, ledgers);
    assert.deepEqual(overspent, []);
    assert.equal(report.valid, true);
  });
});

describe('statuses in a k6 run: the audit judges the answers against the contract', () => {
  const answered = [
    metricLine('vcert_setup', 'counter'),
    setupLine(T0, setup),
    metricLine('vcert_op', 'trend'),
    opLine({
      client: 'pos-s0-1',
      op: 'createHold',
      voucher: 'calm',
      key: 'k1',
      invoked: T0 + 1,
      completed: T0 + 2,
      completion: 'ok',
      args: { amount: eur(100), receipt: receipt('R-1') },
      result: {},
      status: 201,
    }),
    opLine({
      client: 'pos-s0-1',
      op: 'redeem',
      voucher: 'calm',
      key: 'k2',
      invoked: T0 + 3,
      completed: T0 + 4,
      completion: 'fail',
      args: { amount: eur(100), receipt: receipt('R-2') },
      result: { code: 'method_not_allowed', status: 405 },
      status: 405,
    }),
    opLine({
      client: 'pos-s0-1',
      op: 'refundRedemption',
      voucher: 'calm',
      target: 'red-old',
      key: 'k3',
      invoked: T0 + 5,
      completed: T0 + 6,
      completion: 'info',
      args: { amount: eur(100), receipt: receipt('R-3') },
      result: { error: 'status 500 internal_error' },
      status: 500,
    }),
    opLine({
      client: 'pos-s0-2',
      op: 'getBalance',
      voucher: 'calm',
      invoked: T0 + 7,
      completed: T0 + 8,
      completion: 'info',
      args: {},
      result: { error: 'request timeout' },
    }),
  ].join('\n');
  const samples = parseK6Output(answered);
  const history = historyFromK6(samples, setupRecord(samples));

  it('keeps the status of every answer, none for an answer that never came', () => {
    assert.deepEqual(
      history.ops.map((op) => op.status),
      [201, 405, 500, undefined],
    );
    const [hold, redeem, refund, read] = history.ops;
    assert.ok(
      hold?.violations?.some((v) => v.path.startsWith('body')),
      JSON.stringify(hold?.violations),
    );
    assert.equal(redeem?.violations?.[0]?.path, 'status');
    assert.equal(refund?.violations?.[0]?.path, 'status');
    assert.equal(read?.violations, undefined);
  });

  it('reports the 5xx and the answers outside the contract; the money is still in bounds', () => {
    const ledgers = new Map([['calm', ledger('calm', [])]]);
    const { report } = auditLoadRun(history, ledgers);
    const contract = report.verdicts.find((v) => v.checker === 'contract')!;
    assert.equal(contract.valid, false);
    assert.equal(contract.counts.outsideContract, 3);
    assert.equal(contract.counts.serverErrors, 1);
    assert.equal(report.verdicts.find((v) => v.checker === 'money-bounds')?.valid, true);
    assert.equal(report.valid, false);
  });
});
