import { CannotArrange, type ProviderStates, toDecimal } from 'voucher-conformance/adapter';
import { describe, succeeded } from './shop-answers.ts';
import type { ShopClient } from './shop-client.ts';
import { voucherIdOf } from './shop-ids.ts';

const day = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Provider states through the shop's admin API: a card is made with its value and last valid day, and
 * disabled when it must be canceled. The shop has no voucher types, no one-time cards, no top-ups, no
 * sale phase or returns, and a used-up card is just a card at zero: those states cannot be arranged.
 */
export async function arrangeVoucher(
  shop: ShopClient,
  params: ProviderStates['voucher']['params'],
): Promise<ProviderStates['voucher']['result']> {
  const { type, state, amount } = params;
  if (type.policy !== 'balance-guard')
    throw new CannotArrange(`the shop's cards follow balance-guard, not ${type.policy}`);
  if (!type.reusable) throw new CannotArrange('the shop has no one-time cards');
  if (type.topUpAllowed) throw new CannotArrange('the shop has no top-ups');
  if (!['activated', 'expired', 'canceled'].includes(state))
    throw new CannotArrange(`the shop has no ${state} cards`);
  const lastDay =
    state === 'expired' ? dateOf(Date.now() - day) : dateOf(Date.now() + type.validityDays * day);
  const created = await shop.send('admin', 'POST', '/admin/gift_cards', {
    body: { initial_value: toDecimal(amount.amount), currency: amount.currency, expires_on: lastDay },
  });
  if (!succeeded(created)) throw new Error(`arranging a card: the shop answered ${describe(created)}`);
  const card = created.body.gift_card as { id: string; code: string };
  if (state === 'canceled') {
    const disabled = await shop.send('admin', 'POST', `/admin/gift_cards/${card.id}/disable`);
    if (!succeeded(disabled))
      throw new Error(`arranging a canceled card: the shop answered ${describe(disabled)}`);
  }
  return { voucherId: voucherIdOf(card.id, card.code) };
}
