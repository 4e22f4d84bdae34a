import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { Capability } from '../../spec/capabilities.ts';
import {
  type Arranged,
  CannotArrange,
  type ProviderStateName,
  type StateParams,
} from '../../spec/provider-states.ts';
import { CanonicalArranger } from '../../src/driver/arrange/canonical-arranger.ts';
import type { Completion } from '../../src/driver/completion.ts';
import type { DriverConfig, Session } from '../../src/driver/driver.ts';
import type { AnyOperation } from '../../src/driver/operation.ts';
import { routeOf } from '../../src/driver/route-table.ts';
import type { VendorAdapter } from '../../src/driver/vendor-adapter.ts';
import { ForeignClient } from './foreign-client.ts';
import { refuse } from './foreign-mapping.ts';
import { ForeignOperations } from './foreign-operations.ts';

const ajv = new Ajv2020({ strict: false });
formats.default(ajv);

/**
 * The example adapter: puts GiftCardCo (simulators/vendors/foreign-vendor.ts) under the conformance suite.
 * GiftCardCo has no templates, no roles and no two-phase sale, so the adapter keeps those itself; its
 * authorizations reserve the amount, so it claims the amount-holds policy. Run it with
 * `--adapter simulators/vendors/foreign-adapter.ts --target <GiftCardCo URL>`.
 */
class ForeignAdapter implements VendorAdapter {
  readonly name = 'giftcardco';
  readonly #client: ForeignClient;
  readonly #operations: ForeignOperations;
  #arranger: CanonicalArranger | undefined;
  /** Contract idempotency keys → the first answer, for operations GiftCardCo cannot replay itself. */
  readonly #replies = new Map<string, { fingerprint: string; answer: Completion }>();

  constructor(config: DriverConfig) {
    this.#client = new ForeignClient(config.target);
    this.#operations = new ForeignOperations(this.#client);
  }

  async capabilities(): Promise<Capability[]> {
    return ['amount-holds', 'holds', 'partial-capture', 'redemption-refund'];
  }

  /**
   * Provider states through the adapter's own operations: GiftCardCo's programs and cards, with the
   * types, templates and sale phase the adapter keeps itself (arrangement is never certified).
   */
  arrange<S extends ProviderStateName>(state: S, params: StateParams<S>): Promise<Arranged<S>> {
    if (state === 'voucher of another tenant')
      throw new CannotArrange("another merchant's card: this adapter knows only its own merchant's cards");
    this.#arranger ??= new CanonicalArranger(
      (operation) => this.invoke(operation as unknown as AnyOperation) as never,
      async () => [
        ...(await this.capabilities()),
        'templates',
        'two-phase-sale',
        'cancel-restore',
        'validity-change',
      ],
    );
    return this.#arranger.arrange(state, params);
  }

  /** Every scenario gets a merchant of its own: GiftCardCo hands one out to anyone who asks. */
  async setup(): Promise<Session> {
    const answer = await this.#client.call('POST', '/merchants', {});
    if (!answer.ok) throw new Error(`GiftCardCo refused a merchant: ${answer.reason}`);
    this.#client.merchantKey = (answer.body as { merchantKey: string }).merchantKey;
    const key = this.#client.merchantKey;
    return { tenantId: null, keys: { pos: key, webshop: key, backoffice: key }, isolated: true };
  }

  async invoke(operation: AnyOperation): Promise<Completion> {
    const route = routeOf(operation.operationId);
    const auth = operation.auth;
    if (auth === 'none' || (auth && 'key' in auth && auth.key !== this.#client.merchantKey))
      return refuse('unauthorized');
    const role = auth && 'role' in auth ? auth.role : undefined;
    if (Array.isArray(route.access) && role && !route.access.includes(role)) return refuse('forbidden');
    let body: unknown = operation.body ?? {};
    if (operation.rawBody !== undefined) {
      try {
        body = typeof operation.rawBody === 'string' ? JSON.parse(operation.rawBody) : operation.rawBody;
      } catch {
        return refuse('malformed_request');
      }
    }
    if (route.body && !ajv.validate(route.body, body)) return refuse('validation_failed');
    if (!route.mutating || !operation.idempotencyKey)
      return this.#operations.run(operation.operationId, operation, body);
    const fingerprint = JSON.stringify([operation.operationId, operation.params, body]);
    const seen = this.#replies.get(operation.idempotencyKey);
    if (seen) return seen.fingerprint === fingerprint ? seen.answer : refuse('idempotency_key_reused');
    const answer = await this.#operations.run(operation.operationId, operation, body);
    if (answer.completion !== 'info') this.#replies.set(operation.idempotencyKey, { fingerprint, answer });
    return answer;
  }
}

export default (config: DriverConfig): VendorAdapter => new ForeignAdapter(config);
