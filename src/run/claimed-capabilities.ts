import { readFile } from 'node:fs/promises';
import { capabilityNames } from '../../spec/capabilities.ts';
import { type DriverChoice, openDriver } from '../driver/create-driver.ts';

export interface ClaimedCapabilities {
  claimed: string[];
  /** The claimed capabilities an adapter provides itself: their scenarios' passes are "emulated". */
  emulated: string[];
  /** `target` (GET /capabilities through the driver) or `manifest:<file>`. */
  source: string;
  /** Names that spec/capabilities.ts does not know: kept, but no scenario asks for them. */
  unknown: string[];
}

function names(list: unknown, source: string, what: string): string[] {
  if (!Array.isArray(list) || !list.every((c) => typeof c === 'string'))
    throw new Error(`${source}: ${what} must be an array of names`);
  return [...new Set(list as string[])].sort();
}

function described(claimed: unknown, source: string, emulated: unknown = []): ClaimedCapabilities {
  const claimedNames = names(claimed, source, 'capabilities');
  const known = new Set<string>(capabilityNames);
  return {
    claimed: claimedNames,
    emulated: names(emulated, source, 'emulated').filter((n) => claimedNames.includes(n)),
    source,
    unknown: claimedNames.filter((n) => !known.has(n)),
  };
}

/** Reads a manifest: `{ "capabilities": [...] }` (the shape of GET /capabilities) or a bare array. */
export async function readCapabilityManifest(path: string): Promise<ClaimedCapabilities> {
  const document = JSON.parse(await readFile(path, 'utf8')) as unknown;
  const list = Array.isArray(document) ? document : (document as { capabilities?: unknown })?.capabilities;
  const emulated = Array.isArray(document) ? [] : ((document as { emulated?: unknown })?.emulated ?? []);
  return described(list, `manifest:${path}`, emulated);
}

/**
 * Asks the target what it claims, through the same driver the steps use (so a vendor adapter answers
 * for an API of another shape), and sets up a session as a scenario would: a target without test control
 * needs the vendor's keys. Throws (the run cannot take place) when the target cannot be reached, answers
 * out of contract, or no session can be had.
 */
export async function readTargetCapabilities(choice: DriverChoice): Promise<ClaimedCapabilities> {
  const driver = await openDriver({ timeoutMs: 10_000, ...choice });
  try {
    const claimed = described(await driver.capabilities(), 'target', await driver.emulated());
    const session = await driver.setup();
    if (!choice.adapter && !session.isolated && Object.keys(session.keys).length === 0)
      throw new Error(
        'the target has no test control: give --api-key role=KEY for pos, webshop and backoffice',
      );
    return claimed;
  } finally {
    await driver.close();
  }
}
