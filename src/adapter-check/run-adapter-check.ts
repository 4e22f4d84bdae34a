import type { Capability } from '../../spec/capabilities.ts';
import { openDriver } from '../driver/create-driver.ts';
import type { DriverConfig } from '../driver/driver.ts';
import { smokeChecks } from './smoke-checks.ts';
import { SmokeContext } from './smoke-context.ts';

/** One line of `vcert adapter check`: a check, whether it held, and what was asked and answered. */
export interface CheckLine {
  name: string;
  outcome: 'ok' | 'problem' | 'not claimed';
  detail: string;
}

export interface AdapterCheckResult {
  claimed: Capability[];
  emulated: Capability[];
  lines: CheckLine[];
}

/**
 * `vcert adapter check`: opens the adapter (or, without one, the canonical HTTP driver), reads what it
 * claims and runs one short check per claimed part of the profile. Throws only when the driver cannot be
 * opened or set up (could not run).
 */
export async function runAdapterCheck(
  config: DriverConfig & { adapter?: string },
): Promise<AdapterCheckResult> {
  const driver = await openDriver({ timeoutMs: 10_000, ...config });
  try {
    const claimed = await driver.capabilities();
    const emulated = await driver.emulated();
    await driver.setup();
    const lines: CheckLine[] = [];
    for (const check of smokeChecks) {
      if (check.needs && !claimed.includes(check.needs)) {
        lines.push({ name: check.name, outcome: 'not claimed', detail: '' });
        continue;
      }
      const context = new SmokeContext(driver, claimed);
      try {
        await check.run(context);
        lines.push({ name: check.name, outcome: 'ok', detail: context.notes.join(', ') });
      } catch (error) {
        lines.push({ name: check.name, outcome: 'problem', detail: (error as Error).message });
      }
    }
    return { claimed, emulated, lines };
  } finally {
    await driver.close();
  }
}
