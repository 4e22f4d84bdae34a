import { currencyMinorUnits } from '../../../spec/currencies.ts';

/**
 * Is an amount in minor units above a limit written as a decimal in major units ("1000", "12.5")?
 * Exact: compared as integers scaled to the same number of decimals, never as floats.
 */
export function exceedsLimit(amountMinor: number, currency: string, limit: string): boolean {
  const digits = currencyMinorUnits[currency] ?? 2;
  const [whole = '0', fraction = ''] = limit.split('.');
  const limitScaled = BigInt(whole + fraction);
  const amountScaled = BigInt(amountMinor) * 10n ** BigInt(fraction.length);
  return amountScaled > limitScaled * 10n ** BigInt(digits);
}

/** The limit in the receipt currency for messages: "1000" EUR → "1000.00 EUR". */
export function formatMinor(amountMinor: number, currency: string): string {
  const digits = currencyMinorUnits[currency] ?? 2;
  if (digits === 0) return `${amountMinor} ${currency}`;
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)} ${currency}`;
}
