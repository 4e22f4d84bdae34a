import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkExchange, evaluate, referenceEngine } from '../../reference-impl/tenders/index.ts';
import { assertCase } from './case-runner.ts';
import { casesByRequirement } from './cases/index.ts';
import { config, now, receipt, seedTenders, tender } from './config-builder.ts';

for (const [requirement, cases] of Object.entries(casesByRequirement)) {
  describe(requirement, () => {
    for (const c of cases) test(c.name, () => assertCase(referenceEngine, c));
  });
}

describe('TA-12: every refusal names its rule and says why', () => {
  test('the exclusive tender is named', () => {
    const cfg = config({ tenders: [seedTenders.giftCard, tender('ZTCC', { exclusiveFlag: true })] });
    const verdict = evaluate(cfg, receipt({ tenders: ['ZTCC'] }), now).tenders.find(
      (v) => v.tender === 'ZTVO',
    );
    assert.deepEqual(verdict, {
      tender: 'ZTVO',
      allowed: false,
      refusedBy: [{ rule: 'TA-05', reason: 'exclusive tender ZTCC already on receipt' }],
    });
  });

  test('several rules refusing one tender are all listed, sorted by rule', () => {
    const cfg = config({
      tenders: [
        tender('ZTCH', { blockingFlag: true, saleReturnTypeCode: 'RETURNS' }),
        tender('ZTCC', { exclusiveFlag: true }),
      ],
    });
    const verdict = evaluate(cfg, receipt({ tenders: ['ZTCC'] }), now).tenders.find(
      (v) => v.tender === 'ZTCH',
    );
    assert.deepEqual(
      verdict?.refusedBy.map((r) => r.rule),
      ['TA-01', 'TA-05', 'TA-06'],
    );
  });

  test('an exchange refusal says which pair is missing', () => {
    const cfg = config({ tenders: [seedTenders.cash, seedTenders.canadianDollar] });
    assert.deepEqual(checkExchange(cfg, 'ZTCD', 'ZTCS').refusedBy, [
      { rule: 'TA-08', reason: 'no exchange rule from ZTCD to ZTCS' },
    ]);
  });

  test('every configured tender gets a verdict, sorted by code, and nothing else', () => {
    const cfg = config({ tenders: [seedTenders.mexicanPeso, seedTenders.cash, seedTenders.giftCard] });
    const codes = evaluate(cfg, receipt({ tenders: ['ZTUNKNOWN'] }), now).tenders.map((v) => v.tender);
    assert.deepEqual(codes, ['ZTCS', 'ZTMX', 'ZTVO']);
  });
});
