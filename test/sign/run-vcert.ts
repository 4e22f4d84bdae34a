import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** What a finished `vcert` printed, and its exit code. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (src/cli/main.ts on this Node) with ARGS to its end. */
export function runVcert(args: readonly string[]): Promise<Finished> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** The non-empty lines of an output. */
export const linesOf = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
