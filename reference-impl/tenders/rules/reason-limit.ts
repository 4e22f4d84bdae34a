import { exceedsLimit, formatMinor } from './decimal-limit.ts';
import { isForReason } from './reason-tender.ts';
import type { TenderRule } from './tender-rule.ts';

/**
 * TA-11: a reason with parameter LIMIT caps the pay-in / pay-out amount: above it (not at it) the item is
 * refused, so every tender is. LIMIT is a decimal in major units of the amount's currency (interp.: "1000"
 * means 1000.00 EUR). Checked whatever checkReasonTender says (the seed ties no switch to it).
 */
export const reasonLimitRule: TenderRule = {
  family: 'TA-11',
  check: ({ index, receipt }) => {
    const p = receipt.payInOut;
    if (!p) return undefined;
    const limits = index.reasons
      .filter((r) => isForReason(r, p))
      .flatMap((r) =>
        (r.parameters ?? []).filter((x) => x.code === 'LIMIT').map((x) => ({ reason: r, limit: x.value })),
      )
      .filter(({ limit }) => exceedsLimit(p.amount.amount, p.amount.currency, limit))
      .map(({ reason, limit }) => `LIMIT ${limit} of reason ${reason.reasonCode}`)
      .sort();
    if (limits.length === 0) return undefined;
    return {
      rule: 'TA-11',
      reason: `amount ${formatMinor(p.amount.amount, p.amount.currency)} exceeds ${limits.join(', ')}`,
    };
  },
};
