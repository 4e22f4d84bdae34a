import { faultProfile } from '../../simulators/faults/fault-profiles.ts';
import { type FaultProxy, startFaultProxy } from '../../simulators/faults/fault-proxy.ts';
import type { Role } from '../../spec/capabilities.ts';
import { openDriver } from '../driver/create-driver.ts';
import type { Driver, Session } from '../driver/driver.ts';

/** The drivers of a race: one direct (set-up and final reads), one per target for the counters (through a proxy under faults). */
export interface RaceDrivers {
  direct: Driver;
  session: Session;
  counters: Driver[];
  proxies: FaultProxy[];
  close(): Promise<void>;
}

export interface RaceDriverOptions {
  urls: readonly string[];
  adapter?: string;
  /** Keys for a target without test control. */
  apiKeys?: Partial<Record<Role, string>>;
  faults: string;
  seed: number;
  /** The counters' per-request timeout. */
  timeoutMs: number;
  /** The direct driver's (set-up, final ledgers); default 10 000 ms. */
  directTimeoutMs?: number;
}

/**
 * Opens the direct driver and sets up one tenant through it; the counters' drivers reuse its keys, so
 * every instance and proxy sees the same tenant. Faults put a proxy in front of each target URL.
 */
export async function openRaceDrivers(options: RaceDriverOptions): Promise<RaceDrivers> {
  const first = options.urls[0] as string;
  const direct = await openDriver({
    target: first,
    adapter: options.adapter,
    apiKeys: options.apiKeys,
    timeoutMs: options.directTimeoutMs ?? 10_000,
  });
  const opened: Driver[] = [direct];
  const proxies: FaultProxy[] = [];
  const close = async () => {
    for (const driver of opened) await driver.close();
    for (const proxy of proxies) await proxy.close();
  };
  try {
    const session = await direct.setup();
    if (!options.adapter && !session.isolated && Object.keys(session.keys).length === 0)
      throw new Error(
        'the target has no test control: give --api-key role=KEY for pos, webshop and backoffice',
      );
    const profile = faultProfile(options.faults);
    const faulty = options.faults !== 'none';
    if (faulty && options.adapter) throw new Error('network faults need the HTTP driver (no --adapter)');
    const counters: Driver[] = [];
    for (const [i, url] of options.urls.entries()) {
      let target = url;
      if (faulty) {
        const proxy = await startFaultProxy({
          target: url,
          profile,
          seed: options.seed + i,
          hangMs: options.timeoutMs + 500,
        });
        proxies.push(proxy);
        target = proxy.url;
      }
      const driver = await openDriver({
        target,
        adapter: options.adapter,
        apiKeys: session.keys,
        timeoutMs: options.timeoutMs,
      });
      opened.push(driver);
      counters.push(driver);
    }
    return { direct, session, counters, proxies, close };
  } catch (error) {
    await close();
    throw error;
  }
}
