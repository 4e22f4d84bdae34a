import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { routes } from '../../spec/routes/index.ts';
import { satisfies } from '../../src/properties/negative/schema-validator.ts';
import { type JsonSchema, schemaArbitrary } from '../../src/properties/positive/schema-arbitrary.ts';
import { consistentTenderConfig } from '../../src/properties/positive/tender-config-repair.ts';

test('every request schema of the contract yields only values the schema accepts (ajv)', () => {
  let checked = 0;
  for (const route of routes) {
    for (const schema of [route.body, route.query]) {
      if (!schema) continue;
      fc.assert(
        fc.property(schemaArbitrary(schema as JsonSchema), (value) => satisfies(schema, value)),
        { numRuns: 60, seed: 7 },
      );
      checked += 1;
    }
  }
  assert.ok(checked >= 20, `${checked} schemas checked`);
});

test('a repaired tender configuration names only tenders that exist and keeps its shape', () => {
  const repaired = consistentTenderConfig({
    tenders: [
      { tenderTypeCode: 'CASH', isoCurrencyCode: 'EUR', restrictionRules: [{}] },
      { tenderTypeCode: 'CASH', isoCurrencyCode: 'USD' },
    ],
    tenderAdjustmentRules: [{ originalTenderTypeCode: 'X', newTenderTypeCode: 'Y' }],
    reasonTenders: [{ reasonCode: 'R', reasonCodeGroupCode: 'G', tenderTypeCode: 'CASH' }],
  });
  assert.deepEqual(repaired.tenders, [
    { tenderTypeCode: 'CASH', isoCurrencyCode: 'EUR', restrictionRules: [] },
  ]);
  assert.deepEqual(repaired.tenderAdjustmentRules, [
    { originalTenderTypeCode: 'CASH', newTenderTypeCode: 'CASH' },
  ]);
  assert.deepEqual(repaired.reasonTenders, [], 'a reason tender without any reason is dropped');
});
