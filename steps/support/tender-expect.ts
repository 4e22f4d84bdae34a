import assert from 'node:assert/strict';
import type { TenderConfig, TenderEvaluation, TenderVerdict } from '../../spec/schemas/tenders.ts';
import type { Completion } from '../../src/driver/completion.ts';
import { expectAccepted } from './expect.ts';

export const codeList = (v: string | undefined) => (v ?? '').split(/\s*,\s*/).filter(Boolean);
const sorted = (values: Iterable<string>) => [...values].sort();

/**
 * The evaluation of the scenario's last question, checked for what TA-12 asks of every answer: a verdict
 * is allowed exactly when no rule refused it, and each refusal names its rule and says why.
 */
export function lastEvaluation(answer: Completion | undefined): TenderVerdict[] {
  const { tenders } = expectAccepted(answer) as TenderEvaluation;
  for (const verdict of tenders) {
    assert.equal(
      verdict.allowed,
      verdict.refusedBy.length === 0,
      `tender ${verdict.tender}: allowed must be true exactly when no rule refused it`,
    );
    for (const refusal of verdict.refusedBy) {
      assert.match(refusal.rule, /^TA-\d\d$/, `tender ${verdict.tender}: a refusal names its rule`);
      assert.ok(
        refusal.reason.trim().length > 0,
        `tender ${verdict.tender}: refusal ${refusal.rule} says why`,
      );
    }
  }
  return tenders;
}

/** One line per tender, e.g. "ZTCS allowed" or "ZTVO refused by TA-04, TA-05", for a readable diff. */
export function verdictLines(verdicts: TenderVerdict[]): string[] {
  return verdicts
    .map((v) =>
      v.allowed
        ? `${v.tender} allowed`
        : `${v.tender} refused by ${sorted(v.refusedBy.map((r) => r.rule)).join(', ')}`,
    )
    .sort();
}

/** What `the tender configuration in force has:` can name, each as a sorted list of entries. */
export const configFacts: Record<string, (c: TenderConfig) => string[]> = {
  tenders: (c) => c.tenders.map((t) => t.tenderTypeCode),
  'blocked tenders': (c) => c.tenders.filter((t) => t.blockingFlag).map((t) => t.tenderTypeCode),
  'exclusive tenders': (c) => c.tenders.filter((t) => t.exclusiveFlag).map((t) => t.tenderTypeCode),
  'sales-only tenders': (c) =>
    c.tenders.filter((t) => t.saleReturnTypeCode === 'SALES').map((t) => t.tenderTypeCode),
  'returns-only tenders': (c) =>
    c.tenders.filter((t) => t.saleReturnTypeCode === 'RETURNS').map((t) => t.tenderTypeCode),
  'restriction rules': (c) =>
    c.tenders.flatMap((t) =>
      (t.restrictionRules ?? []).map(
        (r) =>
          `${t.tenderTypeCode}: ${r.forbiddenTransactionTypeCode ?? '-'} ${r.forbiddenLineItemTypeCode ?? '-'}`,
      ),
    ),
  'customer tender groups': (c) => c.customerTenderGroups.map((g) => g.customerTenderGroupCode),
  'default group': (c) =>
    c.customerTenderGroups.filter((g) => g.defaultFlag).map((g) => g.customerTenderGroupCode),
  'group tenders': (c) =>
    c.customerTenderGroupTenders.map((m) => `${m.customerTenderGroupCode}: ${m.tenderTypeCode}`),
  'customer groups': (c) =>
    c.customerGroups.map((g) => `${g.customerGroupId}: ${g.allowedTermsOfPayments ?? '-'}`),
  customers: (c) => c.customers.map((m) => `${m.customerId}: ${sorted(m.customerGroupIds).join(' ')}`),
  'exchange rules': (c) =>
    c.tenderAdjustmentRules.map((r) => `${r.originalTenderTypeCode} → ${r.newTenderTypeCode}`),
  'return rules': (c) =>
    c.tenderSaleReturnRules.map((r) => `${r.returnTenderTypeCode} → ${r.saleTenderTypeCode}`),
  'reason tenders': (c) => c.reasonTenders.map((r) => `${r.reasonCode}: ${r.tenderTypeCode}`),
  'reason limits': (c) =>
    c.reasons.flatMap((r) =>
      (r.parameters ?? []).filter((p) => p.code === 'LIMIT').map((p) => `${r.reasonCode}: ${p.value}`),
    ),
  'switches on': (c) =>
    Object.entries(c.switches)
      .filter(([, on]) => on)
      .map(([name]) => name),
};

function readFact(config: TenderConfig, fact: string): string[] {
  const read = configFacts[fact];
  if (!read) throw new Error(`unknown fact "${fact}" (known: ${Object.keys(configFacts).join(', ')})`);
  return read(config);
}

export function expectConfigFacts(config: TenderConfig, facts: Record<string, string>): void {
  for (const [fact, value] of Object.entries(facts))
    assert.deepEqual(sorted(readFact(config, fact)), sorted(value === '-' ? [] : codeList(value)), fact);
}

/** The same facts, each in the order the configuration lists its entries. */
export function expectConfigFactsInOrder(config: TenderConfig, facts: Record<string, string>): void {
  for (const [fact, value] of Object.entries(facts))
    assert.deepEqual(readFact(config, fact), value === '-' ? [] : codeList(value), `${fact}, in this order`);
}

/**
 * TA-13: each expected problem is found in its own entry of `errors`. The entry's pointer, where the
 * problem is, names the file and, when `at` is given, the place in it: "line 8" (the number 8, a number
 * of its own in the pointer) or a JSON pointer such as "/tenders/1" (in the pointer as written). Pointer and message together
 * mention every word of `mentions` (case-insensitive). An entry answers one expected problem only.
 */
export function expectProblems(
  errors: { pointer: string; message: string }[],
  expected: { file: string; at: string; mentions: string }[],
): void {
  const unused = errors.map((e) => ({
    pointer: e.pointer.toLowerCase(),
    text: `${e.pointer} ${e.message}`.toLowerCase(),
  }));
  const listing = errors.map((e) => `  ${e.pointer}: ${e.message}`).join('\n');
  for (const { file, at, mentions } of expected) {
    const words = mentions
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.toLowerCase());
    const place = pointerNames(file, at);
    const found = unused.findIndex((e) => place(e.pointer) && words.every((w) => e.text.includes(w)));
    const where = at ? `${file} at ${at}` : file;
    assert.ok(
      found >= 0,
      `no problem whose pointer names ${where} mentioning "${mentions}" among:\n${listing}`,
    );
    unused.splice(found, 1);
  }
}

/** Does a pointer (lower case) name the file and, if given, the line number or JSON pointer in it? */
function pointerNames(file: string, at: string): (pointer: string) => boolean {
  const inFile = (pointer: string) => pointer.includes(file.toLowerCase());
  if (at === '') return inFile;
  const lineNumber = /^line (\d+)$/.exec(at)?.[1];
  if (lineNumber !== undefined) {
    const line = new RegExp(`(^|\\D)${lineNumber}(\\D|$)`);
    return (pointer) => inFile(pointer) && line.test(pointer.replace(file.toLowerCase(), ' '));
  }
  return (pointer) => inFile(pointer) && pointer.includes(at.toLowerCase());
}
