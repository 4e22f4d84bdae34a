import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../checkers/compose.ts';
import { renderSummary } from '../checkers/summary-text.ts';
import { renderReportHtml } from '../checkers/view-html.ts';
import type { FinalLedger } from '../history/final-ledger.ts';
import { type HistoryFile, openHistoryFile } from '../history/history-file.ts';
import type { History } from '../history/operation.ts';

export interface RaceFiles {
  history: string;
  ledgers: string;
  report: string;
  html: string;
}

/** A race's output folder: the history is written as the race goes, the rest when it ends. */
export interface RaceOutput {
  readonly files: RaceFiles;
  readonly history: HistoryFile;
  finish(
    history: History,
    ledgers: readonly FinalLedger[],
    report: Report,
    extra: Record<string, unknown>,
  ): Promise<void>;
}

/**
 * Opens `dir` for a race: history.ndjson at once (each operation lands on disk as it completes, so an
 * interrupted or crashed race leaves what it did), then ledgers.json, report.txt and report.html.
 */
export function openRaceOutput(dir: string): RaceOutput {
  mkdirSync(dir, { recursive: true });
  const files: RaceFiles = {
    history: join(dir, 'history.ndjson'),
    ledgers: join(dir, 'ledgers.json'),
    report: join(dir, 'report.txt'),
    html: join(dir, 'report.html'),
  };
  const history = openHistoryFile(files.history);
  return {
    files,
    history,
    async finish(recorded, ledgers, report, extra) {
      history.close();
      await writeFile(files.ledgers, `${JSON.stringify(ledgers, null, 1)}\n`);
      await writeFile(
        files.report,
        `${renderSummary(recorded, report)}\n\n${JSON.stringify(extra, null, 2)}\n`,
      );
      // The ledgers give the funds the history's meta line does not (the money plot starts from them).
      const byVoucher = new Map(ledgers.map((l) => [l.voucherId, l]));
      await writeFile(files.html, renderReportHtml(recorded, report, 'vcert race', { ledgers: byVoucher }));
    },
  };
}
