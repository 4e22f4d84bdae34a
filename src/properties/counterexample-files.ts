import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { PropertyOutcome } from './property-outcome.ts';
import { propertyCurl, propertyReplay } from './property-reproducers.ts';
import { renderGherkin } from './render-gherkin.ts';

/** The files a counterexample was written to. */
export interface CounterexampleFiles {
  gherkin: string;
  /** The curl script (HTTP targets: the canonical contract). */
  curl?: string;
  /** The adapter-level replay module (adapter targets). */
  replay?: string;
}

/**
 * Writes a failed property's reproducers into `dir`: the Gherkin scenario, and the curl script for an
 * HTTP target or the adapter replay module (`node FILE`) for an adapter target. Nothing for an outcome
 * without a transcript (a passed, not claimed or transcript-less property).
 */
export async function writeCounterexample(
  outcome: PropertyOutcome,
  dir: string,
  where: { target: string; adapter?: string },
): Promise<CounterexampleFiles | undefined> {
  if (outcome.verdict !== 'failed' || !outcome.transcript) return undefined;
  await mkdir(dir, { recursive: true });
  const base = join(resolve(dir), outcome.property);
  const files: CounterexampleFiles = { gherkin: `${base}.feature` };
  const scenario = renderGherkin(outcome)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  await writeFile(
    files.gherkin,
    `Feature: vcert properties ${outcome.property} counterexample\n\n${scenario}\n`,
  );
  if (where.adapter) {
    files.replay = `${base}.replay.ts`;
    await writeFile(files.replay, propertyReplay(outcome, { target: where.target, adapter: where.adapter }));
  } else {
    files.curl = `${base}.sh`;
    await writeFile(files.curl, `${propertyCurl(outcome)}\n`);
    await chmod(files.curl, 0o755);
  }
  return files;
}
