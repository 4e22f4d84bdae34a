import { randomUUID } from 'node:crypto';
import type { Money } from '../../spec/schemas/common.ts';
import type { Receipt } from '../../spec/schemas/receipt.ts';
import type { Hold, Redemption } from '../../spec/schemas/redemption.ts';
import type { Template, Voucher, VoucherType } from '../../spec/schemas/voucher.ts';
import type { Completion } from '../../src/driver/completion.ts';
import type { AnyOperation } from '../../src/driver/operation.ts';
import type { ForeignClient } from './foreign-client.ts';
import {
  ledgerEntryOf,
  refusalOf,
  refuse,
  stateOf,
  toDecimal,
  toMinor,
  type VendorAuth,
  type VendorCard,
  type VendorHistory,
} from './foreign-mapping.ts';

type In = Record<string, unknown> & { amount?: Money; receipt?: Receipt };
interface Known {
  code: string;
  type: VoucherType & { programId: string };
  templateId: string;
  activating: boolean;
}
const ok = (status: number, body: unknown): Completion => ({ completion: 'ok', status, body });
const holdStatus = { PENDING: 'open', SETTLED: 'captured', VOIDED: 'released', EXPIRED: 'expired' } as const;

/** Each contract operation in GiftCardCo's terms; what GiftCardCo lacks (templates, sale phase) lives here. */
export class ForeignOperations {
  readonly #client: ForeignClient;
  readonly #types = new Map<string, VoucherType & { programId: string }>();
  readonly #templates = new Map<string, Template>();
  readonly #vouchers = new Map<string, Known>();
  readonly #holds = new Map<
    string,
    { auth: string; voucherId: string; receipt: Receipt; redemptionId: string | null }
  >();
  readonly #redemptions = new Map<string, Redemption & { txnId: string }>();

  constructor(client: ForeignClient) {
    this.#client = client;
  }

