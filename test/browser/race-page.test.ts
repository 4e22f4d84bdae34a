import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { checkAll } from '../../src/checkers/check-all.ts';
import { renderReportHtml } from '../../src/checkers/view-html.ts';
import type { FinalLedger } from '../../src/history/final-ledger.ts';
import type { History, Operation } from '../../src/history/operation.ts';
import type { DrawnCharts } from '../../src/page/charts.ts';
import { renderPage } from '../../src/page/page-shell.ts';
import { artifactsDir, launchChromium, type OpenedPage, openPage } from './open-page.ts';
import { overspendHistory, validHistory } from './race-histories.ts';

/** Writes the page into test-artifacts/pages/NAME.html and returns its path. */
function writePage(name: string, html: string): string {
  const dir = `${artifactsDir}pages`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/${name}.html`;
  writeFileSync(file, html);
  return file;
}

function reportPage(
  name: string,
  built: { history: History; ledgers: Map<string, FinalLedger> },
  title: string,
) {
  const report = checkAll({ history: built.history, ledgers: built.ledgers });
  return {
    report,
    file: writePage(name, renderReportHtml(built.history, report, title, { ledgers: built.ledgers })),
  };
}

/** How far the document is wider than the window (0: no horizontal scrolling). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

interface ChartFacts {
  id: string;
  drawn: string | undefined;
  canvas: { width: number; height: number } | null;
  container: number;
}

const chartFacts = (page: Page): Promise<ChartFacts[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-chart]')].map((element) => {
      const canvas = element.querySelector('canvas')?.getBoundingClientRect();
      return {
        id: element.dataset.chart as string,
        drawn: element.dataset.drawn,
        canvas: canvas ? { width: canvas.width, height: canvas.height } : null,
        container: element.getBoundingClientRect().width,
      };
    }),
  );

/** The funds and debits series the page drew for a voucher, from the uPlot instance itself. */
const drawnMoney = (page: Page, voucher: string) =>
  page.evaluate((name) => {
    const chart = (window as unknown as DrawnCharts).vcertCharts['funds-EUR'];
    if (!chart) return null;
    const at = (label: string) => chart.series.findIndex((series) => series.label === label);
    const funds = chart.data[at(`funds ${name}`)];
    const debits = chart.data[at(`debits ${name}`)];
    return funds && debits ? { funds: [...funds], debits: [...debits] } : null;
  }, voucher);

const debitsAboveFunds = (money: {
  funds: Array<number | null | undefined>;
  debits: Array<number | null | undefined>;
}) =>
  money.debits.some(
    (debit, at) => typeof debit === 'number' && debit > (money.funds[at] ?? Number.POSITIVE_INFINITY),
  );

describe('the race/check page in Chromium', () => {
  let browser: Browser;
  const pages = {
    valid: reportPage('race-valid', validHistory(), 'vcert check'),
    overspend: reportPage('race-overspend', overspendHistory(), 'vcert race'),
  };

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  for (const width of [1920, 800]) {
    for (const [kind, word] of [
      ['valid', 'valid'],
      ['overspend', 'INVALID'],
    ] as const) {
      it(`${kind} history at ${width} px: verdict in the title, charts drawn, no overflow, major units`, async () => {
        assert.equal(pages[kind].report.valid, kind === 'valid');
        const opened: OpenedPage = await openPage(browser, pages[kind].file, {
          name: `race-${kind}-${width}`,
          width,
        });
        try {
          const { page, errors } = opened;
          assert.deepEqual(errors, []);
          const title = await page.title();
          assert.match(title, new RegExp(`^vcert (check|race) — ${word}\\b`));
          assert.doesNotMatch(title, /\b(true|false)\b/);
          assert.match(await page.locator('h1').innerText(), new RegExp(`— ${word}\\b`));

          const charts = await chartFacts(page);
          assert.deepEqual(charts.map((chart) => chart.id).sort(), ['funds-EUR', 'latency', 'refusals']);
          for (const chart of charts) {
            assert.equal(chart.drawn, 'true', `${chart.id} drew`);
            assert.ok(
              chart.canvas && chart.canvas.width > 100 && chart.canvas.height > 100,
              `${chart.id} has a canvas`,
            );
            assert.ok(chart.container <= width, `${chart.id} fits the window`);
          }
          assert.ok((await overflow(page)) <= 0, `no horizontal scrolling at ${width} px`);

          const text = await page.locator('body').innerText();
          assert.match(text, kind === 'valid' ? /50\.00 EUR/ : /15\.00 EUR/);
          assert.doesNotMatch(
            text,
            /(^|[^\d.])\d{3,} EUR/m,
            'amounts in major units, never minor units with a currency',
          );

          if (kind === 'overspend') {
            const money = await drawnMoney(page, 'v-over');
            assert.ok(money, 'the overspent voucher is on the funds chart');
            assert.ok(debitsAboveFunds(money), 'its debits cross its funds');
            assert.match(text, /Debits exceed the funds by 10\.00 EUR/);
          } else {
            for (const voucher of ['v-1', 'v-2', 'v-3', 'v-4', 'v-5']) {
              const money = await drawnMoney(page, voucher);
              assert.ok(money, `${voucher} is on the funds chart`);
              assert.equal(debitsAboveFunds(money), false, `${voucher}'s debits stay within its funds`);
            }
          }
        } finally {
          await opened.close();
        }
      });
    }
  }

  it('charts follow the window: narrower after a resize, still without overflow', async () => {
    const opened = await openPage(browser, pages.overspend.file, {
      name: 'race-overspend-resized',
      width: 1920,
    });
    try {
      const fits = async (window: number) => {
        for (const chart of await chartFacts(opened.page)) {
          const drawn = chart.canvas?.width ?? 0;
          assert.ok(chart.container < window, `${chart.id}'s container is within the window`);
          assert.ok(
            Math.abs(drawn - chart.container) < 2,
            `${chart.id} drawn ${drawn} px wide in ${chart.container}`,
          );
        }
      };
      await fits(1920);
      await opened.page.setViewportSize({ width: 800, height: 900 });
      // Each chart follows its container on its own (a ResizeObserver each): wait until every one has.
      await opened.page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLElement>('[data-chart]')].every((element) => {
          const drawn = element.querySelector('canvas')?.getBoundingClientRect().width ?? 1e9;
          return drawn < 800 && Math.abs(drawn - element.getBoundingClientRect().width) < 2;
        }),
      );
      await fits(800);
      assert.ok((await overflow(opened.page)) <= 0);
      assert.deepEqual(opened.errors, []);
    } finally {
      await opened.close();
    }
  });

  it('the checks can fail: a fixed 1300-px figure overflows at 800 px, a chart without data is an error', async () => {
    const file = writePage(
      'broken',
      renderPage({
        title: 'broken',
        body: '<svg xmlns="http://www.w3.org/2000/svg" width="1300" height="40"></svg><div data-chart="nothing"></div>',
      }),
    );
    const opened = await openPage(browser, file, { name: 'broken-800', width: 800 });
    try {
      assert.ok((await overflow(opened.page)) > 0, 'the overflow measure sees the 1300-px figure');
      assert.equal((await chartFacts(opened.page))[0]?.drawn, 'error');
      assert.match(opened.errors.join('\n'), /chart nothing: no data/);
    } finally {
      await opened.close();
    }
  });

  it('a large history gives a page of bounded size, sampled, that still draws', async () => {
    // 200,000 redeems on 20 hot vouchers, a third acknowledged: thousands of debits per voucher.
    const { history } = overspendHistory();
    const ok = history.ops.find((op) => op.op === 'redeem' && op.completion === 'ok') as Operation;
    const refused = history.ops.find((op) => op.op === 'redeem' && op.completion === 'fail') as Operation;
    const funds: Record<string, number> = {};
    const ops: Operation[] = [];
    for (let n = 0; n < 200_000; n++) {
      const voucher = `hot-${n % 20}`;
      funds[voucher] = 100_000_000;
      const at = n * 50;
      const op = n % 3 === 0 ? { ...ok, result: { ...(ok.result as object), id: `red-hot-${n}` } } : refused;
      ops.push({
        ...op,
        client: `load-${n % 50}`,
        voucher,
        invokedAt: at,
        completedAt: at + 100 + (n % 700) * 10,
      });
    }
    const big: History = { meta: { kind: 'meta', policy: 'balance-guard', funds }, ops };
    // Only the page is under test here: checking 200,000 operations is the checkers' benchmark.
    const html = renderReportHtml(big, { valid: true, verdicts: [] }, 'vcert race');
    assert.ok(html.length < 500_000, `page of ${html.length} characters for ${ops.length} operations`);
    assert.match(html, /Sampled at 2,000 times/);
    const opened = await openPage(browser, writePage('race-large', html), {
      name: 'race-large-1280',
      width: 1280,
    });
    try {
      assert.deepEqual(opened.errors, []);
      for (const chart of await chartFacts(opened.page)) assert.equal(chart.drawn, 'true', chart.id);
      const points = await opened.page.evaluate(
        () => (window as unknown as DrawnCharts).vcertCharts['funds-EUR']?.data[0]?.length,
      );
      assert.equal(points, 2000);
    } finally {
      await opened.close();
    }
  });
});
