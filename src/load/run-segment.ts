import { closeSync, copyFileSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeStop } from '../run/stopped.ts';
import { LoadNotRun, needTestControl } from './load-target.ts';
import { type MachineOptions, prepare } from './machine-run.ts';
import { readK6Run } from './read-k6-run.ts';
import { inspectThresholds, runK6, thresholdsFailedExit } from './run-k6.ts';
import { fileDigest, scriptDigest } from './script-digest.ts';
import {
  planOf,
  type SegmentManifest,
  segmentFormat,
  setupIdentity,
  writeManifest,
} from './segment-manifest.ts';
import { executionSegments } from './segments.ts';
import { readSetupFile } from './setup-file.ts';

export interface SegmentOptions extends MachineOptions {
  /** 1-based: segment `index` of `count`. */
  segment: { index: number; count: number };
  /** The setup data a setup-only pass wrote; needed when there is more than one segment. */
  setupFile?: string;
  /**
   * A k6 JSON output this segment's runner already recorded elsewhere (a k6-operator runner pod): it is
   * taken as this segment's samples instead of running k6 here.
   */
  k6Output?: string;
}

export interface SegmentResult {
  dir: string;
  manifest: SegmentManifest;
  /** k6 ran to its end (its own thresholds over one part are not the verdict: the merge decides). */
  ok: boolean;
}

/**
 * Takes a k6 output recorded elsewhere as segment I/N's samples. k6-operator tags every sample of runner i
 * `instance_id=i`, and runner i runs segment i/N: a file of another runner is refused. Its exit code is
 * not known here: 0.
 */
function adopt(file: string, samples: string, segment: { index: number; count: number }): number {
  let head: string;
  try {
    const fd = openSync(file, 'r');
    const buffer = Buffer.alloc(1 << 16);
    head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
    closeSync(fd);
  } catch (error) {
    throw new LoadNotRun(`--from-k6 ${file}: ${(error as Error).message}`);
  }
  const instance = /"instance_id":"(\d+)"/.exec(head)?.[1];
  if (instance !== undefined && Number(instance) !== segment.index)
    throw new LoadNotRun(
      `--from-k6 ${file}: recorded by runner ${instance} (instance_id), not by the runner of segment ${segment.index}/${segment.count}`,
    );
  copyFileSync(file, samples);
  return 0;
}

/**
 * `vcert load SCRIPT --segment I/N --out DIR`: one k6 execution segment of the run, as one machine of N
 * runs it, on the setup data of `--setup FILE`. DIR gets the raw samples (k6.json), k6's own summary
 * (k6-summary-sI.json), this part's history and segment.json (script and its digest, target, plan,
 * segment, the setup's identity, the thresholds). Nothing is audited here: the ledgers are read once,
 * by `vcert load merge`, when every machine is done.
 */
export async function runSegment(options: SegmentOptions): Promise<SegmentResult> {
  const { index, count } = options.segment;
  if (
    !Number.isSafeInteger(index) ||
    !Number.isSafeInteger(count) ||
    index < 1 ||
    index > count ||
    count > 64
  )
    throw new LoadNotRun(`--segment must be I/N with 1 <= I <= N <= 64, got ${index}/${count}`);
  if (count > 1 && !options.setupFile)
    throw new LoadNotRun(
      '--segment I/N needs --setup FILE (make it once with vcert load SCRIPT --setup-only --out DIR), so that every machine races on the same vouchers',
    );
  const shared = options.setupFile ? readSetupFile(options.setupFile) : null;
  const run = prepare(options);
  try {
    if (!shared && !options.apiKeys && !options.k6Output)
      await needTestControl(options.target, options.requestTimeoutMs ?? 10_000, run.stop.signal);
    const thresholds = await inspectThresholds(run.k6, run.entry, run.env).catch((error: unknown) => {
      throw new LoadNotRun((error as Error).message.split('\n')[0] as string);
    });
    const label = `s${index - 1}`;
    const env: Record<string, string> = { ...run.env, VCERT_SEGMENT: label };
    if (shared) {
      // k6 opens it relative to the script unless absolute: a copy beside the samples, by its full path.
      copyFileSync(resolve(options.setupFile as string), join(run.outDir, 'setup.json'));
      env.VCERT_SETUP_FILE = join(run.outDir, 'setup.json');
    }
    const { sequence, segments } = executionSegments(count);
    const executionSegment = segments[index - 1] as string;
    const samples = join(run.outDir, 'k6.json');
    const code = options.k6Output
      ? adopt(options.k6Output, samples, options.segment)
      : await runK6({
          k6: run.k6,
          args: [
            'run',
            '--out',
            `json=${samples}`,
            ...(count > 1
              ? ['--execution-segment', executionSegment, '--execution-segment-sequence', sequence]
              : []),
            run.entry,
          ],
          env,
          logPath: join(run.outDir, 'k6.log'),
          echo: options.echo,
          signal: run.stop.signal,
        });
    const read = await readK6Run([samples], {
      thresholds,
      historyPath: join(run.outDir, 'history.ndjson'),
      target: options.target,
      ...(shared ? { setup: shared.setup } : {}),
    });
    const cause = run.stop.cause();
    let setup: SegmentManifest['setup'] = shared ? setupIdentity(shared.bytes, shared.setup) : null;
    if (!shared && read.setup) {
      // One segment of one: its own setup() ran; keep its data as the others would have read it.
      const bytes = Buffer.from(JSON.stringify(read.setup));
      writeFileSync(join(run.outDir, 'setup.json'), bytes);
      setup = setupIdentity(bytes, read.setup);
    }
    const manifest: SegmentManifest = {
      format: segmentFormat,
      script: options.script,
      scriptSha256: scriptDigest(run.script),
      ...(run.adapter ? { adapterSha256: fileDigest(run.adapter) } : {}),
      target: options.target,
      plan: planOf(options.env),
      segment: { index, count, executionSegment: count > 1 ? executionSegment : '0:1', sequence },
      setup,
      thresholds,
      k6ExitCode: code,
      ...(options.k6Output ? { recordedBy: resolve(options.k6Output) } : {}),
      ...(cause ? { stopped: describeStop(cause) } : {}),
      operations: read.history.operations,
      files: {
        samples: 'k6.json',
        history: 'history.ndjson',
        summary: `k6-summary-${label}.json`,
        ...(setup ? { setup: 'setup.json' } : {}),
        log: 'k6.log',
      },
    };
    writeManifest(run.outDir, manifest);
    return { dir: run.outDir, manifest, ok: !cause && (code === 0 || code === thresholdsFailedExit) };
  } finally {
    run.done();
  }
}
