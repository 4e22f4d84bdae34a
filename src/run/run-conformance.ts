import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { runCucumber } from '@cucumber/cucumber/api';
import type { Role } from '../../spec/capabilities.ts';
import {
  type AdapterIdentity,
  buildSummary,
  type CertificationSummary,
  type SummaryContext,
} from '../report/certification-summary.ts';
import { unmatched } from '../report/dry-run-summary.ts';
import type { Envelope } from '../report/envelope.ts';
import { MessageCollector } from '../report/message-collector.ts';
import { cucumberFormatFiles, type ReportFiles, reportFiles } from '../report/report-files.ts';
import { readWaiverFile } from '../report/waiver-file.ts';
import { writeReports } from '../report/write-reports.ts';
import { onLoopback, roundTripMs, workersFor } from './choose-parallel.ts';
import {
  type ClaimedCapabilities,
  readCapabilityManifest,
  readTargetCapabilities,
} from './claimed-capabilities.ts';
import {
  checkSelection,
  checkTagExpression,
  cucumberRunConfiguration,
  type SuiteSelection,
} from './cucumber-run-config.ts';
import { formatDuration } from './duration.ts';
import { type FormatRequest, formatRequests } from './format-requests.ts';
import { type ImageRun, startImageRun } from './image-run.ts';
import { externalTarget, type RunTarget, startReferenceTarget } from './run-target.ts';
import { announceStop, newStopChannelName } from './stop-channel.ts';
import type { StopParameters } from './stop-hooks.ts';
import { commandStop, describeStop, type StopCause, unlessStopped } from './stopped.ts';
import { suiteIdentity, suiteRoot } from './suite-identity.ts';
import { keepSupport, supportFor } from './support-library-cache.ts';
import { watchTargetConnections } from './target-connections.ts';
import { type KeptTenderConfig, keepTenderConfig } from './tender-config-keeper.ts';

export interface RunOptions extends Omit<SuiteSelection, 'parallel'> {
  /**
   * Worker count; 'auto' chooses it from the target's round trip (choose-parallel.ts). Default: 'auto'
   * for a target that is not on loopback, else 0 (one process).
   */
  parallel?: number | 'auto';
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
  /**
   * More cucumber formatters, as cucumber-js's --format says them ("json:out/cucumber.json", "pretty"):
   * with a file (resolved against cwd) they write it beside the reports; without one the formatter
   * replaces the progress display.
   */
  formats?: string[];
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
  /** How long one request may wait for its answer; past it the outcome is unknown. Default 10 s. */
  requestTimeoutMs?: number;
  /**
   * The run's overall time limit: when it is reached the run stops as on Ctrl-C, the scenarios it did
   * not decide are "not run", and the verdict fails (exit 1). Default: none.
   */
  timeLimitMs?: number;
}

export interface RunIo {
  /** Where cucumber's progress formatter writes; default nowhere. */
  progress?: Writable;
  /** Formatter for progress: "progress" (default), "progress-bar", "summary", "pretty". */
  progressFormat?: string;
  /** Cucumber's warnings; default nowhere. */
  stderr?: Writable;
  /**
   * An interrupt: aborting stops a target the run started at once and the run itself promptly (requests
   * waiting for the target end, no further scenario begins); the summary is written, the scenarios not
   * decided are "not run", and its verdict is exit code 2 (the run could not take place).
   */
  signal?: AbortSignal;
  /** One line about an option that has no effect here (e.g. --api-key for a target with test control). */
  onWarning?: (line: string) => void;
  /** One line about a choice the run made for the user (e.g. the worker count for a remote target). */
  onNote?: (line: string) => void;
  /** Told once when the run stops before its end, with why ("the time limit of 20m was reached"). */
  onStop?: (cause: StopCause) => void;
}

export interface RunResult {
  /** The summary; with dryRun it is not written (a dry run certifies nothing). */
  summary: CertificationSummary;
  files: ReportFiles;
  exitCode: number;
  /** Why the run stopped before its end (an interrupt, the time limit), when it did. */
  stopped?: StopCause;
}

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const notStarted = (options: RunOptions) =>
  options.image ? `image ${options.image.image} (not started)` : 'reference implementation (not started)';
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const hasKeys = (keys: RunOptions['apiKeys']) => Object.values(keys ?? {}).some((k) => k);

