import type { Role } from '../../spec/capabilities.ts';
import type { Receipt } from '../../spec/schemas/receipt.ts';

/** Someone who works with vouchers: a cashier at a POS, the web shop, the back office. */
export interface Actor {
  label: string;
  role: Role;
  channel: Receipt['channel'];
  store: string;
  register: string;
  /** The legal entity the actor's store belongs to, when the scenario says so. */
  legalEntity?: string;
}

/** The stores a scenario names ("NORTH"): the codes it sends for them, and their legal entities. */
export interface Places {
  /** The code of a store, register or legal entity the scenario names: unique to the scenario. */
  code(name: string): string;
  /** The name of the legal entity a named store belongs to, if the scenario says. */
  legalEntityOf(store: string): string | undefined;
}

/** The name of a register of a named store: "NORTH-POS1". */
export const registerName = (store: string, register: string) => `${store}-${register}`;

/**
 * Reads "the cashier at POS 2", "POS 2", "the cashier" (POS 1), "the web shop", "the back office", and
 * with the scenario's `places`, "the cashier at POS 2 of store "NORTH"" or "the back office of store
 * "NORTH"": the same actor at that store, with its registers and legal entity.
 */
export function parseActor(text: string, places?: Places): Actor {
  const named = / of store "([^"]*)"$/.exec(text);
  if (named) {
    if (!places) throw new Error(`"${text}": a named store needs the scenario's places`);
    return atStore(parseActor(text.slice(0, named.index)), named[1] ?? '', places);
  }
  // A cashier of another retailer (another tenant): its own keys, its own vouchers.
  if (text === 'the cashier of the other retailer')
    return { label: 'other retailer', role: 'pos', channel: 'pos', store: 'S1', register: 'POS1' };
  const pos = /POS (\d+)/.exec(text);
  if (pos || text === 'the cashier') {
    const n = pos?.[1] ?? '1';
    return { label: `POS ${n}`, role: 'pos', channel: 'pos', store: 'S1', register: `POS${n}` };
  }
  if (text.includes('web shop')) {
    return { label: 'web shop', role: 'webshop', channel: 'webshop', store: 'WEB', register: 'WEB1' };
  }
  if (text.includes('back office')) {
    return { label: 'back office', role: 'backoffice', channel: 'backoffice', store: 'HQ', register: 'BO1' };
  }
  throw new Error(`unknown actor "${text}"`);
}

/** The actor at a store the scenario named: its registers are that store's own. */
function atStore(actor: Actor, store: string, places: Places): Actor {
  const legalEntity = places.legalEntityOf(store);
  return {
    ...actor,
    label: `${actor.label} of ${store}`,
    store: places.code(store),
    register: places.code(registerName(store, actor.register)),
    ...(legalEntity ? { legalEntity: places.code(legalEntity) } : {}),
  };
}

export const actorPattern =
  /the cashier at POS \d+ of store "[^"]*"|the back office of store "[^"]*"|the cashier of the other retailer|the cashier at POS \d+|the cashier|POS \d+|the web shop|the back office/;

/** A receipt of the actor's register; lines and total when the step gives them. */
export function receiptOf(actor: Actor, number: string, extra: Partial<Receipt> = {}): Receipt {
  const legalEntity = actor.legalEntity ? { legalEntity: actor.legalEntity } : {};
  return {
    number,
    store: actor.store,
    register: actor.register,
    channel: actor.channel,
    ...legalEntity,
    ...extra,
  };
}
