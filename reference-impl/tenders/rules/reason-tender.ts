import type { TenderReceipt } from '../../../spec/schemas/tenders.ts';
import type { TenderRule } from './tender-rule.ts';

/** A ReasonTender or Reason entry is for the receipt's reason when the code matches, and the group if given. */
export function isForReason(
  entry: { reasonCode: string; reasonCodeGroupCode: string },
  payInOut: NonNullable<TenderReceipt['payInOut']>,
): boolean {
  return (
    entry.reasonCode === payInOut.reasonCode &&
    (payInOut.reasonCodeGroupCode === undefined || entry.reasonCodeGroupCode === payInOut.reasonCodeGroupCode)
  );
}

/**
 * TA-10: with checkReasonTender on, a pay-in / pay-out allows only the tenders configured for its
 * reason (ReasonTender). A reason with no ReasonTender entry allows none (interp.).
 */
export const reasonTenderRule: TenderRule = {
  family: 'TA-10',
  check: ({ index, receipt }, tender) => {
    const p = receipt.payInOut;
    if (!p || index.config.switches.checkReasonTender !== true) return undefined;
    const code = tender.tenderTypeCode;
    if (index.reasonTenders.some((rt) => rt.tenderTypeCode === code && isForReason(rt, p))) return undefined;
    return { rule: 'TA-10', reason: `reason ${p.reasonCode} does not allow tender ${code}` };
  },
};
