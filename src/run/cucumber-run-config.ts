import { type IRunConfiguration, loadConfiguration, loadSources } from '@cucumber/cucumber/api';

/** Which scenarios to run and how, as a cucumber-js user would say it on the command line. */
export interface SuiteSelection {
  /** Feature paths or globs relative to the suite root; default: those of the root's cucumber config. */
  paths?: string[];
  /** Support code (steps) to import; default: those of the root's cucumber config. */
  import?: string[];
  /** A cucumber tag expression, e.g. "@req:LC-06 and not @capability:tenders". */
  tags?: string;
  /** Only scenarios whose name matches one of these regular expressions (cucumber-js's --name). */
  name?: string[];
  /** Plan and match every step to its definition without running any (cucumber-js's --dry-run). */
  dryRun?: boolean;
  /** Worker count; 0 runs in this process. */
  parallel?: number;
  /** "I/N" with 1 ≤ I ≤ N: cucumber-js's own --shard. */
  shard?: string;
  failFast?: boolean;
}

export interface RunConfigurationInput {
  root: string;
  selection: SuiteSelection;
  worldParameters: Record<string, unknown>;
  /** Formatter for the progress stream ("progress", "progress-bar", "summary", ...). */
  progressFormat: string;
  /** Report file path → formatter name. */
  files: Record<string, string>;
}

/** Checks the selection before anything starts, so that a typo costs no server start-up. */
export function checkSelection(selection: SuiteSelection): void {
  const { shard, parallel } = selection;
  if (shard !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(shard);
    const [index, total] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
    if (!match || index < 1 || total < 1 || index > total) {
      throw new Error(`--shard must be I/N with 1 ≤ I ≤ N (1-based, as cucumber-js), got "${shard}"`);
    }
  }
  if (parallel !== undefined && (!Number.isInteger(parallel) || parallel < 0 || parallel > 64)) {
    throw new Error(`--parallel must be an integer from 0 to 64, got "${parallel}"`);
  }
}

/**
 * Checks the tag expression with cucumber's own parser (by planning the suite, which takes
 * milliseconds) before anything starts: a bad one is named in one line, not a "pickles:filter" error.
 */
export async function checkTagExpression(root: string, selection: SuiteSelection): Promise<void> {
  if (!selection.tags) return;
  const explicit = selection.paths !== undefined || selection.import !== undefined;
  const { runConfiguration } = await loadConfiguration(
    {
      file: explicit ? false : undefined,
      provided: { tags: selection.tags, ...(selection.paths ? { paths: selection.paths } : {}) },
    },
    { cwd: root },
  );
  try {
    await loadSources(runConfiguration.sources, { cwd: root });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    const why = cause instanceof Error ? cause.message : (error as Error).message;
    throw new Error(`--tags "${selection.tags}" is not a tag expression: ${why}`);
  }
}

/**
 * The cucumber run configuration: the suite root's config file (cucumber.mjs) merged with the selection
 * through cucumber's own loadConfiguration, so --tags, --parallel, --shard and --fail-fast mean exactly
 * what they mean to cucumber-js. Formats and world parameters are then set by the run, not the file.
 */
export async function cucumberRunConfiguration(input: RunConfigurationInput): Promise<IRunConfiguration> {
  const { selection } = input;
  const explicit = selection.paths !== undefined || selection.import !== undefined;
  const provided: Record<string, unknown> = {};
  if (selection.paths) provided.paths = selection.paths;
  if (selection.import) provided.import = selection.import;
  if (selection.tags) provided.tags = selection.tags;
  if (selection.name?.length) provided.name = selection.name;
  if (selection.dryRun) provided.dryRun = true;
  if (selection.parallel !== undefined) provided.parallel = selection.parallel;
  if (selection.shard) provided.shard = selection.shard;
  if (selection.failFast) provided.failFast = true;
  const { runConfiguration } = await loadConfiguration(
    { file: explicit ? false : undefined, provided },
    { cwd: input.root },
  );
  return {
    ...runConfiguration,
    runtime: {
      ...runConfiguration.runtime,
      worldParameters: input.worldParameters as IRunConfiguration['runtime']['worldParameters'],
    },
    formats: { stdout: input.progressFormat, files: input.files, publish: false, options: {} },
  };
}
