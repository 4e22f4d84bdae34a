import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { cryptoDigits, makeIdentifiers, type RandomDigits } from '../../reference-impl/domain/identifiers.ts';

/** Standard Luhn validation (ISO/IEC 7812-1), written independently of the implementation. */
function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** A replayable random source: hands out the given strings in turn, each cut to the asked length. */
function scripted(...parts: string[]): RandomDigits {
  let i = 0;
  return (count) => {
    const part = parts[i++ % parts.length] as string;
    return part.padEnd(count, '0').slice(0, count);
  };
}

const expiresAt = new Date('2027-03-31T23:59:59.000Z');
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

describe('voucher identifiers (LC-02)', () => {
  test('the number is the prefix, 15 random digits and a Luhn check digit', () => {
    // 4111 1111 1111 1111 is the well-known Luhn-valid test card number.
    const ids = makeIdentifiers('GV', 'v-1', expiresAt, scripted('411111111111111'));
    assert.equal(ids.number, 'GV4111111111111111');
    assert.ok(luhnValid(ids.number.slice(2)));
  });

  test('a second well-known vector: 7992739871 with its check digit 3', () => {
    const ids = makeIdentifiers('', 'v-1', expiresAt, scripted('000007992739871'));
    assert.equal(ids.number, '0000079927398713');
  });

  test('for any random body the digits after the prefix pass Luhn, and any single changed digit fails it', () => {
    fc.assert(
      fc.property(digits(15), fc.nat({ max: 15 }), fc.integer({ min: 1, max: 9 }), (body, at, shift) => {
        const n = makeIdentifiers('X', 'v', expiresAt, scripted(body)).number.slice(1);
        assert.equal(n.length, 16);
        assert.ok(luhnValid(n), n);
        const changed = `${n.slice(0, at)}${(Number(n[at]) + shift) % 10}${n.slice(at + 1)}`;
        assert.equal(luhnValid(changed), false, `${changed} passes Luhn like ${n}`);
      }),
    );
  });

  test('with a numeric template prefix the whole printed number passes Luhn', () => {
    fc.assert(
      fc.property(digits(4), digits(15), (prefix, body) => {
        assert.ok(luhnValid(makeIdentifiers(prefix, 'v', expiresAt, scripted(body)).number));
      }),
    );
  });

  test('barcode, magnetic stripe (track 2 shape with the expiry YYMM) and QR', () => {
    const ids = makeIdentifiers(
      'GV',
      'v-42',
      expiresAt,
      scripted('411111111111111', '123456789012345678', '654321'),
    );
    assert.equal(ids.barcode, '123456789012345678');
    assert.equal(ids.magstripe, ';4111111111111111=2703654321?');
    assert.equal(ids.qr, 'VC1:v-42');
  });

  test('deterministic with an injected random source; different sources give different identifiers', () => {
    const a = makeIdentifiers('GV', 'v-1', expiresAt, scripted('123', '456', '789'));
    const b = makeIdentifiers('GV', 'v-1', expiresAt, scripted('123', '456', '789'));
    const c = makeIdentifiers('GV', 'v-1', expiresAt, scripted('124', '456', '789'));
    assert.deepEqual(a, b);
    assert.notEqual(a.number, c.number);
    assert.notEqual(a.magstripe, c.magstripe);
  });

  test('the default source gives the asked number of decimal digits', () => {
    for (const count of [1, 6, 15, 18]) assert.match(cryptoDigits(count), new RegExp(`^\\d{${count}}$`));
    const ids = makeIdentifiers('GV', 'v-1', expiresAt);
    assert.match(ids.number, /^GV\d{16}$/);
    assert.match(ids.barcode, /^\d{18}$/);
    assert.match(ids.magstripe, /^;\d{16}=2703\d{6}\?$/);
  });
});
