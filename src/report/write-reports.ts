import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CucumberHtmlStream } from '@cucumber/html-formatter';
import { readRaceAttachment } from '../evidence/race-attachment.ts';
import { type ScenarioEvidence, scenarioEvidence } from '../evidence/scenario-evidence.ts';
import {
  type CheckedHistory,
  renderCertificationPage,
} from '../page/certification-page/certification-page.ts';
import type { CertificationSummary } from './certification-summary.ts';
import type { Envelope } from './envelope.ts';
import { junitReport } from './junit-report.ts';
import type { ReportFiles } from './report-files.ts';
import { withVerdicts } from './verdict-envelopes.ts';

/** The races the scenarios ran, each a section of the page with its checkers and charts. */
function racesOf(
  summary: CertificationSummary,
  evidence: ReadonlyMap<string, ScenarioEvidence>,
): CheckedHistory[] {
  return summary.scenarios.flatMap((scenario) =>
    (evidence.get(scenario.key)?.races ?? []).flatMap((body, i, all) => {
      const race = readRaceAttachment(body);
      if (!race) return [];
      const attempt = all.length > 1 ? `, race ${i + 1} of ${all.length}` : '';
      return [
        {
          title: `${scenario.name} (${scenario.key}${attempt})`,
          history: race.history,
          report: race.report,
          ledgers: new Map(race.ledgers.map((l) => [l.voucherId, l])),
        },
      ];
    }),
  );
}

/** cucumber's own HTML report, from the message stream with the certification's verdicts written in. */
async function writeCucumberHtml(envelopes: readonly Envelope[], file: string): Promise<void> {
  await pipeline(Readable.from(envelopes), new CucumberHtmlStream(), createWriteStream(file));
}

/**
 * The reports people read, all from the summary and the message stream so that they agree: cucumber's
 * HTML (waived and not run shown as skipped with their reason), JUnit XML (the same, with each failure's
 * evidence under system-out) and the certification page. The NDJSON and certification.json are written
 * by the run itself.
 */
export async function writeReports(
  files: ReportFiles,
  envelopes: readonly Envelope[],
  summary: CertificationSummary,
  histories: readonly CheckedHistory[] = [],
): Promise<void> {
  const evidence = scenarioEvidence(envelopes);
  const races = racesOf(summary, evidence);
  await writeCucumberHtml(withVerdicts(envelopes, summary), files.html);
  await writeFile(files.junit, junitReport(summary, evidence));
  await writeFile(
    files.page,
    renderCertificationPage({ summary, evidence, histories: [...histories, ...races] }),
  );
}
