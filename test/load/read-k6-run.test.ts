import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { historyFromK6 } from '../../src/load/history-from-k6.ts';
import { parseK6Output } from '../../src/load/k6-samples.ts';
import { readK6Run } from '../../src/load/read-k6-run.ts';
import { setupRecord } from '../../src/load/setup-record.ts';
import { evaluateThresholds } from '../../src/load/thresholds.ts';
import { scratchDir } from '../run/scratch-dir.ts';
import { metricLine, opLine, pointLine, setupLine } from './k6-output.ts';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const setup = {
  keys: { pos: 'p', webshop: 'w', backoffice: 'b' },
  vouchers: ['v1', 'v2'],
  funds: 1000,
  currency: 'EUR',
  policy: 'amount-holds',
  startedAt: new Date(T0).toISOString(),
};
const thresholds = {
  'http_req_duration{op:createHold}': ['p(95)<50', 'med<20', 'max<100', 'count>3'],
  'http_req_duration{op:captureHold}': ['avg<30', 'p(99.9)<80'],
  'refusals{code:voucher_in_use}': ['count<2', 'rate<10'],
  unexpected_errors: ['rate<0.5'],
  checks: ['rate>0.9'],
};

/** A k6 output with every shape the reader meets: tags k6 escapes, nulls, CRLF, a setup, operations. */
function output(): string {
  const lines = [
    metricLine('vcert_setup', 'counter'),
    setupLine(T0, setup),
    metricLine('http_req_duration', 'trend'),
    metricLine('refusals', 'counter'),
    metricLine('unexpected_errors', 'rate'),
    metricLine('http_reqs', 'counter'),
    metricLine('vcert_op', 'trend'),
  ];
  for (let i = 0; i < 40; i++) {
    const op = i % 3 === 0 ? 'captureHold' : 'createHold';
    // A tag with an escape (Go also writes <, > and & as \u003c...): such a line is parsed whole.
    const url = i % 5 === 0 ? 'http://x/?q="a}b"&c' : i % 7 === 0 ? 'x}{y' : 'createHold';
    lines.push(pointLine('http_req_duration', T0 + i * 10, (i * 7) % 60, { op, url, status: '201' }));
    lines.push(pointLine('http_reqs', T0 + i * 10, 1, { op }));
    lines.push(pointLine('unexpected_errors', T0 + i * 10, i % 9 === 0 ? 1 : 0, { op }));
    if (i % 4 === 0) lines.push(pointLine('refusals', T0 + i * 10 + 3, 1, { code: 'voucher_in_use', op }));
    lines.push(
      opLine({
        client: `pos-s0-${i % 4}`,
        op: 'createHold',
        voucher: i % 2 ? 'v1' : 'v2',
        key: `k${i}`,
        invoked: T0 + i * 10,
        completed: T0 + i * 10 + 4,
        completion: i % 4 === 0 ? 'fail' : 'ok',
        args: { amount: eur(100), receipt: { number: `R${i}`, store: 'S', register: 'R', channel: 'pos' } },
        result:
          i % 4 === 0
            ? { code: 'voucher_in_use', status: 409 }
            : { id: `h${i}`, amount: eur(100), status: 'open' },
        status: i % 4 === 0 ? 409 : 201,
      }),
    );
  }
  lines.push(
    JSON.stringify({
      metric: 'refusals',
      type: 'Point',
      data: { time: new Date(T0 + 999).toISOString(), value: 1, tags: null },
    }),
  );
  return `${lines.join('\r\n')}\r\n`;
}

describe('the streaming read of k6 outputs (readK6Run)', () => {
  it('gives the thresholds and the history that reading everything into memory gives', async () => {
    const dir = scratchDir('vcert-read-k6');
    const text = output();
    const half = text.indexOf('\n', text.length / 2) + 1;
    // Two processes' files, as a segmented run has.
    writeFileSync(join(dir, 'a.json'), text.slice(0, half));
    writeFileSync(join(dir, 'b.json'), text.slice(half));
    const read = await readK6Run([join(dir, 'a.json'), join(dir, 'b.json')], {
      thresholds,
      historyPath: join(dir, 'history.ndjson'),
      target: 'http://127.0.0.1:1',
    });
    const samples = parseK6Output(text.replaceAll('\r\n', '\n'));
    assert.deepEqual(evaluateThresholds(thresholds, read.series), evaluateThresholds(thresholds, samples));
    assert.deepEqual(read.setup, setupRecord(samples));
    const [meta, ...lines] = readFileSync(join(dir, 'history.ndjson'), 'utf8').trim().split('\n');
    const inMemory = historyFromK6(samples, setupRecord(samples), 'http://127.0.0.1:1');
    assert.deepEqual(JSON.parse(meta as string), inMemory.meta);
    const streamed = lines.map((line) => JSON.parse(line)).map(({ index: _index, ...op }) => op);
    const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
    assert.deepEqual(streamed.sort(byKey), [...inMemory.ops].sort(byKey as never));
    assert.equal(read.history.operations, 40);
    assert.equal(read.history.counts['createHold/fail'], 10);
    assert.equal(read.unreadable, 0);
  });

  it('reads a large run in parts on worker threads with the same result, numbers carried across parts', async () => {
    const dir = scratchDir('vcert-read-k6-parts');
    const text = output();
    const half = text.indexOf('\n', text.length / 2) + 1;
    writeFileSync(join(dir, 'a.json'), text.slice(0, half));
    writeFileSync(join(dir, 'b.json'), text.slice(half));
    const files = [join(dir, 'a.json'), join(dir, 'b.json')];
    const inOrder = await readK6Run(files, { thresholds, historyPath: join(dir, 'one.ndjson'), threads: 1 });
    const inParts = await readK6Run(files, {
      thresholds,
      historyPath: join(dir, 'parts.ndjson'),
      threads: 3,
      inPartsFrom: 0,
    });
    assert.deepEqual(
      evaluateThresholds(thresholds, inParts.series),
      evaluateThresholds(thresholds, inOrder.series),
    );
    assert.deepEqual(inParts.setup, inOrder.setup);
    assert.deepEqual(inParts.history.counts, inOrder.history.counts);
    assert.deepEqual(inParts.history.clients, inOrder.history.clients);
    const lines = (file: string) => readFileSync(join(dir, file), 'utf8').trim().split('\n');
    assert.deepEqual(lines('parts.ndjson').sort(), lines('one.ndjson').sort());
    assert.deepEqual(readdirSync(dir).sort(), ['a.json', 'b.json', 'one.ndjson', 'parts.ndjson']);
  });

  it('numbers each client’s operations and leaves out a line cut short', async () => {
    const dir = scratchDir('vcert-read-k6-cut');
    const text = output();
    writeFileSync(join(dir, 'k6.json'), `${text}{"metric":"vcert_op","type":"Point","data":{"ti`);
    const read = await readK6Run([join(dir, 'k6.json')], { thresholds, historyPath: join(dir, 'h.ndjson') });
    assert.equal(read.unreadable, 1);
    const ops = readFileSync(join(dir, 'h.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => JSON.parse(line));
    const numbers = ops.filter((op) => op.client === 'pos-s0-1').map((op) => op.index);
    assert.deepEqual(
      numbers,
      Array.from({ length: numbers.length }, (_, i) => i + 1),
    );
  });
});
