import type { Customer, CustomerGroup, Reason, Tender, TenderConfig } from '../../spec/schemas/tenders.ts';

/** A tender's membership of a customer tender group: effective from `from` (epoch ms), or always when null. */
export type Membership = { from: number | null };

/** Lookups over a configuration. Built the same whatever the order of its entries. */
export interface ConfigIndex {
  config: TenderConfig;
  tenders: ReadonlyMap<string, Tender>;
  /** group code → tender code → membership (the earliest, if a pair appears twice). */
  groupMembers: ReadonlyMap<string, ReadonlyMap<string, Membership>>;
  /** Codes of the groups with DefaultFlag true, sorted. */
  defaultGroups: readonly string[];
  customerGroups: ReadonlyMap<string, CustomerGroup>;
  customers: ReadonlyMap<string, Customer>;
  /** `from → to` pairs of TenderAdjustmentRule. */
  exchangePairs: ReadonlySet<string>;
  /** `original → return` pairs of TenderSaleReturnRule. */
  returnPairs: ReadonlySet<string>;
  /** `group/code/tender` of ReasonTender. */
  reasonTenders: readonly { reasonCode: string; reasonCodeGroupCode: string; tenderTypeCode: string }[];
  reasons: readonly Reason[];
}

export const pair = (a: string, b: string) => `${a}\u0000${b}`;

function earliest(a: Membership | undefined, b: Membership): Membership {
  if (!a) return b;
  if (a.from === null || b.from === null) return { from: null };
  return { from: Math.min(a.from, b.from) };
}

export function indexConfig(config: TenderConfig): ConfigIndex {
  const groupMembers = new Map<string, Map<string, Membership>>();
  for (const m of config.customerTenderGroupTenders) {
    const members = groupMembers.get(m.customerTenderGroupCode) ?? new Map<string, Membership>();
    const from = m.timeStampEffective === undefined ? null : Date.parse(m.timeStampEffective);
    members.set(m.tenderTypeCode, earliest(members.get(m.tenderTypeCode), { from }));
    groupMembers.set(m.customerTenderGroupCode, members);
  }
  return {
    config,
    tenders: new Map(config.tenders.map((t) => [t.tenderTypeCode, t])),
    groupMembers,
    defaultGroups: config.customerTenderGroups
      .filter((g) => g.defaultFlag === true)
      .map((g) => g.customerTenderGroupCode)
      .sort(),
    customerGroups: new Map(config.customerGroups.map((g) => [g.customerGroupId, g])),
    customers: new Map(config.customers.map((c) => [c.customerId, c])),
    exchangePairs: new Set(
      config.tenderAdjustmentRules.map((r) => pair(r.originalTenderTypeCode, r.newTenderTypeCode)),
    ),
    returnPairs: new Set(
      config.tenderSaleReturnRules.map((r) => pair(r.returnTenderTypeCode, r.saleTenderTypeCode)),
    ),
    reasonTenders: config.reasonTenders,
    reasons: config.reasons,
  };
}
