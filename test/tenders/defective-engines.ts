import {
  createEngine,
  referenceEngine,
  referenceParts,
  type TenderEngine,
} from '../../reference-impl/tenders/index.ts';
import { exceedsLimit } from '../../reference-impl/tenders/rules/decimal-limit.ts';
import { isForReason } from '../../reference-impl/tenders/rules/reason-tender.ts';
import type {
  ExchangeRule,
  TenderRule,
  TenderRuleFamily,
} from '../../reference-impl/tenders/rules/tender-rule.ts';
import type { TenderConfig } from '../../spec/schemas/tenders.ts';
import type { Requirement } from './cases/index.ts';

/** A deliberately wrong engine, and the requirement whose examples must catch it. */
export interface DefectiveEngine {
  name: string;
  caughtBy: Requirement;
  engine: TenderEngine;
}

/** The reference engine with one rule family replaced. */
function replacing(family: TenderRuleFamily, rule: TenderRule['check']): TenderEngine {
  return createEngine({
    ...referenceParts,
    tenderRules: referenceParts.tenderRules.map((r) => (r.family === family ? { family, check: rule } : r)),
  });
}

const ruleOf = (family: TenderRuleFamily) =>
  referenceParts.tenderRules.find((r) => r.family === family) as TenderRule;

/** The reference engine evaluating a doctored configuration (a defect in how configuration is read). */
function reading(doctor: (c: TenderConfig) => TenderConfig): TenderEngine {
  return {
    evaluate: (c, r, n) => referenceEngine.evaluate(doctor(c), r, n),
    checkExchange: (c, from, to) => referenceEngine.checkExchange(doctor(c), from, to),
    checkReturn: (c, originals, t) => referenceEngine.checkReturn(doctor(c), originals, t),
  };
}

/** Keeps one target per source tender: the classic Map<from, to> bug. */
const oneTargetPerSource: ExchangeRule = {
  family: 'TA-08',
  check: ({ index }, from, to) => {
    const targets = new Map(
      index.config.tenderAdjustmentRules.map((r) => [r.originalTenderTypeCode, r.newTenderTypeCode]),
    );
    return targets.get(from) === to
      ? undefined
      : { rule: 'TA-08', reason: `no exchange rule from ${from} to ${to}` };
  },
};

export const defectiveEngines: DefectiveEngine[] = [
  { name: 'BlockingFlag ignored', caughtBy: 'TA-01', engine: replacing('TA-01', () => undefined) },
  {
    name: 'customer tender groups ignored',
    caughtBy: 'TA-02',
    engine: replacing('TA-02/03', () => undefined),
  },
  {
    name: 'checkCustomerGroupTender ignored (groups always checked)',
    caughtBy: 'TA-02',
    engine: reading((c) => ({ ...c, switches: { ...c.switches, checkCustomerGroupTender: true } })),
  },
  {
    name: 'TimeStampEffective ignored',
    caughtBy: 'TA-03',
    engine: reading((c) => ({
      ...c,
      customerTenderGroupTenders: c.customerTenderGroupTenders.map(({ timeStampEffective: _, ...m }) => m),
    })),
  },
  { name: 'default group ignored', caughtBy: 'TA-04', engine: replacing('TA-04', () => undefined) },
  {
    name: 'default group only when checkCustomerGroupTender is on',
    caughtBy: 'TA-04',
    engine: replacing('TA-04', (ctx, t) =>
      ctx.index.config.switches.checkCustomerGroupTender ? ruleOf('TA-04').check(ctx, t) : undefined,
    ),
  },
  { name: 'ExclusiveFlag ignored', caughtBy: 'TA-05', engine: replacing('TA-05', () => undefined) },
  { name: 'SaleReturnTypeCode ignored', caughtBy: 'TA-06', engine: replacing('TA-06', () => undefined) },
  {
    name: 'a zero total counted as a sale',
    caughtBy: 'TA-06',
    engine: replacing('TA-06', (ctx, t) =>
      ctx.receipt.total.amount === 0 && t.saleReturnTypeCode === 'SALES'
        ? undefined
        : ruleOf('TA-06').check(ctx, t),
    ),
  },
  {
    name: 'a restriction rule naming both codes forbids when either matches',
    caughtBy: 'TA-07',
    engine: replacing('TA-07', ({ receipt }, t) => {
      const hit = (t.restrictionRules ?? []).some(
        (r) =>
          r.forbiddenTransactionTypeCode === receipt.transactionType ||
          receipt.lineItems.some((i) => i.type === r.forbiddenLineItemTypeCode),
      );
      return hit ? { rule: 'TA-07', reason: 'forbidden' } : undefined;
    }),
  },
  {
    name: 'one exchange target per source tender',
    caughtBy: 'TA-08',
    engine: createEngine({ ...referenceParts, exchange: oneTargetPerSource }),
  },
  {
    name: 'return rules read backwards',
    caughtBy: 'TA-09',
    engine: reading((c) => ({
      ...c,
      tenderSaleReturnRules: c.tenderSaleReturnRules.map((r) => ({
        returnTenderTypeCode: r.saleTenderTypeCode,
        saleTenderTypeCode: r.returnTenderTypeCode,
      })),
    })),
  },
  { name: 'reason tenders ignored', caughtBy: 'TA-10', engine: replacing('TA-10', () => undefined) },
  {
    name: 'reason group ignored',
    caughtBy: 'TA-10',
    engine: replacing('TA-10', (ctx, t) => {
      const p = ctx.receipt.payInOut;
      if (!p || !ctx.index.config.switches.checkReasonTender) return undefined;
      const ok = ctx.index.reasonTenders.some(
        (rt) => rt.tenderTypeCode === t.tenderTypeCode && rt.reasonCode === p.reasonCode,
      );
      return ok ? undefined : { rule: 'TA-10', reason: 'not for this reason' };
    }),
  },
  { name: 'LIMIT ignored', caughtBy: 'TA-11', engine: replacing('TA-11', () => undefined) },
  {
    name: 'LIMIT read in minor units',
    caughtBy: 'TA-11',
    engine: replacing('TA-11', ({ index, receipt }) => {
      const p = receipt.payInOut;
      if (!p) return undefined;
      const over = index.reasons
        .filter((r) => isForReason(r, p))
        .some((r) =>
          (r.parameters ?? []).some((x) => x.code === 'LIMIT' && p.amount.amount > Number(x.value)),
        );
      return over ? { rule: 'TA-11', reason: 'over the limit' } : undefined;
    }),
  },
  {
    name: 'the LIMIT itself refused',
    caughtBy: 'TA-11',
    engine: replacing('TA-11', ({ index, receipt }) => {
      const p = receipt.payInOut;
      if (!p) return undefined;
      const atOrOver = index.reasons
        .filter((r) => isForReason(r, p))
        .some((r) =>
          (r.parameters ?? []).some(
            (x) => x.code === 'LIMIT' && exceedsLimit(p.amount.amount + 1, p.amount.currency, x.value),
          ),
        );
      return atOrOver ? { rule: 'TA-11', reason: 'at or over the limit' } : undefined;
    }),
  },
];
