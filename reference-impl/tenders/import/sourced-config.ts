import type {
  Customer,
  CustomerGroup,
  CustomerTenderGroup,
  CustomerTenderGroupTender,
  Reason,
  ReasonTender,
  Tender,
  TenderAdjustmentRule,
  TenderSaleReturnRule,
  TenderSwitches,
} from '../../../spec/schemas/tenders.ts';
import type { Origin, Problem } from './problem.ts';

/** A configuration entry with where it came from; it may still be invalid (problems say so). */
export interface Sourced<T> {
  value: T;
  origin: Origin;
}

/** The lists of a configuration before it is checked and made canonical. */
export interface EntryLists {
  tenders: Sourced<Tender>[];
  customerTenderGroups: Sourced<CustomerTenderGroup>[];
  customerTenderGroupTenders: Sourced<CustomerTenderGroupTender>[];
  customerGroups: Sourced<CustomerGroup>[];
  customers: Sourced<Customer>[];
  tenderAdjustmentRules: Sourced<TenderAdjustmentRule>[];
  tenderSaleReturnRules: Sourced<TenderSaleReturnRule>[];
  reasonTenders: Sourced<ReasonTender>[];
  reasons: Sourced<Reason>[];
}

export type ListName = keyof EntryLists;

export const listNames: readonly ListName[] = [
  'tenders',
  'customerTenderGroups',
  'customerTenderGroupTenders',
  'customerGroups',
  'customers',
  'tenderAdjustmentRules',
  'tenderSaleReturnRules',
  'reasonTenders',
  'reasons',
];

/** One imported file's (or several merged files') entries and switch settings. */
export interface SourcedConfig extends EntryLists {
  switches: Sourced<TenderSwitches>[];
}

export function emptySourced(): SourcedConfig {
  return {
    tenders: [],
    customerTenderGroups: [],
    customerTenderGroupTenders: [],
    customerGroups: [],
    customers: [],
    tenderAdjustmentRules: [],
    tenderSaleReturnRules: [],
    reasonTenders: [],
    reasons: [],
    switches: [],
  };
}

/**
 * What reading one file gives: its entries (valid or not) and its problems. `refused`: the file was
 * not read at all (an import limit), and its one problem says why.
 */
export interface ImportedPart {
  sourced: SourcedConfig;
  problems: Problem[];
  refused?: true;
}
