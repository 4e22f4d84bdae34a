import {
  ExchangeCheckInput,
  ExchangeVerdict,
  TenderConfig,
  TenderConfigLoad,
  TenderEvaluation,
  TenderReceipt,
} from '../schemas/tenders.ts';
import { defineRoutes } from './route.ts';

const office = ['backoffice'] as const;
const counter = ['pos', 'webshop'] as const;
const anyRole = ['pos', 'webshop', 'backoffice'] as const;

/** Tender admissibility (TA): load a tenant's tender configuration, then ask which tenders a receipt may use. */
export const tenderRoutes = defineRoutes([
  {
    operationId: 'loadTenderConfig',
    method: 'POST',
    path: '/tenders/config',
    tag: 'tenders',
    summary:
      'TA-13: replace the tender configuration (JSON form, or the vendor XML and properties files). A malformed or inconsistent one is refused with every problem in `errors` and the previous one stays in force',
    access: office,
    capability: 'tenders',
    mutating: true,
    body: TenderConfigLoad,
    success: { status: 200, schema: TenderConfig },
    errors: [],
  },
  {
    operationId: 'getTenderConfig',
    method: 'GET',
    path: '/tenders/config',
    tag: 'tenders',
    summary:
      'The tender configuration in force, in the JSON form (all lists empty and switches off before any load)',
    access: anyRole,
    capability: 'tenders',
    mutating: false,
    success: { status: 200, schema: TenderConfig },
    errors: [],
  },
  {
    operationId: 'evaluateTenders',
    method: 'POST',
    path: '/tenders/evaluate',
    tag: 'tenders',
    summary:
      'TA-01..TA-12: for each configured tender, allowed or refused with the rules that refused it. Changes nothing',
    access: counter,
    capability: 'tenders',
    mutating: false,
    body: TenderReceipt,
    success: { status: 200, schema: TenderEvaluation },
    errors: [],
  },
  {
    operationId: 'checkTenderExchange',
    method: 'POST',
    path: '/tenders/exchange-check',
    tag: 'tenders',
    summary: 'TA-08: may the cashier exchange tender `from` into tender `to`? Changes nothing',
    access: counter,
    capability: 'tenders',
    mutating: false,
    body: ExchangeCheckInput,
    success: { status: 200, schema: ExchangeVerdict },
    errors: [],
  },
]);
