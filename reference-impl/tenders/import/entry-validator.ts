import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
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
import { type Origin, type Problem, problemAt } from './problem.ts';
import type { ListName } from './sourced-config.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

const schemas: Record<ListName | 'switches', TSchema> = {
  tenders: Tender,
  customerTenderGroups: CustomerTenderGroup,
  customerTenderGroupTenders: CustomerTenderGroupTender,
  customerGroups: CustomerGroup,
  customers: Customer,
  tenderAdjustmentRules: TenderAdjustmentRule,
  tenderSaleReturnRules: TenderSaleReturnRule,
  reasonTenders: ReasonTender,
  reasons: Reason,
  switches: TenderSwitches,
};

const compiled = new Map<string, ValidateFunction>();

function validatorFor(kind: ListName | 'switches'): ValidateFunction {
  let v = compiled.get(kind);
  if (!v) {
    v = ajv.compile(schemas[kind]);
    compiled.set(kind, v);
  }
  return v;
}

type Rename = (field: string) => string;

function describe(e: ErrorObject, value: unknown, rename: Rename): string {
  const [first = '', ...rest] = e.instancePath.split('/').slice(1);
  const field = first === '' ? 'entry' : [rename(first), ...rest].join('.');
  if (e.keyword === 'additionalProperties') return `unknown field ${String(e.params.additionalProperty)}`;
  if (e.keyword === 'required') return `missing ${rename(String(e.params.missingProperty))}`;
  if (e.keyword === 'enum') {
    const allowed = (e.params.allowedValues as unknown[]) ?? [];
    const detail =
      allowed.length <= 10
        ? `one of ${allowed.join(', ')}`
        : allowed.includes('EUR')
          ? 'an ISO 4217 currency code'
          : 'an allowed value (see the schema)';
    e = { ...e, message: `must be ${detail}` };
  }
  let got: unknown = value;
  for (const part of e.instancePath.split('/').slice(1)) got = (got as Record<string, unknown>)?.[part];
  const shown = typeof got === 'string' || typeof got === 'number' ? ` (got ${JSON.stringify(got)})` : '';
  return `${field} ${e.message ?? 'is invalid'}${shown}`;
}

/**
 * Checks one entry against its TypeBox schema: every violation becomes a problem at the entry's origin.
 * `rename` gives a field's name as the source spells it (the vendor element name for XML).
 */
export function validateEntry(
  kind: ListName | 'switches',
  value: unknown,
  origin: Origin,
  rename: Rename = (f) => f,
): Problem[] {
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  return oneEach(validate.errors ?? []).map((e) => problemAt(origin, describe(e, value, rename)));
}

/**
 * One problem per fault: a date-time's pattern (no leap second) and its format say the same of one
 * value; the format's words are kept.
 */
function oneEach(errors: readonly ErrorObject[]): ErrorObject[] {
  const formatted = new Set(errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  return errors.filter((e) => !(e.keyword === 'pattern' && formatted.has(e.instancePath)));
}
