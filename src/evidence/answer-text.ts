import { isDeepStrictEqual } from 'node:util';
import type { Completion } from '../driver/completion.ts';
import { formatMoney, isMoney } from '../money/money-text.ts';

/** The money fields of an answer worth naming, in the order a person asks about them. */
const moneyFields: Array<[field: string, words: string]> = [
  ['amount', 'amount'],
  ['balanceAfter', 'balance after'],
  ['balance', 'balance'],
  ['available', 'available'],
  ['refunded', 'refunded'],
];

const stateFields = ['status', 'state', 'usage'];

/** The facts of a body a person reads first: its money in major units, its state. */
function facts(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  const out: string[] = [];
  for (const [field, words] of moneyFields)
    if (isMoney(record[field])) out.push(`${words} ${formatMoney(record[field])}`);
  for (const field of stateFields)
    if (typeof record[field] === 'string') out.push(`${field} ${record[field]}`);
  return out;
}

/**
 * An answer in the words of the domain: "201 with amount 5.00 EUR, balance after 15.00 EUR",
 * "409 hold_not_open (hold … is captured)", "no answer (UND_ERR_HEADERS_TIMEOUT …)".
 */
export function answerText(answer: Completion | undefined): string {
  if (!answer) return 'nothing';
  const breach = answer.violations?.[0];
  return breach ? `${plainText(answer)} (outside the contract: ${breach.message})` : plainText(answer);
}

function plainText(answer: Completion): string {
  if (answer.completion === 'info') return `no answer (${answer.error})`;
  if (answer.completion === 'fail') {
    const detail = answer.problem.detail ? ` (${answer.problem.detail})` : '';
    return `${answer.status} ${answer.problem.code}${detail}`;
  }
  const told = facts(answer.body);
  return told.length ? `${answer.status} with ${told.join(', ')}` : `${answer.status}`;
}

function shown(value: unknown): string {
  if (isMoney(value)) return formatMoney(value);
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** The fields in which two answers differ, as "field: was → now", at most `limit` of them. */
export function differences(was: Completion, now: Completion, limit = 5): string[] {
  const out: string[] = [];
  if (was.completion !== now.completion) out.push(`outcome: ${was.completion} → ${now.completion}`);
  const statusOf = (c: Completion) => (c.completion === 'info' ? 'none' : c.status);
  if (statusOf(was) !== statusOf(now)) out.push(`status: ${statusOf(was)} → ${statusOf(now)}`);
  const bodyOf = (c: Completion) =>
    (c.completion === 'ok' ? c.body : c.completion === 'fail' ? c.problem : {}) as Record<string, unknown>;
  const a = bodyOf(was) ?? {};
  const b = bodyOf(now) ?? {};
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!isDeepStrictEqual(a[field], b[field])) out.push(`${field}: ${shown(a[field])} → ${shown(b[field])}`);
  }
  return out.length > limit ? [...out.slice(0, limit), `and ${out.length - limit} more`] : out;
}
