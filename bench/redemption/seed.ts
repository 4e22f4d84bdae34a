import type { Pool } from 'undici';
import { postOk } from './json-client.ts';

export interface BenchTenant {
  tenantId: string;
  posKey: string;
  officeKey: string;
}

export const receipt = (number: string) => ({ number, store: 'S-001', register: 'POS-1', channel: 'pos' });

/** A fresh tenant through the test-control surface. */
export async function createTenant(pool: Pool): Promise<BenchTenant> {
  const body = await postOk(pool, '/test/tenants', null, { name: 'bench' }, 201, null);
  return { tenantId: body.tenantId, posKey: body.keys.pos, officeKey: body.keys.backoffice };
}

/** Runs `work` for 0..count-1 with at most `width` running at once. */
async function forEachLimited(count: number, width: number, work: (i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
}

/**
 * Creates an amount-holds voucher type and a template, issues `count` vouchers of `amount` minor
 * units (EUR) and sells them (two-phase sale), so all are activated. Returns their ids.
 */
export async function activatedVouchers(
  pool: Pool,
  tenant: BenchTenant,
  code: string,
  count: number,
  amount: number,
): Promise<string[]> {
  const type = await postOk(
    pool,
    '/voucher-types',
    tenant.officeKey,
    {
      code,
      name: 'Bench gift card',
      currency: 'EUR',
      productCode: 'GIFT',
      validityDays: 365,
      reusable: true,
      topUpAllowed: false,
      policy: 'amount-holds',
      holdTtlSeconds: 3600,
    },
    201,
  );
  const template = await postOk(
    pool,
    '/templates',
    tenant.officeKey,
    { voucherTypeId: type.id, code, numberPrefix: 'BN', capacity: count },
    201,
  );
  const ids: string[] = [];
  for (let left = count; left > 0; left -= 1000) {
    const batch = { count: Math.min(left, 1000), denomination: { amount, currency: 'EUR' } };
    const issued = await postOk(pool, `/templates/${template.id}/issue`, tenant.officeKey, batch, 201);
    for (const v of issued.vouchers) ids.push(v.id);
  }
  await forEachLimited(ids.length, 16, async (i) => {
    const id = ids[i] as string;
    await postOk(pool, `/vouchers/${id}/sale`, tenant.posKey, { receipt: receipt(`SALE-${i}`) }, 200);
    await postOk(pool, `/vouchers/${id}/sale/complete`, tenant.posKey, {}, 200);
  });
  return ids;
}
