import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { requirements as standard } from '../../spec/requirements.ts';
import { checkAll } from '../../src/checkers/check-all.ts';
import type { ScenarioEvidence } from '../../src/evidence/scenario-evidence.ts';
import { renderCertificationPage } from '../../src/page/certification-page/certification-page.ts';
import { buildSummary, type SummaryContext } from '../../src/report/certification-summary.ts';
import type { ScenarioRecord } from '../../src/report/message-collector.ts';
import { artifactsDir, launchChromium, openPage } from './open-page.ts';
import { overspendHistory } from './race-histories.ts';

const at = Date.parse('2026-11-30T10:00:00.000Z');
const record = (
  line: number,
  name: string,
  tags: string[],
  status: ScenarioRecord['cucumberStatus'],
  extra: Partial<ScenarioRecord> = {},
): ScenarioRecord => ({
  pickleId: `p${line}`,
  name,
  uri: 'features/redemption/pay.feature',
  line,
  tags,
  cucumberStatus: status,
  attachments: [],
  attempts: 1,
  startedAt: at + line,
  finishedAt: at + line + 50,
  statusAt: at + line + 40,
  ...extra,
});

/** A run with one of each status a person must tell apart on the page. */
function summary() {
  const records = [
    record(3, 'A voucher pays part of a receipt', ['@req:RD-01'], 'PASSED'),
    record(9, 'No voucher is spent beyond its balance', ['@req:RD-03'], 'FAILED', {
      message: 'the retry answered 201 with balance after 10.00 EUR; the first answer was 201 …',
    }),
    record(15, 'A known rounding difference', ['@req:RD-08'], 'FAILED', { message: 'expected 1.00 EUR' }),
    record(21, 'A hold expires', ['@req:RD-04', '@capability:holds'], 'SKIPPED', {
      attachments: ['application/vnd.vcert.not-claimed+json'],
    }),
  ];
  const context: SummaryContext = {
    suite: { name: 'voucher-conformance', version: '0.1.0', featuresSha256: 'f'.repeat(64) },
    target: { url: 'https://vendor.example/api', implementation: 'external', adapter: null },
    capabilities: { claimed: ['one-step-redeem'], source: 'target' },
    selection: { tags: null, shard: null, parallel: 0, failFast: false },
    waivers: {
      file: 'waivers.json',
      content: {
        vendor: 'Example Vendor',
        waivers: [
          {
            scenario: 'A known rounding difference',
            reason: 'rounding fix ships in 4.2 (ticket 881)',
          },
        ],
      } as never,
    },
    errors: [],
    interrupted: false,
  };
  return buildSummary(records, { startedAt: at, finishedAt: at + 5000, finished: true, errors: [] }, context);
}

const evidence = new Map<string, ScenarioEvidence>([
  [
    'features/redemption/pay.feature:9',
    {
      key: 'features/redemption/pay.feature:9',
      failingStep: 'the second answer is the same as the first',
      races: [],
      attachments: [
        {
          mediaType: 'text/plain',
          fileName: 'exchanges.txt',
          body: 'Step 3: the cashier pays\n\n  1. redeem: POST https://vendor.example/api/vouchers/v1/redemptions   (key: pos)\n     → 201 Created',
        },
        { mediaType: 'text/x-sh', fileName: 'reproduce.sh', body: '#!/bin/sh\necho replay' },
      ],
    },
  ],
]);

describe('the certification page in Chromium', () => {
  let browser: Browser;
  let file: string;
  before(async () => {
    browser = await launchChromium();
    const race = overspendHistory();
    const html = renderCertificationPage({
      summary: summary(),
      evidence,
      histories: [
        {
          title: 'vcert race',
          history: race.history,
          report: checkAll({ history: race.history, ledgers: race.ledgers }),
          ledgers: race.ledgers,
        },
      ],
    });
    mkdirSync(`${artifactsDir}pages`, { recursive: true });
    file = `${artifactsDir}pages/certification.html`;
    writeFileSync(file, html);
  });
  after(() => browser.close());

  for (const width of [1400, 800]) {
    it(`at ${width} px: verdict, matrix, evidence and charts, no errors, no overflow`, async () => {
      const opened = await openPage(browser, file, { name: `certification-${width}`, width });
      try {
        const { page } = opened;
        assert.deepEqual(opened.errors, []);
        assert.equal(await page.locator('#verdict').innerText(), 'FAIL');
        assert.ok(await page.locator('#verdict').isVisible());
        // Every requirement of the standard has a row; those without a scenario say so.
        const rows = page.locator('tr.req');
        assert.equal(await rows.count(), standard.length);
        const statusOf = (id: string) =>
          page.locator(`tr.req[data-requirement="${id}"]`).getAttribute('data-status');
        assert.equal(await statusOf('RD-01'), 'passed');
        assert.equal(await statusOf('RD-03'), 'failed');
        assert.equal(await statusOf('RD-08'), 'waived');
        assert.equal(await statusOf('RD-04'), 'not-claimed');
        assert.equal(await statusOf('LC-01'), 'no-scenario');
        assert.ok(await page.locator('tr.req[data-requirement="RD-04"]').isVisible());
        const text = await page.locator('body').innerText();
        assert.match(text, /waived: rounding fix ships in 4\.2 \(ticket 881\)/);
        assert.match(text, /needs holds, not claimed/);
        // A failure links to its evidence, which shows the exchange and offers the reproducer.
        const link = page.locator('tr.req[data-requirement="RD-03"] a', { hasText: 'evidence' });
        const target = await link.getAttribute('href');
        assert.ok(target && (await page.locator(target).count()) === 1, `anchor ${target}`);
        const section = page.locator(target);
        assert.match(await section.innerText(), /redeem: POST https:\/\/vendor\.example/);
        assert.ok(await section.locator('a[download="reproduce.sh"]').count());
        // The race's charts drew, money in major units.
        const drawn = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((e) => e.dataset.drawn),
        );
        assert.ok(drawn.length >= 3 && drawn.every((d) => d === 'true'), JSON.stringify(drawn));
        assert.match(text, /\d+\.\d{2} EUR/);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.equal(overflow, 0, 'no horizontal scrolling');
      } finally {
        await opened.close();
      }
    });
  }
});
