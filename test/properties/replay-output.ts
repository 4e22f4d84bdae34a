import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Transcript } from '../../src/reproducers/transcript.ts';

const run = promisify(execFile);

/** One answer a reproducer printed: its step label ("3." or "1/2"), operation, status and body. */
export interface ReplayedAnswer {
  step: string;
  operationId: string;
  status: number | null;
  code?: string;
  body: unknown;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Runs a curl script (sh) against `target` and reads what it printed for each request. */
export async function runCurlScript(script: string, target: string, dir: string): Promise<ReplayedAnswer[]> {
  const file = join(dir, `replay-${Date.now()}-${Math.random().toString(36).slice(2)}.sh`);
  await writeFile(file, script);
  const { stdout } = await run('sh', [file], { env: { ...process.env, TARGET: target }, encoding: 'utf8' });
  return stdout
    .split('\n')
    .map((line) => /^(\S+) (\w+): (\d{3}) (.*)$/.exec(line))
    .filter((m) => m !== null)
    .map((m) => {
      const body = parsed(m[4] as string);
      const code = (body as { code?: unknown } | null)?.code;
      return {
        step: m[1] as string,
        operationId: m[2] as string,
        status: Number(m[3]),
        ...(Number(m[3]) >= 400 && typeof code === 'string' ? { code } : {}),
        body,
      };
    });
}

/** Runs an adapter replay module with Node (TARGET and the keys in `env`) and reads what it printed for each step. */
export async function runReplayModule(
  file: string,
  env: Record<string, string> = {},
): Promise<ReplayedAnswer[]> {
  const { stdout } = await run(process.execPath, [file], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return stdout
    .split('\n')
    .map((line) => /^(\d+)\. (\w+): (ok|fail|info) (\d{3}|no answer) (.*)$/.exec(line))
    .filter((m) => m !== null)
    .map((m) => {
      const body = parsed(m[5] as string);
      const code = (body as { code?: unknown } | null)?.code;
      return {
        step: `${m[1]}.`,
        operationId: m[2] as string,
        status: m[4] === 'no answer' ? null : Number(m[4]),
        ...(m[3] === 'fail' && typeof code === 'string' ? { code } : {}),
        body,
      };
    });
}

/** What the run saw for each of its calls, labelled as the reproducers label them ("N."). */
export function seenInRun(transcript: Transcript): Array<Omit<ReplayedAnswer, 'body'>> {
  return transcript.steps.flatMap((step, i) =>
    step.kind === 'call'
      ? [
          {
            step: `${i + 1}.`,
            operationId: step.operationId,
            status: step.status,
            ...(step.code ? { code: step.code } : {}),
          },
        ]
      : [],
  );
}
