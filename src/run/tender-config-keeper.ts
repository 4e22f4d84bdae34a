import type { Role } from '../../spec/capabilities.ts';
import { canonicalJson } from '../checkers/canonical-json.ts';
import { describeCompletion } from '../driver/completion.ts';
import { type DriverChoice, openDriver } from '../driver/create-driver.ts';
import type { Driver, Session } from '../driver/driver.ts';

/** The tender configuration a shared tenant had before the run, and how to put it back. */
export interface KeptTenderConfig {
  /** Loads the kept configuration back if the run changed it; true when it had to. */
  restore(): Promise<boolean>;
}

/** Reading is open to every role: the back office's key when given, else any key the vendor gave. */
function reader(session: Session): { role: Role } {
  const roles: Role[] = ['backoffice', 'pos', 'webshop'];
  return { role: roles.find((role) => session.keys[role] !== undefined) ?? 'backoffice' };
}

/**
 * Without test control, every scenario runs on the vendor's own tenant, and the tender scenarios replace
 * its tender configuration (TA-13). So the configuration in force is read before the run and loaded
 * back after it, when the run changed it. Null when there is nothing to keep: the target claims test
 * control (each scenario has a tenant of its own) or does not claim tenders. Throws when the
 * configuration cannot be read: the run must then not start, or the vendor's configuration could be lost.
 */
export async function keepTenderConfig(
  choice: DriverChoice,
  claimed: readonly string[],
): Promise<KeptTenderConfig | null> {
  if (!claimed.includes('tenders') || claimed.includes('test-control')) return null;
  const kept = await withSharedSession(choice, (driver, session) =>
    driver.invoke({ operationId: 'getTenderConfig', auth: reader(session) }),
  );
  if (kept.completion !== 'ok')
    throw new Error(
      `cannot read the tender configuration in force (${describeCompletion(kept)}); the tender scenarios replace it, so the run did not start`,
    );
  return {
    restore: () =>
      withSharedSession(choice, async (driver, session) => {
        const now = await driver.invoke({ operationId: 'getTenderConfig', auth: reader(session) });
        if (now.completion === 'ok' && canonicalJson(now.body) === canonicalJson(kept.body)) return false;
        const loaded = await driver.invoke({
          operationId: 'loadTenderConfig',
          body: kept.body,
          auth: { role: 'backoffice' },
        });
        if (loaded.completion !== 'ok')
          throw new Error(
            `the tender configuration in force before the run could not be loaded back (${describeCompletion(loaded)})`,
          );
        return true;
      }),
  };
}

async function withSharedSession<T>(
  choice: DriverChoice,
  use: (driver: Driver, session: Session) => Promise<T>,
): Promise<T> {
  const driver = await openDriver({ timeoutMs: 10_000, ...choice });
  try {
    return await use(driver, await driver.setup());
  } finally {
    await driver.close();
  }
}
