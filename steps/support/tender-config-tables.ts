import type { DataTable } from '@cucumber/cucumber';
import type {
  SaleReturnTypeCode,
  TenderConfig,
  TenderConfigDocument,
  TenderSwitches,
} from '../../spec/schemas/tenders.ts';

type Lists = Omit<TenderConfig, 'switches'>;

/** The configuration a scenario writes in its Given tables, in the contract's plain JSON form. */
export interface TenderDocument extends Lists {
  switches: TenderSwitches;
}

export function emptyDocument(): TenderDocument {
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
    switches: {},
  };
}

const yes = (v: string | undefined) => v === 'yes' || v === 'true';
const text = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
const codes = (v: string | undefined) => (text(v) ?? '').split(/\s*,\s*/).filter(Boolean);

function required(row: Record<string, string>, column: string): string {
  const value = text(row[column]);
  if (!value) throw new Error(`the table needs a value in column "${column}": ${JSON.stringify(row)}`);
  return value;
}

/** Removes the keys whose value is undefined, so the body has only what the table says. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Each Given table adds rows to one list of the document; the heading names the list. Columns are the
 * domain's words; a left-out optional column leaves the vendor's default (flags off, SALES_AND_RETURNS).
 */
export const tableReaders: Record<string, (doc: TenderDocument, table: DataTable) => void> = {
  /** tender, currency, class, description, blocking, exclusive, sale/return */
  tenders: (doc, table) => {
    for (const row of table.hashes()) {
      doc.tenders.push(
        defined({
          tenderTypeCode: required(row, 'tender'),
          isoCurrencyCode: required(row, 'currency'),
          tenderClassCode: text(row.class),
          description: text(row.description),
          blockingFlag: yes(row.blocking),
          exclusiveFlag: yes(row.exclusive),
          saleReturnTypeCode: text(row['sale/return']) as SaleReturnTypeCode | undefined,
        }),
      );
    }
  },
  /** tender, forbidden transaction type, forbidden line item type */
  'tender restriction rules': (doc, table) => {
    for (const row of table.hashes()) {
      const code = required(row, 'tender');
      const tender = doc.tenders.find((t) => t.tenderTypeCode === code);
      if (!tender) throw new Error(`restriction rule for tender ${code}, which no tenders table names`);
      tender.restrictionRules = [
        ...(tender.restrictionRules ?? []),
        defined({
          forbiddenTransactionTypeCode: text(row['forbidden transaction type']),
          forbiddenLineItemTypeCode: text(row['forbidden line item type']),
        }),
      ];
    }
  },
  /** group, description, default */
  'customer tender groups': (doc, table) => {
    for (const row of table.hashes()) {
      doc.customerTenderGroups.push(
        defined({
          customerTenderGroupCode: required(row, 'group'),
          description: text(row.description),
          defaultFlag: yes(row.default),
        }),
      );
    }
  },
  /** group, tender, effective from */
  'tenders of the customer tender groups': (doc, table) => {
    for (const row of table.hashes()) {
      doc.customerTenderGroupTenders.push(
        defined({
          customerTenderGroupCode: required(row, 'group'),
          tenderTypeCode: required(row, 'tender'),
          timeStampEffective: text(row['effective from']),
        }),
      );
    }
  },
  /** customer group, name, allowed terms of payment */
  'customer groups': (doc, table) => {
    for (const row of table.hashes()) {
      doc.customerGroups.push(
        defined({
          customerGroupId: required(row, 'customer group'),
          name: text(row.name),
          allowedTermsOfPayments: text(row['allowed terms of payment']),
        }),
      );
    }
  },
  /** customer, customer groups */
  customers: (doc, table) => {
    for (const row of table.hashes()) {
      doc.customers.push({
        customerId: required(row, 'customer'),
        customerGroupIds: codes(row['customer groups']),
      });
    }
  },
  /** from, to */
  'tender exchange rules': (doc, table) => {
    for (const row of table.hashes()) {
      doc.tenderAdjustmentRules.push({
        originalTenderTypeCode: required(row, 'from'),
        newTenderTypeCode: required(row, 'to'),
      });
    }
  },
  /** tender on the original receipt, tender on the return */
  'tender return rules': (doc, table) => {
    for (const row of table.hashes()) {
      doc.tenderSaleReturnRules.push({
        returnTenderTypeCode: required(row, 'tender on the original receipt'),
        saleTenderTypeCode: required(row, 'tender on the return'),
      });
    }
  },
  /** reason, reason group, tender */
  'reason tenders': (doc, table) => {
    for (const row of table.hashes()) {
      doc.reasonTenders.push({
        reasonCode: required(row, 'reason'),
        reasonCodeGroupCode: required(row, 'reason group'),
        tenderTypeCode: required(row, 'tender'),
      });
    }
  },
  /** reason, reason group, description, limit */
  reasons: (doc, table) => {
    for (const row of table.hashes()) {
      const limit = text(row.limit);
      doc.reasons.push(
        defined({
          reasonCode: required(row, 'reason'),
          reasonCodeGroupCode: required(row, 'reason group'),
          description: text(row.description),
          parameters: limit === undefined ? [] : [{ code: 'LIMIT', value: limit }],
        }),
      );
    }
  },
};

export const tableHeadings = Object.keys(tableReaders);

const switchNames = ['checkCustomerGroupTender', 'checkReasonTender'] as const;

/** allowedTendersConfigs.properties, profile Default: one switch on or off. */
export function setSwitch(doc: TenderDocument, name: string, on: boolean): void {
  const known = switchNames.find((s) => s === name);
  if (!known) throw new Error(`unknown switch ${name} (known: ${switchNames.join(', ')})`);
  doc.switches[known] = on;
}

export function asBody(doc: TenderDocument): TenderConfigDocument {
  return structuredClone(doc);
}
