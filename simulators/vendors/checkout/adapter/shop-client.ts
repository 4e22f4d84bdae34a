import type { DriverConfig, Operation } from 'voucher-conformance/adapter';

/** What the shop answered: its status and JSON body, or no answer at all (`error`). */
export type ShopAnswer =
  | { answered: true; status: number; body: Record<string, unknown> }
  | { answered: false; error: string };

/** Which of the shop's two APIs a request goes to: each has its own token. */
export type Side = 'admin' | 'storefront';

/**
 * The shop's HTTP API over fetch: the admin API with `Authorization: Bearer`, the storefront with
 * `X-Storefront-Token`. The token comes from the vendor-given keys (backoffice: admin, pos/webshop:
 * storefront), unless the operation authenticates otherwise (no key, or a key that is not the shop's).
 */
export class ShopClient {
  readonly #base: string;
  readonly #keys: DriverConfig['apiKeys'];
  readonly #timeoutMs: number;

  constructor(config: DriverConfig) {
    this.#base = config.target.replace(/\/+$/, '');
    this.#keys = config.apiKeys ?? {};
    this.#timeoutMs = config.timeoutMs ?? 10_000;
  }

  #token(side: Side, auth: Operation['auth']): string | undefined {
    if (auth === 'none') return undefined;
    if (auth && 'key' in auth) return auth.key;
    return side === 'admin' ? this.#keys?.backoffice : (this.#keys?.pos ?? this.#keys?.webshop);
  }

  async send(
    side: Side,
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; auth?: Operation['auth']; idempotencyKey?: string } = {},
  ): Promise<ShopAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.#token(side, options.auth);
    if (token)
      headers[side === 'admin' ? 'authorization' : 'x-storefront-token'] =
        side === 'admin' ? `Bearer ${token}` : token;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(`${this.#base}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      const text = await response.text();
      let body: Record<string, unknown> = {};
      try {
        body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      } catch {
        body = { text };
      }
      return { answered: true, status: response.status, body };
    } catch (error) {
      return { answered: false, error: `${(error as Error).name}: ${(error as Error).message}` };
    }
  }
}
