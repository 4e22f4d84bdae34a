import { type Problem, problemAt } from './problem.ts';
import type { Sourced, SourcedConfig } from './sourced-config.ts';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const field = (entry: Sourced<unknown>, name: string): string | undefined =>
  str((entry.value as Record<string, unknown> | null)?.[name]);
const where = (e: Sourced<unknown>) =>
  `${e.origin.file}${e.origin.line ? `:${e.origin.line}` : ''} ${e.origin.element}`;

/** Entries with the same key: the second and later ones are problems that point at the first. */
function duplicates(
  entries: Sourced<unknown>[],
  keyOf: (e: Sourced<unknown>) => string | undefined,
  what: string,
) {
  const first = new Map<string, Sourced<unknown>>();
  const out: Problem[] = [];
  for (const e of entries) {
    const key = keyOf(e);
    if (key === undefined) continue;
    const seen = first.get(key);
    if (seen) out.push(problemAt(e.origin, `duplicate ${what} ${key} (first at ${where(seen)})`));
    else first.set(key, e);
  }
  return { keys: new Set(first.keys()), problems: out };
}

function keyed(...names: string[]) {
  return (e: Sourced<unknown>) => {
    const parts = names.map((n) => field(e, n));
    return parts.every((p) => p !== undefined) ? parts.join('/') : undefined;
  };
}

const decimal = /^\d{1,15}(\.\d{1,6})?$/;

/**
 * Cross-checks a merged configuration: duplicate codes, references to unknown tenders, groups, customer
 * groups and reasons, restriction rules that name nothing, LIMITs that are not numbers, more than one
 * default group, and switches set both ways. Every problem is returned.
 */
export function checkConsistency(c: SourcedConfig): Problem[] {
  const tenders = duplicates(c.tenders, keyed('tenderTypeCode'), 'TenderTypeCode');
  const groups = duplicates(
    c.customerTenderGroups,
    keyed('customerTenderGroupCode'),
    'CustomerTenderGroupCode',
  );
  const customerGroups = duplicates(c.customerGroups, keyed('customerGroupId'), 'CustomerGroupID');
  const reasons = duplicates(c.reasons, keyed('reasonCodeGroupCode', 'reasonCode'), 'reason (group/code)');
  const problems = [
    ...tenders.problems,
    ...groups.problems,
    ...customerGroups.problems,
    ...reasons.problems,
    ...duplicates(c.customers, keyed('customerId'), 'CustomerID').problems,
    ...duplicates(
      c.customerTenderGroupTenders,
      keyed('customerTenderGroupCode', 'tenderTypeCode'),
      'group tender',
    ).problems,
    ...duplicates(
      c.tenderAdjustmentRules,
      keyed('originalTenderTypeCode', 'newTenderTypeCode'),
      'exchange rule',
    ).problems,
    ...duplicates(c.tenderSaleReturnRules, keyed('returnTenderTypeCode', 'saleTenderTypeCode'), 'return rule')
      .problems,
    ...duplicates(
      c.reasonTenders,
      keyed('reasonCodeGroupCode', 'reasonCode', 'tenderTypeCode'),
      'reason tender',
    ).problems,
  ];
  const known = (set: Set<string>, e: Sourced<unknown>, name: string, what: string) => {
    const v = field(e, name);
    if (v !== undefined && !set.has(v)) problems.push(problemAt(e.origin, `unknown ${what} ${v}`));
  };
  for (const e of c.customerTenderGroupTenders) {
    known(groups.keys, e, 'customerTenderGroupCode', 'customer tender group');
    known(tenders.keys, e, 'tenderTypeCode', 'tender');
  }
  for (const e of c.customerGroups) known(groups.keys, e, 'allowedTermsOfPayments', 'customer tender group');
  for (const e of c.customers) {
    const ids = (e.value as { customerGroupIds?: unknown } | null)?.customerGroupIds;
    for (const id of Array.isArray(ids) ? ids : []) {
      if (typeof id === 'string' && !customerGroups.keys.has(id))
        problems.push(problemAt(e.origin, `unknown customer group ${id}`));
    }
  }
  for (const e of c.tenderAdjustmentRules) {
    known(tenders.keys, e, 'originalTenderTypeCode', 'tender');
    known(tenders.keys, e, 'newTenderTypeCode', 'tender');
  }
  for (const e of c.tenderSaleReturnRules) {
    known(tenders.keys, e, 'returnTenderTypeCode', 'tender');
    known(tenders.keys, e, 'saleTenderTypeCode', 'tender');
  }
  for (const e of c.reasonTenders) {
    known(tenders.keys, e, 'tenderTypeCode', 'tender');
    const key = keyed('reasonCodeGroupCode', 'reasonCode')(e);
    if (key !== undefined && !reasons.keys.has(key))
      problems.push(problemAt(e.origin, `unknown reason ${key} (group/code)`));
  }
  for (const e of c.tenders) {
    const rules = (e.value as { restrictionRules?: unknown } | null)?.restrictionRules;
    (Array.isArray(rules) ? rules : []).forEach((r: Record<string, unknown> | null, i) => {
      if (r && r.forbiddenTransactionTypeCode === undefined && r.forbiddenLineItemTypeCode === undefined) {
        problems.push(
          problemAt(
            e.origin,
            `restriction rule ${i + 1} names neither a transaction type nor a line item type`,
          ),
        );
      }
    });
  }
  for (const e of c.reasons) {
    const params = (e.value as { parameters?: unknown } | null)?.parameters;
    const seen = new Set<string>();
    for (const p of Array.isArray(params) ? (params as Record<string, unknown>[]) : []) {
      const code = str(p?.code);
      if (code === undefined) continue;
      if (seen.has(code)) problems.push(problemAt(e.origin, `parameter ${code} appears more than once`));
      seen.add(code);
      if (code === 'LIMIT' && !decimal.test(str(p.value) ?? '')) {
        problems.push(
          problemAt(e.origin, `LIMIT must be a non-negative decimal number (got ${JSON.stringify(p.value)})`),
        );
      }
    }
  }
  const defaults = c.customerTenderGroups.filter(
    (e) => (e.value as { defaultFlag?: unknown } | null)?.defaultFlag === true,
  );
  for (const e of defaults.slice(1)) {
    problems.push(
      problemAt(
        e.origin,
        `more than one customer tender group has DefaultFlag true (first at ${where(defaults[0] as Sourced<unknown>)})`,
      ),
    );
  }
  const set = new Map<string, Sourced<unknown>>();
  for (const e of c.switches) {
    for (const [name, value] of Object.entries((e.value ?? {}) as Record<string, unknown>)) {
      const prior = set.get(name);
      const priorValue = (prior?.value as Record<string, unknown> | undefined)?.[name];
      if (prior && priorValue !== value)
        problems.push(
          problemAt(
            e.origin,
            `${name} set to ${String(value)} here and to ${String(priorValue)} at ${where(prior)}`,
          ),
        );
      else if (!prior) set.set(name, e);
    }
  }
  return problems;
}
