import { request } from 'undici';

export type VendorAnswer =
  | { ok: true; body: unknown }
  | { ok: false; reason: string; body: Record<string, string> };

/** A thin client of GiftCardCo: merchant key and request reference headers, JSON both ways. */
export class ForeignClient {
  readonly #base: string;
  merchantKey = '';

  constructor(base: string) {
    this.#base = base.replace(/\/+$/, '');
  }

  async call(method: 'GET' | 'POST', path: string, body?: unknown, ref?: string): Promise<VendorAnswer> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-merchant-key': this.merchantKey,
    };
    if (ref) headers['x-request-ref'] = ref;
    const res = await request(`${this.#base}${path}`, {
      method,
      headers,
      body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
      headersTimeout: 10_000,
      bodyTimeout: 10_000,
    });
    const parsed = (await res.body.json()) as Record<string, string>;
    if (res.statusCode < 400) return { ok: true, body: parsed };
    return { ok: false, reason: parsed.reason ?? 'UNKNOWN', body: parsed };
  }
}
