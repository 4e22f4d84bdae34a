import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium (scripts/setup-chromium.sh installs it), or VCERT_CHROMIUM. */
export const chromiumPath = process.env.VCERT_CHROMIUM ?? '/usr/bin/chromium';

/** Where pages and screenshots of the browser tests go (git ignores it). */
export const artifactsDir = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** A headless Chromium; fails with the way to install one when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `no Chromium at ${chromiumPath}: run 'bash scripts/setup-chromium.sh' or set VCERT_CHROMIUM`,
    );
  // --no-sandbox: the tests run as root in CI, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
}

export interface OpenedPage {
  page: Page;
  /** Console errors, uncaught page errors, and any request that left the file (a page must work offline). */
  errors: string[];
  /** The full-page screenshot. */
  screenshot: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The screenshot's name: test-artifacts/screenshots/NAME.png. */
  name: string;
  width: number;
  height?: number;
  /** How long to wait for the charts to draw. */
  timeoutMs?: number;
}

/**
 * Opens a page from a file at a window width, waits until every chart container (`[data-chart]`) has
 * drawn (`data-drawn` is no longer "false": "true", or "error" when the page script failed), then
 * takes a full-page screenshot. The caller asserts on `page` and `errors`, then closes.
 */
export async function openPage(browser: Browser, file: string, options: OpenOptions): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height ?? 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) errors.push(`request outside the page: ${request.url()}`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>('[data-chart]')].every(
        (chart) => chart.dataset.drawn !== 'false',
      ),
    undefined,
    { timeout: options.timeoutMs ?? 10_000 },
  );
  const dir = `${artifactsDir}screenshots`;
  mkdirSync(dir, { recursive: true });
  const screenshot = `${dir}/${options.name}.png`;
  await page.screenshot({ path: screenshot, fullPage: true });
  return { page, errors, screenshot, close: () => context.close() };
}
