/**
 * Money of the checkout vendor: decimal strings with exactly two decimals on the wire ("20.00"),
 * integer cents inside. Conversion is string work (digits moved around the point), never floats.
 */
const amountPattern = /^(0|[1-9]\d{0,11})\.(\d{2})$/;
const currencies = new Set(Intl.supportedValuesOf('currency'));

/** Cents of an unsigned amount like "20.00" (at most 999999999999.99: the contract's largest amount fits), or undefined if it is not one. */
export function toCents(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = amountPattern.exec(text);
  if (!match) return undefined;
  return Number(`${match[1]}${match[2]}`);
}

/** The signed decimal string of integer cents: 2000 → "20.00", -500 → "-5.00", 7 → "0.07". */
export function toDecimal(cents: number): string {
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** True for an ISO 4217 code the runtime knows ("EUR"), false for anything else. */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) && currencies.has(code);
}
