// POS sale client: selling a voucher activates it (prepared → activating → activated).
import { call } from './http-call.ts';
import { receipt } from './receipt.ts';

export function sell(apiKey: string, voucherId: string): void {
  const start = call({
    op: 'startSale',
    method: 'POST',
    path: `/vouchers/${voucherId}/sale`,
    apiKey,
    body: { receipt: receipt('pos') },
  });
  if (start.status !== 200) throw new Error(`startSale answered ${start.status}`);
  const done = call({
    op: 'completeSale',
    method: 'POST',
    path: `/vouchers/${voucherId}/sale/complete`,
    apiKey,
    body: {},
  });
  if (done.status !== 200) throw new Error(`completeSale answered ${done.status}`);
}
