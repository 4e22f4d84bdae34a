import type { ChannelProfile } from '../pos/counter-context.ts';
import { createTerminal, type Terminal, type TerminalOptions } from '../pos/pos-terminal.ts';

/**
 * A web shop checkout: the basket holds the voucher for longer (the customer fills in a form and
 * confirms), and its holds live longer than a POS's.
 */
export const webShopProfile: ChannelProfile = {
  role: 'webshop',
  channel: 'webshop',
  store: 'WEB',
  holdTtlSeconds: 5,
  thinkMs: [50, 300],
};

/** A web shop checkout with the cashier's flow (a customer in place of a cashier). */
export function createWebShop(options: TerminalOptions): Terminal {
  return createTerminal(options);
}
