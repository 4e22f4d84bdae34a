import type { Role } from '../../../spec/capabilities.ts';
import type { OperationId } from '../../driver/operation.ts';
import { pathOf, routeOf } from '../../driver/route-table.ts';
import { applyMutation, pathsOf, textSpoilers, valueAt } from './body-mutation.ts';
import { headersFor, type MalformedCase } from './hostile-request.ts';
import type { ValidRequest } from './negative-fixture.ts';
import { satisfies } from './schema-validator.ts';

/**
 * Strings that are not text (a NUL inside, an unpaired surrogate), and null, at every string of a body that sits
 * below its top level, in nested objects and in arrays (a receipt line's product, a reason's parameter),
 * exhaustively: a system that reads only a body's top-level fields for such characters lets the nested
 * ones through to its storage. Each case is checked with the contract's schema first, so it is invalid,
 * and carries the pointer of the string spoilt: a validation_failed refusal must list it (a system whose
 * storage happens to refuse the value gives no pointer, and shows it never read the field).
 */
export function nestedTextCases(
  operationId: OperationId,
  valid: ValidRequest,
  keys: Partial<Record<Role, string>>,
): MalformedCase[] {
  if (valid.body === undefined) return [];
  const route = routeOf(operationId);
  const headers = headersFor(route, keys);
  const path = pathOf(route, valid.params, undefined);
  const nested = pathsOf(valid.body).filter(
    (p) => p.length > 1 && typeof valueAt(valid.body, p) === 'string',
  );
  // Two strings that are not text, and null (no string at all: a reader of text must pass it by).
  const spoilers = [
    ...textSpoilers.slice(0, 2),
    { label: 'null', spoil: (_text: string): string | null => null },
  ];
  return nested.flatMap((at) =>
    spoilers.flatMap((spoiler) => {
      const body = applyMutation(valid.body, {
        kind: 'replace',
        path: at,
        value: spoiler.spoil(valueAt(valid.body, at) as string),
        label: spoiler.label,
      });
      if (route.body !== undefined && satisfies(route.body, body)) return [];
      return [
        {
          operationId,
          what: `/${at.join('/')} replaced by ${spoiler.label} (nested)`,
          pointer: `/${at.map((t) => t.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`,
          request: {
            method: route.method,
            path,
            headers: headers('application/json'),
            body: JSON.stringify(body),
          },
        },
      ];
    }),
  );
}
