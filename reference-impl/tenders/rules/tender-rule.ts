import type { Refusal, Tender, TenderReceipt } from '../../../spec/schemas/tenders.ts';
import type { ConfigIndex } from '../config-index.ts';

/** What every rule sees: the configuration's lookups, the receipt, and the moment of use (epoch ms). */
export interface RuleContext {
  index: ConfigIndex;
  receipt: TenderReceipt;
  now: number;
}

/** The rule families of DOMAIN.md TA; TA-02 and TA-03 (customer tender groups in time) are one family. */
export const tenderRuleFamilies = [
  'TA-01',
  'TA-02/03',
  'TA-04',
  'TA-05',
  'TA-06',
  'TA-07',
  'TA-09',
  'TA-10',
  'TA-11',
] as const;
export type TenderRuleFamily = (typeof tenderRuleFamilies)[number];

/** One rule family: refuses a tender for a receipt (naming the rule, TA-12), or lets it pass. */
export interface TenderRule {
  family: TenderRuleFamily;
  check(ctx: RuleContext, tender: Tender): Refusal | undefined;
}

/** Exchange (TA-08) decides on a pair of tenders instead of a receipt. */
export interface ExchangeRule {
  family: 'TA-08';
  check(ctx: { index: ConfigIndex }, from: string, to: string): Refusal | undefined;
}