/** The adapter module and the SHA-256 of its source, so that a certification names what it ran. */
async function adapterIdentity(path: string | undefined): Promise<AdapterIdentity | null> {
  if (!path) return null;
  const source = await readFile(path).catch((error: unknown) => {
    throw new Error(`cannot read the adapter ${path}: ${messageOf(error)}`);
  });
  return { path, sha256: createHash('sha256').update(source).digest('hex') };
}

const dryRunSkip = Symbol('dry run');

/** A dry run's exit code: 0 when every step of every selected scenario has one definition, else 1. */
function dryRunExitCode(summary: CertificationSummary): number {
  if (summary.run.errors.length > 0) return 2;
  return summary.scenarios.some(unmatched) ? 1 : 0;
}

/**
 * `vcert run` as a function: starts (or reaches) the target, reads what it claims, runs the Gherkin
 * suite with cucumber-js, writes the reports and returns the sealed certification summary. Never
 * touches process or the console; invalid options throw before anything starts.
 */
export async function runConformance(options: RunOptions = {}, io: RunIo = {}): Promise<RunResult> {
  const selection: SuiteSelection = {
    ...options,
    parallel: options.parallel === 'auto' ? undefined : options.parallel,
  };
  checkSelection(selection);
  const cwd = options.cwd ?? process.cwd();
  const root = options.root ?? suiteRoot;
  await checkTagExpression(root, selection);
  const files = reportFiles(resolve(cwd, options.reports ?? 'reports'));
  const waiverPath = options.waivers ? resolve(cwd, options.waivers) : null;
  const waivers = waiverPath ? await readWaiverFile(waiverPath) : null;
  const adapter = options.adapter ? resolve(cwd, options.adapter) : undefined;
  const adapterId = await adapterIdentity(adapter);
  const formats: FormatRequest = formatRequests(options.formats ?? [], cwd);
  await mkdir(files.dir, { recursive: true });

  const errors: string[] = [];
  const collector = new MessageCollector();
  const envelopes: Envelope[] = [];
  let capabilities: ClaimedCapabilities = { claimed: [], emulated: [], source: 'none', unknown: [] };
  let target: RunTarget | undefined;
  let keptTenders: KeptTenderConfig | null = null;
  const stop = commandStop({ signal: io.signal, timeLimitMs: options.timeLimitMs });
  const stopChannel = newStopChannelName();
  const announcer = announceStop(stopChannel, stop.signal);
  let connections: ReturnType<typeof watchTargetConnections> | undefined;
  const onStop = () => {
    const cause = stop.cause();
    if (cause) io.onStop?.(cause);
    connections?.cut(stop.signal.reason as Error);
    // An interrupt stops what the run started at once; a time limit lets the scenarios end first.
    if (cause?.kind === 'interrupt') void target?.close();
  };
  stop.signal.addEventListener('abort', onStop, { once: true });
  const timeoutMs = options.requestTimeoutMs;
  // Against a remote target, scenarios run in parallel unless --parallel says otherwise (choose-parallel.ts).
  let parallel = options.parallel === 'auto' ? undefined : options.parallel;
  try {
    // A dry run plans and matches steps: it needs no target.
    if (options.dryRun) throw dryRunSkip;
    target = options.startTarget
      ? await options.startTarget()
      : options.image
        ? await startImageRun(options.image, files.dir, io.signal)
        : options.target
          ? externalTarget(options.target)
          : await startReferenceTarget(options.databaseUrl);
    connections = watchTargetConnections([target.url]);
    if (stop.signal.aborted) connections.cut(stop.signal.reason as Error);
    const choice = { target: target.url, adapter, apiKeys: options.apiKeys, timeoutMs };
    const asked = performance.now();
    capabilities = options.capabilities
      ? await readCapabilityManifest(resolve(cwd, options.capabilities))
      : await unlessStopped(stop.signal, readTargetCapabilities(choice));
    // The capability read is a request to the target the run makes anyway: its time is the round trip.
    const capabilityReadMs = options.capabilities || adapter ? undefined : performance.now() - asked;
    if (!adapter && hasKeys(options.apiKeys) && capabilities.claimed.includes('test-control'))
      io.onWarning?.(
        '--api-key is not used: the target has test control, so every scenario gets a tenant of its own',
      );
    keptTenders = await unlessStopped(stop.signal, keepTenderConfig(choice, capabilities.claimed));
    const auto =
      options.parallel === 'auto' ||
      (options.parallel === undefined && target.implementation === 'external' && !onLoopback(target.url));
    if (auto && !options.dryRun) {
      // An adapter may not reach the network to say what it claims: its target is timed by itself.
      const roundTrip = capabilityReadMs ?? (await unlessStopped(stop.signal, roundTripMs(target.url)));
      parallel = workersFor(roundTrip);
      if (parallel > 0)
        io.onNote?.(
          `${parallel} workers: the target's round trip is ${roundTrip?.toFixed(0)} ms (--parallel to choose)`,
        );
    }
  } catch (error) {
    if (error === dryRunSkip) {
      // Nothing to start.
    } else if (stop.signal.aborted) {
      // Stopped before the suite began: nothing was judged; cucumber only lists what did not run.
    } else if (!target) errors.push(`cannot start the target: ${messageOf(error)}`);
    else if (capabilities.source === 'none')
      errors.push(`target unreachable or not set up: ${messageOf(error)}`);
    else errors.push(`the run failed: ${messageOf(error)}`);
  }
  try {
    if (errors.length === 0) {
      const stopParameters: StopParameters = { channel: stopChannel, targets: target ? [target.url] : [] };
      const listOnly = stop.signal.aborted;
      const configuration = await cucumberRunConfiguration({
        root,
        selection: { ...selection, parallel: listOnly ? 0 : parallel },
        worldParameters: {
          target: target?.url ?? options.target ?? 'http://127.0.0.1:9',
          ...(adapter ? { adapter } : {}),
          ...(options.apiKeys ? { apiKeys: options.apiKeys } : {}),
          capabilities: capabilities.claimed,
          ...(options.trace ? { trace: true } : {}),
          ...(timeoutMs ? { timeoutMs } : {}),
          stop: stopParameters,
        },
        progressFormat: formats.stdout ?? io.progressFormat ?? 'progress',
        files: cucumberFormatFiles(files, formats.files),
      });
      // Stopped before the suite began: a dry run lists its scenarios, each of them not run.
      if (listOnly) configuration.runtime = { ...configuration.runtime, dryRun: true };
      const environment = { cwd: root, stdout: io.progress ?? discard(), stderr: io.stderr ?? discard() };
      const result = await runCucumber(
        { ...configuration, support: supportFor(root, configuration) },
        environment,
        (envelope) => {
          collector.update(envelope);
          envelopes.push(envelope);
        },
      );
      keepSupport(root, configuration, result.support);
    }
  } catch (error) {
    errors.push(`the run failed: ${messageOf(error)}`);
  } finally {
    stop.signal.removeEventListener('abort', onStop);
    stop.dispose();
    announcer.close();
    connections?.close();
    if (keptTenders) await keptTenders.restore().catch((error: unknown) => errors.push(messageOf(error)));
    await target?.close();
  }

  const cause = stop.cause();
  const stoppedAt = stop.at();
  const context: SummaryContext = {
    suite: await suiteIdentity(root),
    target: {
      url: target?.url ?? options.target ?? notStarted(options),
      implementation: target?.implementation ?? (options.target || options.image ? 'external' : 'reference'),
      adapter: adapter ?? null,
    },
    adapter: adapterId,
    suiteRequirements: collector.suiteRequirements(),
    capabilities: {
      claimed: capabilities.claimed,
      source: capabilities.source,
      unknown: capabilities.unknown,
      emulated: capabilities.emulated,
    },
    selection: {
      tags: options.tags ?? null,
      shard: options.shard ?? null,
      parallel: parallel ?? 0,
      failFast: options.failFast ?? false,
    },
    waivers: { file: waiverPath, content: waivers },
    errors,
    interrupted: cause?.kind === 'interrupt',
    stop:
      cause && stoppedAt !== undefined
        ? { at: stoppedAt, reason: describeStop(cause), kind: cause.kind }
        : null,
    timeLimitReached: cause?.kind === 'time-limit' ? formatDuration(cause.limitMs) : null,
  };
  const summary = buildSummary(collector.scenarios(), collector.run(), context);
  if (options.dryRun) return { summary, files, exitCode: dryRunExitCode(summary) };
  await writeFile(files.summary, `${JSON.stringify(summary, null, 2)}\n`);
  await writeReports(files, envelopes, summary);
  return { summary, files, exitCode: summary.verdict.exitCode, ...(cause ? { stopped: cause } : {}) };
}
