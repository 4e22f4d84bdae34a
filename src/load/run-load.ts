import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { startServer } from '../../reference-impl/server.ts';
import type { Role } from '../../spec/capabilities.ts';
import type { History } from '../history/operation.ts';
import { commandStop, describeStop, type StopCause } from '../run/stopped.ts';
import type { AuditResult } from './audit.ts';
import { auditRun } from './audit-run.ts';
import { findK6, k6InstallHint } from './find-k6.ts';
import { writeFlowEntry } from './flow-entry.ts';
import { readK6Outputs } from './k6-samples.ts';
import { writeLoadReports } from './load-reports.ts';
import type { LoadCounts } from './load-summary.ts';
import { fillRoles, K6MissingError, LoadNotRun, needTestControl } from './load-target.ts';
import { inspectThresholds, runK6, thresholdsFailedExit } from './run-k6.ts';
import { executionSegments } from './segments.ts';
import { type SetupRecord, setupRecord } from './setup-record.ts';
import type { ThresholdResult } from './thresholds.ts';

export interface LoadOptions {
  script: string;
  /** The system under test; without it the reference implementation is started with test control. */
  target?: string;
  /** How many k6 processes share the run (execution segments); 1 by default. */
  segments?: number;
  /** Where the k6 outputs, history, ledgers and HTML report go. */
  outDir: string;
  /** Extra environment for the scripts: DURATION, VUS, ITERATIONS, RATE. */
  env?: Record<string, string>;
  /** Echo k6's own output. */
  echo?: boolean;
  /** The vendor's keys for a target without test control; the scripts set up on their tenant. */
  apiKeys?: Partial<Record<Role, string>>;
  /**
   * A transport-free adapter (docs/adapter.md) for a target of another shape: k6 runs its flows for every
   * contract call, and the final ledgers are read through it. Needs --target and --api-key.
   */
  adapter?: string;
  /**
   * How long one request may wait for its answer: the harness's own requests, and the scripts' through
   * REQUEST_TIMEOUT (k6 duration). Default 10 s.
   */
  requestTimeoutMs?: number;
  /**
   * The overall time limit: when it is reached k6 is stopped (it writes what it recorded), the thresholds
   * are evaluated over that, the audit is not run, and the run fails (exit 1). Default: none.
   */
  timeLimitMs?: number;
  /** An interrupt (Ctrl-C): stops the run as its time limit does. */
  signal?: AbortSignal;
  /** Told once when the run stops before its end. */
  onStop?: (cause: StopCause) => void;
  /** One line about an option that has no effect (e.g. --api-key without --target). */
  onWarning?: (line: string) => void;
}

export interface LoadResult extends LoadCounts {
  target: string;
  segments: number;
  /** Exit code of each k6 process (0 passed, 99 thresholds failed, other: error). */
  exitCodes: number[];
  thresholds: ThresholdResult[];
  history: History;
  audit: AuditResult | null;
  /** Why the audit could not run, when it could not. */
  auditError?: string;
  files: Record<string, string>;
  ok: boolean;
  /** Why the run stopped before its end (an interrupt, its time limit), when it did. */
  stopped?: StopCause;
}

export { K6MissingError, LoadNotRun } from './load-target.ts';

/** Checks what can be checked before anything starts: each problem is one line, exit code 2. */
function checkOptions(options: LoadOptions, script: string): void {
  if (!existsSync(script)) throw new LoadNotRun(`${options.script}: no such script`);
  if (options.adapter !== undefined) {
    if (!existsSync(resolve(options.adapter)))
      throw new LoadNotRun(`--adapter ${options.adapter}: no such file`);
    if (!options.target || !options.apiKeys)
      throw new LoadNotRun('--adapter needs --target and the vendor keys (--api-key role=KEY)');
  }
  const count = options.segments ?? 1;
  if (!Number.isSafeInteger(count) || count < 1 || count > 64)
    throw new LoadNotRun(`--segments must be an integer from 1 to 64, got "${options.segments}"`);
}

