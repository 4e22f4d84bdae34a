import { refuse } from '../domain/refusal.ts';

/** The shape of the reference implementation's ids: lowercase or uppercase hexadecimal UUIDs, nothing else. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The contract's ids are opaque strings; this implementation's are UUIDs, so an id of another shape names
 * nothing here: 404, before it reaches the database (which would refuse it as a malformed uuid).
 */
export function assertReferenceIds(input: { params?: unknown; query?: unknown; body?: unknown }): void {
  const params = input.params as { id?: unknown } | undefined;
  const query = input.query as { voucherId?: unknown } | undefined;
  const body = input.body as { voucherTypeId?: unknown } | undefined;
  for (const [where, value] of [
    ['path', params?.id],
    ['voucherId', query?.voucherId],
    ['voucherTypeId', body?.voucherTypeId],
  ] as const) {
    if (typeof value === 'string' && !uuid.test(value))
      refuse('not_found', `no resource with ${where} id ${JSON.stringify(value.slice(0, 80))}`);
  }
}
