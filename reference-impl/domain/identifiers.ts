import { randomInt } from 'node:crypto';

/** LC-02: a voucher's identifiers, unique per tenant. Random parts come from an injectable source. */
export type RandomDigits = (count: number) => string;

export const cryptoDigits: RandomDigits = (count) => {
  let out = '';
  for (let i = 0; i < count; i++) out += String(randomInt(10));
  return out;
};

function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function makeIdentifiers(
  prefix: string,
  id: string,
  expiresAt: Date,
  random: RandomDigits = cryptoDigits,
) {
  const body = random(15);
  // The check digit covers every digit a register reads: a numeric prefix too.
  const checked = /^\d*$/.test(prefix) ? `${prefix}${body}` : body;
  const number = `${prefix}${body}${luhnCheckDigit(checked)}`;
  const barcode = `${random(18)}`;
  const yymm = expiresAt.toISOString().slice(2, 7).replace('-', '');
  const magstripe = `;${body}${luhnCheckDigit(body)}=${yymm}${random(6)}?`;
  const qr = `VC1:${id}`;
  return { number, barcode, magstripe, qr };
}
