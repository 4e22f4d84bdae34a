import { currencyMinorUnits } from '../../../spec/currencies.ts';

/** 810 EUR minor units → "8.10 EUR", with string arithmetic only, as the feature files write amounts. */
export function moneyText(amount: number, currency: string): string {
  const digits = currencyMinorUnits[currency] ?? 2;
  const sign = amount < 0 ? '-' : '';
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  return `${sign}${whole}${digits === 0 ? '' : `.${text.slice(-digits)}`} ${currency}`;
}
