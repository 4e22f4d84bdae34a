import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smokeProblems } from '../harness/smoke.ts';

test('vcert adapter check: every smoke check holds (canonical driver)', async () => {
  assert.deepEqual(await smokeProblems(), []);
});
