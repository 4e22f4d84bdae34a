// Generated from spec/ by `npm run spec`: do not edit. A test fails when it drifts.

export type OperationId = "getCapabilities" | "getHealth" | "createTestTenant" | "getTestClock" | "advanceTestClock" | "runTestSweep" | "resetTestTenant" | "createVoucherType" | "getVoucherType" | "createTemplate" | "getTemplate" | "issueVouchers" | "lookupVoucher" | "getVoucher" | "getBalance" | "getLedger" | "startSale" | "completeSale" | "cancelSale" | "startReturn" | "completeReturn" | "cancelReturn" | "cancelVoucher" | "restoreVoucher" | "setValidity" | "topUp" | "createHold" | "getHold" | "captureHold" | "releaseHold" | "redeem" | "getRedemption" | "refundRedemption" | "reportVouchers" | "reportActivity" | "reportLiability" | "reportUses" | "loadTenderConfig" | "getTenderConfig" | "evaluateTenders" | "checkTenderExchange";
export type Capability = "balance-guard" | "exclusive-hold" | "amount-holds" | "redeem-entire" | "holds" | "one-step-redeem" | "partial-capture" | "hold-expiry" | "one-time-vouchers" | "top-up" | "voucher-refund" | "redemption-refund" | "two-phase-sale" | "cancel-restore" | "validity-change" | "templates" | "identifiers" | "roles" | "ledger" | "reports" | "tenders" | "test-control" | "sweep-control";
export type ErrorCode = "validation_failed" | "malformed_request" | "idempotency_key_missing" | "unauthorized" | "forbidden" | "not_found" | "method_not_allowed" | "payload_too_large" | "unsupported_media_type" | "idempotency_key_reused" | "already_exists" | "insufficient_balance" | "voucher_in_use" | "voucher_not_active" | "voucher_expired" | "voucher_canceled" | "voucher_redeemed" | "currency_mismatch" | "illegal_transition" | "template_capacity_exhausted" | "top_up_not_allowed" | "hold_expired" | "hold_not_open" | "capture_exceeds_hold" | "refund_exceeds_redemption" | "amount_must_be_entire" | "internal_error";
export type ProviderStateName = "voucher type" | "voucher" | "voucher of another tenant";

export interface OperationInfo {
  operationId: OperationId;
  method: 'GET' | 'POST';
  path: string;
  /** The optional capability the operation belongs to; null: the core. */
  capability: Capability | null;
  access: readonly ('pos' | 'webshop' | 'backoffice')[] | 'public' | 'test-control' | 'test-control-tenant';
  mutating: boolean;
  successStatus: 200 | 201 | 204;
  errors: readonly ErrorCode[];
}

export declare const contractVersion: string;
export declare const operations: readonly OperationInfo[];
export declare const requestSchemas: Readonly<Partial<Record<OperationId, object>>>;
export declare const capabilities: Readonly<Record<Capability, string>>;
export declare const errorCatalog: Readonly<Record<ErrorCode, { status: number; title: string }>>;
export declare const lifecycleTransitions: Readonly<Record<string, { from: readonly string[]; to: string | null }>>;
export declare const providerStates: readonly ProviderStateName[];
