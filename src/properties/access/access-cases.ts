import { type Role, roles } from '../../../spec/capabilities.ts';
import type { ErrorCode } from '../../../spec/errors.ts';
import type { Auth, OperationId } from '../../driver/operation.ts';
import { routeOf } from '../../driver/route-table.ts';
import type { ValidRequest } from '../negative/negative-fixture.ts';

/** One refused call: who calls, how, and the refusal the contract prescribes. */
export interface AccessCase {
  operationId: OperationId;
  request: ValidRequest;
  who: 'no key' | 'an unknown key' | "another tenant's key" | `a ${Role} key`;
  auth: Auth;
  expected: ErrorCode;
}

/**
 * Every way an operation is called by someone who may not: without a key and with an unknown key
 * (401), with another tenant's key (404: another tenant's resources are never visible), with a key
 * whose role lacks the right (403: only `withRoles`, for a target that claims roles). Operations that
 * name no resource of the tenant, or no other tenant's keys, give no 404 case.
 */
export function accessCases(
  requests: Partial<Record<OperationId, ValidRequest>>,
  otherTenantKeys: Partial<Record<Role, string>>,
  withRoles = true,
): AccessCase[] {
  const out: AccessCase[] = [];
  for (const [id, request] of Object.entries(requests) as Array<[OperationId, ValidRequest]>) {
    const route = routeOf(id);
    if (!Array.isArray(route.access)) continue;
    const allowed = route.access as readonly Role[];
    const base = { operationId: id, request };
    out.push({ ...base, who: 'no key', auth: 'none', expected: 'unauthorized' });
    out.push({
      ...base,
      who: 'an unknown key',
      auth: { key: 'vk_pos_not-a-real-key' },
      expected: 'unauthorized',
    });
    const namesResource =
      request.params?.id !== undefined || id === 'createTemplate' || id === 'lookupVoucher';
    const otherKey = otherTenantKeys[allowed[0] ?? 'pos'];
    if (namesResource && otherKey)
      out.push({ ...base, who: "another tenant's key", auth: { key: otherKey }, expected: 'not_found' });
    if (!withRoles) continue;
    for (const role of roles.filter((r) => !allowed.includes(r))) {
      out.push({ ...base, who: `a ${role} key`, auth: { role }, expected: 'forbidden' });
    }
  }
  return out;
}
