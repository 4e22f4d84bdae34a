import { Type } from '@sinclair/typebox';
import { Ledger } from '../schemas/ledger.ts';
import { CancelInput, Empty, ReturnCompleteInput, SaleInput, ValidityInput } from '../schemas/lifecycle.ts';
import { TopUpInput } from '../schemas/redemption.ts';
import {
  BalanceInquiry,
  IssuedBatch,
  IssueInput,
  Template,
  TemplateInput,
  Voucher,
  VoucherType,
  VoucherTypeInput,
} from '../schemas/voucher.ts';
import { IdParams } from './params.ts';
import { defineRoutes } from './route.ts';

const anyRole = ['pos', 'webshop', 'backoffice'] as const;
const counter = ['pos', 'webshop'] as const;
const office = ['backoffice'] as const;
const voucher = { status: 200, schema: Voucher } as const;

export const LookupQuery = Type.Object(
  {
    number: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    barcode: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    magstripe: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    qr: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false, minProperties: 1, maxProperties: 1 },
);

export const lifecycleRoutes = defineRoutes([
  { operationId: 'createVoucherType', method: 'POST', path: '/voucher-types', tag: 'setup', summary: 'Create a voucher type', access: office, mutating: true, body: VoucherTypeInput, success: { status: 201, schema: VoucherType }, errors: ['already_exists'] },
  { operationId: 'getVoucherType', method: 'GET', path: '/voucher-types/{id}', tag: 'setup', summary: 'Read a voucher type', access: anyRole, mutating: false, params: IdParams, success: { status: 200, schema: VoucherType }, errors: [] },
  { operationId: 'createTemplate', method: 'POST', path: '/templates', tag: 'setup', summary: 'Create a template set with a capacity', access: office, mutating: true, body: TemplateInput, success: { status: 201, schema: Template }, errors: ['already_exists'] },
  { operationId: 'getTemplate', method: 'GET', path: '/templates/{id}', tag: 'setup', summary: 'Read a template set', access: anyRole, mutating: false, params: IdParams, success: { status: 200, schema: Template }, errors: [] },
  { operationId: 'issueVouchers', method: 'POST', path: '/templates/{id}/issue', tag: 'setup', summary: 'Issue a batch of vouchers (state prepared)', access: office, mutating: true, params: IdParams, body: IssueInput, success: { status: 201, schema: IssuedBatch }, errors: ['template_capacity_exhausted', 'currency_mismatch'] },
  { operationId: 'lookupVoucher', method: 'GET', path: '/vouchers/lookup', tag: 'vouchers', summary: 'Find a voucher by exactly one identifier: number, barcode, magstripe or qr', access: anyRole, mutating: false, query: LookupQuery, success: voucher, errors: [] },
  { operationId: 'getVoucher', method: 'GET', path: '/vouchers/{id}', tag: 'vouchers', summary: 'Read a voucher', access: anyRole, mutating: false, params: IdParams, success: voucher, errors: [] },
  { operationId: 'getBalance', method: 'GET', path: '/vouchers/{id}/balance', tag: 'vouchers', summary: 'Balance inquiry: type, denomination, balance, state, product code', access: anyRole, mutating: false, params: IdParams, success: { status: 200, schema: BalanceInquiry }, errors: [] },
  { operationId: 'getLedger', method: 'GET', path: '/vouchers/{id}/ledger', tag: 'vouchers', summary: 'The voucher\'s append-only ledger', access: anyRole, mutating: false, params: IdParams, success: { status: 200, schema: Ledger }, errors: [] },
  { operationId: 'startSale', method: 'POST', path: '/vouchers/{id}/sale', tag: 'lifecycle', summary: 'Add the voucher to an open receipt: prepared → activating', access: counter, mutating: true, params: IdParams, body: SaleInput, success: voucher, errors: ['illegal_transition', 'voucher_expired', 'voucher_canceled'] },
  { operationId: 'completeSale', method: 'POST', path: '/vouchers/{id}/sale/complete', tag: 'lifecycle', summary: 'Close the receipt: activating → activated', access: counter, mutating: true, params: IdParams, body: Empty, success: voucher, errors: ['illegal_transition'] },
  { operationId: 'cancelSale', method: 'POST', path: '/vouchers/{id}/sale/cancel', tag: 'lifecycle', summary: 'Cancel the receipt: activating → prepared, exactly as before', access: counter, mutating: true, params: IdParams, body: Empty, success: voucher, errors: ['illegal_transition'] },
  { operationId: 'startReturn', method: 'POST', path: '/vouchers/{id}/return', tag: 'lifecycle', summary: 'Open a return document for an unused voucher: activated → refunding', access: counter, capability: 'voucher-refund', mutating: true, params: IdParams, body: SaleInput, success: voucher, errors: ['illegal_transition', 'voucher_expired', 'voucher_in_use'] },
  { operationId: 'completeReturn', method: 'POST', path: '/vouchers/{id}/return/complete', tag: 'lifecycle', summary: 'Close the return document: refunding → refunded or prepared', access: counter, capability: 'voucher-refund', mutating: true, params: IdParams, body: ReturnCompleteInput, success: voucher, errors: ['illegal_transition'] },
  { operationId: 'cancelReturn', method: 'POST', path: '/vouchers/{id}/return/cancel', tag: 'lifecycle', summary: 'Abandon the return document: refunding → activated', access: counter, capability: 'voucher-refund', mutating: true, params: IdParams, body: Empty, success: voucher, errors: ['illegal_transition'] },
  { operationId: 'cancelVoucher', method: 'POST', path: '/vouchers/{id}/cancel', tag: 'lifecycle', summary: 'Cancel manually (e.g. number compromised)', access: office, mutating: true, params: IdParams, body: CancelInput, success: voucher, errors: ['illegal_transition'] },
  { operationId: 'restoreVoucher', method: 'POST', path: '/vouchers/{id}/restore', tag: 'lifecycle', summary: 'Set a canceled voucher back to prepared', access: office, mutating: true, params: IdParams, body: Empty, success: voucher, errors: ['illegal_transition'] },
  { operationId: 'setValidity', method: 'POST', path: '/vouchers/{id}/validity', tag: 'lifecycle', summary: 'Change the end of validity manually', access: office, mutating: true, params: IdParams, body: ValidityInput, success: voucher, errors: ['illegal_transition'] },
  { operationId: 'topUp', method: 'POST', path: '/vouchers/{id}/top-ups', tag: 'lifecycle', summary: 'Load value onto a reusable voucher whose type allows it', access: counter, capability: 'top-up', mutating: true, params: IdParams, body: TopUpInput, success: voucher, errors: ['top_up_not_allowed', 'currency_mismatch', 'voucher_not_active', 'voucher_expired', 'voucher_canceled'] },
]);
