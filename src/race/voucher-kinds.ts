/** What vouchers a race uses: reusable ones, one-time ones (used once, then redeemed), or both. */
export const voucherKindChoices = ['reusable', 'one-time', 'mixed'] as const;
export type VoucherKindChoice = (typeof voucherKindChoices)[number];
export type VoucherKind = 'reusable' | 'one-time';

/** The kind of each of `count` vouchers: mixed alternates, one-time first. */
export function voucherKinds(choice: VoucherKindChoice, count: number): VoucherKind[] {
  return Array.from({ length: count }, (_, i) =>
    choice === 'mixed' ? (i % 2 === 0 ? 'one-time' : 'reusable') : choice,
  );
}
