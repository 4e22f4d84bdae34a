import { existsSync, mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Role } from '../../spec/capabilities.ts';
import { auditRun } from './audit-run.ts';
import { writeLoadReports } from './load-reports.ts';
import type { LoadCounts } from './load-summary.ts';
import { LoadNotRun } from './load-target.ts';
import { thresholdsFailedExit } from './run-k6.ts';
import type { LoadResult } from './run-load.ts';
import { fileDigest } from './script-digest.ts';
import { readManifest, type SegmentManifest } from './segment-manifest.ts';
import { readSetupFile } from './setup-file.ts';

export interface MergeOptions {
  /** The --out directory of every segment (`vcert load SCRIPT --segment I/N`). */
  dirs: readonly string[];
  outDir: string;
  /** Where to read the ledgers, instead of the segments' target (the same system, seen from here). */
  target?: string;
  /** A back-office key to read the ledgers with, instead of the setup's. */
  apiKeys?: Partial<Record<Role, string>>;
  /** The adapter the segments ran through: the ledgers are read through it too. */
  adapter?: string;
  requestTimeoutMs?: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The one thing two segments must agree on and do not, as one line; null when they agree. */
function difference(first: SegmentManifest, other: SegmentManifest, a: string, b: string): string | null {
  if (first.scriptSha256 !== other.scriptSha256)
    return `segments of different scripts: ${a} ran ${first.script} (${first.scriptSha256.slice(0, 12)}), ${b} ran ${other.script} (${other.scriptSha256.slice(0, 12)})`;
  if (first.adapterSha256 !== other.adapterSha256)
    return `segments through different adapters: ${a} (${first.adapterSha256?.slice(0, 12) ?? 'none'}), ${b} (${other.adapterSha256?.slice(0, 12) ?? 'none'})`;
  if (first.target !== other.target)
    return `segments of different targets: ${a} loaded ${first.target}, ${b} loaded ${other.target}`;
  if (!same(first.plan, other.plan))
    return `segments of different plans: ${a} ran ${JSON.stringify(first.plan)}, ${b} ran ${JSON.stringify(other.plan)}`;
  if (first.segment.count !== other.segment.count)
    return `segments of different splits: ${a} is ${first.segment.index}/${first.segment.count}, ${b} is ${other.segment.index}/${other.segment.count}`;
  if (first.setup?.sha256 !== other.setup?.sha256)
    return `segments of different setups: ${a} and ${b} did not read the same --setup file, so they did not race on the same vouchers`;
  return null;
}

/** The segments as one run, or the one line that says why they are not (exit 2). */
export function checkSegments(dirs: readonly string[]): SegmentManifest[] {
  if (dirs.length === 0) throw new LoadNotRun('give the --out directory of every segment');
  const manifests = dirs.map(readManifest);
  const first = manifests[0] as SegmentManifest;
  for (let i = 1; i < manifests.length; i++) {
    const problem = difference(first, manifests[i] as SegmentManifest, dirs[0] as string, dirs[i] as string);
    if (problem) throw new LoadNotRun(problem);
  }
  const count = first.segment.count;
  const holder = new Map<number, string>();
  manifests.forEach((manifest, i) => {
    const { index } = manifest.segment;
    const earlier = holder.get(index);
    if (earlier !== undefined)
      throw new LoadNotRun(`segment ${index}/${count} is given twice: ${earlier} and ${dirs[i]}`);
    holder.set(index, dirs[i] as string);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !holder.has(index));
  if (missing.length > 0)
    throw new LoadNotRun(
      `segment${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`,
    );
  return manifests;
}

/** The adapter to read the ledgers through: the one the segments ran, and only that one. */
function adapterFor(first: SegmentManifest, given: string | undefined): string | undefined {
  if (!first.adapterSha256) {
    if (given) throw new LoadNotRun('--adapter: the segments ran without an adapter');
    return undefined;
  }
  if (!given)
    throw new LoadNotRun(
      'the segments ran through an adapter: give it with --adapter FILE to read the ledgers',
    );
  if (!existsSync(given)) throw new LoadNotRun(`--adapter ${given}: no such file`);
  if (fileDigest(given) !== first.adapterSha256)
    throw new LoadNotRun(
      `--adapter ${given} is not the adapter the segments ran (${first.adapterSha256.slice(0, 12)})`,
    );
  return resolve(given);
}

/**
 * `vcert load merge DIR... --out DIR`: the segments of one run, recorded on N machines, as one run: the
 * thresholds over the merged raw samples of all of them, one history, the ledgers read once (now that
 * every machine is done) and the double-spend audit of the whole, with the reports a one-machine run
 * writes (audit.html, summary.json, junit.xml).
 */
export async function mergeLoad(options: MergeOptions): Promise<LoadResult & LoadCounts> {
  const manifests = checkSegments(options.dirs);
  const first = manifests[0] as SegmentManifest;
  const adapter = adapterFor(first, options.adapter);
  const dirs = options.dirs.map((dir) => resolve(dir));
  const setupDir = dirs[0] as string;
  const setup = first.files.setup ? readSetupFile(join(setupDir, first.files.setup)).setup : null;
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const target = options.target ?? first.target;
  const exitCodes = manifests.map((manifest) => manifest.k6ExitCode);
  const stopped = manifests.find((manifest) => manifest.stopped);
  const keys = options.apiKeys;
  const ledgerKey = keys?.backoffice ?? keys?.pos ?? keys?.webshop;
  const run = await auditRun({
    outputs: manifests.map((manifest, i) => join(dirs[i] as string, manifest.files.samples)),
    thresholds: first.thresholds,
    outDir,
    target,
    setup,
    ...(ledgerKey ? { ledgerKey } : {}),
    ...(adapter ? { adapter } : {}),
    timeoutMs: options.requestTimeoutMs ?? 10_000,
    ...(stopped
      ? {
          skipAudit: `segment ${stopped.segment.index}/${stopped.segment.count} was stopped (${stopped.stopped}): what it recorded is not audited`,
        }
      : {}),
  });
  const k6Ok = exitCodes.every((code) => code === 0 || code === thresholdsFailedExit);
  const result: LoadResult & LoadCounts = {
    target,
    segments: first.segment.count,
    exitCodes,
    thresholds: run.thresholds,
    history: run.history,
    audit: run.audit,
    ...(run.auditError ? { auditError: run.auditError } : {}),
    files: {
      ...run.files,
      page: join(outDir, 'audit.html'),
      summary: join(outDir, 'summary.json'),
      junit: join(outDir, 'junit.xml'),
    },
    ok: !stopped && k6Ok && run.thresholds.every((t) => t.ok) && run.audit?.report.valid === true,
    operations: run.operations,
    opCounts: run.opCounts,
  };
  writeLoadReports(result, basename(first.script), run.ledgers);
  return result;
}