/** Runs a k6 script (in one or several processes), merges the raw samples, then the double-spend audit. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const script = resolve(options.script);
  checkOptions(options, script);
  const k6 = findK6();
  if (!k6) throw new K6MissingError(k6InstallHint);
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const count = options.segments ?? 1;
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const apiKeys = options.target ? options.apiKeys : undefined;
  if (options.apiKeys && !options.target)
    options.onWarning?.(
      '--api-key is not used: the bundled implementation has test control, so the scripts make a tenant of their own',
    );
  const stop = commandStop({ signal: options.signal, timeLimitMs: options.timeLimitMs });
  const onAbort = () => {
    const cause = stop.cause();
    if (cause) options.onStop?.(cause);
  };
  stop.signal.addEventListener('abort', onAbort, { once: true });
  let dataDir: string | null = null;
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  if (!options.target) {
    dataDir = mkdtempSync(join(tmpdir(), 'vcert-load-'));
    server = await startServer({ testControl: true, dataDir, logLevel: 'error', sweepIntervalMs: 200 });
  }
  const target = options.target ?? (server as { url: string }).url;
  try {
    if (options.target && !apiKeys) await needTestControl(target, timeoutMs, stop.signal);
    const adapter = options.adapter ? resolve(options.adapter) : undefined;
    // With an adapter, k6 runs an entry module that installs it and re-exports the script.
    const entry = adapter ? writeFlowEntry(outDir, script, adapter) : script;
    const env: Record<string, string> = {
      ...options.env,
      TARGET: target,
      REQUEST_TIMEOUT: `${timeoutMs}ms`,
      // Each k6 process's handleSummary writes k6's own summary (JSON) and its thresholds (JUnit) here.
      VCERT_SUMMARY_DIR: outDir,
    };
    if (apiKeys) env.VCERT_API_KEYS = JSON.stringify(fillRoles(apiKeys));
    const thresholds = await inspectThresholds(k6, entry, env).catch((error: unknown) => {
      throw new LoadNotRun((error as Error).message.split('\n')[0] as string);
    });
    const files: Record<string, string> = {};
    const outputs: string[] = [];
    let setupFile: SetupRecord | null = null;
    const exitCodes: number[] = [];
    const k6Run = async (name: string, args: string[], extra: Record<string, string>) => {
      const json = join(outDir, `${name}.json`);
      outputs.push(json);
      files[name] = json;
      const logPath = join(outDir, `${name}.log`);
      const code = await runK6({
        k6,
        args: ['run', '--out', `json=${json}`, ...args, entry],
        env: { ...env, ...extra },
        logPath,
        echo: options.echo,
        signal: stop.signal,
      });
      return code;
    };
    if (count <= 1) {
      const report = join(outDir, 'report.html');
      exitCodes.push(
        await k6Run('k6', [], {
          K6_WEB_DASHBOARD: 'true',
          K6_WEB_DASHBOARD_PORT: '-1',
          K6_WEB_DASHBOARD_PERIOD: '1s',
          K6_WEB_DASHBOARD_EXPORT: report,
        }),
      );
    } else {
      // setup() runs once; every segment reads its data back, so all of them race on the same vouchers.
      const setupCode = await k6Run('k6-setup', [], { VCERT_SETUP_ONLY: '1' });
      const setup = stop.signal.aborted
        ? null
        : setupRecord(await readK6Outputs([join(outDir, 'k6-setup.json')]));
      if (!stop.signal.aborted) {
        if (setupCode !== 0 && setupCode !== thresholdsFailedExit)
          throw new Error(`k6 setup pass failed (${setupCode})`);
        if (!setup) throw new Error('the setup pass recorded no setup data (vcert_setup)');
        setupFile = setup;
        writeFileSync(join(outDir, 'setup.json'), JSON.stringify(setup));
        const { sequence, segments } = executionSegments(count);
        exitCodes.push(
          ...(await Promise.all(
            segments.map((segment, i) =>
              k6Run(`k6-${i}`, ['--execution-segment', segment, '--execution-segment-sequence', sequence], {
                VCERT_SETUP_FILE: join(outDir, 'setup.json'),
                VCERT_SEGMENT: `s${i}`,
              }),
            ),
          )),
        );
      } else exitCodes.push(setupCode);
    }
    if (count <= 1 && existsSync(join(outDir, 'report.html'))) files.report = join(outDir, 'report.html');
    const cause = stop.cause();
    const run = await auditRun({
      outputs,
      thresholds,
      outDir,
      target,
      ...(setupFile ? { setup: setupFile } : {}),
      ...(adapter ? { adapter } : {}),
      timeoutMs,
      ...(cause
        ? { skipAudit: `${describeStop(cause)}: k6 was stopped, what it recorded is not audited` }
        : {}),
    });
    Object.assign(files, run.files);
    const k6Ok = exitCodes.every((code) => code === 0 || code === thresholdsFailedExit);
    const ok = !cause && k6Ok && run.thresholds.every((t) => t.ok) && run.audit?.report.valid === true;
    files.page = join(outDir, 'audit.html');
    files.summary = join(outDir, 'summary.json');
    files.junit = join(outDir, 'junit.xml');
    const result: LoadResult = {
      ...(cause ? { stopped: cause } : {}),
      target,
      segments: count,
      exitCodes,
      thresholds: run.thresholds,
      history: run.history,
      operations: run.operations,
      opCounts: run.opCounts,
      audit: run.audit,
      ...(run.auditError ? { auditError: run.auditError } : {}),
      files,
      ok,
    };
    writeLoadReports(result, basename(options.script), run.ledgers);
    return result;
  } catch (error) {
    // Stopped before k6 ran (e.g. while reading what the target claims): nothing ran, not a pass.
    const cause = stop.cause();
    if (!cause) throw error;
    return {
      target,
      segments: count,
      exitCodes: [],
      thresholds: [],
      history: { meta: { kind: 'meta', funds: {} }, ops: [] },
      audit: null,
      auditError: `${describeStop(cause)} before k6 started`,
      files: {},
      ok: false,
      stopped: cause,
    };
  } finally {
    stop.signal.removeEventListener('abort', onAbort);
    stop.dispose();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
