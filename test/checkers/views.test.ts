import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAll } from '../../src/checkers/check-all.ts';
import { renderSummary } from '../../src/checkers/summary-text.ts';
import { renderReportHtml } from '../../src/checkers/view-html.ts';
import { renderWindowText } from '../../src/checkers/view-text.ts';
import { loadFixture } from './load-fixture.ts';

describe('views of a failing window', () => {
  const input = loadFixture('overspend-race');
  const report = checkAll(input);
  const lin = report.verdicts.find((verdict) => verdict.checker === 'linearizability');

  it('text: each operation of the window on a time line, with its result and what it overlaps', () => {
    assert.ok(lin);
    const text = renderWindowText(input.history, lin);
    const rows = text.split('\n').filter((line) => line.startsWith('  #'));
    assert.equal(rows.length, 2);
    assert.match(
      rows[0] as string,
      /#2 .*pos-1 \|=+ *\| captureHold hold-1 .*-> ok red-1 8\.00 EUR balance 2\.00 EUR {2}overlaps #3/,
    );
    assert.match(rows[1] as string, /#3 .*pos-2 \| *=+\| captureHold hold-2 .*overlaps #2/);
    assert.match(text, /model: balance 200; open holds: hold-2=800/);
  });

  it('summary: one line per checker, and the windows of the invalid ones', () => {
    const summary = renderSummary(input.history, report);
    assert.match(summary, /^5 operations: INVALID/);
    assert.match(summary, /idempotency +true/);
    assert.match(summary, /linearizability +false/);
    assert.equal(summary.match(/^voucher voucher-123/gm)?.length, 3);
  });

  it('HTML: self-contained, one bar per operation of each failing window, text escaped', () => {
    const html = renderReportHtml(input.history, report, 'run <1>');
    assert.match(html, /^<!doctype html>/);
    assert.doesNotMatch(html, /<link|<img|\ssrc=/, 'nothing loaded from outside the page');
    assert.match(html, /<title>run &lt;1&gt; — INVALID: [^<]*voucher-123<\/title>/);
    assert.equal(html.match(/<rect /g)?.length, 2 + 1 + 2);
    assert.match(html, /overlaps #3/);
  });

  it('an unknown outcome runs off the end of the time line', () => {
    const good = loadFixture('good-balance-guard');
    const verdict = {
      checker: 'x',
      valid: false as const,
      counts: {},
      window: { voucher: 'voucher-123', ops: [4, 5] },
    };
    const text = renderWindowText(good.history, verdict);
    assert.match(text, /#4 .*\?\| captureHold hold-2 .*info: unknown/);
  });
});
