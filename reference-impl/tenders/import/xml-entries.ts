import type { ListName } from './sourced-config.ts';
import type { ElementReader } from './xml-element-reader.ts';

/** What one vendor element becomes: an entry of a list, and the XML name of each JSON field for messages. */
export interface XmlEntry {
  list: ListName;
  value: Record<string, unknown>;
  xmlNames: Record<string, string>;
}

/** Drops undefined fields so that a missing element shows as a missing field. */
function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

const saleReturnCodes: Record<string, string> = {
  '00': 'SALES_AND_RETURNS',
  '01': 'SALES',
  '02': 'RETURNS',
  SALES_AND_RETURNS: 'SALES_AND_RETURNS',
  SALES: 'SALES',
  RETURNS: 'RETURNS',
};

function tender(r: ElementReader): XmlEntry {
  const code = r.text('SaleReturnTypeCode');
  const rules = r
    .nodes('TenderRestrictionRuleList')
    .flatMap((l) => l.nodes('TenderRestrictionRule'))
    .map((rule) =>
      defined({
        forbiddenTransactionTypeCode: rule.text('ForbiddenTransactionTypeCode'),
        // The seed's prose calls it ForbiddenPositionTypeCode, its XML ForbiddenLineItemTypeCode: both are read.
        forbiddenLineItemTypeCode:
          rule.text('ForbiddenLineItemTypeCode') ?? rule.text('ForbiddenPositionTypeCode'),
      }),
    );
  return {
    list: 'tenders',
    value: defined({
      tenderTypeCode: r.text('TenderTypeCode'),
      tenderClassCode: r.text('TenderClassCode'),
      isoCurrencyCode: r.text('ISOCurrencyCode'),
      description: r.text('Description'),
      blockingFlag: r.flag('BlockingFlag'),
      exclusiveFlag: r.flag('ExclusiveFlag'),
      saleReturnTypeCode: code === undefined ? undefined : (saleReturnCodes[code] ?? code),
      restrictionRules: rules.length > 0 ? rules : undefined,
    }),
    xmlNames: {
      tenderTypeCode: 'TenderTypeCode',
      tenderClassCode: 'TenderClassCode',
      isoCurrencyCode: 'ISOCurrencyCode',
      description: 'Description',
      saleReturnTypeCode: 'SaleReturnTypeCode',
      restrictionRules: 'TenderRestrictionRule',
    },
  };
}

function reason(r: ElementReader): XmlEntry {
  const parameters = r
    .nodes('ReasonParameterList')
    .flatMap((l) => l.nodes('ReasonParameter'))
    .map((p) =>
      defined({
        code: p.text('ReasonParameterCode'),
        name: p.text('ReasonParameterName'),
        value: p.text('ReasonParameterValue') ?? '',
      }),
    );
  return {
    list: 'reasons',
    value: defined({
      reasonCode: r.text('ReasonCode'),
      reasonCodeGroupCode: r.text('ReasonCodeGroupCode'),
      description: r.text('ReasonDescription'),
      parameters: parameters.length > 0 ? parameters : undefined,
    }),
    xmlNames: {
      reasonCode: 'ReasonCode',
      reasonCodeGroupCode: 'ReasonCodeGroupCode',
      description: 'ReasonDescription',
      parameters: 'ReasonParameter',
    },
  };
}

/** A flat element: each JSON field read from one child element. */
function flat(list: ListName, fields: Record<string, string>) {
  return (r: ElementReader): XmlEntry => ({
    list,
    value: defined(Object.fromEntries(Object.entries(fields).map(([json, xml]) => [json, r.text(xml)]))),
    xmlNames: fields,
  });
}

/** The vendor elements this import understands (seed 002), by element name without namespace prefix. */
export const xmlEntryReaders: Record<string, (r: ElementReader) => XmlEntry> = {
  TenderDO: tender,
  CustomerTenderGroupDO: (r) => ({
    list: 'customerTenderGroups',
    value: defined({
      customerTenderGroupCode: r.text('CustomerTenderGroupCode'),
      description: r.text('CustomerTenderGroupDescription'),
      defaultFlag: r.flag('DefaultFlag'),
    }),
    xmlNames: {
      customerTenderGroupCode: 'CustomerTenderGroupCode',
      description: 'CustomerTenderGroupDescription',
    },
  }),
  CustomerTenderGroupTenderDO: flat('customerTenderGroupTenders', {
    customerTenderGroupCode: 'CustomerTenderGroupCode',
    tenderTypeCode: 'TenderTypeCode',
    timeStampEffective: 'TimeStampEffective',
  }),
  CustomerGroup: flat('customerGroups', {
    customerGroupId: 'CustomerGroupID',
    name: 'Name',
    allowedTermsOfPayments: 'AllowedTermsOfPayments',
  }),
  CustomerDO: (r) => ({
    list: 'customers',
    value: defined({
      customerId: r.text('CustomerID'),
      customerGroupIds: r
        .nodes('CustomerGroupIDList')
        .flatMap((l) => l.nodes('CustomerGroupID'))
        .map((g) => g.text('#text')),
    }),
    xmlNames: { customerId: 'CustomerID', customerGroupIds: 'CustomerGroupID' },
  }),
  TenderAdjustmentRuleDO: flat('tenderAdjustmentRules', {
    originalTenderTypeCode: 'OriginalTenderTypeCode',
    newTenderTypeCode: 'NewTenderTypeCode',
  }),
  TenderSaleReturnRuleDO: flat('tenderSaleReturnRules', {
    returnTenderTypeCode: 'ReturnTenderTypeCode',
    saleTenderTypeCode: 'SaleTenderTypeCode',
  }),
  ReasonTenderDO: flat('reasonTenders', {
    reasonCode: 'ReasonCode',
    reasonCodeGroupCode: 'ReasonCodeGroupCode',
    tenderTypeCode: 'TenderTypeCode',
  }),
  Reason: reason,
};
