import { setTimeout as sleep } from 'node:timers/promises';
import type { LedgerEntry } from '../../spec/schemas/ledger.ts';
import { type Completion, describeCompletion } from '../../src/driver/completion.ts';
import type { Driver } from '../../src/driver/driver.ts';
import type { FinalLedger } from '../../src/history/final-ledger.ts';

type Read = 'getLedger' | 'getBalance';

function isEntry(value: unknown): value is LedgerEntry {
  const e = value as LedgerEntry | null;
  return (
    !!e &&
    Number.isSafeInteger(e.seq) &&
    Number.isSafeInteger(e.amount) &&
    typeof e.kind === 'string' &&
    (e.balanceAfter === undefined || Number.isSafeInteger(e.balanceAfter))
  );
}

function moneyOf(value: unknown): { amount: number; currency: string } | undefined {
  const m = value as { amount?: unknown; currency?: unknown } | null;
  return m && Number.isSafeInteger(m.amount) && typeof m.currency === 'string'
    ? { amount: m.amount as number, currency: m.currency }
    : undefined;
}

/** What one answer tells of the voucher: its ledger and balance as far as they can be read, and any breach. */
function readOf(voucher: string, initial: FinalLedger['initial'], answer: Completion): FinalLedger {
  const body = (answer.completion === 'ok' ? answer.body : null) as Record<string, unknown> | null;
  const entries = Array.isArray(body?.entries) ? body.entries : undefined;
  const ledger: FinalLedger = { voucherId: voucher, initial };
  const balance = moneyOf(body?.balance);
  if (balance) ledger.balance = balance;
  if (entries?.every(isEntry)) ledger.entries = entries;
  if (answer.violations?.length) ledger.violations = [...answer.violations];
  return ledger;
}

async function read(
  driver: Driver,
  voucher: string,
  operationId: Read,
  attempts: number,
): Promise<Completion> {
  let answer: Completion = { completion: 'info', error: 'not read' };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    answer = await driver.invoke({ operationId, params: { id: voucher }, auth: { role: 'backoffice' } });
    // A restarted server may still be coming up: try again, a bounded number of times.
    if (answer.completion !== 'info') return answer;
    await sleep(250);
  }
  return answer;
}

/**
 * The vouchers' ledgers read at the end of a run (through a driver that reaches the target directly, not
 * through the fault proxy), each with the funds it had at the start. A system without a ledger, or whose
 * ledger cannot be read, gives its balance instead; one whose balance cannot be read either is marked
 * `unreadable` with the reason, so the checkers say `unknown` for it. Never throws on an answer:
 * a broken answer is evidence, kept with its violations.
 */
export async function fetchFinalLedgers(
  driver: Driver,
  vouchers: readonly string[],
  initial: { amount: number; currency: string },
  attempts = 20,
): Promise<FinalLedger[]> {
  const ledgers: FinalLedger[] = [];
  for (const voucher of vouchers) {
    const ledgerAnswer = await read(driver, voucher, 'getLedger', attempts);
    const fromLedger = readOf(voucher, initial, ledgerAnswer);
    if (fromLedger.entries || fromLedger.balance) {
      ledgers.push(fromLedger);
      continue;
    }
    const balanceAnswer = await read(driver, voucher, 'getBalance', attempts);
    const fromBalance = readOf(voucher, initial, balanceAnswer);
    const violations = [...(fromLedger.violations ?? []), ...(fromBalance.violations ?? [])];
    if (violations.length) fromBalance.violations = violations;
    if (!fromBalance.balance)
      fromBalance.unreadable = `ledger: ${describeCompletion(ledgerAnswer)}; balance: ${describeCompletion(balanceAnswer)}`;
    ledgers.push(fromBalance);
  }
  return ledgers;
}
