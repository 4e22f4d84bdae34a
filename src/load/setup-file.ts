import { readFileSync } from 'node:fs';
import { LoadNotRun } from './load-target.ts';
import type { SetupRecord } from './setup-record.ts';

/** A setup file a setup-only pass wrote (`vcert load SCRIPT --setup-only`): its bytes and its data. */
export function readSetupFile(path: string): { bytes: Buffer; setup: SetupRecord } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new LoadNotRun(
      `--setup ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  let setup: SetupRecord;
  try {
    setup = JSON.parse(bytes.toString('utf8')) as SetupRecord;
  } catch {
    throw new LoadNotRun(`--setup ${path}: not JSON (make it with vcert load SCRIPT --setup-only --out DIR)`);
  }
  const valid =
    setup !== null &&
    typeof setup === 'object' &&
    Array.isArray(setup.vouchers) &&
    setup.vouchers.every((voucher) => typeof voucher === 'string') &&
    typeof setup.keys?.backoffice === 'string' &&
    typeof setup.funds === 'number' &&
    !Number.isNaN(Date.parse(setup.startedAt));
  if (!valid)
    throw new LoadNotRun(
      `--setup ${path}: not the setup data of a setup-only pass (vouchers, keys, funds, startedAt)`,
    );
  return { bytes, setup };
}
