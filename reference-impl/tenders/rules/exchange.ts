import { pair } from '../config-index.ts';
import type { ExchangeRule } from './tender-rule.ts';

/**
 * TA-08: a tender may be exchanged into another only along a configured TenderAdjustmentRule pair
 * (OriginalTenderTypeCode → NewTenderTypeCode); a source tender may have several.
 */
export const exchangeRule: ExchangeRule = {
  family: 'TA-08',
  check: ({ index }, from, to) => {
    const unknown = [from, to].filter((code) => !index.tenders.has(code));
    if (unknown.length > 0)
      return { rule: 'TA-08', reason: `unknown tender ${[...new Set(unknown)].join(', ')}` };
    if (index.exchangePairs.has(pair(from, to))) return undefined;
    return { rule: 'TA-08', reason: `no exchange rule from ${from} to ${to}` };
  },
};
