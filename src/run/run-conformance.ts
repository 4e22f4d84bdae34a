import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { runCucumber } from '@cucumber/cucumber/api';
import type { Role } from '../../spec/capabilities.ts';
import {
  buildSummary,
  type CertificationSummary,
  type SummaryContext,
} from '../report/certification-summary.ts';
import { MessageCollector } from '../report/message-collector.ts';
import { cucumberFormatFiles, type ReportFiles, reportFiles } from '../report/report-files.ts';
import { readWaiverFile } from '../report/waiver-file.ts';
import {
  type ClaimedCapabilities,
  readCapabilityManifest,
  readTargetCapabilities,
} from './claimed-capabilities.ts';
import { checkSelection, cucumberRunConfiguration, type SuiteSelection } from './cucumber-run-config.ts';
import { type ImageRun, startImageRun } from './image-run.ts';
import { externalTarget, type RunTarget, startReferenceTarget } from './run-target.ts';
import { suiteIdentity, suiteRoot } from './suite-identity.ts';
import { keepSupport, supportFor } from './support-library-cache.ts';
import { type KeptTenderConfig, keepTenderConfig } from './tender-config-keeper.ts';

export interface RunOptions extends SuiteSelection {
  /** URL of the implementation to certify; without it the bundled reference implementation is started. */
  target?: string;
  apiKeys?: Partial<Record<Role, string>>;
  /** A vendor adapter module (resolved against cwd). */
  adapter?: string;
  /** A capability manifest file instead of the target's GET /capabilities. */
  capabilities?: string;
  /** A waiver file (docs/waivers.md). */
  waivers?: string;
  /** Report directory, default "reports" (resolved against cwd). */
  reports?: string;
  /** Directory that relative user paths are resolved against. */
  cwd?: string;
  /** PostgreSQL for the reference implementation; default an embedded one in a temporary directory. */
  databaseUrl?: string;
  /**
   * Starts the system to certify instead of the reference implementation: the hook for the harness's
   * self-validation against deliberately defective simulators (test/run/certify-target.ts).
   */
  startTarget?: () => Promise<RunTarget>;
  /** A container image to certify (`vcert run --image`): started with testcontainers, removed after. */
  image?: ImageRun;
  /** The suite's root (package.json, cucumber config, features/); default the bundled suite. */
  root?: string;
  /** Attach what each step did and needs (the self-test of the suite's capability tags). */
  trace?: boolean;
}

export interface RunIo {
  /** Where cucumber's progress formatter writes; default nowhere. */
  progress?: Writable;
  /** Formatter for progress: "progress" (default), "progress-bar", "summary", "pretty". */
  progressFormat?: string;
  /** Cucumber's warnings; default nowhere. */
  stderr?: Writable;
  /** Aborting stops the target at once; the run then ends with its scenarios failing, and exit code 2. */
  signal?: AbortSignal;
}

export interface RunResult {
  summary: CertificationSummary;
  files: ReportFiles;
  exitCode: number;
}

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const notStarted = (options: RunOptions) =>
  options.image ? `image ${options.image.image} (not started)` : 'reference implementation (not started)';
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `vcert run` as a function: starts (or reaches) the target, reads what it claims, runs the Gherkin
 * suite with cucumber-js, writes the reports and returns the sealed certification summary. Never
 * touches process or the console; invalid options throw before anything starts.
 */
export async function runConformance(options: RunOptions = {}, io: RunIo = {}): Promise<RunResult> {
  checkSelection(options);
  const cwd = options.cwd ?? process.cwd();
  const root = options.root ?? suiteRoot;
  const files = reportFiles(resolve(cwd, options.reports ?? 'reports'));
  const waiverPath = options.waivers ? resolve(cwd, options.waivers) : null;
  const waivers = waiverPath ? await readWaiverFile(waiverPath) : null;
  const adapter = options.adapter ? resolve(cwd, options.adapter) : undefined;
  await mkdir(files.dir, { recursive: true });

  const errors: string[] = [];
  const collector = new MessageCollector();
  let capabilities: ClaimedCapabilities = { claimed: [], emulated: [], source: 'none', unknown: [] };
  let target: RunTarget | undefined;
  let keptTenders: KeptTenderConfig | null = null;
  let interrupted = false;
  const onAbort = () => {
    interrupted = true;
    void target?.close();
  };
  io.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    target = options.startTarget
      ? await options.startTarget()
      : options.image
        ? await startImageRun(options.image, files.dir, io.signal)
        : options.target
          ? externalTarget(options.target)
          : await startReferenceTarget(options.databaseUrl);
    if (io.signal?.aborted) onAbort();
    capabilities = options.capabilities
      ? await readCapabilityManifest(resolve(cwd, options.capabilities))
      : await readTargetCapabilities({ target: target.url, adapter, apiKeys: options.apiKeys });
    keptTenders = await keepTenderConfig(
      { target: target.url, adapter, apiKeys: options.apiKeys },
      capabilities.claimed,
    );
    const configuration = await cucumberRunConfiguration({
      root,
      selection: options,
      worldParameters: {
        target: target.url,
        ...(adapter ? { adapter } : {}),
        ...(options.apiKeys ? { apiKeys: options.apiKeys } : {}),
        capabilities: capabilities.claimed,
        ...(options.trace ? { trace: true } : {}),
      },
      progressFormat: io.progressFormat ?? 'progress',
      files: cucumberFormatFiles(files),
    });
    const environment = { cwd: root, stdout: io.progress ?? discard(), stderr: io.stderr ?? discard() };
    const result = await runCucumber(
      { ...configuration, support: supportFor(root, configuration) },
      environment,
      (envelope) => collector.update(envelope),
    );
    keepSupport(root, configuration, result.support);
  } catch (error) {
    if (!target) errors.push(`cannot start the target: ${messageOf(error)}`);
    else if (capabilities.source === 'none')
      errors.push(`target unreachable or not set up: ${messageOf(error)}`);
    else errors.push(`the run failed: ${messageOf(error)}`);
  } finally {
    io.signal?.removeEventListener('abort', onAbort);
    if (keptTenders) await keptTenders.restore().catch((error: unknown) => errors.push(messageOf(error)));
    await target?.close();
  }

  const context: SummaryContext = {
    suite: await suiteIdentity(root),
    target: {
      url: target?.url ?? options.target ?? notStarted(options),
      implementation: target?.implementation ?? (options.target || options.image ? 'external' : 'reference'),
      adapter: adapter ?? null,
    },
    capabilities: {
      claimed: capabilities.claimed,
      source: capabilities.source,
      unknown: capabilities.unknown,
      emulated: capabilities.emulated,
    },
    selection: {
      tags: options.tags ?? null,
      shard: options.shard ?? null,
      parallel: options.parallel ?? 0,
      failFast: options.failFast ?? false,
    },
    waivers: { file: waiverPath, content: waivers },
    errors,
    interrupted,
  };
  const summary = buildSummary(collector.scenarios(), collector.run(), context);
  await writeFile(files.summary, `${JSON.stringify(summary, null, 2)}\n`);
  return { summary, files, exitCode: summary.verdict.exitCode };
}
