import { activeVouchers, eur, receipt, type Tenant } from '../support/fixtures.ts';
import type { Observation } from './defect-probes.ts';

const returnedThisMonth = async (t: Tenant) =>
  (await t.office.get('reportActivity', '/reports/activity?period=month')).body.rows.reduce(
    (sum: number, row: { returned: number }) => sum + row.returned,
    0,
  );

/** 5.00 paid of a 20.00 voucher: its balance, the liability and its uses, as the reports give them. */
async function partialUse(t: Tenant): Promise<Observation> {
  const [v] = await activeVouchers(t, 2000);
  const paid = await t.pos.post('redeem', `/vouchers/${v!.id}/redemptions`, {
    amount: eur(500),
    receipt: receipt('R-1'),
  });
  const row = (await t.office.get('reportVouchers', '/reports/vouchers')).body.items[0];
  const liability = (await t.office.get('reportLiability', '/reports/liability')).body.totals[0];
  const uses = (await t.office.get('reportUses', `/reports/uses?voucherId=${v!.id}`)).body.items;
  const detail = `payment ${paid.status}; report balance ${row?.balance.amount}, liability ${liability?.amount}, uses ${uses.length} (1500, 1500, 1)`;
  return { shown: row?.balance.amount !== 1500 || liability?.amount !== 1500 || uses.length !== 1, detail };
}

/** A voucher returned at the register, then a refund of a payment: one returned voucher, not two or none. */
async function returnThenRefund(t: Tenant): Promise<Observation> {
  const [returned, paying] = await activeVouchers(t, 2000, 2);
  await t.pos.post('startReturn', `/vouchers/${returned!.id}/return`, { receipt: receipt('RET') });
  await t.pos.post('completeReturn', `/vouchers/${returned!.id}/return/complete`, { outcome: 'refunded' });
  const afterReturn = await returnedThisMonth(t);
  const paid = await t.pos.post('redeem', `/vouchers/${paying!.id}/redemptions`, {
    amount: eur(500),
    receipt: receipt('R-2'),
  });
  await t.pos.post('refundRedemption', `/redemptions/${paid.body.id}/refunds`, { receipt: receipt('R-2-R') });
  const afterRefund = await returnedThisMonth(t);
  const detail = `returned after the return ${afterReturn}, after the refund ${afterRefund} (1, 1)`;
  return { shown: afterReturn !== 1 || afterRefund !== 1, detail };
}

/** The probes of the report defects, by defective implementation. */
export const reportProbes = {
  'reports-ignore-partial-uses': partialUse,
  'refunds-counted-as-returns': returnThenRefund,
};
