import { readFile } from 'node:fs/promises';
import { capabilityNames } from '../../spec/capabilities.ts';
import { type DriverChoice, openDriver } from '../driver/create-driver.ts';

export interface ClaimedCapabilities {
  claimed: string[];
  /** `target` (GET /capabilities through the driver) or `manifest:<file>`. */
  source: string;
  /** Names that spec/capabilities.ts does not know: kept, but no scenario asks for them. */
  unknown: string[];
}

function described(claimed: unknown, source: string): ClaimedCapabilities {
  if (!Array.isArray(claimed) || !claimed.every((c) => typeof c === 'string')) {
    throw new Error(`${source}: capabilities must be an array of names`);
  }
  const names = [...new Set(claimed as string[])].sort();
  const known = new Set<string>(capabilityNames);
  return { claimed: names, source, unknown: names.filter((n) => !known.has(n)) };
}

/** Reads a manifest: `{ "capabilities": [...] }` (the shape of GET /capabilities) or a bare array. */
export async function readCapabilityManifest(path: string): Promise<ClaimedCapabilities> {
  const document = JSON.parse(await readFile(path, 'utf8')) as unknown;
  const list = Array.isArray(document) ? document : (document as { capabilities?: unknown })?.capabilities;
  return described(list, `manifest:${path}`);
}

/**
 * Asks the target what it claims, through the same driver the steps use (so a vendor adapter answers
 * for an API of another shape). Throws when the target cannot be reached or answers out of contract.
 */
export async function readTargetCapabilities(choice: DriverChoice): Promise<ClaimedCapabilities> {
  const driver = await openDriver({ timeoutMs: 10_000, ...choice });
  try {
    return described(await driver.capabilities(), 'target');
  } finally {
    await driver.close();
  }
}
