import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CertificationSummary } from './certification-summary.ts';
import { mergeSummaries, readShard } from './merge-shards.ts';
import { mergeStreams } from './merge-streams.ts';
import { type ReportFiles, reportFiles } from './report-files.ts';
import { writeReports } from './write-reports.ts';

/**
 * `vcert merge`: reads the shards' reports directories, writes one certification into `out` (the same
 * files as a run: certification.json, cucumber.ndjson, cucumber.html, junit.xml, certification.html)
 * and returns its summary. Throws CannotRun for shards that are not parts of one run.
 */
export async function writeMerged(
  out: string,
  dirs: readonly string[],
): Promise<{ summary: CertificationSummary; files: ReportFiles }> {
  const files = reportFiles(out);
  const inputs = dirs.map((d) => resolve(d));
  if (inputs.includes(files.dir)) throw new Error(`--out ${out} is one of the shards`);
  const shards = [];
  for (const dir of inputs) shards.push(await readShard(dir));
  const summary = mergeSummaries(shards);
  const envelopes = mergeStreams(shards.map((s) => s.envelopes));
  await mkdir(files.dir, { recursive: true });
  await writeFile(files.messages, envelopes.map((e) => `${JSON.stringify(e)}\n`).join(''));
  await writeFile(files.summary, `${JSON.stringify(summary, null, 2)}\n`);
  await writeReports(files, envelopes, summary);
  return { summary, files };
}
