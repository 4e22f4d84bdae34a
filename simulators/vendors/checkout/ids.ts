/**
 * Identifiers of the checkout vendor: opaque prefixed strings that are not UUIDs (gc_, cart_, ord_,
 * txn_, rfd_ followed by 12 base36 characters), gift card codes of 16 characters shown in groups of
 * four, and the shop's API tokens.
 */
import { randomBytes, randomInt } from 'node:crypto';

const base36 = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Uppercase letters and digits without I, O, 0 and 1, which people misread on a printed card. */
const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const pick = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');

export type IdPrefix = 'gc' | 'cart' | 'ord' | 'txn' | 'rfd';

export const newId = (prefix: IdPrefix): string => `${prefix}_${pick(base36, 12)}`;

/** A gift card code as stored: 16 characters, no dashes. */
export const newCode = (): string => pick(codeAlphabet, 16);

/** "ABCDEFGHJKLMNPQR" → "ABCD-EFGH-JKLM-NPQR". */
export const groupCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

/** The stored form of a code a customer typed: dashes and spaces dropped, upper case. */
export const normalizeCode = (typed: string): string => typed.replaceAll(/[-\s]/g, '').toUpperCase();

export const newToken = (prefix: string): string => `${prefix}_${randomBytes(24).toString('base64url')}`;
