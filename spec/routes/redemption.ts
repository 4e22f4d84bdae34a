import {
  CaptureInput,
  Hold,
  HoldInput,
  RedeemInput,
  Redemption,
  Refund,
  RefundInput,
  ReleaseInput,
} from '../schemas/redemption.ts';
import { IdParams } from './params.ts';
import { defineRoutes } from './route.ts';

const counter = ['pos', 'webshop'] as const;
const anyRole = ['pos', 'webshop', 'backoffice'] as const;
const spendRefusals = [
  'insufficient_balance',
  'voucher_in_use',
  'voucher_not_active',
  'voucher_expired',
  'voucher_canceled',
  'voucher_redeemed',
  'currency_mismatch',
] as const;

export const redemptionRoutes = defineRoutes([
  { operationId: 'createHold', method: 'POST', path: '/vouchers/{id}/holds', tag: 'redemption', summary: 'Hold an amount for an open receipt (first phase of a redemption)', access: counter, capability: 'holds', mutating: true, params: IdParams, body: HoldInput, success: { status: 201, schema: Hold }, errors: spendRefusals },
  { operationId: 'getHold', method: 'GET', path: '/holds/{id}', tag: 'redemption', summary: 'Read a hold', access: anyRole, capability: 'holds', mutating: false, params: IdParams, success: { status: 200, schema: Hold }, errors: [] },
  { operationId: 'captureHold', method: 'POST', path: '/holds/{id}/capture', tag: 'redemption', summary: 'Capture all or part of a hold: money moves', access: counter, capability: 'holds', mutating: true, params: IdParams, body: CaptureInput, success: { status: 201, schema: Redemption }, errors: [...spendRefusals, 'hold_expired', 'hold_not_open', 'capture_exceeds_hold'] },
  { operationId: 'releaseHold', method: 'POST', path: '/holds/{id}/release', tag: 'redemption', summary: 'Release a hold: nothing moves', access: counter, capability: 'holds', mutating: true, params: IdParams, body: ReleaseInput, success: { status: 200, schema: Hold }, errors: ['hold_expired', 'hold_not_open'] },
  { operationId: 'redeem', method: 'POST', path: '/vouchers/{id}/redemptions', tag: 'redemption', summary: 'One-step redemption for systems without holds', access: counter, capability: 'one-step-redeem', mutating: true, params: IdParams, body: RedeemInput, success: { status: 201, schema: Redemption }, errors: spendRefusals },
  { operationId: 'getRedemption', method: 'GET', path: '/redemptions/{id}', tag: 'redemption', summary: 'Read a redemption', access: anyRole, mutating: false, params: IdParams, success: { status: 200, schema: Redemption }, errors: [] },
  { operationId: 'refundRedemption', method: 'POST', path: '/redemptions/{id}/refunds', tag: 'redemption', summary: 'Credit back all or part of what a redemption took (returned goods, reversal)', access: counter, capability: 'redemption-refund', mutating: true, params: IdParams, body: RefundInput, success: { status: 201, schema: Refund }, errors: ['refund_exceeds_redemption', 'currency_mismatch', 'voucher_expired', 'voucher_canceled'] },
]);
