import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TenderEngine } from '../../reference-impl/tenders/index.ts';
import { ruleIds } from '../../spec/schemas/tenders.ts';
import { momentArb, receiptArb, reordered, tenderConfigArb } from './arbitraries.ts';

/** The properties of issue 4, over any engine, so that they can be shown to fail on defective ones. */

export const orderIndependent = (engine: TenderEngine) =>
  fc.property(
    tenderConfigArb.chain((config) =>
      fc.tuple(fc.constant(config), reordered(config), receiptArb, momentArb),
    ),
    ([config, shuffled, receipt, now]) => {
      assert.deepEqual(engine.evaluate(shuffled, receipt, now), engine.evaluate(config, receipt, now));
      for (const t of config.tenders) {
        assert.deepEqual(
          engine.checkExchange(shuffled, t.tenderTypeCode, 'T2'),
          engine.checkExchange(config, t.tenderTypeCode, 'T2'),
        );
      }
    },
  );

export const blockedNeverAllowed = (engine: TenderEngine) =>
  fc.property(tenderConfigArb, receiptArb, momentArb, (config, receipt, now) => {
    const codes = config.tenders.map((t) => t.tenderTypeCode);
    const blocked = config.tenders.filter((t) => t.blockingFlag).map((t) => t.tenderTypeCode);
    for (const v of engine.evaluate(config, receipt, now).tenders) {
      if (blocked.includes(v.tender))
        assert.ok(!v.allowed && v.refusedBy.some((r) => r.rule === 'TA-01'), v.tender);
    }
    for (const code of blocked) {
      for (const other of codes) {
        assert.equal(engine.checkExchange(config, other, code).allowed, false);
        assert.equal(engine.checkExchange(config, code, other).allowed, false);
        assert.equal(engine.checkReturn(config, [other], code).allowed, false);
      }
    }
  });

export const exclusiveExcludesOthers = (engine: TenderEngine) =>
  fc.property(tenderConfigArb, receiptArb, momentArb, (config, receipt, now) => {
    const exclusive = new Set(config.tenders.filter((t) => t.exclusiveFlag).map((t) => t.tenderTypeCode));
    const onReceipt = (receipt.tenders ?? []).filter((code) => exclusive.has(code));
    for (const v of engine.evaluate(config, receipt, now).tenders) {
      if (onReceipt.some((code) => code !== v.tender)) {
        assert.ok(
          !v.allowed && v.refusedBy.some((r) => r.rule === 'TA-05'),
          `${v.tender} beside ${onReceipt.join(', ')}`,
        );
      }
    }
  });

export const verdictsWellFormed = (engine: TenderEngine) =>
  fc.property(tenderConfigArb, receiptArb, momentArb, (config, receipt, now) => {
    const { tenders } = engine.evaluate(config, receipt, now);
    assert.deepEqual(
      tenders.map((v) => v.tender),
      config.tenders.map((t) => t.tenderTypeCode).sort(),
    );
    for (const v of tenders) {
      assert.equal(v.allowed, v.refusedBy.length === 0);
      const rules = v.refusedBy.map((r) => r.rule);
      assert.deepEqual(rules, [...rules].sort());
      for (const r of v.refusedBy)
        assert.ok((ruleIds as readonly string[]).includes(r.rule) && r.reason.length > 0);
    }
  });
