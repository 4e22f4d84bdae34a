import type { RuleCase } from '../case-runner.ts';
import { customerGroupCases, defaultGroupCases, effectiveTimeCases } from './customer-groups.ts';
import { exchangeCases, returnCases } from './exchange-and-return.ts';
import { limitCases, reasonTenderCases } from './pay-in-out.ts';
import {
  blockingCases,
  exclusiveCases,
  restrictionCases,
  saleReturnCases,
  unrestricted,
} from './receipt-rules.ts';

/** The examples of each requirement (DOMAIN.md TA), from seed 002 where it gives one. */
export const casesByRequirement = {
  'TA-01': blockingCases,
  'TA-02': customerGroupCases,
  'TA-03': effectiveTimeCases,
  'TA-04': defaultGroupCases,
  'TA-05': exclusiveCases,
  'TA-06': saleReturnCases,
  'TA-07': restrictionCases,
  'TA-08': exchangeCases,
  'TA-09': returnCases,
  'TA-10': reasonTenderCases,
  'TA-11': limitCases,
  baseline: [unrestricted],
} satisfies Record<string, RuleCase[]>;

export type Requirement = keyof typeof casesByRequirement;
