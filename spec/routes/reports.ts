import {
  ActivityQuery,
  ActivityReport,
  LiabilityQuery,
  LiabilityReport,
  UsesQuery,
  UsesReport,
  VoucherReport,
  VoucherReportQuery,
} from '../schemas/reports.ts';
import { defineRoutes } from './route.ts';

const office = ['backoffice'] as const;

export const reportRoutes = defineRoutes([
  {
    operationId: 'reportVouchers',
    method: 'GET',
    path: '/reports/vouchers',
    tag: 'reports',
    summary: 'RP-01: number, denomination, type, state and balance of each voucher',
    access: office,
    capability: 'reports',
    mutating: false,
    query: VoucherReportQuery,
    success: { status: 200, schema: VoucherReport },
    errors: [],
  },
  {
    operationId: 'reportActivity',
    method: 'GET',
    path: '/reports/activity',
    tag: 'reports',
    summary: 'RP-02: vouchers issued, sold, used and returned per period, by store, register or legal entity',
    access: office,
    capability: 'reports',
    mutating: false,
    query: ActivityQuery,
    success: { status: 200, schema: ActivityReport },
    errors: [],
  },
  {
    operationId: 'reportLiability',
    method: 'GET',
    path: '/reports/liability',
    tag: 'reports',
    summary:
      'RP-03: outstanding liability, the sum of balances not yet spent (of all vouchers or of one type)',
    access: office,
    capability: 'reports',
    mutating: false,
    query: LiabilityQuery,
    success: { status: 200, schema: LiabilityReport },
    errors: [],
  },
  {
    operationId: 'reportUses',
    method: 'GET',
    path: '/reports/uses',
    tag: 'reports',
    summary: 'RP-04: each use with receipt number, date, products, receipt and voucher amounts, place',
    access: office,
    capability: 'reports',
    mutating: false,
    query: UsesQuery,
    success: { status: 200, schema: UsesReport },
    errors: [],
  },
]);
