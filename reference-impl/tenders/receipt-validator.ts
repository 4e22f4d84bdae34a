import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { TenderReceipt } from '../../spec/schemas/tenders.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(TenderReceipt);

/** Every way a value fails to be a TenderReceipt, as `pointer message` lines; empty when it is one. */
export function receiptProblems(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
    return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra}`;
  });
}
