import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../checkers/compose.ts';
import { renderSummary } from '../checkers/summary-text.ts';
import { renderReportHtml } from '../checkers/view-html.ts';
import type { FinalLedger } from '../history/final-ledger.ts';
import type { History } from '../history/operation.ts';

export interface RaceFiles {
  history: string;
  ledgers: string;
  report: string;
  html?: string;
}

/** Writes history.ndjson, ledgers.json, report.txt (and report.html when not valid) into `dir`. */
export async function writeRaceFiles(
  dir: string,
  history: History,
  ledgers: readonly FinalLedger[],
  report: Report,
  extra: Record<string, unknown>,
): Promise<RaceFiles> {
  await mkdir(dir, { recursive: true });
  const files: RaceFiles = {
    history: join(dir, 'history.ndjson'),
    ledgers: join(dir, 'ledgers.json'),
    report: join(dir, 'report.txt'),
  };
  const lines = [...(history.meta ? [history.meta] : []), ...history.ops].map((line) => JSON.stringify(line));
  await writeFile(files.history, `${lines.join('\n')}\n`);
  await writeFile(files.ledgers, `${JSON.stringify(ledgers, null, 1)}\n`);
  await writeFile(files.report, `${renderSummary(history, report)}\n\n${JSON.stringify(extra, null, 2)}\n`);
  if (report.valid !== true) {
    files.html = join(dir, 'report.html');
    await writeFile(files.html, renderReportHtml(history, report, 'vcert race'));
  }
  return files;
}
