import { readFile } from 'node:fs/promises';
import type { Role } from '../../spec/capabilities.ts';
import type { TenderConfig, VendorFile } from '../../spec/schemas/tenders.ts';
import { asBody, emptyDocument, type TenderDocument } from './tender-config-tables.ts';
import type { VoucherWorld } from './world.ts';

const office = { role: 'backoffice' } as const;

/** The vendor files the engine's tests use (seed 002's examples and broken ones), read from disk. */
const fixtures = new URL('../../test/fixtures/tenders/', import.meta.url);

/** What a tender scenario has written and seen, beside the World (which belongs to all features). */
interface TenderScenario {
  document: TenderDocument;
  /** Given tables written since the last load: loaded before the next step that asks the service. */
  pending: boolean;
  /** The configuration in force just before the scenario's last load action. */
  before: TenderConfig | undefined;
}

const scenarios = new WeakMap<VoucherWorld, TenderScenario>();

export function tenderScenario(world: VoucherWorld): TenderScenario {
  let scenario = scenarios.get(world);
  if (!scenario) {
    world.requires('tenders');
    scenario = { document: emptyDocument(), pending: false, before: undefined };
    scenarios.set(world, scenario);
  }
  return scenario;
}

/** Loads what the Given tables wrote, as the back office would; it must be accepted. */
export async function loadWrittenConfig(world: VoucherWorld): Promise<void> {
  const scenario = tenderScenario(world);
  if (!scenario.pending) return;
  await world.must({ operationId: 'loadTenderConfig', body: asBody(scenario.document), auth: office });
  scenario.pending = false;
}

export async function configInForce(world: VoucherWorld): Promise<TenderConfig> {
  await loadWrittenConfig(world);
  return world.must({ operationId: 'getTenderConfig', auth: office });
}

/** Notes the configuration in force, then has someone (the back office, or not) load the given body (the scenario's action). */
export async function loadAsAction(world: VoucherWorld, body: unknown, role: Role): Promise<void> {
  const scenario = tenderScenario(world);
  scenario.before = await configInForce(world);
  await world.call({ operationId: 'loadTenderConfig', body: body as TenderConfig, auth: { role } });
}

export async function vendorFiles(folder: string, names: string[]): Promise<VendorFile[]> {
  if (!/^[a-z-]+$/.test(folder)) throw new Error(`fixture folder "${folder}" must be a plain name`);
  const bad = names.find((name) => !/^[\w.-]+$/.test(name) || name.startsWith('.'));
  if (bad !== undefined) throw new Error(`vendor file "${bad}" must be a plain file name`);
  return Promise.all(
    names.map(async (name) => ({
      name,
      content: await readFile(new URL(`${folder}/${name}`, fixtures), 'utf8'),
    })),
  );
}
