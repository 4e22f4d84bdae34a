/**
 * The item a generated index designates among those that exist now (indices wrap), or undefined. A
 * negative index is the latest one: the voucher, hold or payment the run made last, so that commands
 * drawn apart still chain on one thing (pay, expire, refund that payment).
 */
export function pickOf<T>(items: readonly T[], index: number): T | undefined {
  if (items.length === 0) return undefined;
  return index < 0 ? items.at(-1) : items[index % items.length];
}
