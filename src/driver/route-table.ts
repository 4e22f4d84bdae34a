import type { Role } from '../../spec/capabilities.ts';
import { type Route, routes } from '../../spec/routes/index.ts';

const byId = new Map<string, Route>(routes.map((r) => [r.operationId, r]));

/** The contract's route for an operationId; throws on a name the contract does not have. */
export function routeOf(operationId: string): Route {
  const route = byId.get(operationId);
  if (!route) throw new Error(`unknown operation ${operationId}`);
  return route;
}

/** The role whose key a call uses when the caller names none: the first the route allows. */
export function defaultRole(route: Route): Role | null {
  return Array.isArray(route.access)
    ? (route.access[0] ?? null)
    : route.access === 'test-control-tenant'
      ? 'pos'
      : null;
}

/** The request path with its path parameters and query filled in. */
export function pathOf(route: Route, params: object | undefined, query: object | undefined): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${route.operationId}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (v !== undefined) search.append(k, String(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}
