import type { TSchema } from '@sinclair/typebox';
import type { Capability, Role } from '../capabilities.ts';
import type { ErrorCode } from '../errors.ts';

/** Who may call a route: API-key roles, anyone, or the test-control surface. */
export type Access = readonly Role[] | 'public' | 'test-control' | 'test-control-tenant';

/** One operation of the contract. The server, the OpenAPI document and the harness's client read this. */
export interface Route {
  operationId: string;
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  /** Mutating routes require an Idempotency-Key header. */
  mutating: boolean;
  capability?: Capability;
  params?: TSchema;
  query?: TSchema;
  body?: TSchema;
  success: { status: 200 | 201 | 204; schema?: TSchema };
  /** Domain refusals this operation may answer, beyond the generic ones every operation has. */
  errors: readonly ErrorCode[];
}

export function defineRoutes<const T extends readonly Route[]>(routes: T): T {
  return routes;
}
