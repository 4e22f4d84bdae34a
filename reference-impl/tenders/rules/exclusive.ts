import type { TenderRule } from './tender-rule.ts';

/**
 * TA-05: once a receipt holds a tender with ExclusiveFlag = true, no other tender is allowed on it.
 * (The exclusive tender itself stays allowed, unless a second, different exclusive tender is on the receipt.)
 */
export const exclusiveRule: TenderRule = {
  family: 'TA-05',
  check: ({ index, receipt }, tender) => {
    const others = [...new Set(receipt.tenders ?? [])]
      .filter((code) => code !== tender.tenderTypeCode && index.tenders.get(code)?.exclusiveFlag === true)
      .sort();
    if (others.length === 0) return undefined;
    const which = others.length === 1 ? 'exclusive tender' : 'exclusive tenders';
    return { rule: 'TA-05', reason: `${which} ${others.join(', ')} already on receipt` };
  },
};
