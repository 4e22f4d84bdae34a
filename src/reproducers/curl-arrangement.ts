import type { Role } from '../../spec/capabilities.ts';
import type { VoucherParams } from '../../spec/provider-states.ts';
import type { VoucherState } from '../../spec/schemas/voucher.ts';
import type { OperationId } from '../driver/operation.ts';
import type { ArrangeStep } from './transcript.ts';

/** One request of a script, with `${NAME}` placeholders for what earlier answers gave. */
export interface ScriptRequest {
  operationId: OperationId;
  role: Role | `other-tenant:${Role}` | 'other-tenant' | 'wrong-key' | 'none';
  params?: Record<string, string>;
  query?: Record<string, string>;
  body: unknown;
  /** The body exactly as the run sent it, when it has one. */
  rawBody?: string;
  /** Variables this answer defines: the name and the jq filter that reads it. */
  binds: Array<{ name: string; jq: string }>;
}

/** The states a script arranges as the canonical driver would; others are left to the reader. */
const scripted: readonly VoucherState[] = ['prepared', 'activating', 'activated', 'canceled'];

const setupReceipt = (n: number) => ({
  number: `ARR-${n}-\${RUN}`,
  store: 'S1',
  register: 'SETUP',
  channel: 'pos',
});

/**
 * A provider state as the canonical driver arranges it through the contract (src/driver/arrange): a
 * voucher type and template once per type key, an issue, then the sale for an activated voucher. The
 * canonical driver is what the HTTP runs used; a vendor's adapter arranges its own way (see the adapter
 * replay). Returns null for a state the script cannot arrange: a comment says so instead.
 */
export function arrangementRequests(
  step: ArrangeStep,
  n: number,
  typesMade: Map<string, string>,
): ScriptRequest[] | null {
  if (step.state !== 'voucher') return null;
  const { type, state, amount } = step.params as VoucherParams;
  if (!scripted.includes(state)) return null;
  const out: ScriptRequest[] = [];
  let template = typesMade.get(type.key);
  if (!template) {
    const k = typesMade.size + 1;
    template = `TEMPLATE_${k}`;
    typesMade.set(type.key, template);
    out.push(
      {
        operationId: 'createVoucherType',
        role: 'backoffice',
        body: {
          code: `${type.key}-\${RUN}`,
          name: `${type.key} voucher`,
          currency: type.currency,
          productCode: `P-${type.key}-\${RUN}`,
          validityDays: type.validityDays,
          reusable: type.reusable,
          topUpAllowed: type.topUpAllowed,
          policy: type.policy,
          ...(type.holdTtlSeconds === undefined ? {} : { holdTtlSeconds: type.holdTtlSeconds }),
        },
        binds: [{ name: `TYPE_${k}`, jq: '.id' }],
      },
      {
        operationId: 'createTemplate',
        role: 'backoffice',
        body: {
          voucherTypeId: `\${TYPE_${k}}`,
          code: `${type.key}-\${RUN}`,
          numberPrefix: '',
          capacity: 1000,
        },
        binds: [{ name: template, jq: '.id' }],
      },
    );
  }
  const voucher = step.binds.find((b) => b.jq === '.voucherId')?.name ?? `ARRANGED_${n}`;
  out.push({
    operationId: 'issueVouchers',
    role: 'backoffice',
    params: { id: `\${${template}}` },
    body: { count: 1, denomination: amount, store: 'S1' },
    binds: [{ name: voucher, jq: '.vouchers[0].id' }],
  });
  const id = { id: `\${${voucher}}` };
  if (state === 'prepared') return out;
  out.push({
    operationId: 'startSale',
    role: 'pos',
    params: id,
    body: { receipt: setupReceipt(n) },
    binds: [],
  });
  if (state === 'activating') return out;
  out.push({ operationId: 'completeSale', role: 'pos', params: id, body: {}, binds: [] });
  if (state === 'activated') return out;
  out.push({
    operationId: 'cancelVoucher',
    role: 'backoffice',
    params: id,
    body: { reason: 'number compromised' },
    binds: [],
  });
  return out;
}
