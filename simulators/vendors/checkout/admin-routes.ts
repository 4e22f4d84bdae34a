/**
 * The admin API of the checkout vendor (Authorization: Bearer <adminToken>): issue gift cards, read
 * them, change their expiry, disable them and list their transactions.
 */
import { amountField, currencyField, dateField, textField } from './body-fields.ts';
import { newCode, newId } from './ids.ts';
import { ok, type Route } from './route.ts';
import type { GiftCard, Shop } from './shop.ts';
import { adminCardView, transactionView } from './views.ts';

const cardAnswer = async (shop: Shop, card: GiftCard) =>
  ok({ gift_card: adminCardView(card, await shop.database.read(card.id)) });

export const adminRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/admin\/gift_cards$/,
    api: 'admin',
    idempotent: false,
    async handle(shop, _, body) {
      const initialValue = amountField(body, 'initial_value');
      const currency = currencyField(body);
      const expiresOn = dateField(body, 'expires_on', false) ?? null;
      const note = textField(body, 'note', false) ?? null;
      let code = newCode();
      while (shop.cardIdsByCode.has(code)) code = newCode();
      const card: GiftCard = {
        id: newId('gc'),
        code,
        initialValue,
        currency,
        expiresOn,
        disabledAt: null,
        createdAt: shop.now(),
        note,
      };
      shop.cards.set(card.id, card);
      shop.cardIdsByCode.set(code, card.id);
      await shop.database.write(card.id, initialValue);
      shop.record(card.id, 'issue', initialValue, null);
      return ok({ gift_card: adminCardView(card, initialValue, true) }, 201);
    },
  },
  {
    method: 'GET',
    pattern: /^\/admin\/gift_cards\/([^/]+)$/,
    api: 'admin',
    idempotent: false,
    handle: (shop, [id = '']) => cardAnswer(shop, shop.card(id)),
  },
  {
    method: 'POST',
    pattern: /^\/admin\/gift_cards\/([^/]+)\/update$/,
    api: 'admin',
    idempotent: false,
    async handle(shop, [id = ''], body) {
      const card = shop.card(id);
      const expiresOn = dateField(body, 'expires_on', true) ?? null;
      await shop.locks.run(`card:${card.id}`, async () => {
        card.expiresOn = expiresOn;
      });
      return cardAnswer(shop, card);
    },
  },
  {
    method: 'POST',
    pattern: /^\/admin\/gift_cards\/([^/]+)\/disable$/,
    api: 'admin',
    idempotent: false,
    async handle(shop, [id = '']) {
      const card = shop.card(id);
      await shop.locks.run(`card:${card.id}`, async () => {
        card.disabledAt ??= shop.now();
      });
      return cardAnswer(shop, card);
    },
  },
  {
    method: 'GET',
    pattern: /^\/admin\/gift_cards\/([^/]+)\/transactions$/,
    api: 'admin',
    idempotent: false,
    async handle(shop, [id = '']) {
      const card = shop.card(id);
      return ok({ transactions: (shop.transactions.get(card.id) ?? []).map(transactionView) });
    },
  },
];
