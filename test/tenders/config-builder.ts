import { emptyTenderConfig } from '../../reference-impl/tenders/index.ts';
import type { Tender, TenderConfig, TenderReceipt } from '../../spec/schemas/tenders.ts';

/** A tender with the defaults of the canonical form; override what a test is about. */
export function tender(code: string, more: Partial<Tender> = {}): Tender {
  return {
    tenderTypeCode: code,
    isoCurrencyCode: 'EUR',
    blockingFlag: false,
    exclusiveFlag: false,
    saleReturnTypeCode: 'SALES_AND_RETURNS',
    restrictionRules: [],
    ...more,
  };
}

/** A full configuration: the empty one with the given lists and switches. */
export function config(
  more: Partial<Omit<TenderConfig, 'switches'>> & { switches?: Partial<TenderConfig['switches']> },
) {
  const base = emptyTenderConfig();
  return { ...base, ...more, switches: { ...base.switches, ...more.switches } } as TenderConfig;
}

/** A sale of 10.00 EUR without customer, unless told otherwise. */
export function receipt(more: Partial<TenderReceipt> = {}): TenderReceipt {
  return {
    transactionType: 'SA',
    lineItems: [{ type: 'SI' }],
    total: { amount: 1000, currency: 'EUR' },
    ...more,
  };
}

/** The seed's tenders (002): cash, gift card, credit, Canadian dollar, Mexican peso. */
export const seedTenders = {
  cash: tender('ZTCS', { tenderClassCode: 'BA', description: 'Bar' }),
  giftCard: tender('ZTVO', { description: 'Gift card' }),
  credit: tender('ZTKR', { description: 'Credit' }),
  canadianDollar: tender('ZTCD', { isoCurrencyCode: 'CAD', description: 'Canadian Dollar' }),
  mexicanPeso: tender('ZTMX', { isoCurrencyCode: 'MXN', description: 'Mexican Peso' }),
};
export const allSeedTenders: Tender[] = Object.values(seedTenders);

export const now = new Date('2024-05-01T12:00:00Z');