  async #voucher(id: string): Promise<{ known: Known; card: VendorCard } | null> {
    const known = this.#vouchers.get(id);
    if (!known) return null;
    const answer = await this.#client.call('GET', `/giftcards/${known.code}`);
    return answer.ok ? { known, card: answer.body as VendorCard } : null;
  }

  #view(id: string, known: Known, card: VendorCard, used: boolean): Voucher {
    const currency = known.type.currency;
    const balance = toMinor(card.balance);
    const state = stateOf(card, known.activating);
    return {
      id,
      number: card.code,
      barcode: card.pan,
      magstripe: card.track2,
      qr: card.qr,
      voucherTypeId: known.type.id,
      templateId: known.templateId,
      productCode: known.type.productCode,
      policy: known.type.policy,
      reusable: known.type.reusable,
      topUpAllowed: false,
      state: state as Voucher['state'],
      usage: state === 'redeemed' ? 'redeemed' : used ? 'in-use' : 'not-redeemed',
      denomination: { amount: toMinor(card.faceValue), currency },
      balance: { amount: balance, currency },
      available: { amount: balance - toMinor(card.held), currency },
      issuedAt: card.issuedOn,
      activatedAt: card.activatedOn,
      expiresAt: card.expiresOn,
      remainderOf: null,
    };
  }

  async #answer(id: string, status = 200): Promise<Completion> {
    const found = await this.#voucher(id);
    if (!found) return refuse('not_found');
    const history = await this.#client.call('GET', `/giftcards/${found.known.code}/history`);
    const entries = history.ok ? (history.body as { entries: VendorHistory[] }).entries : [];
    return ok(
      status,
      this.#view(
        id,
        found.known,
        found.card,
        entries.some((h) => h.type === 'SETTLE'),
      ),
    );
  }

  async #vendor(id: string, method: 'GET' | 'POST', path: string, body: unknown, ref?: string) {
    const found = await this.#voucher(id);
    const answer = await this.#client.call(method, path, body, ref);
    const state = found ? stateOf(found.card, found.known.activating) : 'prepared';
    return {
      answer,
      fail: answer.ok
        ? null
        : refusalOf(answer.reason, answer.body, found?.known.type.currency ?? 'EUR', state),
    };
  }

  #hold(id: string, auth: VendorAuth, currency: string): Hold {
    const h = this.#holds.get(id);
    return {
      id,
      voucherId: h?.voucherId ?? '',
      amount: { amount: auth.cents, currency },
      status: holdStatus[auth.status],
      receipt: h?.receipt as Receipt,
      createdAt: auth.createdAt,
      expiresAt: auth.expiresAt,
      redemptionId: h?.redemptionId ?? null,
    };
  }

  async run(operationId: AnyOperation['operationId'], op: AnyOperation, body: unknown): Promise<Completion> {
    const input = body as In;
    const id = (op.params as { id?: string } | undefined)?.id ?? '';
    const known = this.#vouchers.get(id);
    const currency = known?.type.currency ?? 'EUR';
    const wrongCurrency = input.amount && known && input.amount.currency !== currency;
    switch (operationId) {
      case 'getCapabilities':
        return ok(200, {
          contractVersion: '1.0.0',
          implementation: 'giftcardco-adapter',
          capabilities: ['amount-holds', 'holds', 'partial-capture', 'redemption-refund'],
          identifiers: ['number', 'barcode', 'magstripe', 'qr'],
          limits: { maxBodyBytes: 65536, maxAmount: 1e12, maxHoldTtlSeconds: 86400 },
        });
      case 'createVoucherType': {
        const t = input as unknown as VoucherType;
        if (t.policy !== 'amount-holds')
          return refuse('validation_failed', { detail: 'GiftCardCo only authorizes amounts' });
        const program = await this.#client.call('POST', '/programs', {
          currency: t.currency,
          reusable: t.reusable,
          validityDays: t.validityDays,
        });
        if (!program.ok) return refusalOf(program.reason, program.body, t.currency, 'prepared');
        const type = {
          ...t,
          id: randomUUID(),
          holdTtlSeconds: t.holdTtlSeconds ?? 900,
          programId: (program.body as { programId: string }).programId,
        };
        this.#types.set(type.id, type);
        const { programId: _, ...shown } = type;
        return ok(201, shown);
      }
      case 'createTemplate': {
        const t = input as unknown as Template;
        if (!this.#types.has(t.voucherTypeId)) return refuse('not_found');
        const template = { ...t, id: randomUUID(), issued: 0 };
        this.#templates.set(template.id, template);
        return ok(201, template);
      }
      case 'issueVouchers': {
        const template = this.#templates.get(id);
        const type = template && this.#types.get(template.voucherTypeId);
        if (!template || !type) return refuse('not_found');
        const count = Number(input.count);
        const remaining = template.capacity - template.issued;
        if (count > remaining) return refuse('template_capacity_exhausted', { remaining });
        const denomination = input.denomination as Money;
        if (denomination.currency !== type.currency) return refuse('currency_mismatch');
        const cards = await this.#client.call('POST', `/programs/${type.programId}/cards`, {
          quantity: count,
          faceValue: toDecimal(denomination.amount),
        });
        if (!cards.ok) return refusalOf(cards.reason, cards.body, type.currency, 'prepared');
        template.issued += count;
        const vouchers = (cards.body as { cards: VendorCard[] }).cards.map((card) => {
          const known = { code: card.code, type, templateId: template.id, activating: false };
          const vid = randomUUID();
          this.#vouchers.set(vid, known);
          return this.#view(vid, known, card, false);
        });
        return ok(201, { templateId: template.id, vouchers });
      }
      case 'lookupVoucher': {
        const [kind, value] = Object.entries(op.query ?? {})[0] ?? [];
        for (const [vid, k] of this.#vouchers) {
          const found = await this.#voucher(vid);
          const field = { number: 'code', barcode: 'pan', magstripe: 'track2', qr: 'qr' }[
            String(kind)
          ] as keyof VendorCard;
          if (found && found.card[field] === value) return this.#answer(vid);
          void k;
        }
        return refuse('not_found');
      }
      case 'getVoucher':
        return this.#answer(id);
      case 'getBalance': {
        const answer = await this.#answer(id);
        if (answer.completion !== 'ok' || !known) return answer;
        const v = answer.body as Voucher;
        return ok(200, {
          voucherId: id,
          number: v.number,
          voucherType: { id: known.type.id, code: known.type.code, name: known.type.name },
          productCode: v.productCode,
          state: v.state,
          usage: v.usage,
          denomination: v.denomination,
          balance: v.balance,
          available: v.available,
          expiresAt: v.expiresAt,
        });
      }
      case 'getLedger': {
        if (!known) return refuse('not_found');
        const history = await this.#client.call('GET', `/giftcards/${known.code}/history`);
        if (!history.ok) return refuse('not_found');
        const entries = (history.body as { entries: VendorHistory[] }).entries.map((h) =>
          ledgerEntryOf(h, currency),
        );
        return ok(200, {
          voucherId: id,
          balance: { amount: entries.at(-1)?.balanceAfter ?? 0, currency },
          entries,
        });
      }
      case 'startSale':
      case 'completeSale':
      case 'cancelSale': {
        const found = await this.#voucher(id);
        if (!found) return refuse('not_found');
        const state = stateOf(found.card, found.known.activating);
        const from = operationId === 'startSale' ? 'prepared' : 'activating';
        if (state !== from) {
          if (operationId === 'startSale' && state === 'canceled') return refuse('voucher_canceled');
          return refuse('illegal_transition', { state, action: operationId });
        }
        if (operationId === 'completeSale') {
          const { fail } = await this.#vendor(
            id,
            'POST',
            `/giftcards/${found.known.code}/activate`,
            {},
            op.idempotencyKey,
          );
          if (fail) return fail;
        }
        found.known.activating = operationId === 'startSale';
        return this.#answer(id);
      }
      case 'cancelVoucher':
      case 'restoreVoucher':
      case 'setValidity': {
        if (!known) return refuse('not_found');
        const path = { cancelVoucher: 'lock', restoreVoucher: 'unlock', setValidity: 'expiry' }[operationId];
        const { fail } = await this.#vendor(id, 'POST', `/giftcards/${known.code}/${path}`, {
          expiresOn: input.expiresAt,
          reason: input.reason,
        });
        if (fail) return fail;
        known.activating = false;
        return this.#answer(id);
      }
      case 'createHold': {
        if (!known) return refuse('not_found');
        if (wrongCurrency) return refuse('currency_mismatch');
        const amount = input.amount as Money;
        const ttl = (input.ttlSeconds as number | undefined) ?? known.type.holdTtlSeconds;
        const { answer, fail } = await this.#vendor(
          id,
          'POST',
          `/giftcards/${known.code}/authorize`,
          { amount: toDecimal(amount.amount), memo: JSON.stringify(input.receipt), ttl },
          op.idempotencyKey,
        );
        if (fail || !answer.ok) return fail ?? refuse('not_found');
        const auth = answer.body as VendorAuth;
        const holdId = randomUUID();
        this.#holds.set(holdId, {
          auth: auth.authCode,
          voucherId: id,
          receipt: input.receipt as Receipt,
          redemptionId: null,
        });
        return ok(201, this.#hold(holdId, auth, currency));
      }
      case 'getHold':
      case 'captureHold':
      case 'releaseHold':
        return this.#holdOperation(operationId, id, input, op.idempotencyKey);
      case 'refundRedemption': {
        const redemption = this.#redemptions.get(id);
        if (!redemption) return refuse('not_found');
        const cur = redemption.amount.currency;
        if (input.amount && input.amount.currency !== cur) return refuse('currency_mismatch');
        const amount = input.amount ? toDecimal(input.amount.amount) : undefined;
        const { answer, fail } = await this.#vendor(
          redemption.voucherId,
          'POST',
          `/transactions/${redemption.txnId}/reverse`,
          { amount, memo: JSON.stringify(input.receipt) },
          op.idempotencyKey,
        );
        if (fail || !answer.ok) return fail ?? refuse('not_found');
        const r = answer.body as { reversed: string; balance: string };
        const credited = toMinor(r.reversed) - (redemption.refunded?.amount ?? 0);
        redemption.refunded = { amount: toMinor(r.reversed), currency: cur };
        return ok(201, {
          id: randomUUID(),
          redemptionId: id,
          voucherId: redemption.voucherId,
          amount: { amount: credited, currency: cur },
          refundedTotal: redemption.refunded,
          balanceAfter: { amount: toMinor(r.balance), currency: cur },
          createdAt: new Date().toISOString(),
        });
      }
      case 'getRedemption': {
        const r = this.#redemptions.get(id);
        if (!r) return refuse('not_found');
        const { txnId: _, ...shown } = r;
        return ok(200, shown);
      }
      default:
        return refuse('not_found', { detail: `GiftCardCo has no ${operationId}` });
    }
  }

  async #holdOperation(
    operationId: string,
    id: string,
    input: In,
    ref: string | undefined,
  ): Promise<Completion> {
    const hold = this.#holds.get(id);
    const known = hold && this.#vouchers.get(hold.voucherId);
    if (!hold || !known) return refuse('not_found');
    const currency = known.type.currency;
    if (operationId === 'getHold' || operationId === 'releaseHold') {
      const path =
        operationId === 'getHold' ? `/authorizations/${hold.auth}` : `/authorizations/${hold.auth}/void`;
      const { answer, fail } = await this.#vendor(
        hold.voucherId,
        operationId === 'getHold' ? 'GET' : 'POST',
        path,
        {},
        ref,
      );
      if (fail || !answer.ok) return fail ?? refuse('not_found');
      return ok(200, this.#hold(id, answer.body as VendorAuth, currency));
    }
    if (input.amount && input.amount.currency !== currency) return refuse('currency_mismatch');
    const amount = input.amount ? toDecimal(input.amount.amount) : undefined;
    const { answer, fail } = await this.#vendor(
      hold.voucherId,
      'POST',
      `/authorizations/${hold.auth}/settle`,
      { amount },
      ref,
    );
    if (fail || !answer.ok) return fail ?? refuse('not_found');
    const settled = answer.body as { txnId: string; amount: string; balance: string };
    const redemption = {
      id: randomUUID(),
      voucherId: hold.voucherId,
      holdId: id,
      amount: { amount: toMinor(settled.amount), currency },
      refunded: { amount: 0, currency },
      receipt: hold.receipt,
      capturedAt: new Date().toISOString(),
      balanceAfter: { amount: toMinor(settled.balance), currency },
      remainderVoucher: null,
      txnId: settled.txnId,
    };
    hold.redemptionId = redemption.id;
    this.#redemptions.set(redemption.id, redemption);
    const { txnId: _, ...shown } = redemption;
    return ok(201, shown);
  }
}
