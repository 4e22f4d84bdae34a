import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Role } from '../../spec/capabilities.ts';
import { commandStop, type StopCause } from '../run/stopped.ts';
import { findK6, k6InstallHint } from './find-k6.ts';
import { writeFlowEntry } from './flow-entry.ts';
import { fillRoles, K6MissingError, LoadNotRun } from './load-target.ts';

/** One machine's part of a load run, or the setup-only pass that comes first. */
export interface MachineOptions {
  script: string;
  /** The system under test: every machine loads the same one. */
  target: string;
  outDir: string;
  /** DURATION, VUS, RATE, ITERATIONS, FUNDS for the script. */
  env?: Record<string, string>;
  echo?: boolean;
  apiKeys?: Partial<Record<Role, string>>;
  /** A transport-free adapter (docs/adapter.md): k6 runs its flows; needs the vendor's keys. */
  adapter?: string;
  requestTimeoutMs?: number;
  timeLimitMs?: number;
  signal?: AbortSignal;
  onStop?: (cause: StopCause) => void;
}

export interface Prepared {
  k6: string;
  script: string;
  /** What k6 runs: the script, or with an adapter the entry module that installs it. */
  entry: string;
  adapter?: string;
  outDir: string;
  env: Record<string, string>;
  stop: ReturnType<typeof commandStop>;
  done: () => void;
}

/** What every machine checks and sets up before k6 starts; each problem is one line (exit 2). */
export function prepare(options: MachineOptions): Prepared {
  const script = resolve(options.script);
  if (!existsSync(script)) throw new LoadNotRun(`${options.script}: no such script`);
  if (!options.target) throw new LoadNotRun('give --target URL: every machine must load the same system');
  const k6 = findK6();
  if (!k6) throw new K6MissingError(k6InstallHint);
  const adapter = options.adapter === undefined ? undefined : resolve(options.adapter);
  if (adapter && !existsSync(adapter)) throw new LoadNotRun(`--adapter ${options.adapter}: no such file`);
  if (adapter && !options.apiKeys)
    throw new LoadNotRun('--adapter needs the vendor keys (--api-key role=KEY)');
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  // With an adapter, k6 runs an entry module that installs it and re-exports the script.
  const entry = adapter ? writeFlowEntry(outDir, script, adapter) : script;
  const env: Record<string, string> = {
    ...options.env,
    TARGET: options.target,
    REQUEST_TIMEOUT: `${options.requestTimeoutMs ?? 10_000}ms`,
    VCERT_SUMMARY_DIR: outDir,
  };
  if (options.apiKeys) env.VCERT_API_KEYS = JSON.stringify(fillRoles(options.apiKeys));
  const stop = commandStop({ signal: options.signal, timeLimitMs: options.timeLimitMs });
  const onAbort = () => {
    const cause = stop.cause();
    if (cause) options.onStop?.(cause);
  };
  stop.signal.addEventListener('abort', onAbort, { once: true });
  const done = () => {
    stop.signal.removeEventListener('abort', onAbort);
    stop.dispose();
  };
  return { k6, script, entry, ...(adapter ? { adapter } : {}), outDir, env, stop, done };
}
