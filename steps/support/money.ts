import { currencyMinorUnits } from '../../spec/currencies.ts';

export interface Money {
  amount: number;
  currency: string;
}

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

/** { amount: 810, currency: 'EUR' } → "8.10 EUR". */
export function formatMoney(money: Money): string {
  const digits = currencyMinorUnits[money.currency] ?? 2;
  const sign = money.amount < 0 ? '-' : '';
  const text = String(Math.abs(money.amount)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  return `${sign}${whole}${digits === 0 ? '' : `.${text.slice(-digits)}`} ${money.currency}`;
}
