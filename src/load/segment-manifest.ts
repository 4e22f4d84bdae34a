import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LoadNotRun } from './load-target.ts';
import type { SetupRecord } from './setup-record.ts';

export const segmentFormat = 'vcert-load-segment/1';

/** What one machine of a segmented load run recorded (`segment.json` in its --out directory). */
export interface SegmentManifest {
  format: typeof segmentFormat;
  /** The script as given, and the SHA-256 of it and its local modules (scriptDigest). */
  script: string;
  scriptSha256: string;
  /** SHA-256 of the transport-free adapter k6 ran the script through (`--adapter`), when one. */
  adapterSha256?: string;
  target: string;
  /** The plan the script ran with: DURATION, VUS, RATE, ITERATIONS, FUNDS, as given. */
  plan: Record<string, string>;
  /** 1-based, as `--segment I/N`; k6's execution segment and sequence. */
  segment: { index: number; count: number; executionSegment: string; sequence: string };
  /** The setup data every segment read back: SHA-256 of its file, its start and vouchers. */
  setup: { sha256: string; startedAt: string; vouchers: number } | null;
  /** The script's thresholds (`k6 inspect`), so that the merge needs no k6. */
  thresholds: Record<string, string[]>;
  k6ExitCode: number;
  /** The k6 output this segment was taken from (`--from-k6`: a k6-operator runner's), when not run here. */
  recordedBy?: string;
  /** Why k6 was stopped before its end, when it was. */
  stopped?: string;
  operations: number;
  /** File names inside the directory. */
  files: { samples: string; history: string; summary: string; setup?: string; log: string };
}

export const planNames = ['DURATION', 'VUS', 'RATE', 'ITERATIONS', 'FUNDS'] as const;

/** The plan part of a script's environment. */
export function planOf(env: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(planNames.flatMap((name) => (env[name] ? [[name, env[name]]] : [])));
}

export function setupIdentity(bytes: Buffer, setup: SetupRecord): NonNullable<SegmentManifest['setup']> {
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    startedAt: setup.startedAt,
    vouchers: setup.vouchers.length,
  };
}

export function writeManifest(dir: string, manifest: SegmentManifest): string {
  const path = join(dir, 'segment.json');
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return path;
}

/** The manifest of a segment directory; a directory that is not one is one line (exit 2). */
export function readManifest(dir: string): SegmentManifest {
  let manifest: SegmentManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'segment.json'), 'utf8')) as SegmentManifest;
  } catch (error) {
    const why =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no segment.json' : (error as Error).message;
    throw new LoadNotRun(`${dir}: not the output of vcert load --segment I/N (${why})`);
  }
  if (manifest?.format !== segmentFormat)
    throw new LoadNotRun(
      `${dir}: segment.json is not ${segmentFormat} (format ${JSON.stringify(manifest?.format)})`,
    );
  return manifest;
}
