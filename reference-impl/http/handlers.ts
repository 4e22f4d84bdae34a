import type { OpContext } from '../service/context.ts';
import { topUp, transition } from '../service/lifecycle.ts';
import {
  captureHold,
  createHold,
  getHold,
  getRedemption,
  redeem,
  releaseHold,
} from '../service/redemption.ts';
import { refundRedemption } from '../service/refund.ts';
import { reportActivity, reportLiability, reportUses, reportVouchers } from '../service/reports.ts';
import {
  createTemplate,
  createVoucherType,
  getTemplate,
  getVoucherType,
  issueVouchers,
} from '../service/setup.ts';
import {
  checkTenderExchange,
  evaluateTenders,
  getTenderConfig,
  loadTenderConfig,
} from '../service/tenders.ts';
import { balanceInquiry, getLedger, getVoucher, lookupVoucher } from '../service/vouchers.ts';

export interface Input {
  params: { id: string };
  // biome-ignore lint/suspicious/noExplicitAny: validated against the route's schema before a handler runs.
  query: any;
  // biome-ignore lint/suspicious/noExplicitAny: validated against the route's schema before a handler runs.
  body: any;
}

export type Handler = (ctx: OpContext, input: Input) => Promise<unknown>;

/** Thin handlers: each contract operation (by operationId) calls one service function. */
export const handlers: Record<string, Handler> = {
  createVoucherType: (ctx, i) => createVoucherType(ctx, i.body),
  getVoucherType: (ctx, i) => getVoucherType(ctx, i.params.id),
  createTemplate: (ctx, i) => createTemplate(ctx, i.body),
  getTemplate: (ctx, i) => getTemplate(ctx, i.params.id),
  issueVouchers: (ctx, i) => issueVouchers(ctx, i.params.id, i.body),
  lookupVoucher: (ctx, i) => lookupVoucher(ctx, i.query),
  getVoucher: (ctx, i) => getVoucher(ctx, i.params.id),
  getBalance: (ctx, i) => balanceInquiry(ctx, i.params.id),
  getLedger: (ctx, i) => getLedger(ctx, i.params.id),
  startSale: (ctx, i) => transition(ctx, i.params.id, 'startSale', i.body),
  completeSale: (ctx, i) => transition(ctx, i.params.id, 'completeSale', i.body),
  cancelSale: (ctx, i) => transition(ctx, i.params.id, 'cancelSale', i.body),
  startReturn: (ctx, i) => transition(ctx, i.params.id, 'startReturn', i.body),
  completeReturn: (ctx, i) => transition(ctx, i.params.id, 'completeReturn', i.body),
  cancelReturn: (ctx, i) => transition(ctx, i.params.id, 'cancelReturn', i.body),
  cancelVoucher: (ctx, i) => transition(ctx, i.params.id, 'cancel', i.body),
  restoreVoucher: (ctx, i) => transition(ctx, i.params.id, 'restore', i.body),
  setValidity: (ctx, i) => transition(ctx, i.params.id, 'setValidity', i.body),
  topUp: (ctx, i) => topUp(ctx, i.params.id, i.body),
  createHold: (ctx, i) => createHold(ctx, i.params.id, i.body),
  getHold: (ctx, i) => getHold(ctx, i.params.id),
  captureHold: (ctx, i) => captureHold(ctx, i.params.id, i.body),
  releaseHold: (ctx, i) => releaseHold(ctx, i.params.id),
  redeem: (ctx, i) => redeem(ctx, i.params.id, i.body),
  getRedemption: (ctx, i) => getRedemption(ctx, i.params.id),
  refundRedemption: (ctx, i) => refundRedemption(ctx, i.params.id, i.body),
  reportVouchers: (ctx, i) => reportVouchers(ctx, i.query),
  reportActivity: (ctx, i) => reportActivity(ctx, i.query),
  reportLiability: (ctx, i) => reportLiability(ctx, i.query),
  reportUses: (ctx, i) => reportUses(ctx, i.query),
  loadTenderConfig: (ctx, i) => loadTenderConfig(ctx, i.body),
  getTenderConfig: (ctx) => getTenderConfig(ctx),
  evaluateTenders: (ctx, i) => evaluateTenders(ctx, i.body),
  checkTenderExchange: (ctx, i) => checkTenderExchange(ctx, i.body),
};
