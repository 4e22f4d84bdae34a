/** The shape of one HTTP route of the checkout vendor: which API it belongs to and what it does. */
import type { Shop } from './shop.ts';

export type Body = Record<string, unknown>;

export interface Answer {
  status: number;
  body: unknown;
}

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** admin: Authorization: Bearer <adminToken>; storefront: X-Storefront-Token. */
  api: 'admin' | 'storefront';
  /** Honours an Idempotency-Key header. */
  idempotent: boolean;
  /** params are the pattern's groups; throws CheckoutError to refuse. */
  handle(shop: Shop, params: string[], body: Body): Promise<Answer>;
}

export const ok = (body: unknown, status = 200): Answer => ({ status, body });
