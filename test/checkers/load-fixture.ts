import { existsSync, readFileSync } from 'node:fs';
import type { CheckInput } from '../../src/checkers/check-input.ts';
import { parseLedgers } from '../../src/history/final-ledger.ts';
import { parseHistory } from '../../src/history/read-history.ts';

const dir = new URL('../fixtures/histories/', import.meta.url);

/** A fixture history and, when it has one, its final ledgers. */
export function loadFixture(name: string): CheckInput {
  const history = parseHistory(readFileSync(new URL(`${name}.ndjson`, dir), 'utf8'));
  const ledgerFile = new URL(`${name}.ledgers.json`, dir);
  if (!existsSync(ledgerFile)) return { history };
  return { history, ledgers: parseLedgers(readFileSync(ledgerFile, 'utf8')) };
}
