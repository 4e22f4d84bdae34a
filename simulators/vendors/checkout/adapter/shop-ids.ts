/**
 * The contract's ids for the shop's objects. The shop shows a card's code only when it creates the card,
 * and the storefront knows cards by code, the admin API by id: a voucher's id carries both. A
 * redemption's id carries the order's currency, which the shop's refunds do not repeat.
 */
export function voucherIdOf(cardId: string, code: string): string {
  return `${cardId}~${code.replaceAll('-', '')}`;
}

export function cardOf(voucherId: string): { cardId: string; code: string } | null {
  const [cardId, code, ...rest] = voucherId.split('~');
  return cardId && code && rest.length === 0 ? { cardId, code } : null;
}

export function redemptionIdOf(orderId: string, currency: string): string {
  return `${orderId}~${currency}`;
}

export function orderOf(redemptionId: string): { orderId: string; currency: string } | null {
  const [orderId, currency, ...rest] = redemptionId.split('~');
  return orderId && currency && rest.length === 0 ? { orderId, currency } : null;
}
