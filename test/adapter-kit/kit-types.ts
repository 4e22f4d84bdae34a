/**
 * Compile-time check (npm run typecheck): the adapter kit's hand-written types say what the harness's
 * own types say, so a kit adapter is exactly what the driver loads. A drift fails the typecheck.
 */
import type * as Kit from 'voucher-conformance/adapter';
import type { Capability, Policy, Role } from '../../spec/capabilities.ts';
import type { ErrorCode } from '../../spec/errors.ts';
import type {
  ProviderStateName,
  ProviderStates,
  VoucherParams,
  VoucherTypeParams,
} from '../../spec/provider-states.ts';
import type { VoucherState } from '../../spec/schemas/voucher.ts';
import type { DriverConfig, Session } from '../../src/driver/driver.ts';
import type { OperationId } from '../../src/driver/operation.ts';
import type { VendorAdapter } from '../../src/driver/vendor-adapter.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type KitAgrees = [
  Same<Kit.Capability, Capability>,
  Same<Kit.ErrorCode, ErrorCode>,
  Same<Kit.OperationId, OperationId>,
  Same<Kit.ProviderStateName, ProviderStateName>,
  Same<Kit.Policy, Policy>,
  Same<Kit.Role, Role>,
  Same<Kit.VoucherState, VoucherState>,
  Same<Kit.VoucherTypeParams, VoucherTypeParams>,
  Same<Kit.VoucherParams, VoucherParams>,
  Same<Kit.ProviderStates, ProviderStates>,
  Same<Kit.DriverConfig, DriverConfig>,
  Same<Kit.Session, Session>,
];
export const kitAgrees: KitAgrees = [true, true, true, true, true, true, true, true, true, true, true, true];

/** A kit adapter is one the harness loads: its methods fit the harness's VendorAdapter. */
export function harnessLoads(
  adapter: Kit.VendorAdapter,
): Pick<VendorAdapter, 'name' | 'capabilities' | 'emulated'> {
  return adapter;
}
