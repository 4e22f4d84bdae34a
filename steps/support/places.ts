import { type Places, registerName } from './actors.ts';
import type { VoucherWorld } from './world.ts';

/**
 * The stores, registers and legal entities a scenario names get codes of its own (the name and the
 * scenario's suffix), so that on a tenant shared with other scenarios the reports grouped by them show
 * only what this scenario did.
 */
export function placesOf(world: VoucherWorld): Places {
  return {
    code: (name) => world.code(name),
    legalEntityOf: (store) => world.legalEntities.get(store),
  };
}

export const dimensions = { store: 'store', register: 'register', 'legal entity': 'legalEntity' } as const;
export type Dimension = keyof typeof dimensions;

/**
 * The code a report groups by, for a group as the scenario names it: a store ("NORTH"), a register of a
 * named store ("POS 1 of NORTH") or a legal entity ("ACME").
 */
export function groupCode(world: VoucherWorld, dimension: Dimension, name: string): string {
  if (dimension !== 'register') return world.code(name);
  const register = /^POS (\d+) of (.+)$/.exec(name);
  if (!register) throw new Error(`name a register like "POS 1 of NORTH", not "${name}"`);
  return world.code(registerName(register[2] ?? '', `POS${register[1]}`));
}
