import { pair } from '../config-index.ts';
import type { TenderRule } from './tender-rule.ts';

/**
 * TA-09: on a return based on an original receipt (the receipt lists `originalTenders`), a tender is
 * allowed only if a TenderSaleReturnRule leads to it from a tender of the original receipt
 * (ReturnTenderTypeCode = original, SaleTenderTypeCode = this one). Not even the original tender itself
 * is allowed without such a rule (interp.: the seed allows only what is stored).
 */
export const originalReceiptRule: TenderRule = {
  family: 'TA-09',
  check: ({ index, receipt }, tender) => {
    const originals = receipt.originalTenders;
    if (originals === undefined) return undefined;
    const code = tender.tenderTypeCode;
    if (originals.some((o) => index.returnPairs.has(pair(o, code)))) return undefined;
    const from = [...new Set(originals)].sort().join(', ') || '(none)';
    return { rule: 'TA-09', reason: `no return rule from original tender ${from} to ${code}` };
  },
};
