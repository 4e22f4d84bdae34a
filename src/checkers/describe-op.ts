import { minorUnits } from '../history/op-fields.ts';
import type { Operation } from '../history/operation.ts';
import { formatMoney } from '../money/money-text.ts';

function money(value: unknown): string | null {
  const amount = minorUnits(value);
  if (amount === null) return null;
  const currency = (value as { currency?: string } | null)?.currency;
  // Minor units in the history; shown in major units when the currency tells its digits ("8.00 EUR").
  return currency ? formatMoney({ amount, currency }) : String(amount);
}

/** The call as a short line: operation, path id, amount, receipt, key. */
export function describeCall(op: Operation): string {
  const parts: string[] = [op.op];
  if (op.target) parts.push(op.target);
  const amount = money(op.args.amount);
  if (amount) parts.push(amount);
  const receipt = (op.args.receipt as { number?: string } | undefined)?.number;
  if (receipt) parts.push(`receipt ${receipt}`);
  if (op.key) parts.push(`[key ${op.key}]`);
  return parts.join(' ');
}

/** What came back, as a short line. */
export function describeResult(op: Operation): string {
  const result = op.result as Record<string, unknown>;
  if (op.completion === 'fail') return `fail ${String(result.code)} (${String(result.status)})`;
  if (op.completion === 'info') return `info: unknown (${String(result.error)})`;
  const parts = ['ok'];
  if (typeof result.id === 'string') parts.push(result.id);
  const amount = op.op === 'getBalance' || op.op === 'getLedger' ? null : money(result.amount);
  if (amount) parts.push(amount);
  const balance = money(result.balanceAfter) ?? money(result.balance);
  if (balance) parts.push(`balance ${balance}`);
  if (typeof result.status === 'string') parts.push(result.status);
  return parts.join(' ');
}

/** Whether two operations were in flight at the same time (an unknown outcome stays in flight). */
export function overlap(a: Operation, b: Operation): boolean {
  const end = (op: Operation) => (op.completion === 'info' ? Number.POSITIVE_INFINITY : op.completedAt);
  return a.invokedAt <= end(b) && b.invokedAt <= end(a);
}
