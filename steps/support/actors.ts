import type { Role } from '../../spec/capabilities.ts';
import type { Receipt } from '../../spec/schemas/receipt.ts';

/** Someone who works with vouchers: a cashier at a POS, the web shop, the back office. */
export interface Actor {
  label: string;
  role: Role;
  channel: Receipt['channel'];
  store: string;
  register: string;
}

/** Reads "the cashier at POS 2", "POS 2", "the cashier" (POS 1), "the web shop", "the back office". */
export function parseActor(text: string): Actor {
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

export const actorPattern = /the cashier at POS \d+|the cashier|POS \d+|the web shop|the back office/;

/** A receipt of the actor's register; lines and total when the step gives them. */
export function receiptOf(actor: Actor, number: string, extra: Partial<Receipt> = {}): Receipt {
  return { number, store: actor.store, register: actor.register, channel: actor.channel, ...extra };
}
