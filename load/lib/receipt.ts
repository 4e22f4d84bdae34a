// Receipts and money values as the contract spells them.
import exec from 'k6/execution';
import { env } from './env.ts';

export interface Money {
  amount: number;
  currency: string;
}

export const money = (amount: number, currency = 'EUR'): Money => ({ amount, currency });

let seq = 0;

/** A receipt for this VU's register: a POS till or the web shop. */
export function receipt(channel: 'pos' | 'webshop' = 'pos') {
  seq += 1;
  const vu = exec.vu.idInTest;
  return {
    number: `R-${env.segment}-${vu}-${seq}`,
    store: channel === 'pos' ? 'S-001' : 'WEB',
    register: channel === 'pos' ? `POS-${vu}` : 'WEB',
    channel,
  };
}
