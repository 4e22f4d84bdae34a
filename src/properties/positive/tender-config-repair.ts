import type { TenderConfigDocument } from '../../../spec/schemas/tenders.ts';

type Entry = Record<string, unknown>;
type Doc = Record<string, unknown>;

const listOf = (doc: Doc, name: string): Entry[] => (Array.isArray(doc[name]) ? (doc[name] as Entry[]) : []);
const keyOf = (e: Entry, names: readonly string[]) => names.map((n) => String(e[n])).join('/');

/** Keeps the first entry of each key, as a configuration must (duplicate codes are refused). */
function unique(doc: Doc, name: string, keyNames: readonly string[]): void {
  if (!Array.isArray(doc[name])) return;
  const seen = new Set<string>();
  doc[name] = listOf(doc, name).filter((e) => {
    const key = keyOf(e, keyNames);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Points each reference at a key that exists (the n-th entry refers to key n modulo their number), or
 * drops the entry when there is none: a generated code almost never names anything, which TA-13
 * refuses as an inconsistent configuration with validation_failed, the same code as a shape error.
 */
function resolve(doc: Doc, name: string, field: string, keys: readonly string[], optional = false): void {
  if (!Array.isArray(doc[name])) return;
  doc[name] = listOf(doc, name).flatMap((e, i) => {
    if (e[field] === undefined) return [e];
    if (keys.length === 0) {
      if (!optional) return [];
      const { [field]: _dropped, ...rest } = e;
      return [rest];
    }
    return [{ ...e, [field]: keys[i % keys.length] }];
  });
}

/**
 * Makes a generated tender configuration document consistent (TA-13): unique codes, references to
 * tenders, groups, customer groups and reasons that exist, restriction rules that name something,
 * LIMIT parameters that are decimals, at most one default group. Its shape is unchanged.
 */
export function consistentTenderConfig(generated: TenderConfigDocument): TenderConfigDocument {
  const doc = structuredClone(generated) as Doc;
  unique(doc, 'tenders', ['tenderTypeCode']);
  unique(doc, 'customerTenderGroups', ['customerTenderGroupCode']);
  unique(doc, 'customerGroups', ['customerGroupId']);
  unique(doc, 'customers', ['customerId']);
  unique(doc, 'reasons', ['reasonCodeGroupCode', 'reasonCode']);
  const tenders = listOf(doc, 'tenders').map((t) => String(t.tenderTypeCode));
  const groups = listOf(doc, 'customerTenderGroups').map((g) => String(g.customerTenderGroupCode));
  const customerGroups = listOf(doc, 'customerGroups').map((g) => String(g.customerGroupId));
  const reasons = listOf(doc, 'reasons');
  for (const t of listOf(doc, 'tenders')) {
    const rules = t.restrictionRules as Entry[] | undefined;
    if (rules) t.restrictionRules = rules.filter((r) => Object.keys(r).length > 0);
  }
  listOf(doc, 'customerTenderGroups').forEach((g, i) => {
    if (i > 0 && g.defaultFlag === true) g.defaultFlag = false;
  });
  for (const r of reasons) {
    const params = r.parameters as Entry[] | undefined;
    if (!params) continue;
    const seen = new Set<string>();
    r.parameters = params
      .filter((p) => !seen.has(String(p.code)) && seen.add(String(p.code)))
      .map((p) => (p.code === 'LIMIT' ? { ...p, value: '10.50' } : p));
  }
  resolve(doc, 'customerTenderGroupTenders', 'customerTenderGroupCode', groups);
  resolve(doc, 'customerTenderGroupTenders', 'tenderTypeCode', tenders);
  unique(doc, 'customerTenderGroupTenders', ['customerTenderGroupCode', 'tenderTypeCode']);
  resolve(doc, 'customerGroups', 'allowedTermsOfPayments', groups, true);
  for (const c of listOf(doc, 'customers')) {
    const ids = c.customerGroupIds as string[];
    c.customerGroupIds =
      customerGroups.length === 0 ? [] : ids.map((_, i) => customerGroups[i % customerGroups.length]);
    c.customerGroupIds = [...new Set(c.customerGroupIds as string[])];
  }
  for (const [name, a, b] of [
    ['tenderAdjustmentRules', 'originalTenderTypeCode', 'newTenderTypeCode'],
    ['tenderSaleReturnRules', 'returnTenderTypeCode', 'saleTenderTypeCode'],
  ] as const) {
    resolve(doc, name, a, tenders);
    resolve(doc, name, b, tenders);
    unique(doc, name, [a, b]);
  }
  resolve(doc, 'reasonTenders', 'tenderTypeCode', tenders);
  if (Array.isArray(doc.reasonTenders)) {
    doc.reasonTenders = listOf(doc, 'reasonTenders').flatMap((e, i) => {
      const reason = reasons[i % Math.max(1, reasons.length)];
      return reason
        ? [{ ...e, reasonCode: reason.reasonCode, reasonCodeGroupCode: reason.reasonCodeGroupCode }]
        : [];
    });
    unique(doc, 'reasonTenders', ['reasonCodeGroupCode', 'reasonCode', 'tenderTypeCode']);
  }
  return doc as TenderConfigDocument;
}
