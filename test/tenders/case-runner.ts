import assert from 'node:assert/strict';
import type { TenderEngine } from '../../reference-impl/tenders/index.ts';
import type { RuleId, TenderConfig, TenderReceipt, TenderVerdict } from '../../spec/schemas/tenders.ts';
import { now as defaultNow } from './config-builder.ts';

/** `true`: allowed; a list: refused by exactly these rules. */
export type Outcome = true | readonly RuleId[];

/** One example of a rule, as data: the configuration a scenario would show, the question, the answer. */
export type RuleCase = { name: string; config: TenderConfig } & (
  | { receipt: TenderReceipt; now?: Date; expect: Record<string, Outcome> }
  | { exchange: [from: string, to: string]; expect: Outcome }
  | { returnOf: { originalTenders: string[]; tender: string }; expect: Outcome }
);

function assertOutcome(
  verdict: { allowed: boolean; refusedBy: TenderVerdict['refusedBy'] },
  expected: Outcome,
  what: string,
) {
  const rules = [...new Set(verdict.refusedBy.map((r) => r.rule))].sort();
  assert.equal(verdict.allowed, verdict.refusedBy.length === 0, `${what}: allowed iff nothing refused it`);
  for (const r of verdict.refusedBy)
    assert.ok(r.reason.length > 0, `${what}: refusal by ${r.rule} says why (TA-12)`);
  if (expected === true) assert.deepEqual(rules, [], `${what} should be allowed`);
  else assert.deepEqual(rules, [...expected].sort(), `${what} should be refused by ${expected.join(', ')}`);
}

/** Asks the engine the case's question and asserts the answer; throws an AssertionError when it differs. */
export function assertCase(engine: TenderEngine, c: RuleCase): void {
  if ('receipt' in c) {
    const evaluation = engine.evaluate(c.config, c.receipt, c.now ?? defaultNow);
    for (const [code, expected] of Object.entries(c.expect)) {
      const verdict = evaluation.tenders.find((v) => v.tender === code);
      assert.ok(verdict, `${c.name}: a verdict for ${code}`);
      assertOutcome(verdict, expected, `${c.name}: ${code}`);
    }
  } else if ('exchange' in c) {
    const [from, to] = c.exchange;
    assertOutcome(engine.checkExchange(c.config, from, to), c.expect, `${c.name}: exchange ${from} → ${to}`);
  } else {
    const { originalTenders, tender } = c.returnOf;
    assertOutcome(
      engine.checkReturn(c.config, originalTenders, tender),
      c.expect,
      `${c.name}: return to ${tender}`,
    );
  }
}

/** Names of the cases the engine gets wrong. */
export function failingCases(engine: TenderEngine, cases: readonly RuleCase[]): string[] {
  return cases.flatMap((c) => {
    try {
      assertCase(engine, c);
      return [];
    } catch (err) {
      if (err instanceof assert.AssertionError) return [c.name];
      throw err;
    }
  });
}
