import type { Voucher } from '../../../spec/schemas/voucher.ts';
import type { Identifiers } from '../target-session.ts';
import { ModelMismatch } from './expect-answer.ts';

/** The four identifiers of a voucher the target issued (LC-02); one that is missing is a mismatch. */
export function identifiersOf(voucher: Voucher): Identifiers {
  const { number, barcode, magstripe, qr } = voucher;
  if (number === undefined || barcode === undefined || magstripe === undefined || qr === undefined)
    throw new ModelMismatch(`voucher ${voucher.id}: the answer does not give all four identifiers (LC-02)`);
  return { number, barcode, magstripe, qr };
}
