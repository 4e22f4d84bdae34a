import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { Capability } from '../../../spec/capabilities.ts';
import type { TenderConfigDocument, TenderReceipt } from '../../../spec/schemas/tenders.ts';
import { describeCompletion } from '../../driver/completion.ts';
import type { Driver } from '../../driver/driver.ts';
import type { Transcript } from '../../reproducers/transcript.ts';
import { breachText, ModelMismatch } from '../commands/expect-answer.ts';
import { NotClaimed } from '../not-claimed.ts';
import { outcomeOf, type PropertyOutcome } from '../property-outcome.ts';
import { checkParameters, type RunBudget } from '../run-budget.ts';
import { TargetSession } from '../target-session.ts';
import { permutations } from './permutations.ts';

/** One generated case: a configuration, and a receipt with several tenders on it (and on its original). */
export interface TenderOrderCase {
  config: TenderConfigDocument;
  receipt: TenderReceipt;
}

const codes = ['CASH', 'CARD', 'GIFT', 'FX'] as const;

/**
 * Tenders with the flags whose rules read the receipt's other tenders (TA-05 exclusive) or its original
 * tenders (TA-09 sale-return rules), blocking (TA-01) and sale/return types (TA-06) beside them; a sale
 * or a return with two to four tenders on it, and up to three on the original receipt, each list in a
 * drawn order.
 */
export const tenderOrderCase: fc.Arbitrary<TenderOrderCase> = fc
  .record({
    flags: fc.tuple(
      ...codes.map(() =>
        fc.record({
          exclusiveFlag: fc.constantFrom(false, false, true),
          blockingFlag: fc.constantFrom(false, false, false, true),
          saleReturnTypeCode: fc.constantFrom(
            'SALES_AND_RETURNS' as const,
            'SALES' as const,
            'RETURNS' as const,
          ),
        }),
      ),
    ),
    returns: fc.uniqueArray(fc.tuple(fc.constantFrom(...codes), fc.constantFrom(...codes)), {
      maxLength: 5,
      selector: ([a, b]) => `${a}>${b}`,
    }),
    onReceipt: fc.shuffledSubarray([...codes], { minLength: 2, maxLength: 4 }),
    original: fc.shuffledSubarray([...codes], { minLength: 0, maxLength: 3 }),
    total: fc.constantFrom(2500, -2500),
  })
  .map(({ flags, returns, onReceipt, original, total }) => ({
    config: {
      tenders: codes.map((tenderTypeCode, i) => ({
        tenderTypeCode,
        isoCurrencyCode: 'EUR',
        ...flags[i],
        restrictionRules: [],
      })),
      tenderSaleReturnRules: returns.map(([returnTenderTypeCode, saleTenderTypeCode]) => ({
        returnTenderTypeCode,
        saleTenderTypeCode,
      })),
      switches: { checkCustomerGroupTender: false, checkReasonTender: false },
    },
    receipt: {
      transactionType: 'SALE',
      lineItems: [{ type: 'ITEM' }],
      total: { amount: total, currency: 'EUR' },
      tenders: onReceipt,
      ...(original.length > 0 ? { originalTenders: original } : {}),
    },
  }));

/**
 * Tenders in every order (issue 16): the rules that read several tenders of one receipt (TA-05: once an
 * exclusive tender is on the receipt, no other is allowed; TA-09: the tenders a return may use are those
 * of the rules of each original tender) say nothing of their order, so the target's verdict for every
 * configured tender must be the same for every permutation of the tenders on the receipt and of those on
 * the original receipt; and a tender beside an exclusive one is refused by TA-05, whichever came first.
 * Each case loads its configuration into the run's tenant (`loadTenderConfig`), then asks
 * `evaluateTenders` once per order. Needs `tenders`.
 */
export async function checkTenderOrders(driver: Driver, budget: RunBudget): Promise<PropertyOutcome> {
  const claimed = new Set<Capability>(await driver.capabilities());
  if (!claimed.has('tenders')) throw new NotClaimed('the target does not claim tenders');
  let lastFailure: Transcript | undefined;
  const property = fc.asyncProperty(tenderOrderCase, async (c) => {
    const r = new TargetSession(driver, await driver.setup(), claimed);
    try {
      await runCase(r, c);
    } catch (error) {
      lastFailure = r.transcript;
      throw error;
    }
  });
  const details = await fc.check(property, checkParameters(budget));
  return outcomeOf('tender-orders', details, lastFailure);
}

