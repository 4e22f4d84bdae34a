import type { Static, TSchema } from '@sinclair/typebox';
import type { Role } from '../../spec/capabilities.ts';
import type { lifecycleRoutes } from '../../spec/routes/lifecycle.ts';
import type { redemptionRoutes } from '../../spec/routes/redemption.ts';
import type { reportRoutes } from '../../spec/routes/reports.ts';
import type { serviceRoutes } from '../../spec/routes/service.ts';
import type { tenderRoutes } from '../../spec/routes/tenders.ts';

type ContractRoute = (
  | typeof serviceRoutes
  | typeof lifecycleRoutes
  | typeof redemptionRoutes
  | typeof reportRoutes
  | typeof tenderRoutes
)[number];

/** The contract's operationIds: the names a driver is invoked with. */
export type OperationId = ContractRoute['operationId'];

type RouteOf<Id extends OperationId> = Extract<ContractRoute, { operationId: Id }>;
type StaticOf<R, K extends string> = R extends { [P in K]: infer S extends TSchema } ? Static<S> : never;

export type ParamsOf<Id extends OperationId> = StaticOf<RouteOf<Id>, 'params'>;
export type QueryOf<Id extends OperationId> = StaticOf<RouteOf<Id>, 'query'>;
export type BodyOf<Id extends OperationId> = StaticOf<RouteOf<Id>, 'body'>;
/** The body of the operation's success answer (undefined for 204). */
export type ResultOf<Id extends OperationId> = RouteOf<Id>['success'] extends {
  schema: infer S extends TSchema;
}
  ? Static<S>
  : undefined;

/** How the request authenticates: with the session's key for a role, with a given key, or not at all. */
export type Auth = { role: Role } | { key: string } | 'none';

/** One call of the contract, named by its operationId, with typed inputs. */
export interface Operation<Id extends OperationId = OperationId> {
  operationId: Id;
  /** Default: the first role the route allows (no key for public and test-control routes). */
  auth?: Auth;
  params?: ParamsOf<Id>;
  query?: QueryOf<Id>;
  body?: BodyOf<Id>;
  /**
   * A body sent exactly as given instead of `body` (a string is sent verbatim, anything else as JSON):
   * for negative tests such as floats as amounts or unknown fields.
   */
  rawBody?: unknown;
  /** Mutating operations: the Idempotency-Key to send; the driver generates one when absent. */
  idempotencyKey?: string;
}

/** Any operation, with loosely typed inputs: what adapters receive. */
export type AnyOperation = {
  [Id in OperationId]: Operation<Id>;
}[OperationId];
