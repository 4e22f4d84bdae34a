import {
  type AdapterFactory,
  CannotArrange,
  type Capability,
  type Completion,
  checkRequest,
  type DriverConfig,
  type Operation,
  type ProviderStateName,
  type ProviderStates,
  refuse,
  type Session,
  type VendorAdapter,
} from 'voucher-conformance/adapter';
import { arrangeVoucher } from './arrangements.ts';
import { CardOperations } from './card-operations.ts';
import { Payments } from './payments.ts';
import { ShopClient } from './shop-client.ts';

/**
 * The adapter of the checkout-shaped shop (simulators/vendors/checkout/): gift cards spent only by
 * completing a cart paid with the card. It uses nothing but the kit (`voucher-conformance/adapter`) and
 * fetch, translates and never judges: every money rule is the shop's. Keys: `--api-key backoffice=<admin
 * token> --api-key pos=<storefront token>` (the shop has no roles on the store side).
 */
class CheckoutAdapter implements VendorAdapter {
  readonly name = 'checkout-shop';
  readonly #config: DriverConfig;
  readonly #shop: ShopClient;
  readonly #cards: CardOperations;
  readonly #payments: Payments;

  constructor(config: DriverConfig) {
    this.#config = config;
    this.#shop = new ShopClient(config);
    this.#cards = new CardOperations(this.#shop);
    this.#payments = new Payments(this.#shop);
  }

  /**
   * Not `ledger`: the shop lists a card's transactions (getLedger answers with them, and races read them)
   * but they carry no receipt, register or channel, which RD-07 asks of a ledger.
   */
  async capabilities(): Promise<Capability[]> {
    return ['balance-guard', 'one-step-redeem', 'redemption-refund', 'validity-change'];
  }

  async setup(): Promise<Session> {
    const keys = this.#config.apiKeys ?? {};
    if (!keys.backoffice || !(keys.pos ?? keys.webshop))
      throw new Error('give --api-key backoffice=<admin token> --api-key pos=<storefront token>');
    return { tenantId: null, keys, isolated: false };
  }

  async arrange<S extends ProviderStateName>(
    state: S,
    params: ProviderStates[S]['params'],
  ): Promise<ProviderStates[S]['result']> {
    if (state !== 'voucher')
      throw new CannotArrange(`the shop cannot arrange "${state}": one shop, no voucher types`);
    return (await arrangeVoucher(
      this.#shop,
      params as ProviderStates['voucher']['params'],
    )) as ProviderStates[S]['result'];
  }

  async prepare(operation: Operation): Promise<{ commit(): Promise<Completion> }> {
    const id = String(operation.params?.id ?? '');
    if (operation.operationId !== 'redeem') return { commit: () => this.invoke(operation) };
    const malformed = checkRequest(operation);
    if (malformed) return { commit: async () => malformed };
    return this.#payments.prepare(id, operation);
  }

  async invoke(operation: Operation): Promise<Completion> {
    // A request the shop's API cannot even express (a float as an amount) is refused as malformed.
    const malformed = checkRequest(operation);
    if (malformed) return malformed;
    const id = String(operation.params?.id ?? '');
    switch (operation.operationId) {
      case 'getBalance':
        return this.#cards.balance(id, operation);
      case 'getVoucher':
        return this.#cards.voucher(id, operation);
      case 'getLedger':
        return this.#cards.ledger(id, operation);
      case 'setValidity':
        return this.#cards.validity(id, operation);
      case 'redeem':
        return (await this.#payments.prepare(id, operation)).commit();
      case 'refundRedemption':
        return this.#payments.refund(id, operation);
      default:
        return refuse('not_found', { detail: `the shop has no ${operation.operationId}` });
    }
  }
}

const createAdapter: AdapterFactory = (config) => new CheckoutAdapter(config);
export default createAdapter;
