import type { TenderRule } from './tender-rule.ts';

/**
 * TA-06: SaleReturnTypeCode SALES allows the tender only when the receipt total is positive, RETURNS only
 * when it is negative, SALES_AND_RETURNS (00 or null) always. A zero total is neither a sale nor a return
 * (interp.: the seed says "positive" and "negative").
 */
export const saleReturnTypeRule: TenderRule = {
  family: 'TA-06',
  check: ({ receipt }, tender) => {
    const type = tender.saleReturnTypeCode ?? 'SALES_AND_RETURNS';
    const total = receipt.total.amount;
    if (type === 'SALES' && total <= 0) {
      return {
        rule: 'TA-06',
        reason: `tender ${tender.tenderTypeCode} is for sales only and the receipt total is ${total}`,
      };
    }
    if (type === 'RETURNS' && total >= 0) {
      return {
        rule: 'TA-06',
        reason: `tender ${tender.tenderTypeCode} is for returns only and the receipt total is ${total}`,
      };
    }
    return undefined;
  },
};
