import type { TenderRule } from './tender-rule.ts';

/** TA-01: a tender with BlockingFlag = true is never allowed. */
export const blockingRule: TenderRule = {
  family: 'TA-01',
  check: (_ctx, tender) =>
    tender.blockingFlag === true
      ? { rule: 'TA-01', reason: `tender ${tender.tenderTypeCode} is blocked (BlockingFlag)` }
      : undefined,
};
