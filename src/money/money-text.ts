import { currencyMinorUnits } from '../../spec/currencies.ts';

export interface Money {
  amount: number;
  currency: string;
}

/** { amount: 810, currency: 'EUR' } → "8.10 EUR": minor units shown in major units, by the currency's digits. */
export function formatMoney(money: Money): string {
  const digits = currencyMinorUnits[money.currency] ?? 2;
  const sign = money.amount < 0 ? '-' : '';
  const text = String(Math.abs(money.amount)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  return `${sign}${whole}${digits === 0 ? '' : `.${text.slice(-digits)}`} ${money.currency}`;
}

/** Whether a value is money as the contract writes it: an integer amount in minor units and a currency. */
export function isMoney(value: unknown): value is Money {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isInteger((value as Money).amount) &&
    typeof (value as Money).currency === 'string' &&
    /^[A-Z]{3}$/.test((value as Money).currency)
  );
}
