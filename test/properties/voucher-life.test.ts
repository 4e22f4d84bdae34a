import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningServer } from '../../reference-impl/server.ts';
import { openDriver } from '../../src/driver/create-driver.ts';
import type { Driver } from '../../src/driver/driver.ts';
import { failureReport } from '../../src/properties/failure-report.ts';
import { checkVoucherLife } from '../../src/properties/voucher-life.ts';
import { startReferenceServer } from '../support/reference-server.ts';

let server: RunningServer;
let driver: Driver;
before(async () => {
  server = await startReferenceServer();
  driver = await openDriver({ target: server.url });
});
after(async () => {
  await driver.close();
  await server.close();
});

test('the reference implementation follows the model through generated voucher lives', async () => {
  const outcome = await checkVoucherLife(driver, { runs: Number(process.env.RUNS ?? 25), seed: 20240611 });
  assert.equal(outcome.passed, true, failureReport(outcome));
  assert.equal(outcome.runs, Number(process.env.RUNS ?? 25));
});
