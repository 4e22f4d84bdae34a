import { type Completion, type Operation, ok, refuse, toMinor } from 'voucher-conformance/adapter';
import {
  expiresAtOf,
  expiresOnOf,
  type ShopCard,
  type ShopTransaction,
  stateOf,
  voucherOf,
} from './card-views.ts';
import { notSuccess, succeeded } from './shop-answers.ts';
import type { ShopClient } from './shop-client.ts';
import { cardOf, redemptionIdOf } from './shop-ids.ts';

/** What a read gives: the shop's data, or the completion that says why not. */
type Read<T> = T | { failed: Completion };

const ledgerKinds = { issue: 'issue', debit: 'capture', credit: 'refund' } as const;

/** Reads of a card: balance inquiry (storefront), the voucher and its ledger (admin API), and its validity. */
export class CardOperations {
  readonly #shop: ShopClient;

  constructor(shop: ShopClient) {
    this.#shop = shop;
  }

  async #card(cardId: string, auth: Operation['auth']): Promise<Read<{ card: ShopCard }>> {
    const answer = await this.#shop.send('admin', 'GET', `/admin/gift_cards/${encodeURIComponent(cardId)}`, {
      auth,
    });
    return succeeded(answer) ? { card: answer.body.gift_card as ShopCard } : { failed: notSuccess(answer) };
  }

  async #transactions(
    cardId: string,
    auth: Operation['auth'],
  ): Promise<Read<{ transactions: ShopTransaction[] }>> {
    const path = `/admin/gift_cards/${encodeURIComponent(cardId)}/transactions`;
    const answer = await this.#shop.send('admin', 'GET', path, { auth });
    return succeeded(answer)
      ? { transactions: answer.body.transactions as ShopTransaction[] }
      : { failed: notSuccess(answer) };
  }

  async balance(voucherId: string, operation: Operation): Promise<Completion> {
    const ids = cardOf(voucherId);
    if (!ids) return refuse('not_found');
    const answer = await this.#shop.send('storefront', 'GET', `/gift_cards/${encodeURIComponent(ids.code)}`, {
      auth: operation.auth,
    });
    if (!succeeded(answer)) return notSuccess(answer);
    const card = answer.body.gift_card as {
      balance: string;
      currency: string;
      expires_on: string | null;
      enabled: boolean;
    };
    return ok(200, {
      voucherId,
      balance: { amount: toMinor(card.balance), currency: card.currency },
      state: stateOf({
        disabled_at: card.enabled ? null : 'disabled',
        expires_on: card.expires_on,
        balance: card.balance,
      }),
      expiresAt: expiresAtOf(card.expires_on),
    });
  }

  /** The card and its transactions (the admin API), or the completion that says why not. */
  async #cardAndHistory(voucherId: string, auth: Operation['auth']) {
    const ids = cardOf(voucherId);
    if (!ids) return { failed: refuse('not_found') };
    const read = await this.#card(ids.cardId, auth);
    if ('failed' in read) return read;
    const history = await this.#transactions(ids.cardId, auth);
    if ('failed' in history) return history;
    return { card: read.card, transactions: history.transactions };
  }

  async voucher(voucherId: string, operation: Operation): Promise<Completion> {
    const read = await this.#cardAndHistory(voucherId, operation.auth);
    if ('failed' in read) return read.failed;
    return ok(200, voucherOf(voucherId, read.card, read.transactions));
  }

  async ledger(voucherId: string, operation: Operation): Promise<Completion> {
    const read = await this.#cardAndHistory(voucherId, operation.auth);
    if ('failed' in read) return read.failed;
    const { currency } = read.card;
    return ok(200, {
      voucherId,
      balance: { amount: toMinor(read.card.balance), currency },
      entries: read.transactions.map((t, i) => ({
        seq: i + 1,
        kind: ledgerKinds[t.kind],
        amount: toMinor(t.amount),
        currency,
        at: t.processed_at,
        operationId: t.kind === 'debit' && t.order_id ? redemptionIdOf(t.order_id, currency) : null,
      })),
    });
  }

  /** setValidity: the shop keeps a last valid day (UTC), so the instant is rounded to the day it falls in. */
  async validity(voucherId: string, operation: Operation): Promise<Completion> {
    const ids = cardOf(voucherId);
    if (!ids) return refuse('not_found');
    const expiresAt = (operation.body as { expiresAt: string }).expiresAt;
    const path = `/admin/gift_cards/${encodeURIComponent(ids.cardId)}/update`;
    const answer = await this.#shop.send('admin', 'POST', path, {
      auth: operation.auth,
      body: { expires_on: expiresOnOf(expiresAt) },
    });
    if (!succeeded(answer)) return notSuccess(answer);
    return this.voucher(voucherId, operation);
  }
}
