import { currencyMinorUnits } from '../../spec/currencies.ts';

import type { Money } from '../../src/money/money-text.ts';

export type { Money };

/**
 * "20.00 EUR" → { amount: 2000, currency: 'EUR' }, by the currency's minor-unit digits and string
 * arithmetic only (never floats). A leading minus gives a negative amount, for ledger tables.
 */
export function parseMoney(text: string): Money {
  const match = /^(-)?(\d+)(?:\.(\d+))?\s+([A-Z]{3})$/.exec(text.trim());
  if (!match) throw new Error(`not an amount: "${text}" (write it like "20.00 EUR")`);
  const [, sign, whole = '0', fraction = '', currency = ''] = match;
  const digits = currencyMinorUnits[currency];
  if (digits === undefined) throw new Error(`unknown currency ${currency}`);
  if (fraction.length > digits) throw new Error(`"${text}": ${currency} has ${digits} decimal digits`);
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  return { amount: sign ? -minor : minor, currency };
}

export { formatMoney } from '../../src/money/money-text.ts';