async function runCase(r: TargetSession, c: TenderOrderCase): Promise<void> {
  // A tenant shared with other runs keeps its configuration: read it first, load it back after.
  const before = r.session.isolated ? undefined : await r.call({ operationId: 'getTenderConfig' });
  r.say('Given the tender configuration:');
  r.say(`  """json\n  ${JSON.stringify(c.config)}\n  """`);
  const loaded = await r.call({
    operationId: 'loadTenderConfig',
    auth: { role: 'backoffice' },
    body: c.config,
  });
  if (loaded.violations?.length) throw new ModelMismatch(`loadTenderConfig: ${breachText(loaded)}`);
  if (loaded.completion !== 'ok')
    throw new ModelMismatch(`loadTenderConfig refused a valid configuration: ${describeCompletion(loaded)}`);
  try {
    const tenders = c.receipt.tenders ?? [];
    const original = c.receipt.originalTenders ?? [];
    const orders: TenderReceipt[] = [
      ...permutations(tenders).map((t) => ({ ...c.receipt, tenders: t })),
      ...permutations(original)
        .slice(1)
        .map((o) => ({ ...c.receipt, originalTenders: o })),
    ];
    let first: { receipt: TenderReceipt; verdicts: Verdicts } | undefined;
    for (const receipt of orders) {
      const verdicts = await evaluate(r, receipt);
      exclusiveRefusesOthers(c, receipt, verdicts);
      first ??= { receipt, verdicts };
      if (!isDeepStrictEqual(verdicts, first.verdicts))
        throw new ModelMismatch(
          `the verdict depends on the order of the tenders: ${orderOf(first.receipt)} gives ${JSON.stringify(first.verdicts.tenders)}, ${orderOf(receipt)} gives ${JSON.stringify(verdicts.tenders)}`,
        );
    }
  } finally {
    if (before?.completion === 'ok')
      await r.call({ operationId: 'loadTenderConfig', auth: { role: 'backoffice' }, body: before.body });
  }
}

const orderOf = (receipt: TenderReceipt) =>
  `tenders [${(receipt.tenders ?? []).join(', ')}], original [${(receipt.originalTenders ?? []).join(', ')}]`;

/** The verdicts as the target gives them (a rule id outside the catalog is the contract check's to find). */
type Verdicts = { tenders: Array<{ tender: string; allowed: boolean; refusedBy: Array<{ rule: string }> }> };

async function evaluate(r: TargetSession, receipt: TenderReceipt): Promise<Verdicts> {
  r.say(`When the POS asks which tenders a receipt with ${orderOf(receipt)} may use`);
  const answer = await r.call({ operationId: 'evaluateTenders', auth: { role: 'pos' }, body: receipt });
  if (answer.violations?.length) throw new ModelMismatch(`evaluateTenders: ${breachText(answer)}`);
  if (answer.completion !== 'ok')
    throw new ModelMismatch(`evaluateTenders refused a valid receipt: ${describeCompletion(answer)}`);
  return answer.body;
}

/** TA-05, whatever the order: beside an exclusive tender on the receipt, every other tender is refused. */
function exclusiveRefusesOthers(c: TenderOrderCase, receipt: TenderReceipt, verdicts: Verdicts): void {
  const exclusive = new Set(
    (c.config.tenders ?? []).filter((t) => t.exclusiveFlag).map((t) => t.tenderTypeCode),
  );
  const on = (receipt.tenders ?? []).filter((t) => exclusive.has(t));
  for (const v of verdicts.tenders) {
    const beside = on.filter((t) => t !== v.tender);
    if (beside.length > 0 && !v.refusedBy.some((x) => x.rule === 'TA-05'))
      throw new ModelMismatch(
        `${v.tender} is not refused by TA-05 beside exclusive ${beside.join(', ')} (${orderOf(receipt)})`,
      );
  }
}
