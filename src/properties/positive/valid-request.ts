import fc from 'fast-check';
import { currencyCodes } from '../../../spec/currencies.ts';
import type { TenderConfigDocument as TenderConfigDocumentType } from '../../../spec/schemas/tenders.ts';
import { TenderConfigDocument } from '../../../spec/schemas/tenders.ts';
import type { OperationId } from '../../driver/operation.ts';
import { routeOf } from '../../driver/route-table.ts';
import type { NegativeFixture, ValidRequest } from '../negative/negative-fixture.ts';
import { type Hint, type JsonSchema, schemaArbitrary } from './schema-arbitrary.ts';
import { consistentTenderConfig } from './tender-config-repair.ts';

/** A generated request that satisfies the contract's schemas for its operation. */
export interface ValidCase {
  operationId: OperationId;
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** Names that hold a currency: the fixture's EUR three times in four, any ISO 4217 code otherwise. */
const currencyFields = new Set(['currency', 'isoCurrencyCode']);
/** A new end of validity is mostly in the future, so that the fixture's vouchers stay usable. */
const future = new Date('2031-01-01T00:00:00Z');

/**
 * Places where the schema alone would almost never name anything that exists: the fixture's currency,
 * voucher type, vouchers and voucher numbers, a future end of validity are chosen most of the time.
 */
function hintsOf(fixture: NegativeFixture): Hint {
  const { known } = fixture;
  const mostly = <T>(usual: fc.Arbitrary<T>, other: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 3, arbitrary: usual }, { weight: 1, arbitrary: other });
  return (path, schema) => {
    const last = path.at(-1);
    if (last && currencyFields.has(last) && schema.enum)
      return mostly(fc.constant('EUR'), fc.constantFrom(...currencyCodes));
    if (last === 'voucherTypeId' && known.voucherType !== undefined)
      return mostly(fc.constant(known.voucherType), fc.uuid());
    if (last === 'voucherId') return mostly(fc.constantFrom(...known.vouchers), fc.uuid());
    if (last === 'expiresAt')
      return mostly(
        fc
          .date({ min: future, max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        schemaArbitrary(schema),
      );
    if (path.length === 1 && last === 'number' && schema.type === 'string' && known.numbers.length > 0)
      return mostly(fc.constantFrom(...known.numbers), schemaArbitrary(schema));
    return undefined;
  };
}

/**
 * Valid requests for one operation: its path ids from the fixture (or, now and then, an id that names
 * nothing), its query and body generated from the contract's TypeBox schemas. A tender configuration
 * is made consistent after generation (see tender-config-repair); vendor XML imports are not generated.
 */
export function validCase(
  operationId: OperationId,
  fixtureRequest: ValidRequest,
  fixture: NegativeFixture,
): fc.Arbitrary<ValidCase> {
  const route = routeOf(operationId);
  const hint = hintsOf(fixture);
  const params = fixtureRequest.params
    ? fc.oneof(
        { weight: 5, arbitrary: fc.constant(fixtureRequest.params) },
        { weight: 1, arbitrary: fc.uuid().map((id) => ({ ...fixtureRequest.params, id })) },
      )
    : fc.constant(undefined);
  const query = route.query
    ? schemaArbitrary(route.query as JsonSchema, hint).map((q) => q as Record<string, unknown>)
    : fc.constant(undefined);
  const body =
    operationId === 'loadTenderConfig'
      ? schemaArbitrary(TenderConfigDocument as JsonSchema, hint).map((doc) =>
          consistentTenderConfig(doc as TenderConfigDocumentType),
        )
      : route.body
        ? schemaArbitrary(route.body as JsonSchema, hint)
        : fc.constant(undefined);
  return fc.record({ params, query, body }).map((parts) => ({
    operationId,
    ...(parts.params ? { params: parts.params } : {}),
    ...(parts.query ? { query: parts.query } : {}),
    ...(parts.body !== undefined ? { body: parts.body } : {}),
  }));
}
