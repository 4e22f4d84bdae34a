import type {
  ExchangeVerdict,
  Refusal,
  TenderConfig,
  TenderEvaluation,
  TenderReceipt,
  TenderVerdict,
} from '../../spec/schemas/tenders.ts';
import { type ConfigIndex, indexConfig } from './config-index.ts';
import { blockingRule } from './rules/blocking.ts';
import { customerGroupRule } from './rules/customer-group.ts';
import { defaultGroupRule } from './rules/default-group.ts';
import { exchangeRule } from './rules/exchange.ts';
import { exclusiveRule } from './rules/exclusive.ts';
import { originalReceiptRule } from './rules/original-receipt.ts';
import { reasonLimitRule } from './rules/reason-limit.ts';
import { reasonTenderRule } from './rules/reason-tender.ts';
import { restrictionRule } from './rules/restriction.ts';
import { saleReturnTypeRule } from './rules/sale-return-type.ts';
import type { ExchangeRule, RuleContext, TenderRule, TenderRuleFamily } from './rules/tender-rule.ts';

/** The rules an engine is made of: replace one to get a variant (the defective engines of the tests do). */
export interface EngineParts {
  tenderRules: readonly TenderRule[];
  exchange: ExchangeRule;
}

/** The three questions a POS asks. Pure: same configuration, receipt and time, same answer. */
export interface TenderEngine {
  /** TA-01..TA-12: every configured tender, sorted by code, allowed or refused with the rules that refused it. */
  evaluate(config: TenderConfig, receipt: TenderReceipt, now: Date): TenderEvaluation;
  /** TA-08 (and TA-01 on both tenders): may `from` be exchanged into `to`? */
  checkExchange(config: TenderConfig, from: string, to: string): ExchangeVerdict;
  /** TA-09 (and TA-01): may a return of a receipt paid with `originalTenders` pay out with `tender`? */
  checkReturn(config: TenderConfig, originalTenders: readonly string[], tender: string): TenderVerdict;
}

export const referenceParts: EngineParts = {
  tenderRules: [
    blockingRule,
    customerGroupRule,
    defaultGroupRule,
    exclusiveRule,
    saleReturnTypeRule,
    restrictionRule,
    originalReceiptRule,
    reasonTenderRule,
    reasonLimitRule,
  ],
  exchange: exchangeRule,
};

const byRule = (a: Refusal, b: Refusal) =>
  a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0;

/** A receipt that no rule objects to, for the questions that are not about a receipt. */
const neutralReceipt: TenderReceipt = {
  transactionType: '',
  lineItems: [],
  total: { amount: 0, currency: 'EUR' },
};

/** Lookups are cached per configuration object: a configuration is a value, never changed in place. */
export function createEngine(parts: EngineParts): TenderEngine {
  const indexes = new WeakMap<TenderConfig, ConfigIndex>();
  const indexOf = (config: TenderConfig) => {
    let index = indexes.get(config);
    if (!index) {
      index = indexConfig(config);
      indexes.set(config, index);
    }
    return index;
  };
  const refusals = (ctx: RuleContext, code: string, only?: readonly TenderRuleFamily[]): Refusal[] => {
    const tender = ctx.index.tenders.get(code);
    if (!tender) return [];
    return parts.tenderRules
      .filter((r) => !only || only.includes(r.family))
      .flatMap((r) => r.check(ctx, tender) ?? [])
      .sort(byRule);
  };
  return {
    evaluate(config, receipt, now) {
      const ctx = { index: indexOf(config), receipt, now: now.getTime() };
      const codes = [...ctx.index.tenders.keys()].sort();
      return {
        tenders: codes.map((tender) => {
          const refusedBy = refusals(ctx, tender);
          return { tender, allowed: refusedBy.length === 0, refusedBy };
        }),
      };
    },
    checkExchange(config, from, to) {
      const index = indexOf(config);
      const ctx = { index, receipt: neutralReceipt, now: 0 };
      const refusedBy = [
        ...new Map(
          [...refusals(ctx, from, ['TA-01']), ...refusals(ctx, to, ['TA-01'])].map((r) => [r.reason, r]),
        ).values(),
        ...[parts.exchange.check({ index }, from, to) ?? []].flat(),
      ].sort(byRule);
      return { from, to, allowed: refusedBy.length === 0, refusedBy };
    },
    checkReturn(config, originalTenders, tender) {
      const index = indexOf(config);
      const ctx = { index, receipt: { ...neutralReceipt, originalTenders: [...originalTenders] }, now: 0 };
      const refusedBy: Refusal[] = index.tenders.has(tender)
        ? refusals(ctx, tender, ['TA-01', 'TA-09'])
        : [{ rule: 'TA-09', reason: `unknown tender ${tender}` }];
      return { tender, allowed: refusedBy.length === 0, refusedBy };
    },
  };
}

/** The reference engine: every rule as DOMAIN.md TA states it. */
export const referenceEngine: TenderEngine = createEngine(referenceParts);
