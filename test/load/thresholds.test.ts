import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseK6Output } from '../../src/load/k6-samples.ts';
import { executionSegments } from '../../src/load/segments.ts';
import { evaluateThresholds, percentile } from '../../src/load/thresholds.ts';
import { metricLine, pointLine } from './k6-output.ts';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');

/** Two k6 processes of one run: one saw 100 fast captures, the other 10 slow ones. */
function twoProcesses(): string[] {
  const fast = [metricLine('http_req_duration', 'trend')];
  for (let i = 0; i < 100; i++) fast.push(pointLine('http_req_duration', T0 + i, 1, { op: 'captureHold' }));
  const slow = [metricLine('http_req_duration', 'trend')];
  for (let i = 0; i < 10; i++) slow.push(pointLine('http_req_duration', T0 + i, 100, { op: 'captureHold' }));
  return [fast.join('\n'), slow.join('\n')];
}

describe('thresholds over the merged raw samples of a segmented run', () => {
  it('computes the whole run percentile, which the mean of per-process percentiles misses', () => {
    const [fast, slow] = twoProcesses();
    const perProcess = [fast!, slow!].map((text) =>
      evaluateThresholds({ 'http_req_duration{op:captureHold}': ['p(95)<60'] }, parseK6Output(text)),
    );
    const mergedSummaries =
      ((perProcess[0]![0]!.actual as number) + (perProcess[1]![0]!.actual as number)) / 2;
    assert.ok(mergedSummaries < 60, 'averaging the runners’ p(95) would pass');
    const whole = evaluateThresholds(
      { 'http_req_duration{op:captureHold}': ['p(95)<60'] },
      parseK6Output(`${fast}\n${slow}`),
    );
    assert.equal(whole[0]!.actual, 100);
    assert.equal(whole[0]!.ok, false);
  });

  it('filters points by the tag selector and reads counters, rates and unreadable expressions', () => {
    const text = [
      metricLine('refusals', 'counter'),
      pointLine('refusals', T0, 1, { code: 'voucher_in_use' }),
      pointLine('refusals', T0 + 1000, 1, { code: 'internal_error' }),
      metricLine('unexpected_errors', 'rate'),
      pointLine('unexpected_errors', T0, 1),
      pointLine('unexpected_errors', T0, 0),
      pointLine('unexpected_errors', T0, 0),
      pointLine('unexpected_errors', T0, 0),
    ].join('\n');
    const results = evaluateThresholds(
      {
        'refusals{code:internal_error}': ['count==0'],
        'refusals{code:voucher_in_use}': ['count<5'],
        unexpected_errors: ['rate<0.01', 'rate<=0.25'],
        overspend: ['count==0', 'nonsense'],
      },
      parseK6Output(text),
    );
    assert.deepEqual(
      results.map((r) => [r.metric, r.expression, r.ok]),
      [
        ['refusals{code:internal_error}', 'count==0', false],
        ['refusals{code:voucher_in_use}', 'count<5', true],
        ['unexpected_errors', 'rate<0.01', false],
        ['unexpected_errors', 'rate<=0.25', true],
        ['overspend', 'count==0', true],
        ['overspend', 'nonsense', false],
      ],
    );
  });

  it('interpolates percentiles between ranks', () => {
    assert.equal(percentile([1, 2, 3, 4], 50), 2.5);
    assert.equal(percentile([], 95), 0);
  });
});

describe('execution segments', () => {
  it('splits a run into equal segments of one sequence', () => {
    assert.deepEqual(executionSegments(3), {
      sequence: '0,1/3,2/3,1',
      segments: ['0:1/3', '1/3:2/3', '2/3:1'],
    });
    assert.deepEqual(executionSegments(1), { sequence: '0,1', segments: ['0:1'] });
    assert.throws(() => executionSegments(0));
  });
});
